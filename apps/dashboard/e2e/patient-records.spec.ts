import { DEMO } from '@carelane/db/demo';
import { expect, type Page, test } from '@playwright/test';
import { signInStaff } from '../../../e2e/helpers';
import { readCsv, readXlsx } from '../../../e2e/spreadsheets';
import { trpc } from '../../../e2e/trpc';

// Every patient here is this run's own (a surname no demo patient has, numbers of its own), so
// the demo patients other specs rely on are never touched, whatever ran before.
const RUN = Date.now()
  .toString(36)
  .replace(/\d/g, (d) => 'abcdefghij'[Number(d)] ?? 'x');
const SURNAME = `Rec${RUN}`;
let phoneSeq = 0;
const nextPhone = () => `97${String(Date.now() % 10_000_000).padStart(7, '0')}${phoneSeq++ % 10}`;
const SHOTS = '/tmp/e2e-shots';
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

type Created = { id: string; name: string; mrn: string };

/** Adds a patient through the New patient form; their id and record number from the page it opens. */
async function addPatient(
  page: Page,
  firstName: string,
  extra: { sex?: string; tags?: string; lastName?: string } = {},
): Promise<Created> {
  const lastName = extra.lastName ?? SURNAME;
  await page.goto('/patients/new');
  await page.getByLabel('First name').fill(firstName);
  await page.getByLabel('Last name').fill(lastName);
  await page.getByLabel('Mobile number').fill(nextPhone());
  if (extra.sex) await page.getByLabel('Sex').selectOption(extra.sex);
  if (extra.tags) await page.getByLabel('Tags').fill(extra.tags);
  await page.getByRole('button', { name: 'Add patient' }).click();
  await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}\?saved=1$/);
  const id = /\/patients\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
  const name = `${firstName} ${lastName}`;
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  const facts = (await page.getByRole('heading', { name, level: 1 }).locator('xpath=..').textContent()) ?? '';
  const mrn = /[A-Z]+-\d{6}/.exec(facts)?.[0] ?? '';
  expect(mrn).not.toBe('');
  return { id, name, mrn };
}

/** A visit booked for the patient far beyond the demo's appointments, as the calendar would book it. */
async function bookVisit(page: Page, patientId: string) {
  const [centre] = await trpc<Array<{ id: string }>>(page, 'centres.list');
  if (!centre) throw new Error('no centre');
  const day = await trpc<{ clinicians: Array<{ id: string }> }>(page, 'calendar.view', {
    view: 'day',
    centreId: centre.id,
  });
  const types = await trpc<Array<{ id: string; name: string }>>(page, 'appointmentTypes.list');
  const first = Math.ceil((Date.now() + 75 * 86_400_000) / 86_400_000) * 86_400_000 + 4.5 * 3_600_000;
  // Not every clinician offers every type, nor works every day; the first the API accepts will do.
  for (let later = 0; later < 3; later++) {
    const startsAt = new Date(first + later * 86_400_000);
    for (const clinician of day.clinicians) {
      for (const type of types) {
        const input = { centreId: centre.id, clinicianId: clinician.id, patientId, typeId: type.id, startsAt };
        const booked = await trpc(page, 'appointments.create', input, true).then(
          () => true,
          () => false,
        );
        if (booked) return { startsAt, type: type.name };
      }
    }
  }
  throw new Error('no clinician and type could be booked');
}

async function signInAdmin(page: Page) {
  await signInStaff(page, DEMO.staff.admin.email, DEMO.password);
  await expect(page).toHaveURL(/\/today/);
}

test.beforeEach(async ({ page }) => {
  await signInAdmin(page);
});

