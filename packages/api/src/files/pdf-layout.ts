import PDFDocument from 'pdfkit';
import { PDF_FONT, registerPdfFonts } from './pdf-fonts';

export const MARGIN = 50;
export const INK = '#111827';
export const MUTED = '#4b5563';
export const LINE = '#d1d5db';
/** Room kept above the bottom margin for the page footer. */
export const FOOTER_ROOM = 20;

/** `taxId` is printed as given, with its label ("GSTIN: 27AAPFU0939F1ZV"). */
export type PdfClinic = { name: string; logo: Buffer | null; address?: string | null; taxId?: string | null };

/** "21 November 2026 at 10:05" in the clinic's zone. */
export function localDateTime(instant: Date, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: zone }).format(instant);
}

/** "21 November 2026": the calendar day of an instant in the clinic's zone. */
export function localDay(instant: Date, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: zone }).format(instant);
}

/**
 * An A4 document with our fonts, buffered so footers can be written once the page count is known;
 * `done` resolves to the bytes after `doc.end()`.
 */
export function startPdf(info: { Title: string; Author: string }, compress = true) {
  const doc = new PDFDocument({ size: 'A4', compress, margin: MARGIN, bufferPages: true, info });
  registerPdfFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done, width: doc.page.width - MARGIN * 2 };
}

/** The clinic's logo, name, address and tax registration (when known), then a muted subtitle naming the document. */
export function drawClinicHeader(doc: PDFKit.PDFDocument, clinic: PdfClinic, subtitle: string): void {
  const width = doc.page.width - MARGIN * 2;
  if (clinic.logo) {
    doc.image(clinic.logo, MARGIN, MARGIN, { fit: [160, 56] });
    doc.y = MARGIN + 64;
  }
  doc.fillColor(INK).font(PDF_FONT.bold).fontSize(16).text(clinic.name, MARGIN, doc.y, { width });
  if (clinic.address) doc.font(PDF_FONT.regular).fontSize(9).fillColor(MUTED).text(clinic.address, { width });
  if (clinic.taxId) doc.font(PDF_FONT.regular).fontSize(9).fillColor(MUTED).text(clinic.taxId, { width });
  doc.moveDown(0.2).font(PDF_FONT.regular).fontSize(12).fillColor(MUTED).text(subtitle, { width });
  doc.moveDown(0.8);
}

/** "Label: value" lines, the label muted and bold. */
export function drawFacts(doc: PDFKit.PDFDocument, facts: [string, string][]): void {
  for (const [label, value] of facts) {
    doc.font(PDF_FONT.bold).fontSize(10).fillColor(MUTED).text(`${label}: `, { continued: true });
    doc.font(PDF_FONT.regular).fillColor(INK).text(value);
  }
}

/** A thin rule across the text width at the current line, with space around it. */
export function drawRule(doc: PDFKit.PDFDocument): void {
  doc
    .moveDown(0.6)
    .moveTo(MARGIN, doc.y)
    .lineTo(doc.page.width - MARGIN, doc.y)
    .strokeColor(LINE)
    .stroke();
  doc.moveDown(0.8);
}

/** Whether `height` more points fit on this page above the footer. */
export function fits(doc: PDFKit.PDFDocument, height: number): boolean {
  return doc.y + height <= doc.page.height - MARGIN - FOOTER_ROOM;
}

/** "<label> · page i of n" at the foot of every page; call once, just before `doc.end()`. */
export function drawFooters(doc: PDFKit.PDFDocument, label: string): void {
  const range = doc.bufferedPageRange();
  const width = doc.page.width - MARGIN * 2;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would start a new page; lift it for the footer line.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(PDF_FONT.regular)
      .fontSize(8)
      .fillColor(MUTED)
      .text(`${label} · page ${i + 1} of ${range.count}`, MARGIN, doc.page.height - 35, {
        width,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
}
