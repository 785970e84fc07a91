'use client';
import { cn } from '@carelane/ui';
import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef } from 'react';

export type Tab = { id: string; label: string };

/**
 * Tabs after the WAI pattern: one tab stop, arrow keys, Home and End move between tabs and
 * select them; the panel follows.
 */
export function Tabs({
  label,
  tabs,
  selected,
  onSelect,
  keepSelectedInView = false,
  children,
}: {
  label: string;
  tabs: Tab[];
  selected: string;
  onSelect: (id: string) => void;
  /** Scroll the chosen tab into sight, for a row of tabs that scrolls sideways on a phone. */
  keepSelectedInView?: boolean;
  children: ReactNode;
}) {
  const base = useId();
  const listRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!keepSelectedInView) return;
    listRef.current
      ?.querySelector(`#${CSS.escape(`${base}-tab-${selected}`)}`)
      ?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [keepSelectedInView, base, selected]);
  function onKeyDown(event: KeyboardEvent) {
    const index = tabs.findIndex((t) => t.id === selected);
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % tabs.length
        : event.key === 'ArrowLeft'
          ? (index - 1 + tabs.length) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? tabs.length - 1
              : null;
    const tab = next === null ? undefined : tabs[next];
    if (!tab) return;
    event.preventDefault();
    onSelect(tab.id);
    listRef.current?.querySelector<HTMLElement>(`#${CSS.escape(`${base}-tab-${tab.id}`)}`)?.focus();
  }
  return (
    <div>
      <div
        ref={listRef}
        role="tablist"
        aria-label={label}
        onKeyDown={onKeyDown}
        className="-mx-1 flex gap-1 overflow-x-auto border-b border-slate-200 px-1"
      >
        {tabs.map((t) => {
          const active = t.id === selected;
          return (
            <button
              key={t.id}
              id={`${base}-tab-${t.id}`}
              type="button"
              role="tab"
              aria-selected={active}
              aria-controls={`${base}-panel`}
              tabIndex={active ? 0 : -1}
              onClick={() => onSelect(t.id)}
              className={cn(
                '-mb-px shrink-0 border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap focus-visible:outline-2 focus-visible:outline-teal-700',
                active
                  ? 'border-teal-700 text-teal-900'
                  : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900',
              )}
            >
              {t.label}
            </button>
          );
        })}
      </div>
      <div id={`${base}-panel`} role="tabpanel" aria-labelledby={`${base}-tab-${selected}`} className="pt-4">
        {children}
      </div>
    </div>
  );
}
