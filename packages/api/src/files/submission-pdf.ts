import type { SnapshotItem } from '@carelane/core';
import { PDF_FONT } from './pdf-fonts';
import {
  drawClinicHeader,
  drawFacts,
  drawFooters,
  drawRule,
  fits,
  INK,
  LINE,
  localDateTime,
  MARGIN,
  MUTED,
  startPdf,
} from './pdf-layout';

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
  const { doc, done, width } = startPdf(
    { Title: `Medical history — ${input.patient.name}`, Author: input.clinic.name },
    options.compress ?? true,
  );
  drawClinicHeader(doc, input.clinic, 'Medical history form');
  drawFacts(doc, [
    ['Patient', `${input.patient.name} (${input.patient.mrn})`],
    ['Date of birth confirmed', longDate(input.confirmedBirthDate)],
    ['Submitted', localDateTime(input.submittedAt, input.zone)],
    ['Form version', String(input.version)],
  ]);
  drawRule(doc);

  for (const item of input.answers) {
    doc.font(PDF_FONT.bold).fontSize(11).fillColor(INK).text(item.label, { width });
    doc
      .moveDown(0.15)
      .font(PDF_FONT.regular)
      .fontSize(11)
      .fillColor(item.answerText ? INK : MUTED)
      .text(item.answerText || 'Not answered', { width, indent: 12 });
    doc.moveDown(0.7);
  }

  // Keep the signature with its heading: start a page when the two would not fit.
  if (!fits(doc, 140)) doc.addPage();
  doc.moveDown(0.4).font(PDF_FONT.bold).fontSize(11).fillColor(INK).text('Signature');
  if (input.signature) {
    const top = doc.y + 6;
    doc.image(input.signature, MARGIN, top, { fit: [240, 96] });
    doc.rect(MARGIN, top, 240, 96).strokeColor(LINE).stroke();
    doc.y = top + 104;
  } else {
    doc.font(PDF_FONT.regular).fillColor(MUTED).text('The signature file is missing.');
  }

  drawFooters(doc, `Submission ${input.id}`);
  doc.end();
  return done;
}
