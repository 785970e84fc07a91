'use client';
import { TextField } from '@carelane/ui';
import { useDebouncedSearch } from './use-debounced-search';

/** A list's search box: answers as you type, searching once typing pauses (see useDebouncedSearch). */
export function SearchField({
  label,
  placeholder,
  current,
  onSearch,
}: {
  label: string;
  placeholder: string;
  /** The search in force, e.g. the query string's `q`. */
  current: string;
  onSearch: (text: string) => void;
}) {
  const [text, setText] = useDebouncedSearch(current, onSearch);
  return (
    <TextField
      label={label}
      type="search"
      placeholder={placeholder}
      value={text}
      onChange={(e) => setText(e.target.value)}
      autoComplete="off"
      maxLength={80}
    />
  );
}
