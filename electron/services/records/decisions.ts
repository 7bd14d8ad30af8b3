// Award decisions with their recipient lists. A recipient's name and unit are snapshotted
// when it is added (a later rename or move does not rewrite an old decision).
import type BetterSqlite3 from 'better-sqlite3';
import type { z } from 'zod';
import { AppError } from '../../../shared/contract/errors';
import {
  awardFormLabel,
  type AwardDecision,
  type AwardDecisionSummary,
  type awardDecisionInput,
} from '../../../shared/contract/records';
import type { AwardCode } from '../../../shared/awards';
import { compareVi, foldQuery, foldVi, formatDateVi, matchesQuery, type FoldedQuery } from '../../../shared/text/vn';
import { decisionDateProblem } from '../../../shared/records/dates';
import {
  campaignName,
  getDecision,
  getStaffLite,
  getUnitLite,
  insertDecision,
  insertRecipient,
  listDecisions,
  personYearsForYear,
  recipientsOf,
  softDeleteDecision,
  softDeleteRecipient,
  unitsLite,
  updateDecision,
  updateRecipient,
  type DecisionListRow,
  type DecisionRow,
  type RecipientRow,
} from '../../../db/repositories/records';
import { nowIso } from '../../../db/ids';
import { numberKey } from './grid';

type DecisionData = z.output<typeof awardDecisionInput>;

function summary(d: DecisionRow, recipientCount: number, campaign: string | null): AwardDecisionSummary {
  return {
    id: d.id,
    number: d.number,
    decisionDate: d.decision_date,
    issuer: d.issuer,
    signer: d.signer,
    awardCode: (d.award_code as AwardCode | null) ?? null,
    otherForm: d.other_form,
    formLabel: awardFormLabel(d.award_code, d.other_form),
    basis: d.basis as AwardDecisionSummary['basis'],
    year: d.year,
    campaignId: d.campaign_id,
    campaignName: campaign ?? '',
    cashAmount: d.cash_amount,
    note: d.note,
    source: d.source as AwardDecisionSummary['source'],
    recipientCount,
    updatedAt: d.updated_at,
  };
}

const toRecipient = (r: RecipientRow) => ({
  id: r.id,
  kind: r.subject_kind,
  staffId: r.staff_id,
  unitId: r.unit_id,
  name: r.name,
  unitName: r.unit_name,
  cashAmount: r.cash_amount,
});

/** What the decisions list searches, folded: the number, the form, who issued and signed it, the note, the campaign. */
export function decisionSearchText(d: AwardDecisionSummary): string {
  return foldVi(`${d.number} ${d.formLabel} ${d.issuer} ${d.signer} ${d.note} ${d.campaignName}`);
}

export function decisionMatches(d: AwardDecisionSummary, key: FoldedQuery): boolean {
  return !key.words.length || matchesQuery(decisionSearchText(d), key);
}

export function listDecisionSummaries(sqlite: BetterSqlite3.Database, f: { year: number | null; search: string }): AwardDecisionSummary[] {
  const key = foldQuery(f.search);
  const rows: DecisionListRow[] = listDecisions(sqlite, { year: f.year });
  return rows
    .map((r) => summary(r, r.recipient_count, r.campaign_name))
    .filter((d) => decisionMatches(d, key))
    .sort((a, b) => b.year - a.year || (b.decisionDate ?? '').localeCompare(a.decisionDate ?? '') || compareVi(a.number, b.number));
}

export function decisionWithRecipients(sqlite: BetterSqlite3.Database, id: string): AwardDecision {
  const d = getDecision(sqlite, id);
  if (!d) throw new AppError('NOT_FOUND', 'Không tìm thấy quyết định khen thưởng (có thể đã bị xóa). Hãy tải lại danh sách.');
  const recipients = recipientsOf(sqlite, id);
  return { ...summary(d, recipients.length, d.campaign_id ? campaignName(sqlite, d.campaign_id) ?? null : null), recipients: recipients.map(toRecipient) };
}

