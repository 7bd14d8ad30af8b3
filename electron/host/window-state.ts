// The main window's size and place, kept between sessions (<userData>/window-state.json) as a
// desktop program does. Plain data and functions: main.ts gives them the displays and the window.
import fs from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../services/files/atomic';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** absent: centred by the system */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const WINDOW_MIN = { width: 960, height: 600 } as const;
export const WINDOW_DEFAULT: WindowState = { width: 1280, height: 820, maximized: false };
export const WINDOW_STATE_FILE = 'window-state.json';

const stored = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
});

/** The kept state, or the default when there is none or it cannot be read (a damaged file is not an error). */
export function readWindowState(file: string): WindowState {
  try {
    const r = stored.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return r.success ? r.data : { ...WINDOW_DEFAULT };
  } catch {
    return { ...WINDOW_DEFAULT };
  }
}

export function writeWindowState(file: string, state: WindowState): void {
  writeFileAtomic(file, new TextEncoder().encode(JSON.stringify(state)));
}

/** How much of a lies inside b. */
function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * The kept state made to fit the screens there are now: no larger than the largest work area
 * (nor smaller than the window's minimum), and its place kept only when the title bar's strip
 * is on a screen — a second monitor unplugged since would otherwise open the window out of sight.
 */
export function fitToDisplays(state: WindowState, workAreas: readonly Rect[]): WindowState {
  if (workAreas.length === 0) return { ...state };
  const maxW = Math.max(...workAreas.map((a) => a.width));
  const maxH = Math.max(...workAreas.map((a) => a.height));
  const width = Math.max(Math.min(state.width, maxW), Math.min(WINDOW_MIN.width, maxW));
  const height = Math.max(Math.min(state.height, maxH), Math.min(WINDOW_MIN.height, maxH));
  const out: WindowState = { width, height, maximized: state.maximized };
  if (state.x !== undefined && state.y !== undefined) {
    const titleBar: Rect = { x: state.x, y: state.y, width, height: 40 };
    // at least 100 px of the title bar on one screen, so that it can be dragged
    const home = workAreas.find((a) => overlap(titleBar, a) >= 100 * 40 && state.y! >= a.y);
    if (home) {
      out.x = Math.min(Math.max(state.x, home.x - width + 100), home.x + home.width - 100);
      out.y = Math.min(state.y, home.y + home.height - 40);
    }
  }
  return out;
}

/** What to keep when the window closes: its normal (not maximised) bounds, and whether it was maximised. */
export function stateToKeep(normalBounds: Rect, maximized: boolean): WindowState {
  return { x: Math.round(normalBounds.x), y: Math.round(normalBounds.y), width: Math.round(normalBounds.width), height: Math.round(normalBounds.height), maximized };
}
