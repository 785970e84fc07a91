import { deflateSync } from 'node:zlib';
import { DEMO } from '@carelane/db/demo';
import { expect, type Page, test } from '@playwright/test';
import { signInStaff, URLS } from '../../../e2e/helpers';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real PNG: a teal band with a white stripe, 160x64, RGB. */
function logoPng(width = 160, height = 64): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    rows.push(0);
    for (let x = 0; x < width; x++) rows.push(...(y > 28 && y < 36 ? [255, 255, 255] : [15, 118, 110]));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function openSettings(page: Page, email: string) {
  await signInStaff(page, email, DEMO.password);
  await expect(page).toHaveURL(/\/today/);
  await page.goto(`${URLS.dashboard}/settings`);
  return page.getByRole('region', { name: 'Organization' });
}

test('the admin renames the organization, uploads a logo, is refused a disguised file and removes the logo', async ({
  page,
}) => {
  const section = await openSettings(page, DEMO.staff.admin.email);
  const name = section.getByLabel('Organization name');
  await expect(name).toHaveValue(DEMO.organization.name);
  await expect(section.getByLabel('Default time zone')).toHaveValue('Asia/Kolkata');

  // A zone that does not exist is named next to the field, and nothing is saved.
  await section.getByLabel('Default time zone').fill('Mars/Olympus');
  await section.getByRole('button', { name: 'Save details' }).click();
  await expect(section.getByText('Choose a time zone from the list, like Asia/Kolkata')).toBeVisible();
  await section.getByLabel('Default time zone').fill('Asia/Kolkata');

  // Rename, see it kept after a reload, then put the shared demo data back.
  await name.fill('Sunrise Health Clinics Group');
  await section.getByRole('button', { name: 'Save details' }).click();
  await expect(section.getByText('Saved the organization details.')).toBeVisible();
  // The sidebar shows the new name without a reload.
  await expect(page.locator('aside').getByText('Sunrise Health Clinics Group')).toBeVisible();
  await page.reload();
  await expect(name).toHaveValue('Sunrise Health Clinics Group');
  await name.fill(DEMO.organization.name);
  await section.getByRole('button', { name: 'Save details' }).click();
  await expect(section.getByText('Saved the organization details.')).toBeVisible();
  await expect(page.locator('aside').getByText(DEMO.organization.name, { exact: true })).toBeVisible();

  // Upload a PNG with the file picker: the preview shows it.
  await expect(section.getByText('No logo yet.', { exact: false })).toBeVisible();
  await section
    .locator('input[type=file]')
    .setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: logoPng() });
  await expect(section.getByText('Logo saved. Forms now show it.')).toBeVisible();
  const preview = section.getByRole('img', { name: `Logo of ${DEMO.organization.name}` });
  await expect(preview).toBeVisible();
  await expect(preview).toHaveAttribute('src', /^\/api\/organization\/logo\?v=[0-9a-f-]{36}$/);
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

  for (const [width, height] of [
    [1280, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/org-settings-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  // A GIF is refused at once, before any upload.
  await section
    .locator('input[type=file]')
    .setInputFiles({ name: 'logo.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a') });
  await expect(section.getByRole('alert')).toHaveText('Choose a PNG or JPEG image.');

  // A text file named .png, dropped on the drop zone: it passes the quick check, the server refuses it.
  const dropped = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['<script>alert(1)</script>'], 'sneaky.png', { type: 'image/png' }));
    return transfer;
  });
  await section.getByTestId('logo-dropzone').dispatchEvent('drop', { dataTransfer: dropped });
  await expect(section.getByRole('alert')).toContainText(/PNG or JPEG/i);
  await expect(preview).toBeVisible();

  // Remove, after confirming.
  await section.getByRole('button', { name: 'Remove logo' }).click();
  await expect(section.getByText('Remove the logo? Forms will show the clinic name only.')).toBeVisible();
  await section.getByRole('button', { name: 'Yes, remove logo' }).click();
  await expect(section.getByText('Logo removed.')).toBeVisible();
  await expect(section.getByText('No logo yet.', { exact: false })).toBeVisible();
  await expect(preview).toBeHidden();
});

test('other staff see the organization read-only', async ({ page }) => {
  const section = await openSettings(page, DEMO.staff.frontDesk.email);
  await expect(section.getByText(DEMO.organization.name)).toBeVisible();
  await expect(section.getByText('Only an admin can change these.')).toBeVisible();
  await expect(section.getByRole('button', { name: 'Save details' })).toHaveCount(0);
  await expect(section.locator('input[type=file]')).toHaveCount(0);
});
