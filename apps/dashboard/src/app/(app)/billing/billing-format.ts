/** The page's tabs, in the order the desk works through them; the API names the same ids. */
export const BILLING_TABS = [
  { id: 'outstanding', label: 'Outstanding' },
  { id: 'draft', label: 'Drafts' },
  { id: 'paid', label: 'Paid' },
  { id: 'void', label: 'Void' },
  { id: 'all', label: 'All' },
] as const;
export type BillingTab = (typeof BILLING_TABS)[number]['id'];

export function tabOf(id: string | null): BillingTab {
  return BILLING_TABS.find((t) => t.id === id)?.id ?? 'outstanding';
}
