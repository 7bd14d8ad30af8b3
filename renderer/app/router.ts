// Hash routes (#/staff): survive reloads, need no server support in either host.
import { create } from 'zustand';

export type RouteId = 'home' | 'units' | 'staff' | 'plans' | 'tasks' | 'awards' | 'dossiers' | 'exchange' | 'backup' | 'trash' | 'settings' | 'help';

export const ROUTES: RouteId[] = ['home', 'units', 'staff', 'plans', 'tasks', 'awards', 'dossiers', 'exchange', 'backup', 'trash', 'settings', 'help'];

function parse(hash: string): RouteId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0] as RouteId;
  return ROUTES.includes(id) ? id : 'home';
}

interface RouterState {
  route: RouteId;
  go(route: RouteId): void;
}

export const useRouter = create<RouterState>((set) => ({
  route: parse(window.location.hash),
  go: (route) => {
    window.location.hash = `#/${route}`;
    set({ route });
  },
}));

window.addEventListener('hashchange', () => useRouter.setState({ route: parse(window.location.hash) }));
