import { DEMO } from '@carelane/db/demo';
import { expect, type Page, test } from '@playwright/test';
import { signInStaff } from '../../../e2e/helpers';
import { trpc } from '../../../e2e/trpc';

// This run's own procedure and patient, so the demo's shared data is untouched.
const RUN = Date.now().toString(36);
const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/treatments-${name}.png`, fullPage: true });

test('a treatment is added on tooth 14 from the price list, marked done; general work is added and a planned one removed', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInStaff(page, DEMO.staff.admin.email, DEMO.password);
  await expect(page).toHaveURL(/\/today/);

  const procedureName = `Composite filling ${RUN}`;
  await trpc(page, 'procedures.save', { name: procedureName, code: 'CF1', priceMinor: 150_000, perTooth: true }, true);
  const patient = await trpc<{ id: string }>(
    page,
    'patients.create',
    { firstName: 'Tara', lastName: `Teeth${RUN}`, phone: `94${String(Date.now() % 100_000_000).padStart(8, '0')}` },
    true,
  );

  await page.goto(`/patients/${patient.id}?tab=treatments`);
  await expect(page.getByText('No treatments yet')).toBeVisible();
  const chart = page.getByRole('group', { name: 'Upper teeth' });
  await expect(chart.getByRole('button')).toHaveCount(16);
  await expect(page.getByRole('group', { name: 'Lower teeth' }).getByRole('button')).toHaveCount(16);

  // Arrow keys move along the arch: from tooth 13 to 14.
  await page.getByRole('button', { name: /^Tooth 13 \(/ }).focus();
  await page.keyboard.press('ArrowRight');
  const tooth14 = page.getByRole('button', { name: /^Tooth 14 \(FDI 26, upper left first molar\): no treatments$/ });
  await expect(tooth14).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(tooth14).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('heading', { name: 'Tooth 14 (FDI 26, upper left first molar)' })).toBeVisible();

  // Add the procedure: its price fills in.
  await page.getByRole('button', { name: 'Add treatment on tooth 14' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add treatment on tooth 14' });
  await dialog.getByLabel('Procedure').selectOption({ label: `${procedureName} · ₹1,500` });
  await expect(dialog.getByLabel('Price (INR)')).toHaveValue('1500');
  // A discount above the price is the server's BAD_REQUEST, shown beside the field.
  await dialog.getByLabel('Discount (INR)').fill('2000');
  await dialog.getByRole('button', { name: 'Add treatment' }).click();
  await expect(dialog.getByText('The discount cannot be more than the price')).toBeVisible();
  await dialog.getByLabel('Discount (INR)').fill('100');
  await dialog.getByLabel('Notes').fill('Distal caries');
  await dialog.getByRole('button', { name: 'Add treatment' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Added to tooth 14.')).toBeVisible();

  await expect(
    page.getByRole('button', { name: /^Tooth 14 \(FDI 26, upper left first molar\): 1 planned$/ }),
  ).toBeVisible();
  const onTooth = page.getByRole('list', { name: 'Treatments on tooth 14' });
  await expect(onTooth.getByRole('article', { name: procedureName })).toContainText('₹1,400');
  const all = page.getByRole('list', { name: 'All treatments' });
  const item = all.getByRole('article', { name: procedureName });
  await expect(item).toContainText('₹1,500 − ₹100 = ₹1,400');
  await expect(item).toContainText('Tooth 14 (FDI 26');
  await expect(item).toContainText('Distal caries');
  await expect(page.getByRole('definition').first()).toHaveText('₹1,400');

  // Mark it done: the tooth and the totals follow.
  await item.getByRole('button', { name: `Mark done for ${procedureName}` }).click();
  await expect(page.getByRole('button', { name: /^Tooth 14 \(.*\): 1 done$/ })).toBeVisible();
  await expect(item).toContainText('Done');
  await expect(item).not.toContainText('No date yet');
  // A done treatment cannot be removed; the API says why.
  await item.getByRole('button', { name: `Remove ${procedureName}` }).click();
  await expect(item.getByRole('alert')).toContainText('Only a planned treatment can be removed');

  // General work without a tooth, then removed while still planned.
  await page.getByRole('button', { name: 'Add treatment without a tooth' }).click();
  const general = page.getByRole('dialog', { name: 'Add treatment without a tooth' });
  await general.getByLabel('Description').fill('Scaling and polishing');
  await general.getByLabel('Price (INR)').fill('800');
  await general.getByRole('button', { name: 'Add treatment' }).click();
  await expect(general).toBeHidden();
  const scaling = all.getByRole('article', { name: 'Scaling and polishing' });
  await expect(scaling).toContainText('General');
  await expect(scaling).toContainText('₹800');
  const totals = page.locator('dl[aria-label="Totals"]');
  await expect(totals).toContainText('Planned₹800');
  await expect(totals).toContainText('Done₹1,400');
  await shot(page, '1280');

  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('button', { name: /^Tooth 14 \(/ }).scrollIntoViewIfNeeded();
  // The chart scrolls inside its own box; the page does not scroll sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shot(page, '390');

  await scaling.getByRole('button', { name: 'Remove Scaling and polishing' }).click();
  await expect(scaling).toBeHidden();
  await expect(page.getByText('Removed Scaling and polishing.')).toBeVisible();
  await expect(all.getByRole('listitem')).toHaveCount(1);
});

test('front desk sees the chart and treatments read-only', async ({ page }) => {
  await signInStaff(page, DEMO.staff.admin.email, DEMO.password);
  await expect(page).toHaveURL(/\/today/);
  const patient = await trpc<{ id: string }>(
    page,
    'patients.create',
    { firstName: 'Ravi', lastName: `Chart${RUN}`, phone: `95${String(Date.now() % 100_000_000).padStart(8, '0')}` },
    true,
  );
  await trpc(
    page,
    'treatments.create',
    { patientId: patient.id, tooth: 3, description: 'Crown', priceMinor: 500_000 },
    true,
  );
  await page.context().clearCookies();

  await signInStaff(page, DEMO.staff.frontDesk.email, DEMO.password);
  await expect(page).toHaveURL(/\/today/);
  await page.goto(`/patients/${patient.id}?tab=treatments`);
  await page.getByRole('button', { name: 'Tooth 3 (FDI 16, upper right first molar): 1 planned' }).click();
  await expect(page.getByRole('list', { name: 'Treatments on tooth 3' })).toContainText('₹5,000');
  await expect(page.getByRole('button', { name: /Add treatment/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^(Mark|Remove)/ })).toHaveCount(0);
});
