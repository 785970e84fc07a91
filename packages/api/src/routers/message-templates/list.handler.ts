import {
  defaultTemplate,
  MESSAGE_KINDS,
  MESSAGE_LANGUAGES,
  type MessageKind,
  type MessageLanguage,
  NOTIFICATION_CHANNELS,
  type NotificationChannel,
} from '@carelane/core';
import { messageTemplates, staffUsers } from '@carelane/db';
import { eq } from 'drizzle-orm';
import type { StaffContext } from '../../trpc';

export type TemplateEntry = {
  kind: MessageKind;
  channel: NotificationChannel;
  language: MessageLanguage;
  subject: string | null;
  body: string;
  /** The organization saved its own wording (a row exists). */
  custom: boolean;
  /** The text equals the default, saved or not. */
  matchesDefault: boolean;
  updatedAt: Date | null;
  updatedBy: string | null;
};

/** Every kind x channel x language: the organization's own wording where saved, else the default. */
export async function listTemplatesHandler({ ctx }: { ctx: StaffContext }): Promise<TemplateEntry[]> {
  const rows = await ctx.db
    .select({
      kind: messageTemplates.kind,
      channel: messageTemplates.channel,
      language: messageTemplates.language,
      subject: messageTemplates.subject,
      body: messageTemplates.body,
      updatedAt: messageTemplates.updatedAt,
      updatedBy: staffUsers.name,
    })
    .from(messageTemplates)
    .leftJoin(staffUsers, eq(staffUsers.id, messageTemplates.updatedById))
    .where(ctx.tenant.owns(messageTemplates));
  const saved = new Map(rows.map((row) => [`${row.kind}/${row.channel}/${row.language}`, row]));
  const entries: TemplateEntry[] = [];
  for (const language of MESSAGE_LANGUAGES) {
    for (const kind of MESSAGE_KINDS) {
      for (const channel of NOTIFICATION_CHANNELS) {
        const fallback = defaultTemplate(kind, channel, language);
        const row = saved.get(`${kind}/${channel}/${language}`);
        const subject = row ? row.subject : (fallback.subject ?? null);
        const body = row ? row.body : fallback.body;
        entries.push({
          kind,
          channel,
          language,
          subject,
          body,
          custom: row !== undefined,
          matchesDefault: body === fallback.body && (subject ?? '') === (fallback.subject ?? ''),
          updatedAt: row?.updatedAt ?? null,
          updatedBy: row?.updatedBy ?? null,
        });
      }
    }
  }
  return entries;
}