test('the filtered list exports as CSV and XLSX holding exactly the patients that match', async ({ page }) => {
  test.setTimeout(120_000);
  const tag = `exp${RUN}`;
  const wanted = [
    await addPatient(page, 'Anita', { sex: 'female', tags: `${tag}, vip` }),
    await addPatient(page, 'Bhavna', { sex: 'female', tags: tag }),
  ];
  await addPatient(page, 'Chetan', { sex: 'male', tags: tag });

  await page.goto('/patients');
  await page.getByRole('button', { name: 'Filters' }).click();
  await page.getByLabel('Tags').fill(tag);
  await page.getByRole('button', { name: 'Apply' }).click();
  const chips = page.getByRole('list', { name: 'Active filters' });
  // Each filter change builds on the address; wait for the first before making the second.
  await expect(chips).toContainText(`Tags: ${tag}`);
  await page.getByLabel('Sex').selectOption('female');
  await expect(chips).toContainText(`Tags: ${tag}`);
  await expect(chips).toContainText('Female');
  const rows = page.getByRole('list', { name: 'Patients' });
  for (const p of wanted) await expect(rows.getByRole('link', { name: new RegExp(p.name) })).toBeVisible();
  await expect(rows.getByRole('link', { name: /Chetan/ })).toHaveCount(0);
  await shot(page, 'export-filtered-list');

  const header = [
    'MRN',
    'First name',
    'Last name',
    'Phone',
    'Email',
    'Date of birth',
    'Sex',
    'Tags',
    'Registered',
    'Last visit',
    'Next visit',
  ];
  for (const format of ['CSV', 'XLSX'] as const) {
    await page.getByText('Export', { exact: true }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: `This list as ${format}` }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^patients-.*\\.${format.toLowerCase()}$`));
    const path = await download.path();
    const [head, ...body] = format === 'CSV' ? await readCsv(path) : await readXlsx(path);
    expect(head).toEqual(header);
    // Every row satisfies both filters, and every patient the list shows is there.
    expect(body.length).toBe(wanted.length);
    for (const row of body) {
      expect(row[6]).toBe('female');
      expect(row[7]?.split(', ')).toContain(tag);
    }
    expect(body.map((r) => r[0]).sort()).toEqual(wanted.map((p) => p.mrn).sort());
  }
});

test('archiving a patient takes them off the active list and onto the archived one; restoring brings them back', async ({
  page,
}) => {
  const p = await addPatient(page, 'Dinesh');
  await page.getByRole('button', { name: 'Archive' }).click();
  const dialog = page.getByRole('dialog', { name: 'Archive this patient?' });
  await shot(page, 'archive-dialog');
  await dialog.getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByText(`Archived ${p.name}. Restore them any time from this page.`)).toBeVisible();
  await expect(page.getByText('Archived', { exact: true })).toBeVisible();
  await shot(page, 'archived-patient');

  const rows = page.getByRole('list', { name: 'Patients' });
  await page.goto(`/patients?q=${encodeURIComponent(p.name)}`);
  await expect(page.getByText('No patient matches')).toBeVisible();
  await expect(page.getByText('Archived patients show under Filters')).toBeVisible();
  await shot(page, 'archived-not-in-active-list');
  await page.getByRole('button', { name: 'Filters' }).click();
  // The box mirrors the address, so it shows ticked once the list has moved there.
  await page.getByLabel('Show archived patients instead').click();
  await expect(page.getByLabel('Show archived patients instead')).toBeChecked();
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('Archived patients');
  await expect(rows.getByRole('link', { name: new RegExp(p.name) })).toBeVisible();
  await shot(page, 'archived-list');

  await rows.getByRole('link', { name: new RegExp(p.name) }).click();
  await page.getByRole('button', { name: 'Restore' }).click();
  await page.getByRole('dialog', { name: 'Restore this patient?' }).getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByText(`Restored ${p.name}.`)).toBeVisible();
  await page.goto(`/patients?q=${encodeURIComponent(p.name)}`);
  await expect(rows.getByRole('link', { name: new RegExp(p.name) })).toBeVisible();
  await shot(page, 'restored-in-active-list');
});

test('merging a duplicate moves its notes and visits to the survivor; the duplicate points there and is read-only', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const duplicate = await addPatient(page, 'Esha');
  await page.getByRole('tab', { name: 'Notes' }).click();
  await page.getByRole('button', { name: 'Add a note or session' }).click();
  await page.getByLabel('Note', { exact: true }).fill(`Allergic to penicillin ${RUN}`);
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByText('Note added.')).toBeVisible();
  const visit = await bookVisit(page, duplicate.id);
  const survivor = await addPatient(page, 'Esha', { lastName: `${SURNAME}x` });

  await page.getByRole('button', { name: 'Merge a duplicate' }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge a duplicate record' });
  await dialog.getByRole('textbox', { name: 'Patient' }).fill(duplicate.mrn);
  await dialog.getByRole('list', { name: 'Matching patients' }).getByRole('button', { name: duplicate.name }).click();
  await dialog.getByRole('button', { name: 'Merge…' }).click();
  await expect(dialog).toContainText(`Merge ${duplicate.name} into ${survivor.name}? This cannot be undone.`);
  await shot(page, 'merge-confirm');
  await dialog.getByRole('button', { name: 'Yes, merge' }).click();
  await expect(page.getByText(`Merged ${duplicate.name} into ${survivor.name}.`)).toBeVisible();

  await page.getByRole('tab', { name: 'Notes' }).click();
  await expect(page.getByRole('list', { name: 'Clinical notes' })).toContainText(`Allergic to penicillin ${RUN}`);
  await shot(page, 'merge-survivor-notes');
  await page.getByRole('tab', { name: 'Appointments' }).click();
  await expect(page.getByRole('tabpanel')).toContainText(visit.type);
  // 04:30 UTC is 10:00 at the demo's centres (Asia/Kolkata), whatever zone the browser runs in.
  await expect(page.getByRole('tabpanel')).toContainText('10:00 am');
  await shot(page, 'merge-survivor-appointments');

  await page.goto(`/patients/${duplicate.id}`);
  await expect(page.getByText('This record was merged into another and is kept read-only.')).toBeVisible();
  await expect(page.getByText('Merged', { exact: true })).toBeVisible();
  // Read-only: nothing offers a change.
  for (const name of [`Edit ${duplicate.name}`, 'Merge a duplicate', 'Archive']) {
    await expect(page.getByRole('button', { name }).or(page.getByRole('link', { name }))).toHaveCount(0);
  }
  await page.getByRole('tab', { name: 'Notes' }).click();
  // Its note moved to the survivor; once the tab has loaded, it offers no new note either.
  await expect(page.getByText('No clinical notes yet')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add a note or session' })).toHaveCount(0);
  await shot(page, 'merged-duplicate');
  await page.getByRole('link', { name: `Open ${survivor.name} (${survivor.mrn})` }).click();
  await expect(page).toHaveURL(new RegExp(`/patients/${survivor.id}`));
});

test('linking two patients as parent and child shows on both records, and unlinking clears both', async ({ page }) => {
  const parent = await addPatient(page, 'Farhan');
  const child = await addPatient(page, 'Gauri');
  await page.getByRole('tab', { name: 'Household' }).click();
  await expect(page.getByText('No household yet')).toBeVisible();
  await shot(page, 'household-empty');
  await page.getByRole('textbox', { name: 'Patient' }).fill(parent.mrn);
  await page.getByRole('list', { name: 'Matching patients' }).getByRole('button', { name: parent.name }).click();
  await page.getByLabel(`Who is ${child.name}’s`).selectOption('parent');
  await page.getByRole('button', { name: 'Link', exact: true }).click();
  await expect(page.getByText(`Linked ${parent.name} as ${child.name}’s parent.`)).toBeVisible();
  // The picker starts afresh rather than offering the patient just linked again.
  await expect(page.getByRole('textbox', { name: 'Patient' })).toHaveValue('');
  await expect(page.getByRole('list', { name: 'Matching patients' })).toHaveCount(0);
  const members = page.getByRole('list', { name: 'Household members' });
  await expect(members.getByRole('listitem').filter({ hasText: parent.name })).toContainText('Parent');
  await shot(page, 'household-child-side');

  await members.getByRole('link', { name: parent.name }).click();
  await expect(page).toHaveURL(new RegExp(`/patients/${parent.id}`));
  await page.getByRole('tab', { name: 'Household' }).click();
  // Read from the parent's side: the child (the household's main contact) is their child.
  await expect(members.getByRole('listitem').filter({ hasText: child.name })).toContainText('Child · main contact');
  await shot(page, 'household-parent-side');

  await members.getByRole('button', { name: `Unlink ${child.name}` }).click();
  await expect(page.getByText(`${child.name} left the household.`)).toBeVisible();
  await expect(members.getByText(child.name)).toHaveCount(0);
  await shot(page, 'household-unlinked');
  await page.goto(`/patients/${child.id}?tab=household`);
  await expect(page.getByText('No household yet')).toBeVisible();
});
