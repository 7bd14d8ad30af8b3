// The audit log travels with the records it describes: a bundle carries the log rows of the
// audited records it carries (decisions, recipients, ratings, registrations, initiatives,
// disciplines, dossiers and their parts). Plans do not travel, so neither do their rows.
//
// - office → province: only rows written at this office (the reader requires every record of
//   such a bundle to originate from the sender; rows this office received from elsewhere are
//   already at their origin);
// - province → office and full: every row of the carried records, wherever it was written.
//
// Append-only merge (EntityKind.appendOnly): a row whose id is new here is inserted, any other
// is ignored — never changed, never a conflict. Values are carried byte for byte (no NFC pass),
// so a row that comes back is identical to the stored one.
import type BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import { AUDIT_ACTIONS, AUDIT_TABLES } from '../../../../shared/contract/audit';
import { RECORD_COLUMNS, defaultSelect, type EntityKind, type ExportScope, type Row } from '../entity';
import { recordId } from '../format';

const ACTION_LABELS: Record<string, string> = {
  insert: 'thêm',
  update: 'sửa',
  soft_delete: 'xóa',
  restore: 'khôi phục',
  delete: 'xóa hẳn',
  issue: 'ban hành',
};

const AUDITED = new Set<string>(AUDIT_TABLES);
const MAX_JSON = 4_000_000;

const jsonObject = z
  .string()
  .max(MAX_JSON)
  .refine(
    (s) => {
      try {
        const v = JSON.parse(s) as unknown;
        return !!v && typeof v === 'object' && !Array.isArray(v);
      } catch {
        return false;
      }
    },
    { error: 'không phải đối tượng JSON' },
  )
  .nullable();

const COLUMNS = ['actor_id', 'actor', 'actor_position', 'source', 'record_table', 'record_id', 'owner_table', 'owner_id', 'action', 'before_json', 'after_json'] as const;

/** `kinds` lists the registered kinds at export time (the registry's entityKinds). */
export function makeAuditLogKind(kinds: () => EntityKind[]): EntityKind {
  return {
    name: 'audit_log',
    table: 'audit_log',
    label: 'Nhật ký thay đổi',
    // after every kind whose rows it describes
    order: 900,
    columns: COLUMNS,
    schema: z.object({
      // overrides the generic record column: a log row is never deleted
      deleted_at: z.null({ error: 'một dòng nhật ký không thể ở trạng thái đã xóa' }),
      actor_id: recordId.nullable(),
      actor: z.string().max(400),
      actor_position: z.string().max(400),
      source: z.enum(['local', 'import']),
      record_table: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, { error: 'tên bảng không hợp lệ' }),
      record_id: recordId,
      owner_table: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, { error: 'tên bảng không hợp lệ' }),
      owner_id: recordId,
      action: z.enum(AUDIT_ACTIONS),
      before_json: jsonObject,
      after_json: jsonObject,
    }),
    appendOnly: true,
    select(sqlite: BetterSqlite3.Database, scope: ExportScope): Row[] {
      const cols = [...RECORD_COLUMNS, ...COLUMNS].map((c) => `"${c}"`).join(', ');
      const ownOnly = scope.kind === 'office-to-province';
      const out: (Row & { _seq: number })[] = [];
      for (const kind of kinds()) {
        if (kind.name === 'audit_log' || !AUDITED.has(kind.table)) continue;
        const ids = (kind.select ? kind.select(sqlite, scope) : defaultSelect(sqlite, kind, scope)).map((r) => r.id as string);
        for (let i = 0; i < ids.length; i += 500) {
          const chunk = ids.slice(i, i + 500);
          const rows = sqlite
            .prepare(
              `SELECT rowid AS _seq, ${cols} FROM audit_log WHERE record_table = ? AND record_id IN (${chunk.map(() => '?').join(',')})${ownOnly ? ' AND origin_office_id = ?' : ''}`,
            )
            .all(kind.table, ...chunk, ...(ownOnly ? [scope.selfOfficeId] : [])) as (Row & { _seq: number })[];
          for (const row of rows) out.push(row);
        }
      }
      out.sort((a, b) => (a.created_at === b.created_at ? a._seq - b._seq : (a.created_at as string) < (b.created_at as string) ? -1 : 1));
      return out.map(({ _seq, ...r }) => r);
    },
    describe: (r) => `${ACTION_LABELS[String(r.action)] ?? String(r.action)} (${String(r.record_table)})`,
    keyFields: [
      { column: 'record_table', label: 'Loại bản ghi' },
      { column: 'action', label: 'Thao tác', format: (v) => ACTION_LABELS[String(v)] ?? String(v) },
      { column: 'actor', label: 'Người thực hiện' },
    ],
  };
}
