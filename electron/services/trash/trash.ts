// Thùng rác: the office's deleted records, worded as their own screens name them, and putting
// one back — refused, with what to do, where that would duplicate or orphan something.
import type BetterSqlite3 from 'better-sqlite3';
import type { DisciplineForm } from '../../../shared/awards';
import { DISCIPLINE_LABELS } from '../../../shared/awards/format';
import { AppError } from '../../../shared/contract/errors';
import { TRASH_KINDS, TRASH_KIND_LABELS, type TrashItem, type TrashKind, type TrashList, type TrashRestoreResult } from '../../../shared/contract/trash';
import { foldQuery, foldVi, formatDateVi, matchesQuery, upperFirst } from '../../../shared/text/vn';
import { nowIso } from '../../../db/ids';
import {
  TABLES,
  deletedBy,
  deletedRow,
  deletedRows,
  isDeleted,
  liveNamesake,
  liveSameBatch,
  liveSameNominee,
  liveSameRegistration,
  restoreRow,
  sourceTakenElsewhere,
  type DeletedRow,
} from '../../../db/repositories/trash';
import { awardShortName } from '../records/award-names';

type Db = BetterSqlite3.Database;

const str = (v: unknown) => (v == null ? '' : String(v));
const years = (from: unknown, to: unknown) => (from === to ? `Năm ${str(from)}` : `${str(from)}–${str(to)}`);
const join = (parts: Array<string | false | null | undefined>) => parts.filter(Boolean).join(' · ');
const kb = (size: unknown) => `${Math.max(1, Math.round(Number(size) / 1024)).toLocaleString('vi-VN')} KB`;

/** Title and details as the record's own screen would name it. */
function words(r: DeletedRow): { title: string; detail: string } {
  const c = r.cols;
  switch (r.kind) {
    case 'staff':
      return {
        title: str(c.full_name),
        detail: join([
          c.merged_into ? `đã gộp vào bản ghi ${str(c.merged_into)}` : null,
          str(c.unit_name),
          str(c.position),
          c.birth_date ? `sinh ngày ${formatDateVi(str(c.birth_date))}` : null,
        ]),
      };
    case 'campaign':
      return { title: str(c.name), detail: years(c.year_from, c.year_to) };
    case 'plan':
      return { title: str(c.title), detail: join([c.year ? `Năm ${str(c.year)}` : null, c.campaign_name ? `Phong trào: ${str(c.campaign_name)}` : null]) };
    case 'task':
      return {
        title: str(c.title),
        detail: join([c.quarter ? `Quý ${str(c.quarter)}/${str(c.year)}` : `Năm ${str(c.year)}`, c.due_date ? `hạn ${formatDateVi(str(c.due_date))}` : null, c.plan_title ? `Kế hoạch: ${str(c.plan_title)}` : null]),
      };
    case 'decision':
      return {
        title: c.number ? `Quyết định số ${str(c.number)}` : 'Quyết định chưa có số',
        detail: join([c.award_code ? awardShortName(c.award_code) : str(c.other_form), `năm ${str(c.year)}`, str(c.issuer), `${r.parts} người, tập thể`]),
      };
    case 'initiative':
      return { title: str(c.title), detail: join([str(c.full_name), `năm ${str(c.year)}`]) };
    case 'discipline':
      return {
        title: `${upperFirst(DISCIPLINE_LABELS[c.form as DisciplineForm] ?? str(c.form))} — ${str(c.full_name)}`,
        detail: join([`từ ${formatDateVi(str(c.from_date))}`, c.decision_no ? `quyết định số ${str(c.decision_no)}` : null]),
      };
    case 'registration':
      return { title: `${awardShortName(c.award_code)} — ${str(c.subject_name)}`, detail: `Đăng ký năm ${str(c.year)}` };
    case 'dossier':
      return { title: str(c.title), detail: join([awardShortName(c.award_code), `năm ${str(c.year)}`, `${r.parts} người, tập thể được đề nghị`]) };
    case 'evidence':
      return { title: str(c.file_name), detail: join([str(c.nominee_name), `hồ sơ "${str(c.dossier_title)}"`, kb(c.size)]) };
    case 'task_file':
      return { title: str(c.file_name), detail: join([`nhiệm vụ "${str(c.task_title)}"`, kb(c.size)]) };
    case 'task_note': {
      const body = str(c.body).replace(/\s+/g, ' ').trim();
      return { title: body.length > 120 ? `${body.slice(0, 119)}…` : body, detail: join([`ngày ${formatDateVi(str(c.note_date))}`, `nhiệm vụ "${str(c.task_title)}"`]) };
    }
    case 'nominee':
      return {
        title: str(c.name),
        detail: join([str(c.unit_name), `hồ sơ "${str(c.dossier_title)}"`, Number(c.reports) > 0 ? 'cùng báo cáo thành tích đã soạn' : null]),
      };
  }
}

