// A .tdkt double-clicked in Explorer (electron/host/open-files.ts), with fakes for the window:
// which argument is the bundle, the one the app started with taken once by the window, later
// ones sent to it, and nothing handed to a frame that is not the app's page.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { HOST_CHANNELS } from '../../../shared/contract/host';
import { OpenedBundles, bundleArg } from '../../../electron/host/open-files';
import { tempDir } from '../../support/tmp';

const INDEX = 'file:///opt/tdkt/resources/app.asar/dist/renderer/index.html';
const appFrame = { senderFrame: { url: INDEX, parent: null } };

function bundleFiles() {
  const dir = tempDir('tdkt-open-');
  const usb = path.join(dir, 'USB Kingston');
  fs.mkdirSync(usb);
  const a = path.join(usb, 'TDKT_PNVBT_gui-cap-tren_20261124-101500.tdkt');
  const b = path.join(usb, 'Gói tháng 11.TDKT');
  for (const f of [a, b]) fs.writeFileSync(f, 'PK');
  return { dir, usb, a, b };
}

function fakeWindow(destroyed = false) {
  const sent: Array<[string, string]> = [];
  return { sent, window: { isDestroyed: () => destroyed, send: (channel: string, p: string) => void sent.push([channel, p]) } };
}

describe('bundles opened from Explorer', () => {
  it('finds the bundle among the arguments: an existing *.tdkt, flags and other files skipped', () => {
    const { dir, usb, a, b } = bundleFiles();
    expect(bundleArg(['C:\\Program Files\\TDKT Desktop\\TDKT Desktop.exe', '--allow-file-access-from-files', a])).toBe(a);
    expect(bundleArg(['--db', path.join(dir, 'x.sqlite'), b])).toBe(b);
    // a second launch's relative path is taken from its own working folder
    expect(bundleArg([path.basename(a)], usb)).toBe(a);
    expect(bundleArg([path.join(usb, 'khong-co.tdkt'), '--flag.tdkt', path.join(dir, 'ghi-chu.txt')])).toBeNull();
    expect(bundleArg([usb])).toBeNull();
  });

  it('the bundle the app started with goes to the window once, and only to the app page', () => {
    const { a } = bundleFiles();
    const bundles = new OpenedBundles();
    bundles.launchedWith(['.', a]);
    const w = fakeWindow();
    expect(bundles.take({ senderFrame: { url: 'https://evil.example/', parent: null } }, w.window, INDEX)).toBeNull();
    expect(bundles.take({ senderFrame: { url: INDEX, parent: {} } }, w.window, INDEX)).toBeNull();
    expect(bundles.take(appFrame, w.window, INDEX)).toBe(a);
    expect(bundles.take(appFrame, w.window, INDEX)).toBeNull();
    const none = new OpenedBundles();
    none.launchedWith(['.']);
    expect(none.take(appFrame, w.window, INDEX)).toBeNull();
  });

  it('a bundle opened while the app runs is sent to the window, or kept until it is ready', () => {
    const { usb, a, b } = bundleFiles();
    const bundles = new OpenedBundles();
    bundles.launchedWith([]);
    // before the window asked: kept
    bundles.openedLater(['TDKT Desktop.exe', a], usb);
    const w = fakeWindow();
    expect(bundles.take(appFrame, w.window, INDEX)).toBe(a);
    // then: sent at once, nothing kept
    bundles.openedLater(['TDKT Desktop.exe', path.basename(b)], usb);
    expect(w.sent).toEqual([[HOST_CHANNELS.bundleOpened, b]]);
    expect(bundles.take(appFrame, w.window, INDEX)).toBeNull();
    // a second launch without a bundle (the app started again): nothing sent
    bundles.openedLater(['TDKT Desktop.exe'], usb);
    expect(w.sent).toHaveLength(1);
    // the window gone (reloading): kept for the next one
    const gone = fakeWindow(true);
    bundles.take(appFrame, gone.window, INDEX);
    bundles.openedLater([a], usb);
    expect(gone.sent).toEqual([]);
    expect(bundles.take(appFrame, w.window, INDEX)).toBe(a);
  });
});
