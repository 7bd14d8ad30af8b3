import { createTheme } from '@mantine/core';

// System fonts only: the app ships no web fonts and loads nothing from the network.
export const theme = createTheme({
  primaryColor: 'red',
  fontFamily: "'Segoe UI', 'Noto Sans', 'DejaVu Sans', Roboto, Arial, sans-serif",
  headings: { fontFamily: "'Segoe UI', 'Noto Sans', 'DejaVu Sans', Roboto, Arial, sans-serif" },
  defaultRadius: 'sm',
});
