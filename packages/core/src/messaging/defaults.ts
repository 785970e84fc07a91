import type { NotificationChannel } from '../constants';
import { ENGLISH_TEMPLATES } from './defaults-en';
import { HINDI_TEMPLATES } from './defaults-hi';
import type { MessageKind, MessageLanguage } from './kinds';
import type { MessageTemplate } from './templates';

export type ChannelTemplates = Record<NotificationChannel, MessageTemplate>;

/**
 * The wording every organization starts with, per language, kind and channel (email alone has a
 * subject); each passes checkTemplate, which a test holds. Organizations edit their own copies.
 */
export const DEFAULT_TEMPLATES: Record<MessageLanguage, Record<MessageKind, ChannelTemplates>> = {
  en: ENGLISH_TEMPLATES,
  hi: HINDI_TEMPLATES,
};

export function defaultTemplate(
  kind: MessageKind,
  channel: NotificationChannel,
  language: MessageLanguage,
): MessageTemplate {
  return DEFAULT_TEMPLATES[language][kind][channel];
}
