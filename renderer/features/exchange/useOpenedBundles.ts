// A .tdkt opened from Explorer in the desktop app — the one the app started with, and those
// opened while it runs — or dropped on the window (either host) goes to Trao đổi dữ liệu,
// which opens it as if chosen there.
import { useCallback, useEffect } from 'react';
import type { RouteId } from '../../app/router';
import { useWindowDrop } from '../../lib/file-drop';
import { useExchange } from './store';

export function useOpenedBundles(go: (route: RouteId) => void): void {
  const show = useCallback(
    (bundle: string | File) => {
      useExchange.getState().openBundle(bundle);
      go('exchange');
    },
    [go],
  );
  useEffect(() => {
    const bridge = window.tdktFiles;
    if (!bridge) return;
    void bridge.takeBundle().then((path) => {
      if (path) show(path);
    });
    return bridge.onBundleOpened(show);
  }, [show]);
  useWindowDrop(show);
}
