// Award catalogue (read-only, from shared/awards) and the office's provincial parameters
// (quota, LĐTT minimum rating, collective thresholds, deadlines, the draft rule set switch, the
// lương cơ sở periods it entered),
// stored as one JSON value in the `setting` table.
import type BetterSqlite3 from 'better-sqlite3';
import {
  AUTHORITY_LABELS,
  CATALOG_ENTRIES,
  DEFAULT_PROVINCIAL_SETTINGS,
  LEVEL_LABELS,
  RULE_SETS,
  UNVERIFIED_LABEL,
  provincialSettingsSchema,
} from '../../../shared/awards';
import { AppError } from '../../../shared/contract/errors';
import { awardSettings, type AwardSettings, type CatalogEntryOut, type RuleSetOut } from '../../../shared/contract/records';
import { getSettingSync, setSettingSync } from '../../../db/repositories/settings';

export const AWARD_SETTINGS_KEY = 'awards.settings';

export const DEFAULT_DEADLINES: AwardSettings['deadlines'] = [
  {
    label: 'Gửi bản đăng ký thi đua đầu năm',
    day: 15,
    month: 3,
    note: 'Tham khảo — sửa theo quy định của tỉnh, ngành.',
  },
  {
    label: 'Gửi hồ sơ đề nghị khen thưởng tổng kết năm lên cấp tỉnh',
    day: 1,
    month: 12,
    note: 'Ví dụ "trước 01/12 hằng năm" — sửa theo quy định của tỉnh.',
  },
];

export function defaultAwardSettings(): AwardSettings {
  return { provincial: { ...DEFAULT_PROVINCIAL_SETTINGS }, enableDraftAmendment: false, deadlines: DEFAULT_DEADLINES.map((d) => ({ ...d })), baseSalaries: [] };
}

/** The stored settings; anything missing or unreadable falls back to the defaults, field by field. */
export function readAwardSettings(sqlite: BetterSqlite3.Database): AwardSettings {
  const raw = getSettingSync(sqlite, AWARD_SETTINGS_KEY);
  const defaults = defaultAwardSettings();
  if (!raw) return defaults;
  let stored: Partial<AwardSettings>;
  try {
    stored = JSON.parse(raw) as Partial<AwardSettings>;
  } catch {
    return defaults;
  }
  const provincial = provincialSettingsSchema.partial().safeParse(stored.provincial ?? {});
  const candidate = {
    provincial: { ...defaults.provincial, ...(provincial.success ? provincial.data : {}) },
    enableDraftAmendment: typeof stored.enableDraftAmendment === 'boolean' ? stored.enableDraftAmendment : false,
    deadlines: Array.isArray(stored.deadlines) ? stored.deadlines : defaults.deadlines,
    baseSalaries: Array.isArray(stored.baseSalaries) ? stored.baseSalaries : [],
  };
  const parsed = awardSettings.safeParse(candidate);
  if (parsed.success) return parsed.data;
  // a damaged part falls back alone: the deadlines, else the lương cơ sở periods
  const deadlines = awardSettings.shape.deadlines.safeParse(candidate.deadlines);
  const baseSalaries = awardSettings.shape.baseSalaries.safeParse(candidate.baseSalaries);
  return {
    ...candidate,
    deadlines: deadlines.success ? deadlines.data : defaults.deadlines,
    baseSalaries: baseSalaries.success ? baseSalaries.data : [],
  };
}

export function saveAwardSettings(sqlite: BetterSqlite3.Database, s: AwardSettings): AwardSettings {
  // the checker's own schema is the authority on what it accepts
  const check = provincialSettingsSchema.safeParse(s.provincial);
  if (!check.success) {
    throw new AppError('INVALID_INPUT', `Tham số khen thưởng không hợp lệ: ${check.error.issues.map((i) => i.path.join('.')).join(', ')} — kiểm tra lại các ô đã nhập.`);
  }
  const value: AwardSettings = { provincial: check.data, enableDraftAmendment: s.enableDraftAmendment, deadlines: s.deadlines, baseSalaries: s.baseSalaries };
  setSettingSync(sqlite, AWARD_SETTINGS_KEY, JSON.stringify(value));
  return value;
}

export function catalogOut(): { entries: CatalogEntryOut[]; ruleSets: RuleSetOut[]; unverifiedLabel: string } {
  return {
    entries: CATALOG_ENTRIES.map((e) => ({
      code: e.code,
      name: e.name,
      shortName: e.shortName,
      subjects: [...e.subjects],
      kind: e.kind,
      level: e.level,
      levelLabel: LEVEL_LABELS[e.level],
      authorities: e.authorities.map((a) => ({
        label: AUTHORITY_LABELS[a.authority],
        from: a.from ?? null,
        to: a.to ?? null,
        basis: a.basis,
        verified: a.verified,
      })),
      legalBasis: e.legalBasis,
      effectiveFrom: e.effectiveFrom,
      effectiveTo: e.effectiveTo ?? null,
      verified: e.verified,
      catalogOnly: e.catalogOnly === true,
      cash: e.cash.map((c) => ({ multiple: c.multiple, from: c.from, to: c.to ?? null, basis: c.basis, verified: c.verified })),
    })),
    ruleSets: RULE_SETS.map((r) => ({
      id: r.id,
      name: r.name,
      documents: [...r.documents],
      effectiveFrom: r.effectiveFrom,
      effectiveTo: r.effectiveTo ?? null,
      draft: r.draft,
      verified: r.verified,
    })),
    unverifiedLabel: UNVERIFIED_LABEL,
  };
}
