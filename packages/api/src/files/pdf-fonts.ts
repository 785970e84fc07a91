import { readFileSync } from 'node:fs';

/**
 * Noto Sans (OFL) for every PDF we make: the standard Helvetica has no ₹ and no Devanagari, and
 * this build of Noto Sans covers Latin, the rupee sign and Devanagari in one font, so a patient's
 * Hindi name or answer renders without per-script font switching.
 */
export const PDF_FONT = { regular: 'NotoSans', bold: 'NotoSans-Bold' } as const;

type FontFiles = { regular: Buffer; bold: Buffer };
let files: FontFiles | null = null;

/**
 * Read once per process from @expo-google-fonts/noto-sans (TTF, which pdfkit embeds as a subset).
 * Literal `new URL(..., import.meta.url)` paths, so the apps' bundler copies just these two files
 * (a computed require.resolve made it pull in every file of the package as a module).
 */
function fontFiles(): FontFiles {
  files ??= {
    regular: readFileSync(
      new URL('../../node_modules/@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf', import.meta.url),
    ),
    bold: readFileSync(
      new URL('../../node_modules/@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf', import.meta.url),
    ),
  };
  return files;
}

/** Registers the two weights on a document and makes the regular one current. */
export function registerPdfFonts(doc: PDFKit.PDFDocument): void {
  const { regular, bold } = fontFiles();
  doc.registerFont(PDF_FONT.regular, regular);
  doc.registerFont(PDF_FONT.bold, bold);
  doc.font(PDF_FONT.regular);
}
