import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { AwsClient } from 'aws4fetch';
import { assertValidFileKey, type FileContent, type FileStore, type PutOptions, type StoredFile } from './file-store';

export type S3Config = {
  /** The service's origin, e.g. `https://s3.eu-central-1.amazonaws.com`, a MinIO or an R2 endpoint. */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
};

/**
 * Files in an S3-compatible bucket (AWS S3, MinIO, Cloudflare R2), addressed path-style
 * (`<endpoint>/<bucket>/<key>`), which all three accept. Requests are signed with SigV4 by
 * aws4fetch (a few kilobytes, no dependencies) instead of the AWS SDK (tens of megabytes).
 */
export class S3FileStore implements FileStore {
  private readonly client: AwsClient;
  private readonly base: string;

  constructor(config: S3Config) {
    this.client = new AwsClient({
      accessKeyId: config.accessKeyId,
      secretAccessKey: config.secretAccessKey,
      region: config.region,
      service: 's3',
      retries: 2,
    });
    this.base = `${config.endpoint.replace(/\/+$/, '')}/${encodeURIComponent(config.bucket)}`;
  }

  async put(key: string, body: Buffer | Readable, { contentType }: PutOptions): Promise<StoredFile> {
    const url = this.urlFor(key);
    // Held in memory to sign the payload hash and send a Content-Length; the files stored here
    // (logos up to 5 MB, signatures) are small, and streaming uploads would need multipart.
    const bytes = Buffer.isBuffer(body) ? body : await buffer(body);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const response = await this.client.fetch(url, {
      method: 'PUT',
      body: new Uint8Array(bytes),
      headers: { 'Content-Type': contentType, 'X-Amz-Content-Sha256': sha256 },
    });
    await expectOk(response, 'store');
    await response.body?.cancel();
    return { key, size: bytes.length, sha256 };
  }

  async get(key: string): Promise<FileContent | null> {
    const response = await this.client.fetch(this.urlFor(key), { method: 'GET' });
    if (response.status === 404) {
      await response.body?.cancel();
      return null;
    }
    await expectOk(response, 'read');
    const size = Number(response.headers.get('content-length') ?? Number.NaN);
    const body = response.body ? Readable.fromWeb(response.body as WebReadableStream<Uint8Array>) : Readable.from([]);
    return {
      body,
      contentType: response.headers.get('content-type') ?? 'application/octet-stream',
      size: Number.isFinite(size) ? size : 0,
    };
  }

  async delete(key: string): Promise<void> {
    const response = await this.client.fetch(this.urlFor(key), { method: 'DELETE' });
    if (response.status === 404) {
      await response.body?.cancel();
      return;
    }
    await expectOk(response, 'delete');
    await response.body?.cancel();
  }

  private urlFor(key: string): string {
    assertValidFileKey(key);
    return `${this.base}/${key.split('/').map(encodeURIComponent).join('/')}`;
  }
}

/** Throws with the status and S3's error code only: the body may echo the key or bucket. */
async function expectOk(response: Response, action: string): Promise<void> {
  if (response.ok) return;
  const text = await response.text().catch(() => '');
  const code = /<Code>([A-Za-z]+)<\/Code>/.exec(text)?.[1] ?? 'unknown';
  throw new Error(`File storage could not ${action} the file: HTTP ${response.status} ${code}`);
}
