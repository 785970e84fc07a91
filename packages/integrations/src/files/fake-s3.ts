import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buffer } from 'node:stream/consumers';
import { AwsV4Signer } from 'aws4fetch';
import type { S3Config } from './s3';

type FakeObject = { body: Buffer; contentType: string };

export type FakeS3 = {
  /** Pass as `endpoint` of S3FileStore. */
  endpoint: string;
  config: S3Config;
  /** Stored objects by key, for tests to look at. */
  objects: Map<string, FakeObject>;
  /** Requests refused for a missing or wrong signature. */
  refused: number;
  close(): Promise<void>;
};

const CREDENTIAL =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;

/**
 * A local stand-in for an S3-compatible service, for development and tests: one bucket, path-style
 * PUT/GET/DELETE of objects, and every request's SigV4 signature recomputed with the secret (it
 * covers the method, bucket, key and payload hash), so a request signed for another object or by
 * another key is refused with 403 like the real service does.
 */
export async function startFakeS3(
  options: Partial<Pick<S3Config, 'bucket' | 'region' | 'accessKeyId' | 'secretAccessKey'>> = {},
): Promise<FakeS3> {
  const bucket = options.bucket ?? 'carelane-files';
  const region = options.region ?? 'us-east-1';
  const accessKeyId = options.accessKeyId ?? 'fake-access-key';
  const secretAccessKey = options.secretAccessKey ?? 'fake-secret-key-0123456789';
  const objects = new Map<string, FakeObject>();

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) sendError(response, 500, 'InternalError');
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await buffer(request);
    const url = new URL(request.url ?? '/', `http://${request.headers.host}`);
    if (!(await signedCorrectly(request, url, body))) {
      fake.refused += 1;
      return sendError(response, 403, 'SignatureDoesNotMatch');
    }
    const [first, ...rest] = url.pathname.slice(1).split('/');
    if (first === undefined || decodeURIComponent(first) !== bucket) return sendError(response, 404, 'NoSuchBucket');
    const key = rest.map(decodeURIComponent).join('/');
    if (key === '') return sendError(response, 400, 'InvalidRequest');

    if (request.method === 'PUT') {
      const contentType = request.headers['content-type'] ?? 'binary/octet-stream';
      objects.set(key, { body, contentType });
      const etag = createHash('md5').update(body).digest('hex');
      response.writeHead(200, { ETag: `"${etag}"` }).end();
      return;
    }
    if (request.method === 'GET') {
      const object = objects.get(key);
      if (!object) return sendError(response, 404, 'NoSuchKey');
      response
        .writeHead(200, { 'Content-Type': object.contentType, 'Content-Length': object.body.length })
        .end(object.body);
      return;
    }
    if (request.method === 'DELETE') {
      objects.delete(key);
      response.writeHead(204).end();
      return;
    }
    sendError(response, 405, 'MethodNotAllowed');
  }

  async function signedCorrectly(request: IncomingMessage, url: URL, body: Buffer): Promise<boolean> {
    const match = CREDENTIAL.exec(request.headers.authorization ?? '');
    const amzDate = request.headers['x-amz-date'];
    const payloadHash = request.headers['x-amz-content-sha256'];
    if (!match || typeof amzDate !== 'string' || typeof payloadHash !== 'string') return false;
    const [, keyId, day, signedRegion, signedHeaders] = match;
    if (keyId !== accessKeyId || signedRegion !== region || day !== amzDate.slice(0, 8)) return false;
    if (payloadHash !== 'UNSIGNED-PAYLOAD' && payloadHash !== createHash('sha256').update(body).digest('hex')) {
      return false;
    }
    const headers = new Headers();
    for (const name of (signedHeaders ?? '').split(';')) {
      const value = request.headers[name];
      if (name !== 'host' && typeof value === 'string') headers.set(name, value);
    }
    const expected = await new AwsV4Signer({
      method: request.method ?? 'GET',
      url: url.toString(),
      headers,
      accessKeyId,
      secretAccessKey,
      region,
      service: 's3',
      datetime: amzDate,
    }).sign();
    const got = Buffer.from(request.headers.authorization ?? '');
    const want = Buffer.from(expected.headers.get('authorization') ?? '');
    return got.length === want.length && timingSafeEqual(got, want);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  const fake: FakeS3 = {
    endpoint,
    config: { endpoint, bucket, region, accessKeyId, secretAccessKey },
    objects,
    refused: 0,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
  return fake;
}

function sendError(response: ServerResponse, status: number, code: string): void {
  response
    .writeHead(status, { 'Content-Type': 'application/xml' })
    .end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code></Error>`);
}
