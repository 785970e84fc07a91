import { createHash, randomBytes } from 'node:crypto';
import { constants, createWriteStream } from 'node:fs';
import { mkdir, open, readFile, realpath, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertValidFileKey, type FileContent, type FileStore, type PutOptions, type StoredFile } from './file-store';

type Sidecar = { contentType: string; size: number; sha256: string };

/**
 * Files on the local disk under one root folder (the apps pass `DATA_DIR/files`). A write goes to a
 * temporary file beside the target and is renamed into place, so readers see the old file or the
 * whole new one, never a partial one. The content type is kept in a small JSON sidecar,
 * `.<name>.meta.json`, a name no key can take.
 */
export class LocalDiskFileStore implements FileStore {
  private readonly root: string;
  private realRoot: Promise<string> | undefined;

  constructor(rootDir: string) {
    this.root = path.resolve(rootDir);
  }

  async put(key: string, body: Buffer | Readable, { contentType }: PutOptions): Promise<StoredFile> {
    const target = await this.pathFor(key, { create: true });
    const dir = path.dirname(target);
    const name = path.basename(target);
    const suffix = randomBytes(6).toString('hex');
    const tempFile = path.join(dir, `.${name}.${suffix}.tmp`);
    const tempSidecar = path.join(dir, `.${name}.${suffix}.meta.tmp`);
    const hash = createHash('sha256');
    let size = 0;
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    try {
      const source = Buffer.isBuffer(body) ? Readable.from([body]) : body;
      await pipeline(source, measure, createWriteStream(tempFile, { flags: 'wx', mode: 0o600 }));
      const sidecar: Sidecar = { contentType, size, sha256: hash.digest('hex') };
      await writeFile(tempSidecar, JSON.stringify(sidecar), { flag: 'wx', mode: 0o600 });
      // Sidecar first: a reader that finds the data file always finds a sidecar for it.
      await rename(tempSidecar, sidecarPath(target));
      await rename(tempFile, target);
      return { key, size: sidecar.size, sha256: sidecar.sha256 };
    } catch (error) {
      await Promise.all([removeIfPresent(tempFile), removeIfPresent(tempSidecar)]);
      throw error;
    }
  }

  async get(key: string): Promise<FileContent | null> {
    const target = await this.pathFor(key, { create: false });
    if (target === null) return null;
    let handle: Awaited<ReturnType<typeof open>>;
    try {
      // O_NOFOLLOW: a symbolic link planted as the file itself must not lead outside the root.
      handle = await open(target, constants.O_RDONLY | constants.O_NOFOLLOW);
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    try {
      const { size } = await handle.stat();
      const contentType = await readContentType(target);
      // Reading through the open handle serves the file that was opened even if a put renames a
      // newer one into place meanwhile.
      return { body: handle.createReadStream(), contentType, size };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    const target = await this.pathFor(key, { create: false });
    if (target === null) return;
    await removeIfPresent(target);
    await removeIfPresent(sidecarPath(target));
  }

  /**
   * The file's path, checked to be inside the root after symbolic links are resolved (a linked
   * folder under the root must not lead elsewhere). Null when its folder does not exist.
   */
  private async pathFor(key: string, options: { create: true }): Promise<string>;
  private async pathFor(key: string, options: { create: false }): Promise<string | null>;
  private async pathFor(key: string, { create }: { create: boolean }): Promise<string | null> {
    assertValidFileKey(key);
    const target = path.resolve(this.root, key);
    const dir = path.dirname(target);
    this.realRoot ??= mkdir(this.root, { recursive: true }).then(() => realpath(this.root));
    const realRoot = await this.realRoot;
    if (create) await mkdir(dir, { recursive: true });
    let realDir: string;
    try {
      realDir = await realpath(dir);
    } catch (error) {
      if (!create && isMissing(error)) return null;
      throw error;
    }
    if (realDir !== realRoot && !realDir.startsWith(realRoot + path.sep)) {
      throw new Error('A file key led outside the file store');
    }
    return path.join(realDir, path.basename(target));
  }
}

function sidecarPath(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.meta.json`);
}

async function readContentType(target: string): Promise<string> {
  try {
    const sidecar = JSON.parse(await readFile(sidecarPath(target), 'utf8')) as Partial<Sidecar>;
    if (typeof sidecar.contentType === 'string') return sidecar.contentType;
  } catch (error) {
    if (!isMissing(error) && !(error instanceof SyntaxError)) throw error;
  }
  return 'application/octet-stream';
}

async function removeIfPresent(file: string): Promise<void> {
  try {
    await unlink(file);
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}
