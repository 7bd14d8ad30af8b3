// The main window opens where and as large as it was closed, and never out of sight.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WINDOW_DEFAULT, fitToDisplays, readWindowState, stateToKeep, writeWindowState } from '../../../electron/host/window-state';
import { tempDir } from '../../support/tmp';

const laptop = { x: 0, y: 0, width: 1366, height: 728 };
const monitor = { x: 1366, y: 0, width: 1920, height: 1040 };

describe('window state', () => {
  it('is kept in a file and read back; a missing or damaged file gives the default', () => {
    const file = path.join(tempDir('tdkt-window-'), 'window-state.json');
    expect(readWindowState(file)).toEqual(WINDOW_DEFAULT);
    writeWindowState(file, stateToKeep({ x: 100.4, y: 50, width: 1200, height: 700.6 }, true));
    expect(readWindowState(file)).toEqual({ x: 100, y: 50, width: 1200, height: 701, maximized: true });
    fs.writeFileSync(file, '{"width": "rộng"');
    expect(readWindowState(file)).toEqual(WINDOW_DEFAULT);
    fs.writeFileSync(file, JSON.stringify({ width: -5, height: 700, maximized: false }));
    expect(readWindowState(file)).toEqual(WINDOW_DEFAULT);
    // nothing half-written is left beside it
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('keeps the place on a screen that is still there', () => {
    expect(fitToDisplays({ x: 1500, y: 100, width: 1280, height: 820, maximized: false }, [laptop, monitor])).toEqual({
      x: 1500,
      y: 100,
      width: 1280,
      height: 820,
      maximized: false,
    });
  });

  it('drops the place on a monitor unplugged since (the system centres the window), and fits the size to the screens left', () => {
    const onMonitor = { x: 1500, y: 100, width: 1800, height: 1000, maximized: true };
    expect(fitToDisplays(onMonitor, [laptop])).toEqual({ width: 1366, height: 728, maximized: true });
  });

  it('keeps a window partly off the edge, its title bar still reachable, and pulls back one whose title bar is off the screen', () => {
    expect(fitToDisplays({ x: -300, y: 20, width: 1000, height: 600, maximized: false }, [laptop])).toMatchObject({ x: -300, y: 20 });
    // above the top of every screen: the title bar cannot be grabbed
    expect(fitToDisplays({ x: 100, y: -200, width: 1000, height: 600, maximized: false }, [laptop])).not.toHaveProperty('x');
    // only a sliver of the title bar on the screen
    expect(fitToDisplays({ x: 1330, y: 20, width: 1000, height: 600, maximized: false }, [laptop])).not.toHaveProperty('x');
  });

  it('is never smaller than the window allows, unless the screen itself is', () => {
    expect(fitToDisplays({ width: 400, height: 300, maximized: false }, [laptop])).toEqual({ width: 960, height: 600, maximized: false });
    const tiny = { x: 0, y: 0, width: 800, height: 560 };
    expect(fitToDisplays({ width: 1280, height: 820, maximized: false }, [tiny])).toEqual({ width: 800, height: 560, maximized: false });
  });
});
