// A long job's progress on the taskbar button (electron/host/taskbar.ts), with a fake window.
import { describe, expect, it } from 'vitest';
import { showProgress, type TaskbarWindowLike } from '../../../electron/host/taskbar';

const INDEX = 'file:///opt/tdkt/resources/app.asar/dist/renderer/index.html';
const appFrame = { senderFrame: { url: INDEX, parent: null } };

function fakeWindow(focused: boolean) {
  const bars: number[] = [];
  const flashes: boolean[] = [];
  const win: TaskbarWindowLike = { setProgressBar: (p) => void bars.push(p), flashFrame: (f) => void flashes.push(f), isFocused: () => focused };
  return { win, bars, flashes };
}

describe('job progress on the taskbar button', () => {
  it('shows the fraction, clamped; its end removes the bar and flashes a window in the background', () => {
    const front = fakeWindow(true);
    for (const f of [0, 0.42, 1.7, -3]) showProgress(appFrame, f, front.win, INDEX);
    showProgress(appFrame, null, front.win, INDEX);
    expect(front.bars).toEqual([0, 0.42, 1, 0, -1]);
    expect(front.flashes).toEqual([]);
    const behind = fakeWindow(false);
    showProgress(appFrame, 0.5, behind.win, INDEX);
    showProgress(appFrame, null, behind.win, INDEX);
    expect(behind.bars).toEqual([0.5, -1]);
    expect(behind.flashes).toEqual([true]);
  });

  it('ignores what is not a fraction, another frame, and a report with no window', () => {
    const w = fakeWindow(false);
    for (const f of ['0.5', Number.NaN, Infinity, undefined, {}]) showProgress(appFrame, f, w.win, INDEX);
    showProgress({ senderFrame: { url: 'https://evil.example/', parent: null } }, 0.5, w.win, INDEX);
    showProgress({ senderFrame: { url: INDEX, parent: {} } }, null, w.win, INDEX);
    expect(w.bars).toEqual([]);
    expect(w.flashes).toEqual([]);
    expect(() => showProgress(appFrame, 0.5, null, INDEX)).not.toThrow();
  });
});
