import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closedFolderAbove, EmbeddedPostgresSetupError, startEmbeddedPostgres } from '../src/embedded';

// mkdtemp makes a 0700 folder: open the top one so only the folders made closed below are.
const root = mkdtempSync(join(tmpdir(), 'carelane-access-'));
chmodSync(root, 0o755);
const open = join(root, 'open');
const closed = join(root, 'closed');
mkdirSync(open, { mode: 0o755 });
mkdirSync(closed, { mode: 0o700 });
chmodSync(open, 0o755); // the umask may have narrowed it
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('folders the embedded server must enter', () => {
  it('finds no closed folder above a data folder in open folders', () => {
    expect(closedFolderAbove(join(open, 'pg'))).toBeNull();
  });

  it('names the highest folder that others cannot enter', () => {
    mkdirSync(join(closed, 'deeper'), { mode: 0o755 });
    expect(closedFolderAbove(join(closed, 'deeper', 'pg'))).toBe(closed);
  });

  it('as root, a data folder under a closed folder stops with what to do, not a raw EACCES', async () => {
    const dataDir = join(closed, 'pg');
    const isRoot = process.getuid?.() === 0;
    const started = await startEmbeddedPostgres(dataDir, { durable: false }).catch((err: unknown) => err);
    if (isRoot) {
      expect(started).toBeInstanceOf(EmbeddedPostgresSetupError);
      expect((started as Error).message).toContain(`cannot enter ${closed}`);
      expect((started as Error).message).toContain('DATABASE_URL');
    } else {
      // An ordinary user owns the folder and runs the server itself: it starts.
      expect(started).not.toBeInstanceOf(Error);
      await (started as Awaited<ReturnType<typeof startEmbeddedPostgres>>).stop();
    }
  }, 60_000);
});
