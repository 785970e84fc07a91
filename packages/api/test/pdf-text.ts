import { extractText, getDocumentProxy } from 'unpdf';

/** The text layer of each page of a PDF, as a viewer would copy it (through the fonts' ToUnicode maps). */
export async function pdfPages(pdf: Buffer): Promise<string[]> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(doc, { mergePages: false });
  return text;
}
