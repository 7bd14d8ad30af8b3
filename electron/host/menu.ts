// The Electron window's menu bar, in Vietnamese (Electron's own is English, with Reload and the
// developer tools in it). Plain data: main.ts builds it with Menu.buildFromTemplate. The editing
// keys and F1 are shown but left to the page (registerAccelerator: false), which handles them as
// in the browser host — the plan editor's own Ctrl+Z among them.

/** The roles this menu uses (a subset of Electron's MenuItem roles). */
export type MenuRole =
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'zoomIn'
  | 'zoomOut'
  | 'resetZoom'
  | 'togglefullscreen'
  | 'reload'
  | 'toggleDevTools'
  | 'quit';

/** Structurally an Electron MenuItemConstructorOptions. */
export interface MenuSpec {
  label?: string;
  role?: MenuRole;
  type?: 'separator';
  accelerator?: string;
  registerAccelerator?: boolean;
  submenu?: MenuSpec[];
  click?: () => void;
}

/** The screens the menu opens (hash routes of the renderer). */
export type MenuRoute = 'help' | 'backup' | 'exchange';

export interface MenuActions {
  go(route: MenuRoute): void;
  openDataFolder(): void;
  about(): void;
}

export const MENU_TEXT = {
  file: 'Tệp',
  exchange: 'Trao đổi dữ liệu (xuất, mở gói)',
  backup: 'Sao lưu, khôi phục',
  dataFolder: 'Mở thư mục dữ liệu',
  quit: 'Thoát',
  edit: 'Sửa',
  undo: 'Hoàn tác',
  redo: 'Làm lại',
  cut: 'Cắt',
  copy: 'Sao chép',
  paste: 'Dán',
  selectAll: 'Chọn tất cả',
  view: 'Xem',
  zoomIn: 'Phóng to',
  zoomOut: 'Thu nhỏ',
  resetZoom: 'Cỡ mặc định',
  fullScreen: 'Toàn màn hình',
  reload: 'Tải lại (nhà phát triển)',
  devTools: 'Công cụ nhà phát triển',
  help: 'Trợ giúp',
  guide: 'Hướng dẫn sử dụng',
  about: 'Giới thiệu TĐKT Desktop',
  aboutTitle: 'TĐKT Desktop',
  unsavedTitle: 'Có thay đổi chưa lưu',
  unsavedDetail: 'Một màn hình đang có thay đổi chưa lưu (bảng nhập cuối năm, báo cáo thành tích, quyết định đang sửa…). Nếu đóng bây giờ, các thay đổi đó sẽ mất.',
  unsavedStay: 'Ở lại để lưu',
  unsavedLeave: 'Đóng, bỏ thay đổi',
  aboutBody: (version: string, dbPath: string) =>
    `Phần mềm quản lý thi đua, khen thưởng — phiên bản ${version}.\nLàm việc không cần Internet; dữ liệu nằm trên máy này.\n\nTệp dữ liệu: ${dbPath}`,
} as const;

const sep: MenuSpec = { type: 'separator' };
/** shown in the menu, handled by the page */
const pageKey = (accelerator: string) => ({ accelerator, registerAccelerator: false });

export function appMenu(actions: MenuActions, opts: { dev: boolean }): MenuSpec[] {
  const T = MENU_TEXT;
  return [
    {
      label: T.file,
      submenu: [
        { label: T.exchange, click: () => actions.go('exchange') },
        { label: T.backup, click: () => actions.go('backup') },
        { label: T.dataFolder, click: () => actions.openDataFolder() },
        sep,
        { label: T.quit, role: 'quit' },
      ],
    },
    {
      label: T.edit,
      submenu: [
        { label: T.undo, role: 'undo', ...pageKey('CommandOrControl+Z') },
        { label: T.redo, role: 'redo', ...pageKey('CommandOrControl+Y') },
        sep,
        { label: T.cut, role: 'cut', ...pageKey('CommandOrControl+X') },
        { label: T.copy, role: 'copy', ...pageKey('CommandOrControl+C') },
        { label: T.paste, role: 'paste', ...pageKey('CommandOrControl+V') },
        { label: T.selectAll, role: 'selectAll', ...pageKey('CommandOrControl+A') },
      ],
    },
    {
      label: T.view,
      submenu: [
        // older eyes on office screens: the whole app larger, kept by Chromium for the page
        { label: T.zoomIn, role: 'zoomIn', accelerator: 'CommandOrControl+=' },
        { label: T.zoomOut, role: 'zoomOut', accelerator: 'CommandOrControl+-' },
        { label: T.resetZoom, role: 'resetZoom', accelerator: 'CommandOrControl+0' },
        sep,
        { label: T.fullScreen, role: 'togglefullscreen', accelerator: 'F11' },
        ...(opts.dev ? [sep, { label: T.reload, role: 'reload' as const }, { label: T.devTools, role: 'toggleDevTools' as const }] : []),
      ],
    },
    {
      label: T.help,
      submenu: [{ label: T.guide, ...pageKey('F1'), click: () => actions.go('help') }, sep, { label: T.about, click: () => actions.about() }],
    },
  ];
}

/** The renderer code that opens a screen (its router follows the hash); the route is one of ours, never input. */
export function routeScript(route: MenuRoute): string {
  return `window.location.hash = ${JSON.stringify(`#/${route}`)};`;
}

/** Index of the button that closes anyway in unsavedCloseDialog's answer. */
export const UNSAVED_LEAVE = 1;

/**
 * The question the window asks when the page holds unsaved edits (its beforeunload refused):
 * Electron would otherwise keep the window open without a word. Staying is the default and Esc.
 */
export function unsavedCloseDialog() {
  return {
    type: 'question' as const,
    title: MENU_TEXT.aboutTitle,
    message: MENU_TEXT.unsavedTitle,
    detail: MENU_TEXT.unsavedDetail,
    buttons: [MENU_TEXT.unsavedStay, MENU_TEXT.unsavedLeave],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
}
