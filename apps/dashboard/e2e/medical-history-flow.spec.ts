import type { Questionnaire } from '@carelane/core';
import { DEMO } from '@carelane/db/demo';
import { expect, type Page, test } from '@playwright/test';
import {
  answerQuestions,
  chooseBirthDate,
  drawSignature,
  phoneContext,
  requiredAnswers,
} from '../../../e2e/form-helpers';
import { signInStaff, URLS } from '../../../e2e/helpers';
import { trpc } from '../../../e2e/trpc';

// The whole story through the screens: staff change the questions and send a link by SMS
// from the patient page; the patient answers and signs on a phone; staff read it and get the PDF.
const RUN = Date.now().toString(36);
const BIRTH_DATE = { day: '9', month: 'March', year: '1991', iso: '1991-03-09' };
const QUESTION = `Are you allergic to latex? (${RUN})`;
/** A 120x40 PNG: the clinic's logo for this run, when the clinic has none. */
const LOGO_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAHgAAAAoCAMAAAACNM4XAAAAh1BMVEX////a6ujZ6ei519T8/f0phX3y+PcPdm79/f3z+Pjx9/d2saxYn5orhn9aoJtzr6r0+fh1sKt0sKu82Na72NYmg3wohH37/PwqhX5xrqmfyMXb6umhycagycYigXkth4Byrqqv0c7d6+qjyse619WXw8BTnZd3sa0ng3ynzcpXn5lWnpmex8S5m4PQAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAA0ElEQVRYw+3X1w7CMAwFULdNmqR70MHem///PnhAiLYWb3YllPsDR7Ei5wbUSAELW9jCVHCcl06WOWXRssL1TMA7ervmgxMDX/EjLvisoRMd8sBJz33JEQcsDQziXxjgPSBZ0sOxwGAhyeEQ0KTk8ASHPXJ4h8MOOWxw2IwFB+TwHIfd/71cBQ5PyeEWXSAN/QJRCwx+MOzq2kfudMXxLJ4Gw9Y3niIQ9otAzlV9os60gztf2Vsdm89xr5XirLcyPbjGuN5GKmV/Eha2sIV/5gkUfnu01faH0wAAAABJRU5ErkJggg==';
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `/tmp/medical-history-${name}.png`, fullPage: true });

type Current = { version: number | null; questionnaire: Questionnaire };

