import { type Answers, type Questionnaire, visibleQuestions } from '@carelane/core';
import { DEMO } from '@carelane/db/demo';
import { expect, type Page, test } from '@playwright/test';
import { signInStaff } from '../../../e2e/helpers';
import { trpc } from '../../../e2e/trpc';

const BIRTH_DATE = '1984-07-15';
const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/patient-forms-${name}.png`, fullPage: true });

/** An answer to every required question shown (the first option where there is a choice), with its label. */
function requiredAnswers(questionnaire: Questionnaire): { answers: Answers; shown: Array<[string, string]> } {
  const answers: Answers = {};
  const shown: Array<[string, string]> = [];
  for (let pass = 0; pass < 5; pass++) {
    for (const q of visibleQuestions(questionnaire, answers)) {
      if (!q.required || answers[q.id] !== undefined) continue;
      const option = q.type === 'yes_no' ? { value: 'no', label: 'No' } : q.options?.[0];
      if (q.type === 'checkbox' && option) answers[q.id] = [option.value];
      else if (option) answers[q.id] = option.value;
      else answers[q.id] = q.type === 'date' ? '2020-01-01' : 'Nothing to report';
      shown.push([q.label, option?.label ?? (q.type === 'date' ? '1 Jan 2020' : 'Nothing to report')]);
    }
  }
  return { answers, shown };
}

/** Creates a link from the Forms tab and returns its address as shown once in the dialog. */
async function createLink(page: Page, screenshot?: string): Promise<string> {
  await page.getByRole('button', { name: 'Send a form' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Send a medical-history form' });
  await expect(dialog.getByRole('group', { name: 'Send it' })).toBeVisible();
  if (screenshot) await shot(page, screenshot);
  await dialog.getByRole('button', { name: 'Create link' }).click();
  const field = page.getByRole('dialog', { name: 'Form link ready' }).getByLabel('Form link');
  await expect(field).toHaveValue(/\/forms\/[A-Za-z0-9_-]{22}$/);
  return field.inputValue();
}

test('staff send, copy and revoke a form link, then read the submission with its signature', async ({
  page,
  context,
  request,
  browser,
}) => {
  test.setTimeout(120_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signInStaff(page, DEMO.staff.admin.email, DEMO.password);
  await expect(page).toHaveURL(/\/today/);

  // A demo patient other than the one the booking specs sign in as; the birth date is put back afterwards.
  const list = await trpc<{ items: Array<{ id: string; phone: string | null }> }>(page.request, 'patients.list', {
    limit: 20,
  });
  const chosen = list.items.find((p) => p.phone !== DEMO.patient.phone);
  if (!chosen) throw new Error('no demo patient');
  const before = await trpc<{ birthDate: string | null; firstName: string; lastName: string }>(
    page.request,
    'patients.byId',
    { id: chosen.id },
  );
  const birthDate = before.birthDate ?? BIRTH_DATE;
  if (!before.birthDate) {
    await trpc(page.request, 'patients.update', { id: chosen.id, values: { birthDate } }, true);
  }
  try {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/patients/${chosen.id}?tab=forms`);
    await expect(page.getByRole('heading', { name: 'Form links' })).toBeVisible();
    const links = page.getByRole('list', { name: 'Form links' });

    // The first link: shown once, copied, listed as Sent, then revoked.
    const url = await createLink(page, '0-create-1280');
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByText('Copied.')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    await shot(page, '1-link-1280');
    await page.getByRole('button', { name: 'Done' }).click();
    const first = links.getByRole('listitem').first();
    await expect(first.getByText('Sent', { exact: true })).toBeVisible();
    await first.getByRole('button', { name: /^Revoke/ }).click();
    await page
      .getByRole('dialog', { name: 'Revoke this form link?' })
      .getByRole('button', { name: 'Revoke link' })
      .click();
    await expect(page.getByText('Link revoked. It no longer opens the form.')).toBeVisible();
    await expect(first.getByText('Revoked', { exact: true })).toBeVisible();
    await expect(first.getByRole('button', { name: 'Send a new link' })).toBeVisible();

    // The second link, filled in through the public API as the patient's phone would.
    const token = new URL(await createLink(page)).pathname.split('/').at(-1) ?? '';
    await page.getByRole('button', { name: 'Done' }).click();
    const opened = await trpc<{ state: string }>(request, 'forms.open', { token }, true);
    expect(opened.state).toBe('ready');
    const confirmed = await trpc<{ pass: string; questionnaire: Questionnaire }>(
      request,
      'forms.confirm',
      { token, birthDate },
      true,
    );
    const { answers, shown } = requiredAnswers(confirmed.questionnaire);
    expect(shown.length).toBeGreaterThan(0);
    // A small real signature: a stroke drawn on a canvas, as signature_pad would send it.
    const signature = await page.evaluate(() => {
      const canvas = document.createElement('canvas');
      canvas.width = 240;
      canvas.height = 80;
      const pen = canvas.getContext('2d');
      if (!pen) return '';
      pen.lineWidth = 3;
      pen.beginPath();
      pen.moveTo(10, 60);
      pen.bezierCurveTo(60, 0, 120, 80, 230, 20);
      pen.stroke();
      return canvas.toDataURL('image/png');
    });
    await trpc(request, 'forms.submit', { token, pass: confirmed.pass, answers, signature }, true);

    await page.reload();
    await expect(links.getByRole('listitem').first().getByText('Submitted', { exact: true })).toBeVisible();
    const submissions = page.getByRole('list', { name: 'Submissions' });
    await expect(submissions.getByRole('listitem')).toHaveCount(1);
    await shot(page, '2-tab-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, '3-tab-390');

    await submissions.getByRole('link', { name: /^View/ }).click();
    await expect(page.getByRole('heading', { name: 'Medical-history form', level: 1 })).toBeVisible();
    await expect(page.getByText(`${before.firstName} ${before.lastName}`.trim())).toBeVisible();
    const qa = page.getByRole('list', { name: 'Questions and answers' });
    for (const [label, answer] of shown) {
      const item = qa.getByRole('listitem').filter({ hasText: label }).first();
      await expect(item).toContainText(answer);
    }
    const image = page.getByRole('img', { name: /^Signature of/ });
    await expect(image).toBeVisible();
    expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(240);
    await expect(page.getByRole('link', { name: 'Download PDF' })).toHaveAttribute(
      'href',
      /\/api\/form-submissions\/[0-9a-f-]{36}\/pdf$/,
    );
    await shot(page, '4-submission-390');
    await page.setViewportSize({ width: 1280, height: 900 });
    await shot(page, '5-submission-1280');
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    await shot(page, '6-submission-print');

    // The front desk sees that a submission exists, not its answers.
    const desk = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const deskPage = await desk.newPage();
    await signInStaff(deskPage, DEMO.staff.frontDesk.email, DEMO.password);
    await expect(deskPage).toHaveURL(/\/today/);
    await deskPage.goto(`/patients/${chosen.id}?tab=forms`);
    await expect(deskPage.getByText('Only clinicians and admins read submitted answers')).toBeVisible();
    await expect(deskPage.getByRole('list', { name: 'Submissions' }).getByRole('listitem')).toHaveCount(1);
    await expect(deskPage.getByRole('link', { name: /^View/ })).toHaveCount(0);
    await desk.close();
  } finally {
    if (!before.birthDate) {
      await trpc(page.request, 'patients.update', { id: chosen.id, values: { birthDate: null } }, true);
    }
  }
});

