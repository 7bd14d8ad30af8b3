// The year-end grid: a unit's staff for one year — rating, maternity leave, under review and
// the base titles (LĐTT, CSTĐCS) — read and saved in one transaction.
//
// Titles are facts recorded by decisions. A title ticked in the grid becomes a recipient of
// the unit's grid decision for that year and title (award_decision.batch_key
// 'grid:<unit>:<year>:<code>', source 'grid'), created on first use, numbered when the user
// gives a number/date (optional, can be added later, from the grid or the Quyết định tab).
// Unticking removes the person from whichever grid decision holds the title. A title recorded
// by a decision entered by hand or imported is shown ticked and locked: it is changed there,
// and a grid save that tries to untick it is refused as a whole.
import type BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../../../shared/contract/errors';
import { GRID_TITLE_CODES, type GridTitleCode, type SaveYearGridInput, type YearGrid, type YearGridRow } from '../../../shared/contract/records';
import type { z } from 'zod';
import type { saveYearGridInput } from '../../../shared/contract/records';
import { AWARD_CATALOG } from '../../../shared/awards';
import { compareViPersonName, foldVi, formatDateVi } from '../../../shared/text/vn';
import {
  decisionByBatch,
  getUnitLite,
  heldTitles,
  insertDecision,
  insertRecipient,
  listRegistrations,
  membersForYear,
  personYearsForYear,
  recipientsOf,
  setDecisionNumber,
  softDeleteDecision,
  softDeleteRecipient,
  staffLite,
  subtreeOf,
  unitYearReview,
  unitsLite,
  upsertPersonYear,
  upsertUnitYear,
  type HeldTitleRow,
} from '../../../db/repositories/records';
import { nowIso } from '../../../db/ids';

export const gridBatchKey = (unitId: string, year: number, code: string) => `grid:${unitId}:${year}:${code}`;

export const numberKey = (n: string) => foldVi(n).replace(/\s+/g, '');

/** The grid's titles the year's people already hold, by "staffId|awardCode". */
function heldByPersonTitle(sqlite: BetterSqlite3.Database, year: number, ids: readonly string[]): Map<string, HeldTitleRow[]> {
  const held = new Map<string, HeldTitleRow[]>();
  for (const h of heldTitles(sqlite, year, GRID_TITLE_CODES, ids)) {
    const key = `${h.staff_id}|${h.award_code}`;
    const list = held.get(key);
    if (list) list.push(h);
    else held.set(key, [h]);
  }
  return held;
}

export function loadYearGrid(sqlite: BetterSqlite3.Database, input: { unitId: string; year: number; includeSubunits: boolean }): YearGrid {
  const { unitId, year, includeSubunits } = input;
  const unit = getUnitLite(sqlite, unitId);
  if (!unit) throw new AppError('NOT_FOUND', 'Đơn vị đã chọn không còn tồn tại. Hãy chọn lại đơn vị.');
  const units = unitsLite(sqlite);
  const unitNames = new Map(units.map((u) => [u.id, u.name]));
  const scope = includeSubunits ? subtreeOf(units, unitId) : new Set([unitId]);
  const members = membersForYear(sqlite, year, scope);
  // only the grid's people: a unit's grid no longer reads the whole office's year
  const ids = members.map((m) => m.staff.id);
  const facts = personYearsForYear(sqlite, year, ids);
  const held = heldByPersonTitle(sqlite, year, ids);
  const registered = new Map<string, string[]>();
  for (const r of listRegistrations(sqlite, year)) {
    if (r.subject_kind !== 'person' || !r.staff_id) continue;
    const list = registered.get(r.staff_id);
    if (list) list.push(r.award_code);
    else registered.set(r.staff_id, [r.award_code]);
  }
  const titleState = (staffId: string, code: GridTitleCode) => {
    const list = held.get(`${staffId}|${code}`) ?? [];
    const other = list.find((h) => h.source !== 'grid');
    const any = other ?? list[list.length - 1];
    return { held: list.length > 0, locked: !!other, decisionNo: any?.number ?? '', decisionId: any?.decision_id ?? null };
  };
  const rows: YearGridRow[] = members.map((m) => {
    const f = facts.get(m.staff.id);
    return {
      staffId: m.staff.id,
      fullName: m.staff.fullName,
      birthDate: m.staff.birthDate,
      gender: m.staff.gender,
      unitId: m.unitId,
      unitName: (m.unitId && unitNames.get(m.unitId)) || '',
      rating: (f?.rating as YearGridRow['rating']) ?? null,
      maternityLeave: f?.maternity_leave === 1,
      underReview: f?.under_review === 1,
      titles: { LDTT: titleState(m.staff.id, 'LDTT'), CSTDCS: titleState(m.staff.id, 'CSTDCS') },
      registered: registered.get(m.staff.id) ?? [],
    };
  });
  rows.sort((a, b) => compareViPersonName(a.fullName, b.fullName));
  const decisionInfo = (code: GridTitleCode) => {
    const d = decisionByBatch(sqlite, gridBatchKey(unitId, year, code));
    return d ? { id: d.id, number: d.number, date: d.decision_date } : null;
  };
  return {
    unitId,
    unitName: unit.name,
    year,
    includeSubunits,
    unitUnderReview: unitYearReview(sqlite, unitId, year),
    rows,
    decisions: { LDTT: decisionInfo('LDTT'), CSTDCS: decisionInfo('CSTDCS') },
  };
}

export interface GridSaveResult {
  personYears: number;
  titlesAdded: number;
  titlesRemoved: number;
}

