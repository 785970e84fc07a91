import { describe, expect, it } from 'vitest';
import { type InvoicePdfInput, renderInvoicePdf } from '../src/files/invoice-pdf';
import { pdfPages } from './pdf-text';

const flat = (pages: string[]) => pages.map((p) => p.replace(/\s+/g, ' '));

function invoice(lineCount: number, overrides: Partial<InvoicePdfInput> = {}): InvoicePdfInput {
  const lines = Array.from({ length: lineCount }, (_, i) => ({
    description: `Consultation ${i + 1}`,
    quantity: 1,
    unitPriceMinor: 50_000,
    discountMinor: 0,
    taxMinor: 9_000,
    totalMinor: 59_000,
  }));
  return {
    clinic: { name: 'Sunrise Health Clinics', logo: null, address: '1 MG Road, Bengaluru' },
    number: 1042,
    status: 'issued',
    issuedAt: new Date('2026-11-21T20:00:00Z'),
    createdAt: new Date('2026-11-21T20:00:00Z'),
    voidReason: null,
    zone: 'Asia/Kolkata',
    currency: 'INR',
    patient: { name: 'अर्जुन शर्मा', mrn: 'SH-000001' },
    lines,
    subtotalMinor: 50_000 * lineCount,
    discountMinor: 0,
    taxMinor: 9_000 * lineCount,
    totalMinor: 59_000 * lineCount,
    paidMinor: 0,
    refundedMinor: 0,
    balanceMinor: 59_000 * lineCount,
    notes: null,
    ...overrides,
  };
}

describe('an invoice as PDF', () => {
  it('has the number, the rupee sign, the Hindi name and the issue day in the clinic zone in its text layer', async () => {
    const pdf = await renderInvoicePdf(invoice(2));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const [page, ...rest] = flat(await pdfPages(pdf));
    expect(rest).toHaveLength(0);
    for (const expected of ['Invoice 1042', '₹590', '₹1,180', '(SH-000001)', '22 November 2026']) {
      expect(page, expected).toContain(expected);
    }
    // Shaped Devanagari copies out in glyph (visual) order, so check its letters, not the spelling.
    expect(page).toMatch(/Patient: अ\S*ज\S* श\S*म/);
  });

  it('continues a 60-line invoice on a second page with the table header repeated', async () => {
    const pages = flat(await pdfPages(await renderInvoicePdf(invoice(60))));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const second = pages[1] ?? '';
    expect(second).toContain('Invoice 1042 (continued)');
    expect(second).toMatch(/Description Qty Unit price Discount Tax Amount/);
    expect(pages.at(-1)).toContain('Balance due');
    expect(pages.join(' ')).toContain('Consultation 60');
  });

  it('says DRAFT or VOID prominently', async () => {
    const draft = flat(
      await pdfPages(await renderInvoicePdf(invoice(1, { number: null, status: 'draft', issuedAt: null }))),
    );
    expect(draft[0]).toContain('DRAFT');
    const voided = flat(
      await pdfPages(await renderInvoicePdf(invoice(1, { status: 'void', voidReason: 'Billed twice' }))),
    );
    expect(voided[0]).toContain('VOID: Billed twice');
  });
});
