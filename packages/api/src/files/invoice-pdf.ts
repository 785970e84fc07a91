import { formatMoney } from '@carelane/core';
import { PDF_FONT } from './pdf-fonts';
import {
  drawClinicHeader,
  drawFacts,
  drawFooters,
  drawRule,
  fits,
  INK,
  LINE,
  localDay,
  MARGIN,
  MUTED,
  type PdfClinic,
  startPdf,
} from './pdf-layout';

export type InvoicePdfLine = {
  description: string;
  quantity: number;
  unitPriceMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
};

export type InvoicePdfInput = {
  clinic: PdfClinic;
  number: number | null;
  status: string;
  issuedAt: Date | null;
  createdAt: Date;
  voidReason: string | null;
  zone: string;
  currency: string;
  patient: { name: string; mrn: string };
  lines: InvoicePdfLine[];
  subtotalMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
  paidMinor: number;
  refundedMinor: number;
  balanceMinor: number;
  notes: string | null;
};

const RED = '#b91c1c';
/** Column widths (sum 495 = A4 width less margins) and alignment; description takes what is left. */
const COLUMNS = [
  { title: 'Description', width: 185, align: 'left' },
  { title: 'Qty', width: 35, align: 'right' },
  { title: 'Unit price', width: 70, align: 'right' },
  { title: 'Discount', width: 65, align: 'right' },
  { title: 'Tax', width: 65, align: 'right' },
  { title: 'Amount', width: 75, align: 'right' },
] as const;
const GAP = 6;

export const invoiceTitle = (number: number | null) => (number === null ? 'Invoice (draft)' : `Invoice ${number}`);

function row(doc: PDFKit.PDFDocument, cells: string[], font: string): number {
  doc.font(font).fontSize(9);
  const heights = COLUMNS.map((c, i) => doc.heightOfString(cells[i] ?? '', { width: c.width - GAP }));
  const height = Math.max(...heights);
  if (!fits(doc, height + 6)) return -1;
  const top = doc.y;
  let x = MARGIN;
  COLUMNS.forEach((c, i) => {
    doc.text(cells[i] ?? '', i === 0 ? x : x + GAP, top, { width: c.width - GAP, align: c.align });
    x += c.width;
  });
  doc.y = top + height + 4;
  return height;
}

function header(doc: PDFKit.PDFDocument): void {
  doc.fillColor(MUTED);
  row(
    doc,
    COLUMNS.map((c) => c.title),
    PDF_FONT.bold,
  );
  doc
    .moveTo(MARGIN, doc.y)
    .lineTo(doc.page.width - MARGIN, doc.y)
    .strokeColor(LINE)
    .stroke();
  doc.y += 4;
  doc.fillColor(INK);
}

/** A large, pale word across the page (DRAFT, VOID), drawn under the content that follows. */
function stamp(doc: PDFKit.PDFDocument, word: string): void {
  const { x, y } = doc;
  doc.save();
  doc.rotate(-30, { origin: [doc.page.width / 2, doc.page.height / 2] });
  doc
    .font(PDF_FONT.bold)
    .fontSize(110)
    .fillColor(RED)
    .fillOpacity(0.12)
    .text(word, 0, doc.page.height / 2 - 60, { width: doc.page.width, align: 'center', lineBreak: false });
  doc.restore();
  doc.x = x;
  doc.y = y;
}

/**
 * An invoice as a printable A4 document: the clinic, the number (DRAFT or VOID stamped across
 * every page when it is one), the patient, the lines, totals and what is still owed. Long
 * invoices continue on further pages with the table header repeated.
 */
export function renderInvoicePdf(input: InvoicePdfInput, options: { compress?: boolean } = {}): Promise<Buffer> {
  const title = invoiceTitle(input.number);
  const money = (minor: number) => formatMoney(minor, input.currency);
  const { doc, done, width } = startPdf({ Title: title, Author: input.clinic.name }, options.compress ?? true);
  const word = input.status === 'void' ? 'VOID' : input.status === 'draft' ? 'DRAFT' : null;
  if (word) {
    stamp(doc, word);
    doc.on('pageAdded', () => stamp(doc, word));
  }

  drawClinicHeader(doc, input.clinic, 'Tax invoice');
  doc.font(PDF_FONT.bold).fontSize(18).fillColor(INK).text(title, { width });
  if (word) {
    const why = word === 'VOID' ? `VOID${input.voidReason ? `: ${input.voidReason}` : ''}` : 'DRAFT: not yet issued';
    doc.font(PDF_FONT.bold).fontSize(12).fillColor(RED).text(why, { width });
  }
  doc.moveDown(0.4);
  drawFacts(doc, [
    [input.issuedAt ? 'Issued' : 'Drafted', localDay(input.issuedAt ?? input.createdAt, input.zone)],
    ['Patient', `${input.patient.name} (${input.patient.mrn})`],
  ]);
  drawRule(doc);

  header(doc);
  for (const line of input.lines) {
    const cells = [
      line.description,
      String(line.quantity),
      money(line.unitPriceMinor),
      line.discountMinor ? `−${money(line.discountMinor)}` : '',
      line.taxMinor ? money(line.taxMinor) : '',
      money(line.totalMinor),
    ];
    if (row(doc, cells, PDF_FONT.regular) < 0) {
      doc.addPage();
      doc.font(PDF_FONT.bold).fontSize(11).fillColor(INK).text(`${title} (continued)`, { width });
      doc.moveDown(0.5);
      header(doc);
      row(doc, cells, PDF_FONT.regular);
    }
  }

  const totals: [string, string, boolean][] = [
    ['Subtotal', money(input.subtotalMinor), false],
    ['Discount', `−${money(input.discountMinor)}`, false],
    ['Tax', money(input.taxMinor), false],
    ['Total', money(input.totalMinor), true],
    ['Paid', money(input.paidMinor), false],
    ['Refunded', money(input.refundedMinor), false],
    ['Balance due', money(input.balanceMinor), true],
  ];
  if (!fits(doc, totals.length * 16 + 20)) doc.addPage();
  drawRule(doc);
  for (const [label, value, strong] of totals) {
    const top = doc.y;
    doc
      .font(strong ? PDF_FONT.bold : PDF_FONT.regular)
      .fontSize(10)
      .fillColor(strong ? INK : MUTED);
    doc.text(label, MARGIN + width - 250, top, { width: 130 });
    doc.fillColor(INK).text(value, MARGIN + width - 120, top, { width: 120, align: 'right' });
    doc.x = MARGIN;
  }
  if (input.notes) {
    doc.moveDown(1).font(PDF_FONT.regular).fontSize(9).fillColor(MUTED).text(input.notes, MARGIN, doc.y, { width });
  }

  drawFooters(doc, title);
  doc.end();
  return done;
}
