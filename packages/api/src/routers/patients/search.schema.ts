import { z } from 'zod';

export const quickSearchInput = z.object({
  q: z.string().trim().min(2, 'Type at least 2 characters').max(80, 'Search is limited to 80 characters'),
});
export type QuickSearchInput = z.infer<typeof quickSearchInput>;
