import { CLOCK_TIME, NOTIFICATION_CHANNELS } from '@carelane/core';
import { z } from 'zod';

/** 15 minutes to 14 days before a visit. */
export const REMINDER_OFFSET_LIMITS = { min: 15, max: 20_160, count: 4 } as const;

const clock = z.string().regex(CLOCK_TIME, 'Enter a time like 21:00');

/** The reminder schedule, quiet hours and channel order; also the dashboard form's validator. */
export const messagingSettingsInput = z.object({
  reminderOffsetsMinutes: z
    .array(
      z
        .number()
        .int('Reminder times are whole minutes')
        .min(REMINDER_OFFSET_LIMITS.min, 'A reminder goes at least 15 minutes before the visit')
        .max(REMINDER_OFFSET_LIMITS.max, 'A reminder goes at most 14 days before the visit'),
    )
    .max(REMINDER_OFFSET_LIMITS.count, 'Keep to 4 reminders or fewer')
    .refine((list) => new Set(list).size === list.length, 'Each reminder time may appear only once'),
  quietHours: z
    .object({ start: clock, end: clock })
    .refine((q) => q.start !== q.end, {
      message: 'Quiet hours must end at a different time than they start',
      path: ['end'],
    })
    .nullable(),
  channelOrder: z
    .array(z.enum(NOTIFICATION_CHANNELS, 'Choose WhatsApp, SMS or email'))
    .min(1, 'Keep at least one channel')
    .refine((list) => new Set(list).size === list.length, 'Each channel may appear only once'),
});
export type MessagingSettingsInput = z.infer<typeof messagingSettingsInput>;
