// A .tdkt opened from Explorer in the desktop app — the one the app started with, and those
// opened while it runs — goes to Trao đổi dữ liệu, which opens it as if chosen there.
import { useEffect } from 'react';
import type { RouteId } from '../../app/router';
import { useExchange } from './store';

export function useOpenedBundles(go: (route: RouteId) => void): void {
  useEffect(() => {
    const bridge = window.tdktFiles;
    if (!bridge) return;
    const show = (path: string) => {
      useExchange.getState().openBundle(path);
      go('exchange');
    };
    void bridge.takeBundle().then((path) => {
      if (path) show(path);
    });
    return bridge.onBundleOpened(show);
  }, [go]);
}
