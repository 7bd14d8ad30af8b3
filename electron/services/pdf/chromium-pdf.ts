// HTML → PDF through a Chromium-family browser's print engine (Chromium, Chrome or Edge —
// Edge ships with every Windows 10/11 machine). The same print view the app shows is
// printed, so the PDF matches the preview and the DOCX layout.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/contract/errors';

const CANDIDATES: Record<string, string[]> = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/usr/bin/microsoft-edge', '/snap/bin/chromium'],
  win32: [
    path.join(process.env['ProgramFiles(x86)'] ?? 'C:\\Program Files (x86)', 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    path.join(process.env.ProgramFiles ?? 'C:\\Program Files', 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    path.join(process.env.ProgramFiles ?? 'C:\\Program Files', 'Google', 'Chrome', 'Application', 'chrome.exe'),
    path.join(process.env.LOCALAPPDATA ?? '', 'Google', 'Chrome', 'Application', 'chrome.exe'),
  ],
  darwin: ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge', '/Applications/Chromium.app/Contents/MacOS/Chromium'],
};

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const fromEnv = env.TDKT_CHROMIUM ?? env.CHROMIUM_PATH;
  if (fromEnv && fs.existsSync(fromEnv)) return fromEnv;
  return (CANDIDATES[process.platform] ?? []).find((p) => fs.existsSync(p)) ?? null;
}

export async function htmlToPdf(html: string): Promise<Uint8Array> {
  const exe = findChromium();
  if (!exe) {
    throw new AppError(
      'INTERNAL',
      'Không tìm thấy trình duyệt Chromium, Chrome hoặc Edge để tạo PDF. Hãy cài một trong các trình duyệt này, hoặc xuất DOCX rồi lưu thành PDF trong Word.',
    );
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: exe,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    // the print view has no external resources; block any request just in case
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    return new Uint8Array(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  } finally {
    await browser.close();
  }
}
