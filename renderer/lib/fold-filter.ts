// The options filter of every searchable picker (set as the theme's default): Vietnamese typed
// with or without diacritics, in any case, every word anywhere in the option ("van phong tai
// chinh" finds "Văn phòng (Sở Tài chính)"). Mantine's own filter wants the exact diacritics.
import type { ComboboxItem, ComboboxParsedItem, OptionsFilter } from '@mantine/core';
import { foldVi } from '../../shared/text/vn';

/** An option may carry its folded text in `search` (computed once for long lists). */
type SearchableItem = ComboboxItem & { search?: string };

export const foldFilter: OptionsFilter = ({ options, search, limit }) => {
  const words = foldVi(search).split(' ').filter(Boolean);
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
      const text = words.length ? (item.search ?? foldVi(item.label)) : '';
      if (words.every((w) => text.includes(w))) out.push(o);
    }
    return out;
  };
  return pick(options, limit);
};