test('a channel without consent cannot be chosen, and a patient without a birth date is sent to the edit page', async ({
  page,
}) => {
  await signInStaff(page, DEMO.staff.admin.email, DEMO.password);
  await expect(page).toHaveURL(/\/today/);
  // This run's own patient: no consents and no birth date, so no demo patient changes.
  const patient = await trpc<{ id: string }>(
    page.request,
    'patients.create',
    {
      firstName: 'Nodob',
      lastName: `Pf${Date.now().toString(36)}`,
      phone: `95${String(Date.now() % 100_000_000).padStart(8, '0')}`,
    },
    true,
  );
  await page.goto(`/patients/${patient.id}?tab=forms`);
  await expect(page.getByText('No form links yet')).toBeVisible();
  await page.getByRole('button', { name: 'Send a form' }).click();
  const dialog = page.getByRole('dialog', { name: 'Send a medical-history form' });
  await expect(dialog.getByRole('radio', { name: /By SMS/ })).toBeDisabled();
  await expect(dialog.getByText('has not agreed to SMS messages.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Create link' }).click();
  await expect(dialog.getByRole('alert')).toContainText("Add the patient's date of birth first");
  await shot(page, '7-no-birth-date-1280');
  await dialog.getByRole('link', { name: 'Edit the patient' }).click();
  await expect(page).toHaveURL(new RegExp(`/patients/${patient.id}/edit$`));
});
