// What the desktop app does when its window's page process dies (out of memory, a crash), hangs,
// or when the main process meets an error nothing caught. Left alone, Electron shows a white
// window forever, nothing at all, or an English dialog with a stack. Here each is written to the
// error log; a dead page is loaded again (what was saved is in the core, untouched) and the user
// told; a hung one offers to wait or to load again; a page that keeps dying stops being reloaded
// and the user chooses. No `electron` import: main.ts hands in the window and the dialogs.

export interface GoneDetails {
  reason: string;
  exitCode: number;
}

export interface CrashWindowLike {
  isDestroyed(): boolean;
  webContents: { reload(): void; forcefullyCrashRenderer(): void };
}

export interface CrashDialogs {
  /** a message box on the window; resolves with the index of the button clicked */
  ask(options: { type: 'warning' | 'error'; title: string; message: string; detail: string; buttons: string[]; defaultId: number; cancelId: number }): Promise<number>;
  quit(): void;
}

export interface ReloadPolicy {
  max: number;
  windowMs: number;
}

const REASONS: Record<string, string> = {
  oom: 'hết bộ nhớ',
  crashed: 'gặp lỗi và dừng',
  killed: 'bị hệ điều hành hoặc một chương trình khác dừng',
  'launch-failed': 'không khởi động được',
  'integrity-failure': 'không qua kiểm tra toàn vẹn mã chương trình',
  'abnormal-exit': 'dừng bất thường',
  'memory-eviction': 'bị thu hồi bộ nhớ',
};

export const CRASH_TEXT = {
  title: 'TĐKT Desktop',
  reloaded: 'Cửa sổ ứng dụng vừa gặp sự cố và đã được mở lại.',
  reloadedDetail: (why: string) =>
    `Phần hiển thị ${why}. Dữ liệu đã lưu không bị ảnh hưởng; nội dung đang nhập dở chưa lưu có thể đã mất — hãy kiểm tra lại. Lỗi đã được ghi vào nhật ký lỗi (Cài đặt → Nhật ký lỗi).`,
  repeated: 'Cửa sổ ứng dụng gặp sự cố nhiều lần liên tiếp.',
  repeatedDetail: (why: string) =>
    `Lần gần nhất phần hiển thị ${why}. Dữ liệu đã lưu không bị ảnh hưởng. Có thể mở lại cửa sổ, hoặc đóng ứng dụng rồi mở lại; nếu vẫn lỗi, hãy gửi nhật ký lỗi (thư mục logs cạnh tệp dữ liệu) cho bộ phận hỗ trợ.`,
  reload: 'Mở lại cửa sổ',
  quit: 'Đóng ứng dụng',
  ok: 'Đồng ý',
  hung: 'Cửa sổ ứng dụng không phản hồi.',
  hungDetail:
    'Có thể một thao tác lớn đang chạy. Chọn "Đợi" để chờ thêm; "Mở lại cửa sổ" sẽ bỏ phần đang nhập dở chưa lưu (dữ liệu đã lưu không bị ảnh hưởng).',
  wait: 'Đợi',
  mainError: 'TĐKT Desktop gặp lỗi',
  mainErrorBody: (message: string) =>
    `${message}\n\nLỗi đã được ghi vào nhật ký lỗi (Cài đặt → Nhật ký lỗi). Nếu ứng dụng không hoạt động bình thường, hãy đóng rồi mở lại.`,
} as const;

/** how long after stopping a hung page its gone event is taken as that stop */
const KILL_GRACE_MS = 10_000;

export function goneReason(reason: string): string {
  return REASONS[reason] ?? `dừng (${reason})`;
}

export class WindowCrashes {
  private readonly gones: number[] = [];
  /** when the page was stopped on purpose (the user chose to reload a hung one): its gone event, just after, is not a crash */
  private killedAt: number | null = null;
  private hungAsking = false;
  private responsiveAgain = false;

