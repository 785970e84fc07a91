import { createHash, randomInt } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../client';
import { organizations, setupCodes } from '../schema';

/** No 0/O, 1/I/L or U/V look-alikes: the code is read off a console and typed by hand. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTWXYZ23456789';
const LENGTH = 12;
/** Long enough to finish the form after a coffee; a restart of the dashboard prints a new one. */
export const SETUP_CODE_LIFETIME_MS = 24 * 3600_000;

/** The code as people type it: upper case, without spaces or hyphens. */
export function normaliseSetupCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

function hashSetupCode(code: string): string {
  return createHash('sha256')
    .update(`carelane-setup:${normaliseSetupCode(code)}`)
    .digest('hex');
}

/** Shown as XXXX-XXXX-XXXX. */
function formatSetupCode(raw: string): string {
  return raw.match(/.{1,4}/g)?.join('-') ?? raw;
}

/** Whether the server still waits for its first organization. */
export async function setupNeeded(db: DbOrTx): Promise<boolean> {
  const rows = await db.select({ id: organizations.id }).from(organizations).limit(1);
  return rows.length === 0;
}

/**
 * While no organization exists: a fresh setup code (only its hash is kept, and every older unused
 * code dies with it), or null once the server is set up. Two servers starting at once each get
 * their own code, and only the later one works.
 */
export async function issueSetupCode(db: Database, now: Date = new Date()): Promise<string | null> {
  return db.transaction(async (tx) => {
    await lockSetup(tx);
    if (!(await setupNeeded(tx))) return null;
    const raw = Array.from({ length: LENGTH }, () => ALPHABET.charAt(randomInt(ALPHABET.length))).join('');
    await tx
      .update(setupCodes)
      .set({ expiresAt: now })
      .where(and(isNull(setupCodes.usedAt), gt(setupCodes.expiresAt, now)));
    await tx.insert(setupCodes).values({
      codeHash: hashSetupCode(raw),
      expiresAt: new Date(now.getTime() + SETUP_CODE_LIFETIME_MS),
      createdAt: now,
    });
    return formatSetupCode(raw);
  });
}

/**
 * Serialises setup: issuing a code and completing setup take this lock first, so two setups
 * racing cannot both see an empty server.
 */
export async function lockSetup(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('carelane:first-run-setup'))`);
}

/** Uses up the code if it is current and unused (in the caller's transaction); false otherwise. */
export async function useSetupCode(tx: DbOrTx, code: string, now: Date = new Date()): Promise<boolean> {
  const used = await tx
    .update(setupCodes)
    .set({ usedAt: now })
    .where(and(eq(setupCodes.codeHash, hashSetupCode(code)), isNull(setupCodes.usedAt), gt(setupCodes.expiresAt, now)))
    .returning({ id: setupCodes.id });
  return used.length > 0;
}

/** How the dashboard announces a code on its console; `pnpm start` finds it there with SETUP_CODE_PATTERN. */
export function setupCodeLine(code: string, dashboardUrl: string): string {
  const hours = SETUP_CODE_LIFETIME_MS / 3600_000;
  return `carelane setup code: ${code}  (open ${dashboardUrl}/setup to set up this server; valid for ${hours} hours, a restart prints a new one)`;
}

export const SETUP_CODE_PATTERN = /carelane setup code: ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})/;
