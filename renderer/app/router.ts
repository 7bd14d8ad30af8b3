// Hash routes (#/staff): survive reloads, need no server support in either host. Leaving a
// screen that holds unsaved edits asks first (lib/leave-guard), whether by the app's own links or
// the browser's back button.
import { create } from 'zustand';
import { leaveOrAsk, unsavedWork } from '../lib/leave-guard';

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

export const useRouter = create<RouterState>((set, get) => ({
  route: parse(window.location.hash),
  go: (route) => {
    // the same screen: back to its start (a plan's editor → the plans list), nothing to ask
    if (route === get().route) {
      const start = `#/${route}`;
      if (window.location.hash !== start) leaveOrAsk(() => (window.location.hash = start));
      return;
    }
    leaveOrAsk(() => {
      window.location.hash = `#/${route}`;
      set({ route });
    });
  },
}));

window.addEventListener('hashchange', () => {
  const next = parse(window.location.hash);
  const current = useRouter.getState().route;
  if (next === current) return;
  if (unsavedWork().length === 0) {
    useRouter.setState({ route: next });
    return;
  }
  // the back button, an address typed, a link into a screen (a plan in the editor): stay where
  // the edits are, then ask; going on goes to the whole address asked for
  const target = window.location.hash;
  window.history.replaceState(null, '', `#/${current}`);
  leaveOrAsk(() => {
    window.location.hash = target;
    useRouter.setState({ route: next });
  });
});
