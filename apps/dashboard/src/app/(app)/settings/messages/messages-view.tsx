'use client';
import { trpc } from '@carelane/api/react';
import Link from 'next/link';
import { ScheduleSection } from './schedule-section';
import { TemplateEditor } from './template-editor';

/** Settings -> Messages: the reminder schedule, quiet hours, channel order and the wording of each message. */
export function MessagesView() {
  const profile = trpc.me.profile.useQuery();
  const canManage = profile.data?.permissions.includes('messaging:manage') ?? false;
  return (
    <div className="space-y-8">
      <div>
        <Link href="/settings" className="text-sm text-teal-800 underline">
          Settings
        </Link>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Messages</h1>
      </div>
      <section aria-labelledby="schedule-heading" className="space-y-4">
        <h2 id="schedule-heading" className="text-lg font-semibold text-slate-900">
          Reminder schedule
        </h2>
        <ScheduleSection canManage={canManage} />
      </section>
      <section aria-labelledby="templates-heading" className="space-y-4">
        <h2 id="templates-heading" className="text-lg font-semibold text-slate-900">
          Message wording
        </h2>
        <TemplateEditor canManage={canManage} />
      </section>
    </div>
  );
}
