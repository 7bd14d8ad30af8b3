// A search field's text, handed on 150 ms after the last key: each search asks the core, and a
// list re-rendered per keystroke lags behind the typing.
import { useEffect, useRef, useState } from 'react';

export function useDebouncedSearch(value: string, set: (v: string) => void): [string, (v: string) => void] {
  const [text, setText] = useState(value);
  // what this field handed on last: any other value was set elsewhere ("Xóa bộ lọc") and is shown
  const sent = useRef(value);
  useEffect(() => {
    if (value === sent.current) return;
    sent.current = value;
    setText(value);
  }, [value]);
  useEffect(() => {
    if (text === value) return;
    const t = setTimeout(() => {
      sent.current = text;
      set(text);
    }, 150);
    return () => clearTimeout(t);
  }, [text, value, set]);
  return [text, setText];
}
