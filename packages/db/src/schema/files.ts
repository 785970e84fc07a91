import { bigint, char, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, organizationRef } from './columns';
import { staffUsers } from './staff';

export const FILE_PURPOSES = ['logo', 'signature'] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];

/**
 * A stored object's metadata; the bytes live in the file store (local disk under the data folder,
 * or S3-compatible) at `storage_key`. Files are served only through routes that check who may see
 * them (a logo: anyone shown the organization's forms; a signature: staff of the organization).
 */
export const files = pgTable(
  'files',
  {
    id: id(),
    organizationId: organizationRef(),
    purpose: text('purpose', { enum: FILE_PURPOSES }).notNull(),
    storageKey: text('storage_key').notNull(),
    /** From the content, never from the name the upload came with. */
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: char('sha256', { length: 64 }).notNull(),
    /** Staff who uploaded it; null when a patient did (a signature on a public form). */
    createdById: uuid('created_by_id').references(() => staffUsers.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('files_storage_key_key').on(t.storageKey),
    index('files_organization_idx').on(t.organizationId, t.purpose),
  ],
);
