// The desktop window's page process dying or hanging, and the main process's uncaught errors
// (electron/host/window-crashes.ts), against fakes of the window and the dialogs.
import { describe, expect, it } from 'vitest';
import { CRASH_TEXT, WindowCrashes, goneReason, mainProcessErrorHandler, type CrashDialogs } from '../../../electron/host/window-crashes';

function fakes(answers: number[] = []) {
  const events: string[] = [];
  const logged: string[] = [];
  let destroyed = false;
  const win = {
    isDestroyed: () => destroyed,
    webContents: {
      reload: () => void events.push('reload'),
      forcefullyCrashRenderer: () => void events.push('kill'),
    },
  };
  const asked: Array<{ message: string; detail: string; buttons: string[] }> = [];
  const pendingAnswers: Array<(n: number) => void> = [];
  const dialogs: CrashDialogs = {
    ask: (o) => {
      asked.push(o);
      const a = answers.shift();
      if (a !== undefined) return Promise.resolve(a);
      // no answer given: held open until the test answers
      return new Promise((resolve) => pendingAnswers.push(resolve));
    },
    quit: () => void events.push('quit'),
  };
  return { events, logged, win, asked, dialogs, pendingAnswers, destroy: () => (destroyed = true), log: (m: string) => void logged.push(m) };
}

describe('the window page process gone', () => {
  it('is logged, loaded again and the user told; a clean exit or a closed window is left alone', async () => {
    const f = fakes([0]);
    const crashes = new WindowCrashes(f.log, f.dialogs);
    await crashes.gone(f.win, { reason: 'oom', exitCode: -536870904 });
    expect(f.events).toEqual(['reload']);
    expect(f.logged).toEqual(['Phần hiển thị của cửa sổ hết bộ nhớ (lý do: oom, mã thoát -536870904).']);
    expect(f.asked).toHaveLength(1);
    expect(f.asked[0]!.message).toBe(CRASH_TEXT.reloaded);
    expect(f.asked[0]!.detail).toContain('Phần hiển thị hết bộ nhớ. Dữ liệu đã lưu không bị ảnh hưởng');

    await crashes.gone(f.win, { reason: 'clean-exit', exitCode: 0 });
    f.destroy();
    await crashes.gone(f.win, { reason: 'crashed', exitCode: 1 });
    expect(f.events).toEqual(['reload']);
    expect(f.logged).toHaveLength(1);
  });

  it('dying again and again: no reload loop, the user chooses to reload or to quit', async () => {
    let t = 0;
    const f = fakes([0, 0, 1, 0, 0]);
    const crashes = new WindowCrashes(f.log, f.dialogs, { max: 2, windowMs: 1000 }, () => t);
    await crashes.gone(f.win, { reason: 'crashed', exitCode: 1 });
    t = 10;
    await crashes.gone(f.win, { reason: 'crashed', exitCode: 1 });
    expect(f.events).toEqual(['reload', 'reload']);
    t = 20;
    // the third within the window: asked first; "Đóng ứng dụng"
    await crashes.gone(f.win, { reason: 'crashed', exitCode: 1 });
    expect(f.asked.at(-1)!.message).toBe(CRASH_TEXT.repeated);
    expect(f.asked.at(-1)!.buttons).toEqual([CRASH_TEXT.reload, CRASH_TEXT.quit]);
    expect(f.events).toEqual(['reload', 'reload', 'quit']);
    // "Mở lại cửa sổ" starts the count again
    t = 30;
    await crashes.gone(f.win, { reason: 'crashed', exitCode: 1 });
    expect(f.events.at(-1)).toBe('reload');
    // long after: reloaded without asking again
    t = 5000;
    await crashes.gone(f.win, { reason: 'crashed', exitCode: 1 });
    expect(f.events).toEqual(['reload', 'reload', 'quit', 'reload', 'reload']);
    expect(f.asked.at(-1)!.message).toBe(CRASH_TEXT.reloaded);
  });

  it('every reason is said in Vietnamese; an unknown one by its name', () => {
    for (const r of ['oom', 'crashed', 'killed', 'launch-failed', 'integrity-failure', 'abnormal-exit', 'memory-eviction']) expect(goneReason(r)).toMatch(/[À-ỹ]/);
    expect(goneReason('something-new')).toBe('dừng (something-new)');
  });
});

describe('the window not responding', () => {
  it('"Đợi" leaves it; "Mở lại cửa sổ" stops the page and loads it again without a second question', async () => {
    const f = fakes([0, 1, 0]);
    const crashes = new WindowCrashes(f.log, f.dialogs);
    await crashes.unresponsive(f.win);
    expect(f.asked[0]!.buttons).toEqual([CRASH_TEXT.wait, CRASH_TEXT.reload]);
    expect(f.events).toEqual([]);
    await crashes.unresponsive(f.win);
    // stopped, then loaded at once in a new process (Electron's documented way out)
    expect(f.events).toEqual(['kill', 'reload']);
    // the page stopped on purpose: no second reload, no "vừa gặp sự cố" message
    await crashes.gone(f.win, { reason: 'killed', exitCode: 0 });
    expect(f.events).toEqual(['kill', 'reload']);
    expect(f.asked).toHaveLength(2);
    // a later death is a crash again
    await crashes.gone(f.win, { reason: 'crashed', exitCode: 1 });
    expect(f.events).toEqual(['kill', 'reload', 'reload']);
  });

  it('a stop whose gone event never came does not hide a later crash', async () => {
    let t = 0;
    const f = fakes([1, 0]);
    const crashes = new WindowCrashes(f.log, f.dialogs, undefined, () => t);
    await crashes.unresponsive(f.win);
    expect(f.events).toEqual(['kill', 'reload']);
    t = 60_000;
    await crashes.gone(f.win, { reason: 'crashed', exitCode: 1 });
    expect(f.events).toEqual(['kill', 'reload', 'reload']);
    expect(f.asked.at(-1)!.message).toBe(CRASH_TEXT.reloaded);
  });

  it('asks once while its question is open; a window that came back meanwhile is not reloaded', async () => {
    const f = fakes();
    const crashes = new WindowCrashes(f.log, f.dialogs);
    const first = crashes.unresponsive(f.win);
    await crashes.unresponsive(f.win);
    expect(f.asked).toHaveLength(1);
    crashes.responsive();
    f.pendingAnswers[0]!(1);
    await first;
    expect(f.events).toEqual([]);
  });
});

describe('the main process uncaught errors', () => {
  it('are logged with the stack and said in Vietnamese; a dialog that cannot show is not a second error', () => {
    const logged: Array<[string, string | undefined]> = [];
    const boxes: Array<[string, string]> = [];
    const handle = mainProcessErrorHandler(
      (m, s) => void logged.push([m, s]),
      (t, c) => void boxes.push([t, c]),
    );
    handle(new Error('ENOENT: no such file'));
    expect(logged[0]![0]).toBe('ENOENT: no such file');
    expect(logged[0]![1]).toContain('at ');
    expect(boxes).toEqual([[CRASH_TEXT.mainError, CRASH_TEXT.mainErrorBody('ENOENT: no such file')]]);
    const quiet = mainProcessErrorHandler(
      () => undefined,
      () => {
        throw new Error('not ready');
      },
    );
    expect(() => quiet('a string thrown')).not.toThrow();
  });
});
