'use client';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';

/**
 * The page's query string, where its filters live so a link or a reload keeps them, and a function
 * that changes some of its values in place (an empty value removes the parameter).
 */
export function useQueryParams() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  function update(next: Record<string, string | undefined>) {
    const q = new URLSearchParams(params.toString());
    for (const [k, v] of Object.entries(next)) {
      if (v) q.set(k, v);
      else q.delete(k);
    }
    router.replace(`${pathname}?${q.toString()}`);
  }
  return [params, update] as const;
}