  constructor(
    private readonly log: (message: string) => void,
    private readonly dialogs: CrashDialogs,
    private readonly policy: ReloadPolicy = { max: 3, windowMs: 10 * 60_000 },
    private readonly now: () => number = Date.now,
  ) {}

  /** webContents 'render-process-gone' */
  gone(win: CrashWindowLike, details: GoneDetails): Promise<void> {
    // the window closing, or already gone: nothing to bring back
    if (details.reason === 'clean-exit' || win.isDestroyed()) return Promise.resolve();
    const why = goneReason(details.reason);
    this.log(`Phần hiển thị của cửa sổ ${why} (lý do: ${details.reason}, mã thoát ${details.exitCode}).`);
    const t = this.now();
    if (this.killedAt !== null && t - this.killedAt < KILL_GRACE_MS) {
      // stopped on purpose and already loading again in a new process
      this.killedAt = null;
      return Promise.resolve();
    }
    this.killedAt = null;
    while (this.gones.length && t - this.gones[0]! > this.policy.windowMs) this.gones.shift();
    this.gones.push(t);
    if (this.gones.length <= this.policy.max) {
      win.webContents.reload();
      return this.dialogs
        .ask({ type: 'warning', title: CRASH_TEXT.title, message: CRASH_TEXT.reloaded, detail: CRASH_TEXT.reloadedDetail(why), buttons: [CRASH_TEXT.ok], defaultId: 0, cancelId: 0 })
        .then(() => undefined);
    }
    // dying again and again (a page that fails as it loads): no reload loop — the user chooses
    return this.dialogs
      .ask({
        type: 'error',
        title: CRASH_TEXT.title,
        message: CRASH_TEXT.repeated,
        detail: CRASH_TEXT.repeatedDetail(why),
        buttons: [CRASH_TEXT.reload, CRASH_TEXT.quit],
        defaultId: 0,
        cancelId: 1,
      })
      .then((choice) => {
        if (choice === 0 && !win.isDestroyed()) {
          this.gones.length = 0;
          win.webContents.reload();
        } else {
          this.dialogs.quit();
        }
      });
  }

  /** BrowserWindow 'unresponsive': wait, or load the page again */
  unresponsive(win: CrashWindowLike): Promise<void> {
    if (this.hungAsking) return Promise.resolve();
    this.hungAsking = true;
    this.responsiveAgain = false;
    return this.dialogs
      .ask({
        type: 'warning',
        title: CRASH_TEXT.title,
        message: CRASH_TEXT.hung,
        detail: CRASH_TEXT.hungDetail,
        buttons: [CRASH_TEXT.wait, CRASH_TEXT.reload],
        defaultId: 0,
        cancelId: 0,
      })
      .then((choice) => {
        this.hungAsking = false;
        // it came back while the question was open: nothing typed is thrown away
        if (choice !== 1 || this.responsiveAgain || win.isDestroyed()) return;
        this.log('Cửa sổ không phản hồi; người dùng chọn mở lại cửa sổ.');
        this.killedAt = this.now();
        // Electron's way out of a hung page: a reload right after runs in a new process
        win.webContents.forcefullyCrashRenderer();
        win.webContents.reload();
      });
  }

  /** BrowserWindow 'responsive' */
  responsive(): void {
    this.responsiveAgain = true;
  }
}

/** The main process's uncaught errors: logged and said in Vietnamese, instead of Electron's English dialog. */
export function mainProcessErrorHandler(log: (message: string, stack?: string) => void, showErrorBox: (title: string, content: string) => void): (e: unknown) => void {
  return (e) => {
    const err = e instanceof Error ? e : new Error(String(e));
    log(err.message, err.stack);
    try {
      showErrorBox(CRASH_TEXT.mainError, CRASH_TEXT.mainErrorBody(err.message));
    } catch {
      // no dialog possible (before the app is ready on some systems): the log has it
    }
  };
}
