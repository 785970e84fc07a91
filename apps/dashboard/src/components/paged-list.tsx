'use client';
import { errorMessage } from '@carelane/api/react';
import { Button, ErrorState, Loading, Skeleton } from '@carelane/ui';
import type { ReactNode } from 'react';

/** The parts of a tRPC infinite query a paged list shows. */
type PagedQuery = {
  data: unknown;
  error: unknown;
  refetch: () => unknown;
  fetchNextPage: () => unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isPlaceholderData: boolean;
};

/**
 * A keyset-paged list's states, the same on every list page: an error with a retry, skeleton rows
 * while the first page loads, the empty state, then the rows with "Load more" (and the error of a
 * failed next page under them). Rows dim while new filters load over the old ones.
 */
export function PagedList({
  list,
  empty,
  isEmpty,
  loadingLabel,
  rowHeight = 'h-12',
  moreLabel = 'Load more',
  children,
}: {
  list: PagedQuery;
  /** Shown when the first page holds nothing. */
  empty: ReactNode;
  isEmpty: boolean;
  /** For screen readers while loading, e.g. "Loading messages…". */
  loadingLabel: string;
  rowHeight?: 'h-12' | 'h-14';
  /** The next-page button's words, e.g. "Show older appointments". */
  moreLabel?: string;
  children: ReactNode;
}) {
  if (list.error && !list.data) {
    return <ErrorState message={errorMessage(list.error)} onRetry={() => void list.refetch()} />;
  }
  if (!list.data) {
    return (
      <Loading label={loadingLabel} className="space-y-2">
        <Skeleton className={rowHeight} />
        <Skeleton className={rowHeight} />
        <Skeleton className={rowHeight} />
      </Loading>
    );
  }
  if (isEmpty) return empty;
  return (
    <div className={`space-y-3 ${list.isPlaceholderData ? 'opacity-70' : ''}`}>
      {children}
      {list.error ? <ErrorState message={errorMessage(list.error)} onRetry={() => void list.fetchNextPage()} /> : null}
      {list.hasNextPage ? (
        <Button variant="secondary" busy={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {moreLabel}
        </Button>
      ) : null}
    </div>
  );
}
