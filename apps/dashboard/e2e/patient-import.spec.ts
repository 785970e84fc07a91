import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { DEMO } from '@carelane/db/demo';
import { expect, test } from '@playwright/test';
import { signInStaff, URLS } from '../../../e2e/helpers';

const FIXTURE = fileURLToPath(new URL('../../../packages/api/test/fixtures/patients-messy.csv', import.meta.url));

test('the front desk imports the messy fixture, checks it, watches the progress bar reach the report', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInStaff(page, DEMO.staff.frontDesk.email, DEMO.password);
  await expect(page).toHaveURL(/\/today/);
  await page.goto(`${URLS.dashboard}/patients/import`);
  await expect(page.getByRole('heading', { name: 'Import patients', level: 1 })).toBeVisible();

  // Nothing chosen: the form says so instead of sending.
  await page.getByRole('button', { name: 'Upload' }).click();
  await expect(page.getByText('Choose a CSV or XLSX file first.')).toBeVisible();
  await page.getByLabel(/Spreadsheet/).setInputFiles(FIXTURE);
  await page.getByRole('button', { name: 'Upload' }).click();

  // Headers below a title row are found and matched.
  await expect(page.getByRole('heading', { name: 'Match the columns of patients-messy.csv' })).toBeVisible();
  await expect(page.getByText('Headers found on row 4.')).toBeVisible();
  await expect(page.getByLabel('Full name')).toHaveValue('1');
  await expect(page.getByLabel('Phone')).toHaveValue('2');
  await expect(page.getByLabel('Date of birth')).toHaveValue('3');

  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByRole('heading', { name: 'What the import will do' })).toBeVisible();
  await expect(page.getByRole('table', { name: /Rows that will be skipped/ })).toContainText('Same phone as row');
  await expect(page.getByRole('table', { name: /Rows that will be skipped/ })).toContainText(
    'Phone is not a valid number',
  );
  await page.getByRole('button', { name: /^Import [\d,]+ patients$/ }).click();

  // The worker runs it in batches; the bar follows until the report.
  const bar = page.getByRole('progressbar', { name: 'Import progress' });
  await expect(bar).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout: 60_000 });
  await expect(bar).toHaveAttribute('aria-valuenow', '100');
  await expect(page.getByText('500 of 500 rows')).toBeVisible();
  const report = page.getByRole('region', { name: 'Report' });
  await expect(report).toContainText('35 skipped');

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download skipped rows (CSV)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('patients-messy-skipped-rows.csv');
  const text = await readFile((await download.path()) ?? '', 'utf8');
  // The header, the 35 skipped rows and the 10 imported with an impossible birth date left blank.
  expect(text.trim().split(/\r\n/)).toHaveLength(46);
  expect(text).toContain('Date of birth is not a real date in the past');
});
