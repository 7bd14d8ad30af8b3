// Pure security decisions shared by the Electron main process and tests.

/** Content-Security-Policy for the renderer (Mantine needs inline styles; no remote anything). */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self' blob: about:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * True if `url` is the app's own renderer page (exact file, any hash/query). The paths are
 * compared with their escapes undone: the page's URL is Chromium's spelling of the install
 * folder and ours is Node's, and the two escape some characters a folder or user name may hold
 * differently (Node writes "~", "[", "]" as %7E, %5B, %5D, Chromium as they are; checked with
 * Chromium here) — a mismatch would refuse every call of the app's own window.
 */
export function isAppUrl(url: string, rendererIndexUrl: string): boolean {
  try {
    const u = new URL(url);
    const app = new URL(rendererIndexUrl);
    return u.protocol === app.protocol && u.host === app.host && decodeURIComponent(u.pathname) === decodeURIComponent(app.pathname);
  } catch {
    return false;
  }
}

/** Navigation inside the window is allowed only back to the app page itself. */
export function allowNavigation(targetUrl: string, rendererIndexUrl: string): boolean {
  return isAppUrl(targetUrl, rendererIndexUrl);
}

/** The browser host accepts connections from the loopback interface only. */
export function isLoopbackAddress(addr: string | undefined): boolean {
  if (!addr) return false;
  if (addr === '::1') return true;
  const v4 = addr.startsWith('::ffff:') ? addr.slice(7) : addr;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/** Host header check against DNS rebinding: only our own loopback origin. */
export function isAllowedHostHeader(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}
