import { type Database, localChannelMessages } from '@carelane/db';
import type { MessageChannel, MessageChannels, OutgoingMessage } from '@carelane/integrations';
import { desc } from 'drizzle-orm';

/**
 * The development and test stand-in for a phone or an inbox: "delivering" stores the message in
 * `local_channel_messages`, where the dashboard's /dev/outbox page and the tests read it.
 */
export class LocalChannel implements MessageChannel {
  readonly name = 'local';
  constructor(private readonly db: Database) {}

  async send(message: OutgoingMessage): Promise<{ providerMessageId: string }> {
    const [row] = await this.db
      .insert(localChannelMessages)
      .values({
        notificationId: message.notificationId,
        channel: message.channel,
        recipient: message.recipient,
        subject: message.subject ?? null,
        body: message.body,
      })
      .returning({ id: localChannelMessages.id });
    return { providerMessageId: `local-${row?.id ?? 'unknown'}` };
  }
}

export function localChannels(db: Database): MessageChannels {
  const local = new LocalChannel(db);
  return { sms: local, whatsapp: local, email: local };
}

/** The newest messages the local channel "delivered", for the development inbox. */
export function recentLocalMessages(db: Database, limit = 50) {
  return db.select().from(localChannelMessages).orderBy(desc(localChannelMessages.createdAt)).limit(limit);
}
