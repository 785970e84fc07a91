'use client';
import { useEffect, useEffectEvent, useState } from 'react';

/**
 * Search as you type: the box answers at once, the search a moment later. Returns the box's text
 * and its setter; `search` gets the trimmed text once typing pauses for `delayMs`, and only when
 * it differs from the search in force (`current`, e.g. the query string's `q`).
 */
export function useDebouncedSearch(current: string, search: (text: string) => void, delayMs = 250) {
  const [text, setText] = useState(current);
  const settle = useEffectEvent(search);
  useEffect(() => {
    const next = text.trim();
    if (next === current) return;
    const timer = setTimeout(() => settle(next), delayMs);
    return () => clearTimeout(timer);
  }, [text, current, delayMs]);
  return [text, setText] as const;
}
