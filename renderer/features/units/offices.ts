// At the province the units (and staff) of the offices that sent bundles sit beside its own:
// the offices present, own office first, for the Units and Staff pages' office filters.
import { useEffect, useMemo, useState } from 'react';
import { compareVi } from '../../../shared/text/vn';
import { call } from '../../lib/api';
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
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const others = useMemo(() => [...new Set(units.map((u) => u.officeId))].filter((id) => id !== ownId), [units, ownId]);
  const multiOffice = others.length > 0;
  useEffect(() => {
    if (!multiOffice) return;
    call('exchange.offices', {})
      .then((list) => setNames(new Map(list.map((o) => [o.id, o.name]))))
      .catch(() => undefined);
  }, [multiOffice]);
  const options = useMemo(
    () => [
      ...(ownId ? [{ value: ownId, label: `${own?.name ?? T.ownOffice} ${T.ownSuffix}` }] : []),
      ...others.map((id) => ({ value: id, label: names.get(id) ?? T.otherOffice })).sort((a, b) => compareVi(a.label, b.label)),
    ],
    [others, names, ownId, own],
  );
  return { ownId, multiOffice, options };
}
