/**
 * Reads a password without echo at a terminal (asked twice), or the first line of standard input
 * when it is piped, so it never appears as a command-line flag in the shell history.
 */
export async function readPassword(question: string): Promise<string> {
  if (!process.stdin.isTTY) return firstLineOfInput();
  const first = await askHidden(question);
  const again = await askHidden('Again, to be sure: ');
  if (first !== again) throw new PromptError('password: the two entries are not the same');
  return first;
}

export class PromptError extends Error {}

async function firstLineOfInput(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

function askHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stdout.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  let value = '';
  return new Promise((resolve, reject) => {
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stdout.write('\n');
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') {
          finish();
          resolve(value);
          return;
        }
        if (char === '\u0003' || char === '\u0004') {
          finish();
          reject(new PromptError('cancelled'));
          return;
        }
        value = char === '\u007f' || char === '\b' ? value.slice(0, -1) : value + char;
      }
    };
    stdin.on('data', onData);
  });
}