/** Save a decision; `today` (ISO) bounds its date (shared/records/dates.ts) — one already recorded stays as it is. */
export function saveDecision(sqlite: BetterSqlite3.Database, origin: string, id: string | null, data: DecisionData, today: string): AwardDecision {
  const tx = sqlite.transaction((): string => {
    const now = nowIso();
    if (data.campaignId && !campaignName(sqlite, data.campaignId)) {
      throw new AppError('NOT_FOUND', 'Phong trào thi đua đã chọn không còn tồn tại. Hãy chọn lại hoặc bỏ trống.');
    }
    const existing = id ? getDecision(sqlite, id) : undefined;
    if (id && !existing) throw new AppError('NOT_FOUND', 'Không tìm thấy quyết định khen thưởng (có thể đã bị xóa). Hãy tải lại danh sách.');
    if (data.decisionDate && (existing?.decision_date !== data.decisionDate || existing.year !== data.year)) {
      const problem = decisionDateProblem(data.decisionDate, data.year, today);
      if (problem) throw new AppError('INVALID_INPUT', `Ngày quyết định ${formatDateVi(data.decisionDate)} ${problem}`);
    }
    const fields = {
      number: data.number,
      numberKey: numberKey(data.number),
      decisionDate: data.decisionDate,
      issuer: data.issuer,
      signer: data.signer,
      awardCode: data.awardCode,
      otherForm: data.awardCode ? '' : data.otherForm,
      basis: data.basis,
      year: data.year,
      campaignId: data.campaignId,
      cashAmount: data.cashAmount,
      source: (existing?.source ?? 'manual') as 'manual' | 'grid' | 'import',
      batchKey: existing?.batch_key ?? null,
      note: data.note,
    };
    const decisionId = existing ? existing.id : insertDecision(sqlite, origin, fields, now);
    if (existing) updateDecision(sqlite, existing.id, fields, now);

    const current = new Map(recipientsOf(sqlite, decisionId).map((r) => [r.id, r]));
    const keep = new Set<string>();
    const seenSubject = new Map<string, string>();
    const unitNames = new Map(unitsLite(sqlite).map((u) => [u.id, u.name]));
    const yearFacts = personYearsForYear(sqlite, data.year);
    data.recipients.forEach((r, i) => {
      const subjectKey = r.kind === 'person' ? `p|${r.staffId}` : `u|${r.unitId}`;
      const prior = r.id ? current.get(r.id) : undefined;
      let name: string;
      if (prior) {
        name = prior.name;
      } else if (r.kind === 'person') {
        const s = getStaffLite(sqlite, r.staffId!);
        if (!s) throw new AppError('NOT_FOUND', `Người được khen thứ ${i + 1} không còn trong danh sách cán bộ — bỏ khỏi danh sách rồi lưu lại.`);
        name = s.fullName;
        const yearUnit = yearFacts.get(s.id)?.unit_id ?? s.unitId;
        insertRecipient(
          sqlite,
          origin,
          { decisionId, kind: 'person', staffId: s.id, unitId: null, name, unitName: (yearUnit && unitNames.get(yearUnit)) || '', cashAmount: r.cashAmount, sortOrder: i },
          now,
        );
      } else {
        const u = getUnitLite(sqlite, r.unitId!);
        if (!u) throw new AppError('NOT_FOUND', `Tập thể được khen thứ ${i + 1} không còn trong danh sách đơn vị — bỏ khỏi danh sách rồi lưu lại.`);
        name = u.name;
        const parent = u.parentId ? unitNames.get(u.parentId) ?? '' : '';
        insertRecipient(sqlite, origin, { decisionId, kind: 'unit', staffId: null, unitId: u.id, name, unitName: parent, cashAmount: r.cashAmount, sortOrder: i }, now);
      }
      const dup = seenSubject.get(subjectKey);
      if (dup !== undefined) {
        throw new AppError('INVALID_INPUT', `"${name}" có hai lần trong danh sách được khen — bỏ bớt một dòng.`);
      }
      seenSubject.set(subjectKey, name);
      if (prior) {
        keep.add(prior.id);
        updateRecipient(sqlite, prior.id, r.cashAmount, i, now);
      }
    });
    for (const r of current.values()) if (!keep.has(r.id)) softDeleteRecipient(sqlite, r.id, now);
    return decisionId;
  });
  return decisionWithRecipients(sqlite, tx());
}

export function deleteDecision(sqlite: BetterSqlite3.Database, id: string): boolean {
  if (!getDecision(sqlite, id)) throw new AppError('NOT_FOUND', 'Không tìm thấy quyết định khen thưởng (có thể đã bị xóa). Hãy tải lại danh sách.');
  return sqlite.transaction(() => softDeleteDecision(sqlite, id))();
}
