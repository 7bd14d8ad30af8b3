// The options filter of every searchable picker (set as the theme's default): Vietnamese typed
// with or without diacritics, in any case, by the lists' search rule (matchesQuery: "van phong
// tai chinh" finds "Văn phòng (Sở Tài chính)"). Mantine's own filter wants the exact diacritics.
import type { ComboboxItem, ComboboxParsedItem, OptionsFilter } from '@mantine/core';
import { foldQuery, foldVi, matchesQuery } from '../../shared/text/vn';

/** An option may carry its folded text in `search` (computed once for long lists). */
type SearchableItem = ComboboxItem & { search?: string };

export const foldFilter: OptionsFilter = ({ options, search, limit }) => {
  const q = foldQuery(search);
  const pick = (list: readonly ComboboxParsedItem[], room: number): ComboboxParsedItem[] => {
    const out: ComboboxParsedItem[] = [];
    for (const o of list) {
      if (out.length >= room) break;
      if ('group' in o) {
        const items = pick(o.items, room - out.length) as ComboboxItem[];
        if (items.length) out.push({ group: o.group, items });
        continue;
      }
      const item = o as SearchableItem;
      if (q.words.length === 0 || matchesQuery(item.search ?? foldVi(item.label), q)) out.push(o);
    }
    return out;
  };
  return pick(options, limit);
};
