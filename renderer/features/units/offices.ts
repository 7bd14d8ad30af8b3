// At the province the units (and staff) of the offices that sent bundles sit beside its own:
// the offices present, own office first, for the Units and Staff pages' office filters.
import { useMemo } from 'react';
import { compareVi } from '../../../shared/text/vn';
import { useSession } from '../../app/session';
import { useUnits } from './store';
import { T } from './strings';

export interface OfficeOption {
  value: string;
  label: string;
}

/** `multiOffice`: another office's units are present; `options`: own office first, then by name. */
export function useOfficeOptions(): { ownId: string; multiOffice: boolean; options: OfficeOption[] } {
  const units = useUnits((u) => u.units);
  const own = useSession((s) => s.office);
  const ownId = own?.id ?? '';
  // the other offices' names are read with the units (units/store)
  const names = useUnits((u) => u.officeNames);
  const others = useMemo(() => [...new Set(units.map((u) => u.officeId))].filter((id) => id !== ownId), [units, ownId]);
  const multiOffice = others.length > 0;
  const options = useMemo(
    () => [
      ...(ownId ? [{ value: ownId, label: `${own?.name ?? T.ownOffice} ${T.ownSuffix}` }] : []),
      ...others.map((id) => ({ value: id, label: names.get(id) ?? T.otherOffice })).sort((a, b) => compareVi(a.label, b.label)),
    ],
    [others, names, ownId, own],
  );
  return { ownId, multiOffice, options };
}
