// Where a quick-search hit opens: the screen that shows it, through that screen's own store
// (the same links the home screen and the units screen use).
import type { SearchHit, SearchKind } from '../../../shared/contract/search';
import type { Quarter } from '../../../shared/tasks/status';
import { useRouter, type RouteId } from '../../app/router';
import { useAwards } from '../awards/store';
import { useDossiers } from '../dossiers/store';
import { openPlan, usePlans } from '../plans/store';
import { useStaff } from '../staff/store';
import { useTasks } from '../tasks/store';
import { useUnits } from '../units/store';
import { useHelp } from '../help/store';
import { leaveOrAsk } from '../../lib/leave-guard';

const go = (route: RouteId) => useRouter.getState().go(route);

export function openHit(hit: SearchHit): void {
  switch (hit.kind) {
    case 'staff':
      // the staff list on that person (their unit, their name: a namesake elsewhere is not shown),
      // where the row offers "Sửa" and "Lịch sử"
      useStaff.getState().showFilter({ search: hit.title, unitId: hit.unitId, status: 'all', officeId: null });
      return go('staff');
    case 'unit':
      useUnits.getState().showUnit(hit.id);
      return go('units');
    case 'campaign':
      usePlans.setState({ planSearch: '' });
      usePlans.getState().select(hit.id);
      return go('plans');
    case 'plan':
      return openPlan(hit.id);
    case 'task':
      useTasks.getState().showTask(hit.id, hit.year!, hit.quarter as Quarter);
      return go('tasks');
    case 'decision':
      useAwards.getState().showDecision(hit.id, hit.year!);
      return go('awards');
    case 'dossier': {
      const tab = hit.received ? 'received' : 'own';
      const show = () => {
        if (useDossiers.getState().tab !== tab) useDossiers.getState().setTab(tab);
        useDossiers.getState().open(hit.id);
      };
      // another dossier open with unsaved edits: asked first (another screen: the route change asks)
      if (useRouter.getState().route === 'dossiers' && useDossiers.getState().openId !== hit.id) return leaveOrAsk(show);
      show();
      return go('dossiers');
    }
  }
}

/** The kinds whose list takes the same search: "Xem cả …" opens it with the query typed there. */
export const SEE_ALL: Partial<Record<SearchKind, (query: string, first: SearchHit) => void>> = {
  staff: (query) => {
    useStaff.getState().showFilter({ search: query, unitId: null, status: 'all', officeId: null });
    go('staff');
  },
  campaign: (query) => {
    usePlans.setState({ year: null });
    usePlans.getState().setSearch(query);
    go('plans');
  },
  plan: (query) => {
    usePlans.getState().setPlanSearch(query);
    go('plans');
  },
  dossier: (query, first) => {
    const d = useDossiers.getState();
    const tab = first.received ? 'received' : 'own';
    useDossiers.setState({ tab, openId: null, year: null, status: 'all' });
    d.setSearch(query);
    go('dossiers');
  },
};

/** A help topic from the quick search: the Hướng dẫn on it, its search cleared. */
export function openHelpTopic(id: string): void {
  useHelp.setState({ topic: id, search: '' });
  go('help');
}
