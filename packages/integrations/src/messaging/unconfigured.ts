import { NOTIFICATION_CHANNEL_NAMES, type NotificationChannel } from '@carelane/core';
import type { MessageChannel, MessageChannels } from './channel';
import { ChannelError } from './channel-error';

/**
 * A channel with no provider in production. It refuses every message, so the message fails at once
 * with a reason staff can act on and goes on by the patient's next channel, rather than landing in
 * the development channel where nobody reads it.
 */
export class UnconfiguredChannel implements MessageChannel {
  readonly name = 'none';
  constructor(private readonly channel: NotificationChannel) {}

  async send(): Promise<{ providerMessageId: string }> {
    const error = new ChannelError('none', 'unauthorized', null, 'not_configured');
    error.message = `No ${NOTIFICATION_CHANNEL_NAMES[this.channel]} provider is configured on this server.`;
    throw error;
  }
}

export function unconfiguredChannels(): MessageChannels {
  return {
    sms: new UnconfiguredChannel('sms'),
    whatsapp: new UnconfiguredChannel('whatsapp'),
    email: new UnconfiguredChannel('email'),
  };
}
