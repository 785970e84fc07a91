import type { SnapshotItem } from '@carelane/core';
import PDFDocument from 'pdfkit';

export type SubmissionPdfInput = {
  id: string;
  clinic: { name: string; logo: Buffer | null };
  patient: { name: string; mrn: string };
  confirmedBirthDate: string;
  version: number;
  submittedAt: Date;
  zone: string;
  answers: SnapshotItem[];
  signature: Buffer | null;
};

const MARGIN = 50;
const INK = '#111827';
const MUTED = '#4b5563';

/** "21 November 2026, 10:05" in the clinic's zone. */
function localDateTime(instant: Date, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: zone }).format(instant);
}

/** "29 February 1988" from an ISO date, read as a calendar date (no zone shifts it). */
function longDate(isoDate: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

/**
 * A submission as a printable A4 document: the clinic, the patient, each question as shown with
 * its answer, and the signature. Built from the stored snapshot, so it reads as the patient saw it.
 */
export function renderSubmissionPdf(input: SubmissionPdfInput, options: { compress?: boolean } = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    compress: options.compress ?? true,
    margin: MARGIN,
    bufferPages: true,
    info: { Title: `Medical history — ${input.patient.name}`, Author: input.clinic.name },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - MARGIN * 2;

  if (input.clinic.logo) {
    doc.image(input.clinic.logo, MARGIN, MARGIN, { fit: [160, 56] });
    doc.y = MARGIN + 64;
  }
  doc.fillColor(INK).font('Helvetica-Bold').fontSize(16).text(input.clinic.name, { width });
  doc.moveDown(0.2).font('Helvetica').fontSize(12).fillColor(MUTED).text('Medical history form');
  doc.moveDown(0.8);
  const facts: [string, string][] = [
    ['Patient', `${input.patient.name} (${input.patient.mrn})`],
    ['Date of birth confirmed', longDate(input.confirmedBirthDate)],
    ['Submitted', localDateTime(input.submittedAt, input.zone)],
    ['Form version', String(input.version)],
  ];
  for (const [label, value] of facts) {
    doc.font('Helvetica-Bold').fontSize(10).fillColor(MUTED).text(`${label}: `, { continued: true });
    doc.font('Helvetica').fillColor(INK).text(value);
  }
  doc
    .moveDown(0.6)
    .moveTo(MARGIN, doc.y)
    .lineTo(MARGIN + width, doc.y)
    .strokeColor('#d1d5db')
    .stroke();
  doc.moveDown(0.8);

  for (const item of input.answers) {
    doc.font('Helvetica-Bold').fontSize(11).fillColor(INK).text(item.label, { width });
    doc
      .moveDown(0.15)
      .font('Helvetica')
      .fontSize(11)
      .fillColor(item.answerText ? INK : MUTED)
      .text(item.answerText || 'Not answered', { width, indent: 12 });
    doc.moveDown(0.7);
  }

  // Keep the signature with its heading: start a page when the two would not fit.
  if (doc.y + 140 > doc.page.height - MARGIN) doc.addPage();
  doc.moveDown(0.4).font('Helvetica-Bold').fontSize(11).fillColor(INK).text('Signature');
  if (input.signature) {
    const top = doc.y + 6;
    doc.image(input.signature, MARGIN, top, { fit: [240, 96] });
    doc.rect(MARGIN, top, 240, 96).strokeColor('#d1d5db').stroke();
    doc.y = top + 104;
  } else {
    doc.font('Helvetica').fillColor(MUTED).text('The signature file is missing.');
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would start a new page; lift it for the footer line.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(MUTED)
      .text(`Submission ${input.id} · page ${i + 1} of ${range.count}`, MARGIN, doc.page.height - 35, {
        width,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
