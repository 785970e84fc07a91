/**
 * Template syntax: plain text with placeholders `{{name}}`, where name is a variable of the
 * message's kind (letters and digits, starting with a letter) and spaces are allowed inside the
 * braces (`{{ patientName }}`). There is no logic: no conditions, loops, filters or escapes.
 * Braces are reserved for placeholders, so every other `{` or `}` is a mistake the editor reports.
 */

export type TemplateToken =
  | { type: 'text'; text: string; start: number }
  | { type: 'variable'; name: string; start: number; end: number };

export type ParseProblem = { start: number; end: number; message: string };

/**
 * Tokens cover the whole text in order (a malformed piece stays as text), so an editor can
 * highlight them; a template with problems cannot be rendered.
 */
export type ParsedTemplate = { tokens: TemplateToken[]; problems: ParseProblem[] };

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/y;
const BRACE = /[{}]/g;

function excerpt(text: string): string {
  return text.length > 30 ? `${text.slice(0, 30)}…` : text;
}

export function parseTemplate(text: string): ParsedTemplate {
  const tokens: TemplateToken[] = [];
  const problems: ParseProblem[] = [];
  let textStart = 0;
  const flushText = (end: number) => {
    if (end > textStart) tokens.push({ type: 'text', text: text.slice(textStart, end), start: textStart });
  };

  BRACE.lastIndex = 0;
  for (let match = BRACE.exec(text); match; match = BRACE.exec(text)) {
    const at = match.index;
    if (text.startsWith('{{', at)) {
      PLACEHOLDER.lastIndex = at;
      const placeholder = PLACEHOLDER.exec(text);
      if (placeholder?.[1]) {
        flushText(at);
        tokens.push({ type: 'variable', name: placeholder[1], start: at, end: PLACEHOLDER.lastIndex });
        textStart = PLACEHOLDER.lastIndex;
        BRACE.lastIndex = PLACEHOLDER.lastIndex;
        continue;
      }
      const close = text.indexOf('}}', at + 2);
      const nextOpen = text.indexOf('{{', at + 2);
      if (close === -1 || (nextOpen !== -1 && nextOpen < close)) {
        problems.push({
          start: at,
          end: at + 2,
          message: `"${excerpt(text.slice(at))}" opens {{ without closing it with }}.`,
        });
        BRACE.lastIndex = at + 2;
      } else {
        const piece = text.slice(at, close + 2);
        problems.push({
          start: at,
          end: close + 2,
          message: `"${excerpt(piece)}" is not a variable: write one name between the braces, like {{patientName}}.`,
        });
        BRACE.lastIndex = close + 2;
      }
      continue;
    }
    if (text.startsWith('}}', at)) {
      problems.push({ start: at, end: at + 2, message: '}} closes nothing: variables are written {{name}}.' });
      BRACE.lastIndex = at + 2;
      continue;
    }
    problems.push({
      start: at,
      end: at + 1,
      message: `A single ${match[0]} is not allowed: braces only surround variables, like {{patientName}}.`,
    });
  }
  flushText(text.length);
  return { tokens, problems };
}

/** The distinct variable names a parsed template uses, in order of first use. */
export function templateVariables(parsed: ParsedTemplate): string[] {
  const names = new Set<string>();
  for (const token of parsed.tokens) if (token.type === 'variable') names.add(token.name);
  return [...names];
}

/**
 * Fills the placeholders. Values are inserted as they are, never parsed again. Throws on a
 * template with problems or a missing value: neither can happen to a template that passed
 * checkTemplate rendered with its kind's TemplateValues.
 */
export function renderTemplate(parsed: ParsedTemplate, values: Readonly<Record<string, string>>): string {
  const [problem] = parsed.problems;
  if (problem) throw new Error(`The template cannot be rendered: ${problem.message}`);
  let out = '';
  for (const token of parsed.tokens) {
    if (token.type === 'text') {
      out += token.text;
      continue;
    }
    const value = Object.hasOwn(values, token.name) ? values[token.name] : undefined;
    if (value === undefined) throw new Error(`No value for {{${token.name}}}`);
    out += value;
  }
  return out;
}
