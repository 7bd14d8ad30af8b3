// What a saved decision's certificates are, for the menu entry that prints them.
import { AWARD_CATALOG } from '../../../shared/awards';
import type { AwardDecision } from '../../../shared/contract/records';
import { foldVi } from '../../../shared/text/vn';

/** A title's certificate, or the form given: "Bằng khen của …", "Giấy khen"; anything else is a certificate. */
export function printedForm(d: Pick<AwardDecision, 'awardCode' | 'otherForm'>): 'bang_khen' | 'giay_khen' | 'other' {
  if (d.awardCode && AWARD_CATALOG[d.awardCode].kind === 'title') return 'other';
  const name = foldVi(d.awardCode ? AWARD_CATALOG[d.awardCode].name : d.otherForm);
  return name.startsWith('bang khen') ? 'bang_khen' : name.startsWith('giay khen') ? 'giay_khen' : 'other';
}