test('staff add a question and send a link; the patient answers and signs on a phone; staff read it and get the PDF', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInStaff(page, DEMO.staff.admin.email, DEMO.password);
  await expect(page).toHaveURL(/\/today/);
  // Specs share one database: the questions and the logo are put back at the end.
  const before = await trpc<Current>(page, 'forms.questionnaire');
  const settings = await trpc<{ name: string; hasLogo: boolean }>(page, 'organization.settings');
  if (!settings.hasLogo) {
    const logo = await page.request.post('/api/organization/logo', {
      multipart: { file: { name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from(LOGO_PNG, 'base64') } },
    });
    expect(logo.status()).toBe(200);
  }
  const phone = `97${String(Date.now() % 100_000_000).padStart(8, '0')}`;
  const patient = await trpc<{ id: string; phone: string }>(
    page,
    'patients.create',
    { firstName: 'Meera', lastName: `Flow${RUN}`, phone, birthDate: BIRTH_DATE.iso, consentSms: true },
    true,
  );

  try {
    // 1. A new required yes/no question, published as the next version.
    const version = (before.version ?? 0) + 1;
    await page.goto('/settings/questionnaire');
    await page.getByRole('button', { name: 'Add question' }).click();
    const position = before.questionnaire.questions.length + 1;
    await page.getByLabel(`Question ${position}`, { exact: true }).fill(QUESTION);
    await page.getByLabel(`Type of question ${position}`).selectOption({ label: 'Yes / no' });
    await page.getByLabel(`Question ${position} is required`).check();
    await page
      .getByRole('button', { name: `Publish version ${version}` })
      .first()
      .click();
    await expect(page.getByRole('status').filter({ hasText: `Published version ${version}.` })).toBeVisible();

    // 2. From the patient page: a link sent by SMS (the patient agreed to SMS), shown once to copy.
    await page.goto(`/patients/${patient.id}?tab=forms`);
    await page.getByRole('button', { name: 'Send a form' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Send a medical-history form' });
    await dialog.getByRole('radio', { name: /By SMS/ }).check();
    await shot(page, '1-send-dialog');
    await dialog.getByRole('button', { name: 'Create and send by SMS' }).click();
    const field = page.getByRole('dialog', { name: 'Form link ready' }).getByLabel('Form link');
    await expect(field).toHaveValue(/\/forms\/[A-Za-z0-9_-]{22}$/);
    const url = await field.inputValue();
    await page.getByRole('button', { name: 'Done' }).click();
    const links = page.getByRole('list', { name: 'Form links' });
    await expect(links.getByRole('listitem').first().getByText('Sent', { exact: true })).toBeVisible();
    // The message went out through the outbox to the local SMS channel, with the link in it.
    await page.goto(`${URLS.dashboard}/dev/outbox`);
    const sms = page
      .getByTestId('dev-message')
      .filter({ has: page.getByTestId('dev-recipient').getByText(patient.phone, { exact: true }) })
      .first();
    await expect(sms.getByTestId('dev-body')).toContainText(url);

    // 3. The patient, on a phone of their own.
    const path = new URL(url).pathname;
    const own = await phoneContext(browser);
    const patientPage = await own.newPage();
    await patientPage.goto(path);
    await expect(patientPage.getByRole('img', { name: settings.name })).toBeVisible();
    await chooseBirthDate(patientPage, BIRTH_DATE);
    await expect(patientPage.getByRole('heading', { name: 'Your medical history' })).toBeVisible();
    const current = await trpc<Current>(page, 'forms.questionnaire');
    expect(current.version).toBe(version);
    const answers = requiredAnswers(current.questionnaire).map(([q, answer]): [typeof q, string] =>
      q.label === QUESTION ? [q, 'Yes'] : [q, answer],
    );
    expect(answers.some(([q]) => q.label === QUESTION)).toBe(true);
    await answerQuestions(patientPage, answers);
    await drawSignature(patientPage);
    await shot(patientPage, '2-phone-answered');
    await patientPage.getByRole('button', { name: 'Send to the clinic' }).click();
    await expect(patientPage.getByRole('heading', { name: 'Thank you' })).toBeVisible();

    // 4. Staff see the submission with the new question, the answer and the signature; the PDF downloads.
    await page.goto(`/patients/${patient.id}?tab=forms`);
    await expect(links.getByRole('listitem').first().getByText('Submitted', { exact: true })).toBeVisible();
    const submissions = page.getByRole('list', { name: 'Submissions' });
    await expect(submissions.getByRole('listitem')).toHaveCount(1);
    await expect(submissions.getByRole('listitem').first()).toContainText(`version ${version}`);
    await submissions.getByRole('link', { name: /^View/ }).click();
    const item = page
      .getByRole('list', { name: 'Questions and answers' })
      .getByRole('listitem')
      .filter({ hasText: QUESTION });
    await expect(item).toContainText('Yes');
    const signature = page.getByRole('img', { name: /^Signature of/ });
    await expect(signature).toBeVisible();
    expect(await signature.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100);
    await shot(page, '3-submission');
    const href = await page.getByRole('link', { name: 'Download PDF' }).getAttribute('href');
    const pdf = await page.request.get(href ?? '');
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    // 5. The link, opened again, only says it was used.
    await patientPage.goto(path);
    await expect(patientPage.getByRole('heading', { name: 'Form already sent' })).toBeVisible();
    await shot(patientPage, '4-phone-used');
    await own.close();
  } finally {
    const latest = await trpc<Current>(page, 'forms.questionnaire');
    await trpc(page, 'forms.publish', { baseVersion: latest.version, questions: before.questionnaire.questions }, true);
    if (!settings.hasLogo) await page.request.delete('/api/organization/logo');
  }
});