/** Why the record cannot come back now, and what to do (null: it can). */
function blocker(db: Db, r: DeletedRow): string | null {
  const c = r.cols;
  const personGone = () => (isDeleted(db, 'staff', c.staff_id as string | null) ? `Cán bộ ${str(c.full_name ?? c.subject_name ?? c.name)} cũng đã bị xóa: hãy khôi phục cán bộ trước.` : null);
  switch (r.kind) {
    case 'staff': {
      // merged into another: split apart again, while that record is there
      if (c.merged_into) return c.merged_into_deleted_at ? `Bản ghi ${str(c.merged_into)} mà người này đã gộp vào cũng đã bị xóa: hãy khôi phục bản ghi đó trước.` : null;
      const twin = liveNamesake(db, r.id);
      return twin
        ? `Đã có cán bộ ${twin.full_name}${twin.birth_date ? ` sinh ngày ${formatDateVi(twin.birth_date)}` : ''} (có thể đã được thêm lại, hoặc bản ghi này đã được gộp vào người đó): khôi phục sẽ thành hai người trùng nhau. Nếu vẫn muốn khôi phục, hãy xóa người kia trước.`
        : null;
    }
    case 'plan':
      return isDeleted(db, 'campaign', c.campaign_id as string | null) ? `Phong trào "${str(c.campaign_name)}" của kế hoạch cũng đã bị xóa: hãy khôi phục phong trào trước.` : null;
    case 'decision': {
      const other = liveSameBatch(db, r.id);
      return other
        ? `Bảng tổng hợp cuối năm đã ghi lại ${awardShortName(c.award_code)} năm ${str(c.year)} của đơn vị này trong quyết định ${other.number ? `số ${other.number}` : 'chưa có số'}: hãy sửa ở bảng tổng hợp thay vì khôi phục.`
        : null;
    }
    case 'initiative':
    case 'discipline':
      return personGone();
    case 'registration':
      return (
        personGone() ??
        (liveSameRegistration(db, r.id) ? `${str(c.subject_name)} đã có đăng ký ${awardShortName(c.award_code)} năm ${str(c.year)} (thêm lại sau khi xóa): không cần khôi phục.` : null)
      );
    case 'evidence':
      if (c.state !== 'nhap') return `Hồ sơ "${str(c.dossier_title)}" đã gửi lên cấp trên: bấm "Mở lại để sửa" trong hồ sơ rồi khôi phục.`;
      return c.nominee_deleted_at ? `${str(c.nominee_name)} đã bị bỏ khỏi hồ sơ: hãy khôi phục người này trước.` : null;
    case 'task_file':
    case 'task_note':
      return c.task_deleted_at ? `Nhiệm vụ "${str(c.task_title)}" cũng đã bị xóa: hãy khôi phục nhiệm vụ trước.` : null;
    case 'nominee':
      if (c.state !== 'nhap') return `Hồ sơ "${str(c.dossier_title)}" đã gửi lên cấp trên: bấm "Mở lại để sửa" trong hồ sơ rồi khôi phục.`;
      if (liveSameNominee(db, r.id)) return `${str(c.name)} đã có lại trong hồ sơ (thêm lại sau khi bỏ): không cần khôi phục.`;
      return c.subject_kind === 'person' ? personGone() : null;
    case 'dossier': {
      const taken = sourceTakenElsewhere(db, r.id);
      return taken ? `Hồ sơ nhận dùng để tổng hợp hồ sơ này đã được đưa vào hồ sơ "${taken.title}": không khôi phục được.` : null;
    }
    default:
      return null;
  }
}

