import { MESSAGE_KINDS, MESSAGE_LANGUAGES, NOTIFICATION_CHANNELS } from '@carelane/core';
import { z } from 'zod';

/** Which template: the unique key of a message_templates row within the organization. */
export const templateKeyInput = z.object({
  kind: z.enum(MESSAGE_KINDS, 'Choose a kind of message'),
  channel: z.enum(NOTIFICATION_CHANNELS, 'Choose WhatsApp, SMS or email'),
  language: z.enum(MESSAGE_LANGUAGES, 'Choose English or Hindi'),
});
export type TemplateKeyInput = z.infer<typeof templateKeyInput>;

export const saveTemplateInput = templateKeyInput.extend({
  subject: z.string().max(2_000, 'Keep the subject under 2,000 characters').optional(),
  body: z.string({ error: 'Write the message text' }).max(40_000, 'Keep the message under 40,000 characters'),
});
export type SaveTemplateInput = z.infer<typeof saveTemplateInput>;
