import { Autocomplete, MultiSelect, Select, TagsInput, createTheme } from '@mantine/core';
import { foldFilter } from '../lib/fold-filter';

// System fonts only: the app ships no web fonts and loads nothing from the network.
export const theme = createTheme({
  primaryColor: 'red',
  fontFamily: "'Segoe UI', 'Noto Sans', 'DejaVu Sans', Roboto, Arial, sans-serif",
  headings: { fontFamily: "'Segoe UI', 'Noto Sans', 'DejaVu Sans', Roboto, Arial, sans-serif" },
  defaultRadius: 'sm',
  // every searchable picker finds Vietnamese typed without diacritics
  components: {
    Select: Select.extend({ defaultProps: { filter: foldFilter } }),
    MultiSelect: MultiSelect.extend({ defaultProps: { filter: foldFilter } }),
    Autocomplete: Autocomplete.extend({ defaultProps: { filter: foldFilter } }),
    TagsInput: TagsInput.extend({ defaultProps: { filter: foldFilter } }),
  },
});
