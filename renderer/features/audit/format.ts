// Turning logged values into readable Vietnamese: labels of fields and codes, dates, money,
// references (by the titles the core resolved), long texts summarised.
import { AWARD_BASIS_LABELS, AWARD_CATALOG, DISCIPLINE_LABELS, INITIATIVE_KIND_LABELS, INITIATIVE_SCOPE_LABELS, type AwardCode } from '../../../shared/awards';
import type { AuditChange, AuditEntry, AuditTable, AuditValue } from '../../../shared/contract/audit';
import { RATING_LABELS } from '../../../shared/contract/records';
import { formatDateTimeVi, formatDateVi } from '../../../shared/text/vn';
import { A, FIELD_LABELS, VALUE_LABELS } from './strings';

const DATE_FIELDS = new Set(['decision_date', 'recognized_on', 'from_date', 'to_date', 'doc_date', 'meeting_date']);
const TIME_FIELDS = new Set(['submitted_at', 'decided_at']);
const FLAG_FIELDS = new Set(['maternity_leave', 'under_review']);
const REF_FIELDS = new Set(['staff_id', 'unit_id', 'decision_id', 'campaign_id', 'dossier_id', 'nominee_id']);
/** summarised by length, never printed whole */
const LONG_FIELDS = new Set(['content', 'cover']);
/** bookkeeping the user does not need to read */
export const INTERNAL_FIELDS = new Set(['batch_key', 'sort_order', 'sha256', 'mime_type']);

export function fieldLabel(table: AuditTable, field: string): string {
  return FIELD_LABELS[table]?.[field] ?? field;
}

function codeLabel(table: AuditTable, field: string, v: string): string | null {
  switch (field) {
    case 'award_code':
      return v in AWARD_CATALOG ? AWARD_CATALOG[v as AwardCode].name : v;
    case 'basis':
      return (AWARD_BASIS_LABELS as Record<string, string>)[v] ?? v;
    case 'rating':
      return (RATING_LABELS as Record<string, string>)[v] ? `${v} — ${(RATING_LABELS as Record<string, string>)[v]}` : v;
    case 'form':
      return (DISCIPLINE_LABELS as Record<string, string>)[v] ?? v;
    case 'scope':
      return (INITIATIVE_SCOPE_LABELS as Record<string, string>)[v] ?? v;
    case 'kind':
      return table === 'initiative' ? ((INITIATIVE_KIND_LABELS as Record<string, string>)[v] ?? v) : null;
    default:
      return VALUE_LABELS[field]?.[v] ?? null;
  }
}

function jsonText(field: string, v: string): string | null {
  if (field !== 'meeting_members' && field !== 'signer') return null;
  try {
    const x = JSON.parse(v) as unknown;
    if (Array.isArray(x)) return x.map(String).join(', ');
    if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      return [o.position, o.name].filter((s) => typeof s === 'string' && s).join(' ');
    }
  } catch {
    /* shown as stored */
  }
  return null;
}

/** One value, readable. */
export function formatValue(table: AuditTable, field: string, v: AuditValue, refs: Record<string, string>): string {
  if (v === null || v === '') return A.empty_value;
  if (typeof v === 'number') {
    if (FLAG_FIELDS.has(field)) return v ? A.yes : A.no;
    if (field === 'cash_amount') return `${v.toLocaleString('vi-VN')} đồng`;
    if (field === 'size') return `${Math.max(1, Math.round(v / 1024)).toLocaleString('vi-VN')} KB`;
    return String(v);
  }
  if (REF_FIELDS.has(field)) return refs[v] ?? A.refMissing;
  if (DATE_FIELDS.has(field)) return formatDateVi(v);
  if (TIME_FIELDS.has(field)) return formatDateTimeVi(v);
  if (LONG_FIELDS.has(field)) return A.longValue(v.length);
  return codeLabel(table, field, v) ?? jsonText(field, v) ?? v;
}

export interface ChangeLine {
  field: string;
  label: string;
  before: string;
  after: string;
}

/** The lines to show for an entry: labelled, internal bookkeeping left out. */
export function changeLines(e: AuditEntry, refs: Record<string, string>): { lines: ChangeLine[]; hidden: number } {
  const visible = e.changes.filter((c) => !INTERNAL_FIELDS.has(c.field));
  const lines = visible.map((c: AuditChange) => {
    const line = { field: c.field, label: fieldLabel(e.table, c.field), before: formatValue(e.table, c.field, c.before, refs), after: formatValue(e.table, c.field, c.after, refs) };
    if (LONG_FIELDS.has(c.field) && typeof c.before === 'string' && typeof c.after === 'string') line.after = A.longChanged(c.before.length, c.after.length);
    return line;
  });
  return { lines, hidden: e.changes.length - visible.length };
}
