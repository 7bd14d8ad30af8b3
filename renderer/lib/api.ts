// The renderer's only way to the core: typed by the shared contract, carried by the
// Electron preload (window.tdkt) or by fetch to the browser host.
import type { ProcedureName, ProcInput, ProcOutput } from '../../shared/contract';
import type { ApiError, Result } from '../../shared/contract/errors';

interface PreloadBridge {
  host: 'electron';
  /** a contract procedure through IPC (main checks the sender, the name and the input) */
  call(proc: string, input: unknown): Promise<Result<unknown>>;
}

declare global {
  interface Window {
    tdkt?: PreloadBridge;
    /** Electron preload: a long job's progress on the taskbar button (0–1, null at its end) */
    tdktWindow?: { progress(fraction: number | null): void };
  }
}

const TOKEN_KEY = 'tdkt.token';

/** Browser host: the launch URL carries the token in its fragment; keep it for this tab only. */
export function captureToken(): void {
  const m = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (m) {
    sessionStorage.setItem(TOKEN_KEY, m[1]!);
    history.replaceState(null, '', window.location.pathname + window.location.search + '#/');
  }
}

export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
  get code() {
    return this.error.code;
  }
}

async function transport(proc: string, input: unknown): Promise<Result<unknown>> {
  if (window.tdkt) return window.tdkt.call(proc, input);
  const token = sessionStorage.getItem(TOKEN_KEY) ?? '';
  let res: Response;
  try {
    res = await fetch(`api/${encodeURIComponent(proc)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tdkt-token': token },
      body: input === undefined ? '' : JSON.stringify(input),
    });
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: 'Mất kết nối tới phần xử lý dữ liệu. Ứng dụng có thể đã bị tắt — hãy khởi động lại.' } };
  }
  try {
    return (await res.json()) as Result<unknown>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: `Phản hồi không hợp lệ (HTTP ${res.status}).` } };
  }
}

const dbErrorListeners = new Set<() => void>();

/** Be told when a call failed on the database (a damaged page, say): the session reads app.info again. */
export function onDbError(listener: () => void): void {
  dbErrorListeners.add(listener);
}

/** Call a procedure; resolves with its data or rejects with ApiCallError (Vietnamese message). */
export async function call<P extends ProcedureName>(proc: P, input?: ProcInput<P>): Promise<ProcOutput<P>> {
  const r = await transport(proc, input);
  if (!r.ok) {
    if (r.error.code === 'DB_ERROR' && proc !== 'app.info') for (const l of dbErrorListeners) l();
    throw new ApiCallError(r.error);
  }
  return r.data as ProcOutput<P>;
}

export function newJobId(): string {
  return crypto.randomUUID();
}

/** Poll a job's progress while `promise` runs. */
export async function withProgress<T>(
  jobId: string,
  promise: Promise<T>,
  onProgress: (p: { phase: string; done: number; total: number }) => void,
): Promise<T> {
  let running = true;
  const poll = async () => {
    while (running) {
      await new Promise((r) => setTimeout(r, 200));
      if (!running) break;
      try {
        const p = await call('jobs.get', { jobId });
        if (p && running) {
          onProgress(p);
          window.tdktWindow?.progress(p.total > 0 ? p.done / p.total : 0);
        }
      } catch {
        /* progress is best-effort */
      }
    }
  };
  void poll();
  try {
    return await promise;
  } finally {
    running = false;
    window.tdktWindow?.progress(null);
  }
}

/** Save a file the core produced: a download in both hosts (Electron shows its save dialog). */
export function saveFile(file: { fileName: string; mimeType: string; base64: string }): void {
  const bin = atob(file.base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function fileToBase64(file: File): Promise<string> {
  const buf = new Uint8Array(await file.arrayBuffer());
  let s = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < buf.length; i += CHUNK) s += String.fromCharCode(...buf.subarray(i, i + CHUNK));
  return btoa(s);
}
