'use client';
import type { RouterInputs } from '@carelane/api/client';
import { trpc } from '@carelane/api/react';
import { keepPreviousData } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { PagedList } from '@/components/paged-list';
import { MessageDialog } from './message-dialog';
import { MessageRows } from './message-rows';

/** Messages sent, newest first, a page at a time; a message opens with its text and attempts. */
export function MessageList({
  query,
  zone,
  canSend,
  empty,
}: {
  /** The list's filters and page size. */
  query: Omit<RouterInputs['messages']['list'], 'cursor'>;
  zone: string | undefined;
  canSend: boolean;
  /** Shown when nothing matches. */
  empty: ReactNode;
}) {
  const [openId, setOpenId] = useState<string | null>(null);
  const list = trpc.messages.list.useInfiniteQuery(query, {
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const rows = list.data?.pages.flatMap((p) => p.rows) ?? [];
  return (
    <>
      <PagedList list={list} isEmpty={rows.length === 0} loadingLabel="Loading messages…" empty={empty}>
        <MessageRows rows={rows} zone={zone} onOpen={setOpenId} />
      </PagedList>
      {openId ? (
        <MessageDialog
          key={openId}
          id={openId}
          zone={zone}
          canSend={canSend}
          onClose={() => setOpenId(null)}
          onOpen={setOpenId}
        />
      ) : null}
    </>
  );
}