function toItem(db: Db, r: DeletedRow, w = words(r)): TrashItem {
  return {
    kind: r.kind,
    id: r.id,
    ...w,
    deletedAt: r.deleted_at,
    deletedBy: deletedBy(db, TABLES[r.kind], r.id, r.deleted_at),
    parts: r.parts,
    blocked: blocker(db, r),
    mergedInto: r.kind === 'staff' && r.cols.merged_into ? str(r.cols.merged_into) : null,
  };
}

export function listTrash(db: Db, officeId: string, input: { kind: TrashKind | null; search: string; limit: number }): TrashList {
  const rows = deletedRows(db, officeId, TRASH_KINDS);
  const counts = Object.fromEntries(TRASH_KINDS.map((k) => [k, 0])) as Record<TrashKind, number>;
  for (const r of rows) counts[r.kind]++;
  const q = foldQuery(input.search);
  const matching = rows
    .filter((r) => !input.kind || r.kind === input.kind)
    .map((r) => ({ r, w: words(r) }))
    .filter(({ r, w }) => matchesQuery(foldVi(`${TRASH_KIND_LABELS[r.kind]} ${w.title} ${w.detail}`), q))
    // newest deletion first; ids break ties so pages stay stable
    .sort((a, b) => (a.r.deleted_at === b.r.deleted_at ? (a.r.id < b.r.id ? -1 : 1) : a.r.deleted_at < b.r.deleted_at ? 1 : -1));
  return { items: matching.slice(0, input.limit).map(({ r, w }) => toItem(db, r, w)), total: matching.length, counts };
}

/** Put a deleted record back, with the parts deleted with it, in one transaction. */
export function restoreTrash(db: Db, officeId: string, kind: TrashKind, id: string): TrashRestoreResult {
  return db.transaction(() => {
    const r = deletedRow(db, officeId, kind, id);
    if (!r) throw new AppError('NOT_FOUND', 'Bản ghi này không còn trong Thùng rác (có thể đã được khôi phục). Hãy tải lại danh sách.');
    const why = blocker(db, r);
    if (why) throw new AppError('CONFLICT', why);
    const parts = restoreRow(db, kind, id, r.deleted_at, nowIso());
    return { kind, id, title: words(r).title, parts, splitFrom: kind === 'staff' && r.cols.merged_into ? str(r.cols.merged_into) : null };
  })();
}

/**
 * Several records back in one transaction (an undo of a bulk deletion, rows ticked in the
 * Thùng rác), parents before what hangs on them: the first that cannot come back stops them
 * all, its title in the message.
 */
export function restoreTrashMany(db: Db, officeId: string, items: ReadonlyArray<{ kind: TrashKind; id: string }>): number {
  return db.transaction(() => {
    // what others hang on first (a person before their initiatives, a dossier before its nominees)
    const ordered = [...items].sort((a, b) => TRASH_KINDS.indexOf(a.kind) - TRASH_KINDS.indexOf(b.kind));
    for (const { kind, id } of ordered) {
      try {
        restoreTrash(db, officeId, kind, id);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        const r = deletedRow(db, officeId, kind, id);
        throw new AppError(e.code, `Chưa khôi phục bản ghi nào. ${r ? `${TRASH_KIND_LABELS[kind]} "${words(r).title}": ` : ''}${e.message}`);
      }
    }
    return items.length;
  })();
}

