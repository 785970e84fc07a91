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
import { signInStaff } from '../../../e2e/helpers';
import { trpc } from '../../../e2e/trpc';

// The patient here is this run's own, so no demo patient's birth date is touched.
const RUN = Date.now().toString(36);
const BIRTH_DATE = { day: '15', month: 'July', year: '1984', iso: '1984-07-15' };
const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/public-form-${name}.png`, fullPage: true });

/** Signs the admin in and gives a new patient of this run, with the birth date the form asks for, a form link. */
async function newLink(page: Page, suffix: string) {
  await signInStaff(page, DEMO.staff.admin.email, DEMO.password);
  await expect(page).toHaveURL(/\/today/);
  const patient = await trpc<{ id: string }>(
    page,
    'patients.create',
    {
      firstName: 'Form',
      lastName: `Pf${RUN}${suffix}`,
      phone: `96${String(Date.now() % 100_000_000).padStart(8, '0')}`,
      birthDate: BIRTH_DATE.iso,
    },
    true,
  );
  const link = await trpc<{ id: string; url: string }>(page, 'forms.createLink', { patientId: patient.id }, true);
  // The link is built from the configured public address; this run's server is on its own port.
  return { patient, link, path: new URL(link.url).pathname };
}

test('a patient on a phone confirms their birth date, answers, signs and sends the form once', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const { patient, link, path } = await newLink(page, 'a');
  const { questionnaire } = await trpc<{ questionnaire: Questionnaire }>(page, 'forms.questionnaire');

  const phone = await phoneContext(browser);
  const patientPage = await phone.newPage();
  const response = await patientPage.goto(path);
  expect(response?.headers()['referrer-policy']).toBe('no-referrer');
  expect(response?.headers()['x-robots-tag']).toBe('noindex, nofollow');
  await expect(patientPage).not.toHaveTitle(new RegExp(path.split('/').at(-1) ?? 'x'));
  await expect(patientPage.getByRole('heading', { name: 'Confirm it is you' })).toBeVisible();
  await shot(patientPage, '1-birth-date');

  // A wrong date counts, and says how many tries are left.
  await chooseBirthDate(patientPage, { day: '1', month: 'January', year: '2000' });
  await expect(patientPage.getByText('That date of birth does not match our records. 4 tries left.')).toBeVisible();
  await shot(patientPage, '2-wrong-date');

  await chooseBirthDate(patientPage, BIRTH_DATE);
  await expect(patientPage.getByRole('heading', { name: 'Your medical history' })).toBeVisible();

  // Sending with nothing answered shows each problem beside its question.
  await patientPage.getByRole('button', { name: 'Send to the clinic' }).click();
  const answers = requiredAnswers(questionnaire);
  expect(answers.length).toBeGreaterThan(0);
  const [first] = answers[0] ?? [];
  if (!first) throw new Error('no required question');
  await expect(patientPage.locator(`[data-question="${first.id}"]`)).toContainText(`${first.label} is required`);
  await expect(patientPage.getByText('Sign in the box before sending')).toBeVisible();
  await shot(patientPage, '3-problems');

  await answerQuestions(patientPage, answers);
  await drawSignature(patientPage);
  await expect(patientPage.getByText('Sign in the box before sending')).toBeHidden();
  await shot(patientPage, '4-answered');

  await patientPage.getByRole('button', { name: 'Send to the clinic' }).click();
  await expect(patientPage.getByRole('heading', { name: 'Thank you' })).toBeVisible();
  await shot(patientPage, '5-thank-you');

  await patientPage.reload();
  await expect(patientPage.getByRole('heading', { name: 'Form already sent' })).toBeVisible();
  await expect(patientPage.getByText('This form has been sent to the clinic.')).toBeVisible();
  await shot(patientPage, '6-already-sent');

  // An unknown link says so, and nothing else.
  await patientPage.goto('/forms/AAAAAAAAAAAAAAAAAAAAAA');
  await expect(patientPage.getByRole('heading', { name: 'Link not recognised' })).toBeVisible();
  await shot(patientPage, '7-unknown');
  await phone.close();

  // Staff see it was sent.
  const forms = await trpc<{ links: Array<{ id: string; state: string }>; submissions: unknown[] }>(
    page,
    'forms.forPatient',
    { patientId: patient.id },
  );
  expect(forms.links.find((l) => l.id === link.id)?.state).toBe('submitted');
  expect(forms.submissions).toHaveLength(1);
});

test('the fifth wrong birth date locks the link, and the locked page says nothing about the patient', async ({
  page,
  browser,
}) => {
  const { path } = await newLink(page, 'b');
  const phone = await phoneContext(browser);
  const patientPage = await phone.newPage();
  await patientPage.goto(path);
  const wrong = { day: '2', month: 'February', year: '2001' };
  for (const left of ['4 tries', '3 tries', '2 tries', '1 try']) {
    await chooseBirthDate(patientPage, wrong);
    await expect(patientPage.getByText(`${left} left.`)).toBeVisible();
  }
  await chooseBirthDate(patientPage, wrong);
  await expect(patientPage.getByRole('heading', { name: 'Link locked' })).toBeVisible();
  await expect(patientPage.getByText('Please ask the clinic for a new one.')).toBeVisible();
  await expect(patientPage.locator('main')).not.toContainText(`Pf${RUN}`);
  await shot(patientPage, '8-locked');
  await patientPage.reload();
  await expect(patientPage.getByRole('heading', { name: 'Link locked' })).toBeVisible();
  await phone.close();
});

test('a patient who cannot draw signs by typing their name, using the keyboard only', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const { path } = await newLink(page, 'c');
  const { questionnaire } = await trpc<{ questionnaire: Questionnaire }>(page, 'forms.questionnaire');
  const phone = await phoneContext(browser);
  const patientPage = await phone.newPage();
  await patientPage.goto(path);
  await chooseBirthDate(patientPage, BIRTH_DATE);
  await answerQuestions(patientPage, requiredAnswers(questionnaire));
  const typeInstead = patientPage.getByRole('button', { name: 'Type my name instead' });
  await typeInstead.focus();
  await patientPage.keyboard.press('Enter');
  const name = patientPage.getByLabel('Your full name as your signature');
  await expect(name).toBeVisible();
  await name.focus();
  await patientPage.keyboard.type('Form Typed');
  await shot(patientPage, '9-typed-signature');
  await patientPage.getByRole('button', { name: 'Send to the clinic' }).focus();
  await patientPage.keyboard.press('Enter');
  await expect(patientPage.getByRole('heading', { name: 'Thank you' })).toBeVisible();
  await phone.close();
});
