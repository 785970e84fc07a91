import type { Readable } from 'node:stream';

export type PutOptions = { contentType: string };
export type StoredFile = { key: string; size: number; sha256: string };
export type FileContent = { body: Readable; contentType: string; size: number };

/**
 * Where uploaded files (logos, signatures) live. Keys are opaque relative paths chosen by the
 * caller, e.g. `<organization id>/logo/<uuid>.png`; who may read a file is decided by the caller.
 */
export interface FileStore {
  put(key: string, body: Buffer | Readable, options: PutOptions): Promise<StoredFile>;
  /** The file, or null when nothing is stored under the key. */
  get(key: string): Promise<FileContent | null>;
  /** Removes the file; removing a missing file is not an error. */
  delete(key: string): Promise<void>;
}

export class InvalidFileKeyError extends Error {
  constructor() {
    super('A file key is a relative path of letters, digits, ".", "_" and "-" segments');
    this.name = 'InvalidFileKeyError';
  }
}

const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
const MAX_KEY_LENGTH = 512;

/**
 * Refuses anything that could leave the store's root or clash with its own bookkeeping: empty or
 * absolute paths, `.`/`..` segments, backslashes, and segments starting with "." (the local store
 * keeps its temporary files and content-type sidecars under such names).
 */
export function isValidFileKey(key: string): boolean {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) return false;
  return key.split('/').every((segment) => SEGMENT.test(segment));
}

export function assertValidFileKey(key: string): void {
  if (!isValidFileKey(key)) throw new InvalidFileKeyError();
}