type ParsedGrid = z.output<typeof saveYearGridInput>;

/** All or nothing: one SQLite transaction; a refused row (unknown person, locked title) rolls everything back. */
export function saveYearGrid(
  sqlite: BetterSqlite3.Database,
  origin: string,
  input: ParsedGrid | SaveYearGridInput,
  issuer: string,
): GridSaveResult {
  const data = input as ParsedGrid;
  const { unitId, year } = data;
  const unit = getUnitLite(sqlite, unitId);
  if (!unit) throw new AppError('NOT_FOUND', 'Đơn vị đã chọn không còn tồn tại. Hãy chọn lại đơn vị.');
  const tx = sqlite.transaction((): GridSaveResult => {
    const now = nowIso();
    const staff = new Map(staffLite(sqlite).map((s) => [s.id, s]));
    const unitNames = new Map(unitsLite(sqlite).map((u) => [u.id, u.name]));
    const ids = data.rows.map((r) => r.staffId);
    const facts = personYearsForYear(sqlite, year, ids);
    const held = heldByPersonTitle(sqlite, year, ids);
    const seen = new Set<string>();
    const problems: string[] = [];
    let personYears = 0;
    let titlesAdded = 0;
    let titlesRemoved = 0;
    const batch = new Map<GridTitleCode, string>();
    const batchDecision = (code: GridTitleCode): string => {
      const known = batch.get(code);
      if (known) return known;
      const key = gridBatchKey(unitId, year, code);
      const ref = data.decisions?.[code];
      const existing = decisionByBatch(sqlite, key);
      const id =
        existing?.id ??
        insertDecision(
          sqlite,
          origin,
          {
            number: ref?.number ?? '',
            numberKey: numberKey(ref?.number ?? ''),
            decisionDate: ref?.date ?? null,
            issuer,
            signer: '',
            awardCode: code,
            otherForm: '',
            basis: 'thuong_xuyen',
            year,
            campaignId: null,
            cashAmount: null,
            source: 'grid',
            batchKey: key,
            note: `Ghi từ bảng nhập cuối năm ${year} — ${unit.name}`,
          },
          now,
        );
      batch.set(code, id);
      return id;
    };

    for (const row of data.rows) {
      const s = staff.get(row.staffId);
      if (!s) {
        problems.push('Một người trong bảng không còn trong danh sách cán bộ (có thể vừa bị xóa) — tải lại bảng rồi nhập lại.');
        continue;
      }
      if (seen.has(row.staffId)) continue;
      seen.add(row.staffId);
      const yearUnit = facts.get(row.staffId)?.unit_id ?? s.unitId;
      if (
        upsertPersonYear(
          sqlite,
          origin,
          { staffId: row.staffId, year, unitId: yearUnit, rating: row.rating, maternityLeave: row.maternityLeave, underReview: row.underReview },
          now,
        )
      )
        personYears++;
      for (const code of GRID_TITLE_CODES) {
        const list = held.get(`${row.staffId}|${code}`) ?? [];
        const want = row.titles[code];
        if (want && list.length === 0) {
          insertRecipient(
            sqlite,
            origin,
            {
              decisionId: batchDecision(code),
              kind: 'person',
              staffId: row.staffId,
              unitId: null,
              name: s.fullName,
              unitName: (yearUnit && unitNames.get(yearUnit)) || '',
              cashAmount: null,
              sortOrder: 0,
            },
            now,
          );
          titlesAdded++;
        } else if (!want && list.length > 0) {
          const locked = list.filter((h) => h.source !== 'grid');
          if (locked.length > 0) {
            const d = locked[0]!;
            problems.push(
              `${s.fullName}: ${AWARD_CATALOG[code].shortName} năm ${year} được ghi trong quyết định ${d.number ? `số ${d.number}` : 'chưa có số'} ` +
                `(nhập ở thẻ Quyết định hoặc từ Excel) — bỏ người này khỏi quyết định đó trong thẻ "Quyết định khen thưởng".`,
            );
            continue;
          }
          for (const h of list) softDeleteRecipient(sqlite, h.recipient_id, now);
          titlesRemoved++;
        }
      }
    }
    if (problems.length > 0) {
      throw new AppError('CONFLICT', `Chưa lưu gì. ${[...new Set(problems)].slice(0, 10).join('\n')}`);
    }
    if (data.unitUnderReview !== undefined) upsertUnitYear(sqlite, origin, unitId, year, data.unitUnderReview, now);

    // the grid decisions: number/date as given; an emptied one is removed
    for (const code of GRID_TITLE_CODES) {
      const key = gridBatchKey(unitId, year, code);
      const d = decisionByBatch(sqlite, key);
      if (!d) continue;
      if (recipientsOf(sqlite, d.id).length === 0) {
        softDeleteDecision(sqlite, d.id, now);
        continue;
      }
      const ref = data.decisions?.[code];
      if (ref && (ref.number !== d.number || (ref.date ?? null) !== d.decision_date)) {
        setDecisionNumber(sqlite, d.id, ref.number, numberKey(ref.number), ref.date ?? null, now);
      }
    }
    return { personYears, titlesAdded, titlesRemoved };
  });
  return tx();
}

/** "QĐ số 12/QĐ-SNV ngày 05/12/2024" or "chưa có số". */
export function decisionLabel(number: string, date: string | null): string {
  const n = number ? `số ${number}` : 'chưa có số';
  return date ? `${n} ngày ${formatDateVi(date)}` : n;
}
