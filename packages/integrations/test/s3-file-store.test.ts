import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer as readAll } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeS3, startFakeS3 } from '../src/files/fake-s3';
import { InvalidFileKeyError } from '../src/files/file-store';
import { S3FileStore } from '../src/files/s3';

let fake: FakeS3;
let store: S3FileStore;

beforeAll(async () => {
  fake = await startFakeS3({ bucket: 'clinic-files', region: 'eu-central-1' });
  store = new S3FileStore(fake.config);
});
afterAll(() => fake.close());

describe('S3FileStore against the fake S3 server', () => {
  it('puts an object path-style in the bucket', async () => {
    const body = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const stored = await store.put('org-1/logo/a_b-c.png', body, { contentType: 'image/png' });
    expect(stored).toEqual({
      key: 'org-1/logo/a_b-c.png',
      size: body.length,
      sha256: createHash('sha256').update(body).digest('hex'),
    });
    expect(fake.objects.get('org-1/logo/a_b-c.png')).toEqual({ body, contentType: 'image/png' });
  });

  it('round-trips bytes and content type', async () => {
    const body = Buffer.from('signature bytes');
    await store.put('org-1/signatures/s1.png', body, { contentType: 'image/png' });
    expect(fake.objects.get('org-1/signatures/s1.png')?.body).toEqual(body);

    const file = await store.get('org-1/signatures/s1.png');
    expect(file?.contentType).toBe('image/png');
    expect(file?.size).toBe(body.length);
    expect(file && (await readAll(file.body))).toEqual(body);

    await store.delete('org-1/signatures/s1.png');
    expect(fake.objects.has('org-1/signatures/s1.png')).toBe(false);
    expect(await store.get('org-1/signatures/s1.png')).toBeNull();
    await store.delete('org-1/signatures/s1.png');
  });

  it('accepts a stream body', async () => {
    const stored = await store.put('streamed.txt', Readable.from([Buffer.from('ab'), Buffer.from('cd')]), {
      contentType: 'text/plain',
    });
    expect(stored.size).toBe(4);
    expect(fake.objects.get('streamed.txt')?.body.toString()).toBe('abcd');
  });

  it('answers null for a missing object', async () => {
    expect(await store.get('never/stored.png')).toBeNull();
  });

  it('is refused by the server when signed with another secret, without leaking the body', async () => {
    const refusedBefore = fake.refused;
    const wrong = new S3FileStore({ ...fake.config, secretAccessKey: 'not-the-secret' });
    await expect(wrong.put('x.txt', Buffer.from('x'), { contentType: 'text/plain' })).rejects.toThrow(
      'File storage could not store the file: HTTP 403 SignatureDoesNotMatch',
    );
    expect(fake.refused).toBe(refusedBefore + 1);
    expect(fake.objects.has('x.txt')).toBe(false);
  });

  it('is refused for another bucket and unsigned requests', async () => {
    const otherBucket = new S3FileStore({ ...fake.config, bucket: 'someone-else' });
    await expect(otherBucket.put('x.txt', Buffer.from('x'), { contentType: 'text/plain' })).rejects.toThrow(
      'HTTP 404 NoSuchBucket',
    );
    const unsigned = await fetch(`${fake.endpoint}/clinic-files/streamed.txt`);
    expect(unsigned.status).toBe(403);
  });

  it('refuses a request whose signature was made for another key', async () => {
    const { AwsClient } = await import('aws4fetch');
    const client = new AwsClient({ ...fake.config, service: 's3' });
    const signed = await client.sign(`${fake.endpoint}/clinic-files/streamed.txt`, { method: 'GET' });
    const replayed = await fetch(`${fake.endpoint}/clinic-files/other.txt`, { headers: signed.headers });
    expect(replayed.status).toBe(403);
    const genuine = await fetch(`${fake.endpoint}/clinic-files/streamed.txt`, { headers: signed.headers });
    expect(genuine.status).toBe(200);
  });

  it('refuses a body other than the one whose hash was signed', async () => {
    const { AwsClient } = await import('aws4fetch');
    const client = new AwsClient({ ...fake.config, service: 's3' });
    const hash = createHash('sha256').update('original').digest('hex');
    const url = `${fake.endpoint}/clinic-files/tampered.txt`;
    const signed = await client.sign(url, { method: 'PUT', headers: { 'X-Amz-Content-Sha256': hash } });
    const tampered = await fetch(url, { method: 'PUT', headers: signed.headers, body: 'changed' });
    expect(tampered.status).toBe(403);
    expect(fake.objects.has('tampered.txt')).toBe(false);
  });

  it('validates keys before any request', async () => {
    await expect(store.get('../escape')).rejects.toThrow(InvalidFileKeyError);
  });
});
