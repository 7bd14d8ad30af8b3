// The window's side of the error log: what it could not handle is sent to the core's log
// (errors.report), and an error nothing caught is also shown, instead of passing unseen.
import { notifications } from '@mantine/notifications';
import { ApiCallError, call } from '../../lib/api';
import { D } from './strings';
import { copyText } from '../../lib/clipboard';
import { formatDateTimeVi } from '../../../shared/text/vn';

/** Each distinct error is sent at most this often in a session: a screen failing on every draw must not fill the log. */
const REPORTS_PER_ERROR = 3;
const sent = new Map<string, number>();

export function asError(e: unknown): Error {
  if (e instanceof Error) return e;
  return new Error(typeof e === 'string' ? e : JSON.stringify(e) ?? String(e));
}

/** Sends one error to the log. Never throws: reporting a failure must not cause another. */
export function reportError(source: 'screen' | 'window', where: string, e: unknown, extraStack?: string): void {
  const err = asError(e);
  const key = `${source}|${where}|${err.message}`;
  const n = sent.get(key) ?? 0;
  if (n >= REPORTS_PER_ERROR) return;
  sent.set(key, n + 1);
  const stack = [err.stack, extraStack].filter(Boolean).join('\n').slice(0, 16000);
  void call('errors.report', { source, where: where.slice(0, 200), message: err.message.slice(0, 4000) || err.name, ...(stack ? { stack } : {}) }).catch(() => undefined);
}

export type About = { version?: string | undefined; host?: string | undefined };

/** The first line of what is copied for support: the app, its version and host. */
export function appLine(about: About): string {
  return `TĐKT Desktop ${about.version ?? ''}${about.host ? ` (${about.host})` : ''}`.trim();
}

/** Copies text for support and says whether it worked. */
export async function copyForSupport(text: string): Promise<void> {
  if (await copyText(text)) notifications.show({ color: 'green', message: D.copied });
  else notifications.show({ color: 'orange', message: D.copyFailed });
}

/** The details a user copies for support: the app, when, where, the message and the stack. */
export function errorDetails(where: string, e: unknown, about: About = {}, extraStack?: string): string {
  const err = asError(e);
  return [
    appLine(about),
    `Thời gian: ${formatDateTimeVi(new Date().toISOString())}`,
    `Nơi xảy ra: ${where}`,
    `Lỗi: ${err.message}`,
    err.stack ?? '',
    extraStack ?? '',
  ]
    .filter(Boolean)
    .join('\n');
}

/** Chromium's notes on layout that are not errors of the app. */
const NOT_ERRORS = /ResizeObserver loop/;

function showUnhandled(message: string): void {
  notifications.show({ id: `unhandled-${message}`, color: 'red', title: D.unhandledTitle, message: D.unhandledBody(message), autoClose: 12000 });
}

/**
 * Errors nothing in the window caught (a click handler that threw, a promise left without a
 * catch): shown and logged. A call's own failure (ApiCallError) already speaks Vietnamese and,
 * when unexpected, was logged by the core: it is shown only.
 */
export function installWindowErrorHandlers(where: () => string): () => void {
  const onError = (ev: ErrorEvent) => {
    const message = ev.error instanceof Error ? ev.error.message : ev.message;
    if (!message || NOT_ERRORS.test(message) || message === 'Script error.') return;
    showUnhandled(message);
    reportError('window', where(), ev.error ?? message);
  };
  const onRejection = (ev: PromiseRejectionEvent) => {
    const reason: unknown = ev.reason;
    if (reason instanceof DOMException && reason.name === 'AbortError') return;
    if (reason instanceof ApiCallError) {
      showUnhandled(reason.message);
      return;
    }
    const err = asError(reason);
    if (NOT_ERRORS.test(err.message)) return;
    showUnhandled(err.message);
    reportError('window', where(), err);
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return () => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  };
}
