// The Electron window's menu: in Vietnamese, without the developer tools in a packaged build,
// its items opening the app's screens, the editing keys and F1 left to the page.
import { describe, expect, it } from 'vitest';
import { MENU_TEXT, UNSAVED_LEAVE, appMenu, routeScript, unsavedCloseDialog, type MenuRoute, type MenuSpec } from '../../../electron/host/menu';

function flat(items: MenuSpec[]): MenuSpec[] {
  return items.flatMap((i) => [i, ...flat(i.submenu ?? [])]);
}

function actions() {
  const calls: string[] = [];
  return {
    calls,
    actions: {
      go: (r: MenuRoute) => calls.push(`go:${r}`),
      openDataFolder: () => calls.push('folder'),
      about: () => calls.push('about'),
    },
  };
}

describe('menu bar', () => {
  it('is in Vietnamese: every item but separators has a Vietnamese label', () => {
    const { actions: a } = actions();
    const items = flat(appMenu(a, { dev: false }));
    expect(items.map((i) => i.label).filter(Boolean).slice(0, 4)).toEqual([MENU_TEXT.file, MENU_TEXT.exchange, MENU_TEXT.backup, MENU_TEXT.dataFolder]);
    for (const i of items) if (i.type !== 'separator') expect(i.label, JSON.stringify(i)).toMatch(/\S/);
    expect(appMenu(a, { dev: false }).map((m) => m.label)).toEqual(['Tệp', 'Sửa', 'Xem', 'Trợ giúp']);
  });

  it('has Reload and the developer tools only in development', () => {
    const { actions: a } = actions();
    const roles = (dev: boolean) => flat(appMenu(a, { dev })).map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']));
  });

  it('opens the Hướng dẫn, Sao lưu and Trao đổi dữ liệu, the data folder and the about box', () => {
    const { actions: a, calls } = actions();
    const items = flat(appMenu(a, { dev: false }));
    for (const label of [MENU_TEXT.guide, MENU_TEXT.backup, MENU_TEXT.exchange, MENU_TEXT.dataFolder, MENU_TEXT.about]) items.find((i) => i.label === label)!.click!();
    expect(calls).toEqual(['go:help', 'go:backup', 'go:exchange', 'folder', 'about']);
    expect(MENU_TEXT.aboutBody('1.2.3', 'C:\\Users\\a\\tdkt.sqlite')).toContain('phiên bản 1.2.3');
  });

  it('shows the editing keys and F1 but leaves them to the page; zoom and full screen are the menu\'s own', () => {
    const { actions: a } = actions();
    const items = flat(appMenu(a, { dev: false }));
    for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll'] as const) {
      const item = items.find((i) => i.role === role)!;
      expect(item.accelerator).toMatch(/^CommandOrControl\+/);
      expect(item.registerAccelerator).toBe(false);
    }
    expect(items.find((i) => i.label === MENU_TEXT.guide)).toMatchObject({ accelerator: 'F1', registerAccelerator: false });
    for (const role of ['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen'] as const) expect(items.find((i) => i.role === role)!.registerAccelerator).toBeUndefined();
  });

  it('opens a screen by its hash route, the route quoted as data', () => {
    expect(routeScript('help')).toBe('window.location.hash = "#/help";');
  });

  it('asks before a window with unsaved edits closes: staying is the default and Esc', () => {
    const d = unsavedCloseDialog();
    expect(d.buttons[UNSAVED_LEAVE]).toBe('Đóng, bỏ thay đổi');
    expect(d.buttons[d.defaultId]).toBe('Ở lại để lưu');
    expect(d.cancelId).toBe(d.defaultId);
    expect(d.message).toBe('Có thay đổi chưa lưu');
  });
});
