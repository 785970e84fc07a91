import type { Database } from '@carelane/db';
import { localChannelMessages } from '@carelane/db';
import { desc, eq } from 'drizzle-orm';

/** The invitation token in the newest message the local channel delivered to `recipient`. */
export async function invitationTokenSentTo(db: Database, recipient: string): Promise<string> {
  const [message] = await db
    .select({ body: localChannelMessages.body })
    .from(localChannelMessages)
    .where(eq(localChannelMessages.recipient, recipient))
    .orderBy(desc(localChannelMessages.createdAt))
    .limit(1);
  const token = /\/invite\/([A-Za-z0-9_-]{22})/.exec(message?.body ?? '')?.[1];
  if (!token) throw new Error('no invitation delivered');
  return token;
}

let counter = 0;
/** A fresh email address nobody uses yet. */
export const nextEmail = (who = 'invitee') => `${who}-${Date.now().toString(36)}-${counter++}@clinic.example`;

/** A password the rule accepts. */
export const GOOD_PASSWORD = 'quiet-harbour-lantern-42';
