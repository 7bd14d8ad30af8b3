// A stored award code as the lists name it ("Bằng khen tỉnh"); a code the catalogue lacks as it is, none as ''.
import { AWARD_CATALOG, type AwardCode } from '../../../shared/awards';

export const awardShortName = (code: unknown): string =>
  typeof code === 'string' && code in AWARD_CATALOG ? AWARD_CATALOG[code as AwardCode].shortName : code == null ? '' : String(code);
