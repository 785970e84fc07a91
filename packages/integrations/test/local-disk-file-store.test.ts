import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer as readAll } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FileContent, InvalidFileKeyError } from '../src/files/file-store';
import { LocalDiskFileStore } from '../src/files/local-disk';

let dir: string;
let root: string;
let store: LocalDiskFileStore;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'carelane-files-'));
  root = path.join(dir, 'files');
  store = new LocalDiskFileStore(root);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function contentOf(file: FileContent | null): Promise<Buffer> {
  if (!file) throw new Error('expected a stored file');
  return readAll(file.body);
}

/** A stream that yields some bytes, then fails, like an upload cut off halfway. */
function failingStream(): Readable {
  let sent = false;
  return new Readable({
    read() {
      if (!sent) {
        sent = true;
        this.push(Buffer.alloc(64 * 1024, 7));
      } else {
        this.destroy(new Error('connection reset'));
      }
    },
  });
}

describe('LocalDiskFileStore', () => {
  it('stores, reads back and deletes a file with its content type', async () => {
    const body = Buffer.from('hello logo');
    const stored = await store.put('org-1/logo/a.png', body, { contentType: 'image/png' });
    expect(stored).toEqual({ key: 'org-1/logo/a.png', size: body.length, sha256: sha256(body) });
    const file = await store.get('org-1/logo/a.png');
    expect(file?.contentType).toBe('image/png');
    expect(file?.size).toBe(body.length);
    expect(await contentOf(file)).toEqual(body);

    await store.delete('org-1/logo/a.png');
    expect(await store.get('org-1/logo/a.png')).toBeNull();
    expect(await readdir(path.join(root, 'org-1/logo'))).toEqual([]);
    await store.delete('org-1/logo/a.png');
  });

  it('accepts a stream and reports its size and SHA-256', async () => {
    const parts = [Buffer.from('one '), Buffer.from('two')];
    const stored = await store.put('s.txt', Readable.from(parts), { contentType: 'text/plain' });
    expect(stored.size).toBe(7);
    expect(stored.sha256).toBe(sha256(Buffer.from('one two')));
  });

  it('answers null for a key never stored, even in a folder that does not exist', async () => {
    expect(await store.get('nowhere/x.png')).toBeNull();
  });

  it('refuses keys that would leave the root', async () => {
    for (const key of ['../escape.txt', '/etc/passwd', 'a/../../b', '.a.meta.json', '']) {
      await expect(store.put(key, Buffer.from('x'), { contentType: 'text/plain' })).rejects.toThrow(
        InvalidFileKeyError,
      );
      await expect(store.get(key)).rejects.toThrow(InvalidFileKeyError);
      await expect(store.delete(key)).rejects.toThrow(InvalidFileKeyError);
    }
    expect(await readdir(dir)).toEqual([]); // nothing written, not even the root
  });

  it('does not follow a linked folder or file out of the root', async () => {
    const outside = path.join(dir, 'outside');
    await store.put('keep.txt', Buffer.from('x'), { contentType: 'text/plain' });
    await mkdir(outside);
    await writeFile(path.join(outside, 'secret.txt'), 'secret');
    await symlink(outside, path.join(root, 'linked'));
    await expect(store.get('linked/secret.txt')).rejects.toThrow(/outside/);
    await expect(store.put('linked/new.txt', Buffer.from('x'), { contentType: 'text/plain' })).rejects.toThrow(
      /outside/,
    );
    await symlink(path.join(outside, 'secret.txt'), path.join(root, 'file-link.txt'));
    await expect(store.get('file-link.txt')).rejects.toThrow();
  });

  it('leaves no partial file when a write fails, and keeps the previous version', async () => {
    await expect(store.put('new.bin', failingStream(), { contentType: 'image/png' })).rejects.toThrow(
      'connection reset',
    );
    expect(await store.get('new.bin')).toBeNull();
    expect(await readdir(root)).toEqual([]);

    await store.put('old.bin', Buffer.from('version one'), { contentType: 'text/plain' });
    await expect(store.put('old.bin', failingStream(), { contentType: 'image/png' })).rejects.toThrow();
    const file = await store.get('old.bin');
    expect(file?.contentType).toBe('text/plain');
    expect((await contentOf(file)).toString()).toBe('version one');
    expect((await readdir(root)).sort()).toEqual(['.old.bin.meta.json', 'old.bin']);
  });

  it('replaces a file whole when written again', async () => {
    await store.put('r.txt', Buffer.from('first'), { contentType: 'text/plain' });
    await store.put('r.txt', Buffer.from('second, longer'), { contentType: 'text/markdown' });
    const file = await store.get('r.txt');
    expect(file?.contentType).toBe('text/markdown');
    expect((await contentOf(file)).toString()).toBe('second, longer');
  });
});
