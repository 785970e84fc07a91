import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Noto Sans (OFL) for every PDF we make: the standard Helvetica has no ₹ and no Devanagari, and
 * this build of Noto Sans covers Latin, the rupee sign and Devanagari in one font, so a patient's
 * Hindi name or answer renders without per-script font switching.
 */
export const PDF_FONT = { regular: 'NotoSans', bold: 'NotoSans-Bold' } as const;

type FontFiles = { regular: Buffer; bold: Buffer };
let files: FontFiles | null = null;

/** Read once per process; the files ship in @expo-google-fonts/noto-sans (TTF, which pdfkit embeds as a subset). */
function fontFiles(): FontFiles {
  if (!files) {
    const require = createRequire(import.meta.url);
    const read = (name: string) => readFileSync(require.resolve(`@expo-google-fonts/noto-sans/${name}`));
    files = { regular: read('400Regular/NotoSans_400Regular.ttf'), bold: read('700Bold/NotoSans_700Bold.ttf') };
  }
  return files;
}

/** Registers the two weights on a document and makes the regular one current. */
export function registerPdfFonts(doc: PDFKit.PDFDocument): void {
  const { regular, bold } = fontFiles();
  doc.registerFont(PDF_FONT.regular, regular);
  doc.registerFont(PDF_FONT.bold, bold);
  doc.font(PDF_FONT.regular);
}
