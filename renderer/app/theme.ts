import { Autocomplete, Drawer, Menu, Modal, MultiSelect, Notification, Select, TagsInput, createTheme, darken, type CSSVariablesResolver } from '@mantine/core';
import { foldFilter } from '../lib/fold-filter';

// System fonts only: the app ships no web fonts and loads nothing from the network.
export const theme = createTheme({
  primaryColor: 'red',
  // filled buttons: white on red 8 is 4.5:1 (WCAG AA); Mantine's default shade 6 is 3.3:1
  primaryShade: 8,
  fontFamily: "'Segoe UI', 'Noto Sans', 'DejaVu Sans', Roboto, Arial, sans-serif",
  headings: { fontFamily: "'Segoe UI', 'Noto Sans', 'DejaVu Sans', Roboto, Arial, sans-serif" },
  defaultRadius: 'sm',
  // every searchable picker finds Vietnamese typed without diacritics
  components: {
    Select: Select.extend({ defaultProps: { filter: foldFilter } }),
    MultiSelect: MultiSelect.extend({ defaultProps: { filter: foldFilter } }),
    Autocomplete: Autocomplete.extend({ defaultProps: { filter: foldFilter } }),
    TagsInput: TagsInput.extend({ defaultProps: { filter: foldFilter } }),
    // the × of a dialog or a notification is read out by screen readers
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Đóng' } } }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Đóng' } } }),
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Đóng' } } }),
    // no focus placeholder: an element of its own inside role="menu" breaks the role's rule on
    // children (axe, critical); focus goes to the first item instead
    Menu: Menu.extend({ defaultProps: { withInitialFocusPlaceholder: false } }),
  },
});

/**
 * Text contrast to WCAG AA (4.5:1), on office monitors of every quality. Mantine's "dimmed" grey
 * (#868e96, the app's hints and secondary lines) is 3.3:1 on white: this grey is 5.2:1, and 4.7:1
 * on the light grey panels. The "light" variants (badges, the selected menu entry, light
 * buttons) write shade 9 on shade 0: orange is 3.6:1, yellow less; darkened by 30 % each is
 * over 5:1 and keeps its hue.
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#666d75',
    ...Object.fromEntries(Object.entries(t.colors).map(([name, shades]) => [`--mantine-color-${name}-light-color`, darken(shades[9], 0.3)])),
  },
  dark: {},
});
