// Ordered, append-only list of migrations. Never edit a shipped step: add a new one.
// The schema version is SQLite's user_version pragma.
import type BetterSqlite3 from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  up: (db: BetterSqlite3.Database) => void;
}

const recordColumns = `
  id TEXT PRIMARY KEY NOT NULL,
  origin_office_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT`;

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'office, levels, units',
    up: (db) => {
      db.exec(`
        CREATE TABLE migration_log (id INTEGER PRIMARY KEY AUTOINCREMENT, version INTEGER NOT NULL, name TEXT NOT NULL, applied_at TEXT NOT NULL);
        CREATE TABLE setting (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
        CREATE TABLE office_level (code TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, sort_order INTEGER NOT NULL);
        INSERT INTO office_level (code, name, sort_order) VALUES
          ('trung_uong', 'Trung ương (bộ, ngành)', 1),
          ('tinh', 'Tỉnh, thành phố', 2),
          ('so_nganh', 'Sở, ban, ngành', 3),
          ('huyen', 'Huyện (trước 01/7/2025)', 4),
          ('xa', 'Xã, phường, đặc khu', 5),
          ('co_so', 'Đơn vị cơ sở', 6);
        CREATE TABLE office (${recordColumns},
          name TEXT NOT NULL,
          parent_agency TEXT NOT NULL DEFAULT '',
          level_code TEXT NOT NULL REFERENCES office_level(code),
          place_name TEXT NOT NULL,
          abbreviation TEXT NOT NULL,
          head_title TEXT NOT NULL DEFAULT '',
          head_name TEXT NOT NULL DEFAULT '',
          superior_name TEXT NOT NULL DEFAULT '',
          superior_id TEXT
        );
        CREATE TABLE unit (${recordColumns},
          parent_id TEXT REFERENCES unit(id),
          name TEXT NOT NULL,
          name_key TEXT NOT NULL,
          code TEXT,
          kind TEXT NOT NULL,
          active INTEGER NOT NULL DEFAULT 1,
          sort_order INTEGER NOT NULL DEFAULT 0,
          note TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX unit_parent ON unit(parent_id);
        CREATE INDEX unit_origin ON unit(origin_office_id);
      `);
    },
  },
  {
    version: 2,
    name: 'staff',
    up: (db) => {
      db.exec(`
        CREATE TABLE staff (${recordColumns},
          full_name TEXT NOT NULL,
          name_key TEXT NOT NULL,
          gender TEXT CHECK (gender IN ('nam', 'nu')),
          birth_date TEXT,
          unit_id TEXT REFERENCES unit(id),
          position TEXT NOT NULL DEFAULT '',
          category TEXT CHECK (category IN ('CB', 'CC', 'VC', 'NLD')),
          is_leader INTEGER NOT NULL DEFAULT 0,
          employment_start TEXT,
          employment_end TEXT,
          status TEXT NOT NULL DEFAULT 'dang_cong_tac',
          note TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX staff_unit ON staff(unit_id);
        CREATE INDEX staff_dup ON staff(name_key, birth_date, unit_id);
      `);
    },
  },
  {
    version: 3,
    name: 'campaigns, plans, document references',
    up: (db) => {
      db.exec(`
        CREATE TABLE campaign (${recordColumns},
          name TEXT NOT NULL,
          name_key TEXT NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN ('thuong_xuyen', 'theo_dot', 'chuyen_de', 'dac_biet')),
          year_from INTEGER NOT NULL,
          year_to INTEGER NOT NULL,
          start_date TEXT,
          end_date TEXT,
          status TEXT NOT NULL DEFAULT 'nhap' CHECK (status IN ('nhap', 'da_ban_hanh', 'da_ket_thuc')),
          description TEXT NOT NULL DEFAULT '',
          -- phases, participants, award forms and deadlines: small structured lists (JSON, zod-validated)
          phases TEXT NOT NULL DEFAULT '[]',
          participants TEXT NOT NULL DEFAULT '{}',
          award_forms TEXT NOT NULL DEFAULT '[]',
          deadlines TEXT NOT NULL DEFAULT '[]'
        );
        CREATE TABLE plan (${recordColumns},
          campaign_id TEXT REFERENCES campaign(id),
          title TEXT NOT NULL,
          title_key TEXT NOT NULL,
          year INTEGER,
          status TEXT NOT NULL DEFAULT 'nhap' CHECK (status IN ('nhap', 'da_ban_hanh')),
          doc_number INTEGER,
          review_count INTEGER NOT NULL DEFAULT 0,
          source_file TEXT,
          content TEXT NOT NULL
        );
        CREATE INDEX plan_campaign ON plan(campaign_id);
        -- superior documents cited by a campaign or a plan, searchable
        CREATE TABLE doc_reference (${recordColumns},
          owner_type TEXT NOT NULL CHECK (owner_type IN ('campaign', 'plan')),
          owner_id TEXT NOT NULL,
          number TEXT NOT NULL,
          kind TEXT,
          doc_date TEXT,
          issuer TEXT,
          title TEXT NOT NULL DEFAULT '',
          search_key TEXT NOT NULL
        );
        CREATE INDEX doc_reference_owner ON doc_reference(owner_type, owner_id);
      `);
    },
  },
  {
    // quarterly task tracker: tasks (from a plan's appendix, the TĐKT calendar, or by hand),
    // their lead/coordinating units (a unit of the list, or the name as written), dated
    // progress notes and evidence attachments (bytes in <db folder>/attachments/, by SHA-256)
    version: 4,
    name: 'tasks, task units, notes, attachments',
    up: (db) => {
      db.exec(`
        CREATE TABLE task (${recordColumns},
          year INTEGER NOT NULL,
          quarter INTEGER CHECK (quarter BETWEEN 1 AND 4),
          due_date TEXT,
          title TEXT NOT NULL,
          title_key TEXT NOT NULL,
          description TEXT NOT NULL DEFAULT '',
          timing TEXT NOT NULL DEFAULT '',
          status TEXT NOT NULL DEFAULT 'chua_thuc_hien' CHECK (status IN ('chua_thuc_hien', 'dang_thuc_hien', 'hoan_thanh')),
          completed_on TEXT,
          responsible_staff_id TEXT REFERENCES staff(id),
          responsible_name TEXT NOT NULL DEFAULT '',
          source TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'plan', 'calendar')),
          plan_id TEXT REFERENCES plan(id),
          plan_task_id TEXT,
          calendar_key TEXT,
          copied_from_id TEXT,
          sort_order INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX task_year ON task(year, quarter);
        CREATE INDEX task_plan ON task(plan_id, plan_task_id);
        CREATE TABLE task_unit (${recordColumns},
          task_id TEXT NOT NULL REFERENCES task(id),
          role TEXT NOT NULL CHECK (role IN ('lead', 'coordinating')),
          unit_id TEXT REFERENCES unit(id),
          unit_name TEXT NOT NULL,
          name_key TEXT NOT NULL,
          sort_order INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX task_unit_task ON task_unit(task_id);
        CREATE INDEX task_unit_unit ON task_unit(unit_id);
        CREATE INDEX task_unit_key ON task_unit(name_key);
        CREATE TABLE task_note (${recordColumns},
          task_id TEXT NOT NULL REFERENCES task(id),
          note_date TEXT NOT NULL,
          body TEXT NOT NULL,
          status_change TEXT CHECK (status_change IN ('chua_thuc_hien', 'dang_thuc_hien', 'hoan_thanh'))
        );
        CREATE INDEX task_note_task ON task_note(task_id, note_date);
        CREATE TABLE task_attachment (${recordColumns},
          task_id TEXT NOT NULL REFERENCES task(id),
          file_name TEXT NOT NULL,
          mime_type TEXT NOT NULL DEFAULT 'application/octet-stream',
          size INTEGER NOT NULL,
          sha256 TEXT NOT NULL
        );
        CREATE INDEX task_attachment_task ON task_attachment(task_id);
      `);
    },
  },
  {
    // award records: per person-year facts (rating, maternity leave, under review) with the
    // person's unit that year; per unit-year facts; start-of-year registrations; recognised
    // initiatives; disciplinary measures; award decisions and their recipients (name and unit
    // snapshotted). No UNIQUE keys on (person, year) etc.: records from several offices merge,
    // the repositories keep one live row per key and readers take the latest updated_at.
    version: 5,
    name: 'award records: ratings, registrations, initiatives, disciplines, decisions',
    up: (db) => {
      db.exec(`
        CREATE TABLE person_year (${recordColumns},
          staff_id TEXT NOT NULL REFERENCES staff(id),
          year INTEGER NOT NULL,
          unit_id TEXT REFERENCES unit(id),
          rating TEXT CHECK (rating IN ('HTXSNV', 'HTTNV', 'HTNV', 'KHTNV')),
          maternity_leave INTEGER NOT NULL DEFAULT 0,
          under_review INTEGER NOT NULL DEFAULT 0,
          note TEXT NOT NULL DEFAULT ''
        );
        -- covering the history loader's per-person scan (db/repositories/records.ts loadHistories)
        CREATE INDEX person_year_staff ON person_year(staff_id, year, rating, maternity_leave, under_review, deleted_at);
        CREATE INDEX person_year_year ON person_year(year, unit_id);
        CREATE TABLE unit_year (${recordColumns},
          unit_id TEXT NOT NULL REFERENCES unit(id),
          year INTEGER NOT NULL,
          under_review INTEGER NOT NULL DEFAULT 0,
          note TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX unit_year_unit ON unit_year(unit_id, year);
        CREATE TABLE registration (${recordColumns},
          year INTEGER NOT NULL,
          subject_kind TEXT NOT NULL CHECK (subject_kind IN ('person', 'unit')),
          staff_id TEXT REFERENCES staff(id),
          unit_id TEXT REFERENCES unit(id),
          award_code TEXT NOT NULL,
          note TEXT NOT NULL DEFAULT '',
          CHECK ((subject_kind = 'person' AND staff_id IS NOT NULL) OR (subject_kind = 'unit' AND unit_id IS NOT NULL))
        );
        CREATE INDEX registration_year ON registration(year);
        CREATE TABLE initiative (${recordColumns},
          staff_id TEXT NOT NULL REFERENCES staff(id),
          year INTEGER NOT NULL,
          title TEXT NOT NULL,
          title_key TEXT NOT NULL,
          kind TEXT NOT NULL DEFAULT 'sang_kien' CHECK (kind IN ('sang_kien', 'de_tai', 'giai_phap')),
          recognizing_body TEXT NOT NULL DEFAULT '',
          scope TEXT NOT NULL CHECK (scope IN ('co_so', 'tinh', 'toan_quoc')),
          recognized_on TEXT,
          decision_no TEXT NOT NULL DEFAULT '',
          note TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX initiative_staff ON initiative(staff_id, year);
        CREATE TABLE discipline (${recordColumns},
          staff_id TEXT NOT NULL REFERENCES staff(id),
          form TEXT NOT NULL CHECK (form IN ('khien_trach', 'canh_cao', 'ha_bac_luong', 'giang_chuc', 'cach_chuc', 'buoc_thoi_viec')),
          from_date TEXT NOT NULL,
          to_date TEXT,
          decision_no TEXT NOT NULL DEFAULT '',
          issuer TEXT NOT NULL DEFAULT '',
          note TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX discipline_staff ON discipline(staff_id);
        CREATE TABLE award_decision (${recordColumns},
          number TEXT NOT NULL DEFAULT '',
          number_key TEXT NOT NULL DEFAULT '',
          decision_date TEXT,
          issuer TEXT NOT NULL DEFAULT '',
          signer TEXT NOT NULL DEFAULT '',
          award_code TEXT,
          other_form TEXT NOT NULL DEFAULT '',
          basis TEXT NOT NULL DEFAULT 'thuong_xuyen' CHECK (basis IN ('thuong_xuyen', 'chuyen_de', 'dot_xuat')),
          year INTEGER NOT NULL,
          campaign_id TEXT REFERENCES campaign(id),
          cash_amount INTEGER,
          source TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'grid', 'import')),
          -- grid decisions: 'grid:<unit id>:<year>:<code>' (one per unit, year and title)
          batch_key TEXT,
          note TEXT NOT NULL DEFAULT '',
          CHECK (award_code IS NOT NULL OR other_form <> '')
        );
        CREATE INDEX award_decision_year ON award_decision(year);
        CREATE INDEX award_decision_batch ON award_decision(batch_key);
        CREATE TABLE award_recipient (${recordColumns},
          decision_id TEXT NOT NULL REFERENCES award_decision(id),
          subject_kind TEXT NOT NULL CHECK (subject_kind IN ('person', 'unit')),
          staff_id TEXT REFERENCES staff(id),
          unit_id TEXT REFERENCES unit(id),
          name TEXT NOT NULL,
          unit_name TEXT NOT NULL DEFAULT '',
          cash_amount INTEGER,
          sort_order INTEGER NOT NULL DEFAULT 0,
          CHECK ((subject_kind = 'person' AND staff_id IS NOT NULL) OR (subject_kind = 'unit' AND unit_id IS NOT NULL))
        );
        CREATE INDEX award_recipient_decision ON award_recipient(decision_id);
        CREATE INDEX award_recipient_staff ON award_recipient(staff_id, subject_kind, deleted_at, decision_id);
        CREATE INDEX award_recipient_unit ON award_recipient(unit_id);
      `);
    },
  },
  {
    // exchange bookkeeping (local only, never exchanged): bundles sent/received, and per
    // record the updated_at last received so the merge can tell edits from conflicts
    version: 6,
    name: 'exchange history and record state',
    up: (db) => {
      db.exec(`
        CREATE TABLE exchange_history (
          id TEXT PRIMARY KEY NOT NULL,
          bundle_id TEXT NOT NULL,
          direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
          kind TEXT NOT NULL,
          origin_office_id TEXT NOT NULL,
          origin_office_name TEXT NOT NULL DEFAULT '',
          target_office_id TEXT,
          file_name TEXT NOT NULL DEFAULT '',
          counts_json TEXT NOT NULL DEFAULT '{}',
          created_at TEXT NOT NULL,
          applied_at TEXT NOT NULL,
          status TEXT NOT NULL
        );
        CREATE UNIQUE INDEX exchange_history_in ON exchange_history(bundle_id) WHERE direction = 'in';
        CREATE INDEX exchange_history_applied ON exchange_history(applied_at);
        CREATE TABLE exchange_record_state (
          entity TEXT NOT NULL,
          record_id TEXT NOT NULL,
          received_updated_at TEXT NOT NULL,
          peer_office_id TEXT NOT NULL,
          bundle_id TEXT NOT NULL,
          PRIMARY KEY (entity, record_id)
        ) WITHOUT ROWID;
      `);
    },
  },
  {
    // nomination dossiers (hồ sơ đề nghị khen thưởng): the dossier with its council meeting and
    // cover-letter fields, nominees (name/position/unit snapshotted, votes), achievement reports
    // (template id + JSON content), generated documents and evidence attachments (bytes in
    // <db folder>/attachments/ by SHA-256), and the province's outcome per submission (its own
    // rows, origin = the province; no foreign key to dossier, so an outcome may arrive first).
    version: 7,
    name: 'nomination dossiers: nominees, reports, documents, attachments, outcomes',
    up: (db) => {
      db.exec(`
        CREATE TABLE dossier (${recordColumns},
          title TEXT NOT NULL,
          title_key TEXT NOT NULL,
          year INTEGER NOT NULL,
          award_code TEXT NOT NULL,
          basis TEXT NOT NULL DEFAULT 'thuong_xuyen' CHECK (basis IN ('thuong_xuyen', 'chuyen_de', 'dot_xuat')),
          procedure TEXT NOT NULL DEFAULT 'thuong' CHECK (procedure IN ('thuong', 'don_gian')),
          sector TEXT NOT NULL DEFAULT 'chung' CHECK (sector IN ('chung', 'noi_vu')),
          campaign_id TEXT REFERENCES campaign(id),
          campaign_name TEXT NOT NULL DEFAULT '',
          state TEXT NOT NULL DEFAULT 'nhap' CHECK (state IN ('nhap', 'da_gui')),
          submission_no INTEGER NOT NULL DEFAULT 0,
          submitted_at TEXT,
          doc_number INTEGER,
          doc_date TEXT,
          addressee TEXT NOT NULL DEFAULT '',
          signer TEXT NOT NULL DEFAULT '{}',
          cover TEXT NOT NULL DEFAULT '{}',
          meeting_date TEXT,
          meeting_time TEXT NOT NULL DEFAULT '',
          meeting_place TEXT NOT NULL DEFAULT '',
          meeting_chair TEXT NOT NULL DEFAULT '',
          meeting_chair_title TEXT NOT NULL DEFAULT '',
          meeting_secretary TEXT NOT NULL DEFAULT '',
          meeting_members TEXT NOT NULL DEFAULT '[]',
          meeting_members_total INTEGER,
          meeting_number INTEGER,
          note TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX dossier_year ON dossier(year);
        CREATE INDEX dossier_origin ON dossier(origin_office_id, submission_no);
        CREATE TABLE dossier_nominee (${recordColumns},
          dossier_id TEXT NOT NULL REFERENCES dossier(id),
          subject_kind TEXT NOT NULL CHECK (subject_kind IN ('person', 'unit')),
          staff_id TEXT REFERENCES staff(id),
          unit_id TEXT REFERENCES unit(id),
          award_code TEXT NOT NULL,
          name TEXT NOT NULL,
          position TEXT NOT NULL DEFAULT '',
          unit_name TEXT NOT NULL DEFAULT '',
          summary TEXT NOT NULL DEFAULT '',
          votes_agree INTEGER,
          votes_total INTEGER,
          sort_order INTEGER NOT NULL DEFAULT 0,
          CHECK ((subject_kind = 'person' AND staff_id IS NOT NULL) OR (subject_kind = 'unit' AND unit_id IS NOT NULL))
        );
        CREATE INDEX dossier_nominee_dossier ON dossier_nominee(dossier_id);
        CREATE TABLE dossier_report (${recordColumns},
          nominee_id TEXT NOT NULL REFERENCES dossier_nominee(id),
          template_id TEXT NOT NULL,
          content TEXT NOT NULL
        );
        CREATE INDEX dossier_report_nominee ON dossier_report(nominee_id);
        CREATE TABLE dossier_document (${recordColumns},
          dossier_id TEXT NOT NULL REFERENCES dossier(id),
          nominee_id TEXT REFERENCES dossier_nominee(id),
          kind TEXT NOT NULL CHECK (kind IN ('to_trinh', 'danh_sach', 'bien_ban', 'bao_cao')),
          file_name TEXT NOT NULL,
          mime_type TEXT NOT NULL,
          size INTEGER NOT NULL,
          sha256 TEXT NOT NULL,
          generated_at TEXT NOT NULL,
          sort_order INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX dossier_document_dossier ON dossier_document(dossier_id);
        CREATE TABLE dossier_attachment (${recordColumns},
          dossier_id TEXT NOT NULL REFERENCES dossier(id),
          nominee_id TEXT REFERENCES dossier_nominee(id),
          file_name TEXT NOT NULL,
          mime_type TEXT NOT NULL DEFAULT 'application/octet-stream',
          size INTEGER NOT NULL,
          sha256 TEXT NOT NULL,
          note TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX dossier_attachment_dossier ON dossier_attachment(dossier_id);
        CREATE TABLE dossier_outcome (${recordColumns},
          dossier_id TEXT NOT NULL,
          submission_no INTEGER NOT NULL,
          outcome TEXT NOT NULL CHECK (outcome IN ('approved', 'returned')),
          decision_number TEXT NOT NULL DEFAULT '',
          decision_date TEXT,
          decision_issuer TEXT NOT NULL DEFAULT '',
          decision_id TEXT REFERENCES award_decision(id),
          reason TEXT NOT NULL DEFAULT '',
          decided_at TEXT NOT NULL
        );
        CREATE INDEX dossier_outcome_dossier ON dossier_outcome(dossier_id);
      `);
    },
  },
  {
    // audit trail of official records: AFTER INSERT/UPDATE/DELETE triggers write audit_log
    // (append-only: UPDATE and DELETE on it are refused). The actor comes from the view
    // audit_actor: the import actor while an exchange bundle is applied (audit_session, a row
    // written and removed inside the apply transaction), otherwise this computer's current user
    // profile (setting 'audit.current_profile' → user_profile). Main-schema triggers cannot read
    // TEMP tables, so the actor lives in main tables (see electron/services/audit).
    version: 8,
    name: 'audit trail, user profiles',
    up: (db) => {
      db.exec(`
        CREATE TABLE user_profile (
          id TEXT PRIMARY KEY NOT NULL,
          name TEXT NOT NULL,
          position TEXT NOT NULL DEFAULT '',
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          deleted_at TEXT
        );
        CREATE TABLE audit_session (id INTEGER PRIMARY KEY CHECK (id = 1), actor TEXT NOT NULL);
        CREATE VIEW audit_actor AS
          SELECT NULL AS profile_id, s.actor AS name, '' AS position, 'import' AS source FROM audit_session s WHERE s.id = 1
          UNION ALL
          SELECT p.id, COALESCE(p.name, ''), COALESCE(p.position, ''), 'local'
            FROM (SELECT 1) LEFT JOIN user_profile p
              ON p.id = (SELECT value FROM setting WHERE key = 'audit.current_profile') AND p.deleted_at IS NULL
           WHERE NOT EXISTS (SELECT 1 FROM audit_session WHERE id = 1);
        CREATE TABLE audit_log (${recordColumns} CHECK (deleted_at IS NULL),
          actor_id TEXT,
          actor TEXT NOT NULL,
          actor_position TEXT NOT NULL DEFAULT '',
          source TEXT NOT NULL CHECK (source IN ('local', 'import')),
          record_table TEXT NOT NULL,
          record_id TEXT NOT NULL,
          owner_table TEXT NOT NULL,
          owner_id TEXT NOT NULL,
          action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'soft_delete', 'restore', 'delete', 'issue')),
          before_json TEXT,
          after_json TEXT
        );
        CREATE INDEX audit_log_owner ON audit_log(owner_table, owner_id, created_at);
        CREATE INDEX audit_log_record ON audit_log(record_table, record_id);
        CREATE INDEX audit_log_at ON audit_log(created_at);
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'Nhật ký thay đổi chỉ được ghi thêm: không thể sửa một dòng đã ghi.'); END;
        CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
        BEGIN SELECT RAISE(ABORT, 'Nhật ký thay đổi chỉ được ghi thêm: không thể sửa một dòng đã ghi.'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'Nhật ký thay đổi chỉ được ghi thêm: không thể xóa một dòng đã ghi.'); END;
      `);
      for (const t of AUDITED_V8) db.exec(auditTriggersV8(t));
    },
  },
  {
    // A person's or a unit's registrations (timelines, a dossier's nominees) were a scan of
    // every registration: 28,000 rows, ≈17 ms a nominee. The eligibility checker's first load
    // reads each person's unit per year: covered by person_year_year_units (160 → 55 ms).
    version: 9,
    name: 'registration indexes by person and by unit; person_year by year',
    up: (db) => {
      db.exec(`
        CREATE INDEX registration_staff ON registration(staff_id, year);
        CREATE INDEX registration_unit ON registration(unit_id, year);
        CREATE INDEX person_year_year_units ON person_year(year, deleted_at, updated_at, staff_id, unit_id);
      `);
    },
  },
  {
    version: 10,
    name: 'change stamp of the eligibility inputs; kept eligibility runs',
    up: (db) => {
      // The stamp moves with every row written to a table the eligibility check reads, by any
      // connection or program; a run kept in the file is reused only while it has not moved.
      // (Frozen list: a later migration that adds an input table adds its own triggers.)
      const tables = ['staff', 'person_year', 'initiative', 'discipline', 'award_recipient', 'award_decision', 'unit', 'unit_year', 'registration'];
      db.exec(`
        CREATE TABLE change_stamp (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL);
        INSERT INTO change_stamp (id, n) VALUES (1, 0);
        CREATE TABLE eligibility_snapshot (
          key TEXT PRIMARY KEY NOT NULL,
          stamp INTEGER NOT NULL,
          saved_at TEXT NOT NULL,
          payload BLOB NOT NULL
        );
        ${tables
          .flatMap((t) =>
            (['INSERT', 'UPDATE', 'DELETE'] as const).map(
              (op) => `CREATE TRIGGER change_stamp_${t}_${op.toLowerCase()} AFTER ${op} ON ${t} BEGIN UPDATE change_stamp SET n = n + 1; END;`,
            ),
          )
          .join('\n')}
      `);
    },
  },
  {
    version: 11,
    name: 'log of what each write to the eligibility inputs touched',
    up: (db) => {
      // Who or what each write touched, with the change stamp of that moment (one row per
      // person, decision, or 'u'/'g' for units and registrations: the table stays as small as the
      // office). A kept run older than the stamp is brought up to date by judging again only the
      // people touched since (services/records: the patch), in any process, after any program.
      // Frozen with version 11, as version 10's list.
      const touch = (kind: string, ref: string) =>
        `INSERT INTO history_touch (kind, ref, stamp) VALUES (${kind}, ${ref}, (SELECT n FROM change_stamp WHERE id = 1)) ON CONFLICT (kind, ref) DO UPDATE SET stamp = excluded.stamp;`;
      const person = (col: string) => (r: 'NEW' | 'OLD') => touch("'p'", `coalesce(${r}.${col}, '')`);
      const recipient = (r: 'NEW' | 'OLD') =>
        touch(`CASE WHEN ${r}.subject_kind = 'unit' THEN 'u' ELSE 'p' END`, `CASE WHEN ${r}.subject_kind = 'unit' THEN '' ELSE coalesce(${r}.staff_id, '') END`);
      const writers: Array<[string, (r: 'NEW' | 'OLD') => string]> = [
        ['staff', person('id')],
        ['person_year', person('staff_id')],
        ['initiative', person('staff_id')],
        ['discipline', person('staff_id')],
        ['award_recipient', recipient],
        ['award_decision', (r) => touch("'d'", `${r}.id`)],
        ['unit', () => touch("'u'", "''")],
        ['unit_year', () => touch("'u'", "''")],
        ['registration', () => touch("'g'", "''")],
      ];
      db.exec(`
        CREATE TABLE history_touch (
          kind TEXT NOT NULL,
          ref TEXT NOT NULL,
          stamp INTEGER NOT NULL,
          PRIMARY KEY (kind, ref)
        ) WITHOUT ROWID;
        ${writers
          .map(
            ([t, row]) => `
        CREATE TRIGGER history_touch_${t}_insert AFTER INSERT ON ${t} BEGIN ${row('NEW')} END;
        CREATE TRIGGER history_touch_${t}_update AFTER UPDATE ON ${t} BEGIN ${row('OLD')} ${row('NEW')} END;
        CREATE TRIGGER history_touch_${t}_delete AFTER DELETE ON ${t} BEGIN ${row('OLD')} END;`,
          )
          .join('')}
      `);
    },
  },
  {
    // A decision's live recipients without reading their table rows: counting them for the
    // decision list read all 230,000 rows (270 ms); the statistics and the registrations'
    // "achieved" read who they are. Replaces the decision_id-only index (a prefix of this one).
    version: 12,
    name: 'award_recipient index by decision covering the subjects',
    up: (db) => {
      db.exec(`
        CREATE INDEX award_recipient_decision_subjects ON award_recipient(decision_id, deleted_at, subject_kind, staff_id, unit_id);
        DROP INDEX award_recipient_decision;
      `);
    },
  },
  {
    // A dossier the province consolidated from received ones keeps which (and at which
    // submission), so the superior's approval reaches them. Local bookkeeping: never exchanged.
    version: 13,
    name: 'the received dossiers a consolidated dossier was made from',
    up: (db) => {
      db.exec(`
        CREATE TABLE dossier_source (
          dossier_id TEXT NOT NULL REFERENCES dossier(id),
          source_id TEXT NOT NULL REFERENCES dossier(id),
          submission_no INTEGER NOT NULL,
          PRIMARY KEY (dossier_id, source_id)
        );
        CREATE INDEX dossier_source_source ON dossier_source(source_id);
      `);
    },
  },
  {
    // "Gộp cán bộ trùng" keeps what each merge moved, dropped and filled, so the Thùng rác can
    // split the records apart again ("Tách lại"). Local bookkeeping: never exchanged.
    version: 14,
    name: 'what each merge of two staff records moved',
    up: (db) => {
      db.exec(`
        CREATE TABLE staff_merge (
          merged_id TEXT PRIMARY KEY NOT NULL REFERENCES staff(id),
          kept_id TEXT NOT NULL REFERENCES staff(id),
          merged_at TEXT NOT NULL,
          moves TEXT NOT NULL
        );
        CREATE INDEX staff_merge_kept ON staff_merge(kept_id);
      `);
    },
  },
  {
    // Who deleted the records the Thùng rác holds that the audit trail does not log (people,
    // campaigns, plans not yet issued, tasks, a task's files and notes): the actor of the moment (audit_actor, as the
    // audit triggers take it), kept by a trigger on the deletion. Local: never exchanged.
    version: 15,
    name: 'who deleted the records the audit trail does not log',
    up: (db) => {
      db.exec(`
        CREATE TABLE deletion_actor (
          record_table TEXT NOT NULL,
          record_id TEXT NOT NULL,
          deleted_at TEXT NOT NULL,
          actor TEXT NOT NULL,
          PRIMARY KEY (record_table, record_id, deleted_at)
        );
      `);
      for (const table of ['staff', 'campaign', 'plan', 'task', 'task_attachment', 'task_note']) {
        db.exec(`
          CREATE TRIGGER ${table}_deletion_actor AFTER UPDATE OF deleted_at ON ${table}
          WHEN OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL
          BEGIN
            INSERT OR REPLACE INTO deletion_actor (record_table, record_id, deleted_at, actor)
              SELECT '${table}', NEW.id, NEW.deleted_at, name FROM audit_actor LIMIT 1;
          END;
        `);
      }
    },
  },
];

// ---- version 8: audit triggers -------------------------------------------------------
// Frozen with version 8. A later change of the audited columns adds a step that drops and
// recreates the triggers (with its own copy of the list), never edits this one.

interface AuditedTableV8 {
  table: string;
  /** content columns logged (not id, origin, timestamps, deleted_at, derived search keys) */
  columns: string[];
  /** the record whose history shows this row (a decision for its recipients …); default: itself */
  owner?: { table: string; id: (r: 'NEW' | 'OLD') => string };
  /** extra condition per row version (plans: only once issued) */
  when?: (r: 'NEW' | 'OLD') => string;
}

const ofDossier = { table: 'dossier', id: (r: string) => `${r}.dossier_id` };

const AUDITED_V8: AuditedTableV8[] = [
  {
    table: 'award_decision',
    columns: ['number', 'decision_date', 'issuer', 'signer', 'award_code', 'other_form', 'basis', 'year', 'campaign_id', 'cash_amount', 'source', 'batch_key', 'note'],
  },
  {
    table: 'award_recipient',
    columns: ['decision_id', 'subject_kind', 'staff_id', 'unit_id', 'name', 'unit_name', 'cash_amount', 'sort_order'],
    owner: { table: 'award_decision', id: (r) => `${r}.decision_id` },
  },
  { table: 'person_year', columns: ['staff_id', 'year', 'unit_id', 'rating', 'maternity_leave', 'under_review', 'note'] },
  { table: 'unit_year', columns: ['unit_id', 'year', 'under_review', 'note'] },
  { table: 'registration', columns: ['year', 'subject_kind', 'staff_id', 'unit_id', 'award_code', 'note'] },
  { table: 'initiative', columns: ['staff_id', 'year', 'title', 'kind', 'recognizing_body', 'scope', 'recognized_on', 'decision_no', 'note'] },
  { table: 'discipline', columns: ['staff_id', 'form', 'from_date', 'to_date', 'decision_no', 'issuer', 'note'] },
  {
    table: 'dossier',
    columns: [
      'title', 'year', 'award_code', 'basis', 'procedure', 'sector', 'campaign_id', 'campaign_name', 'state', 'submission_no', 'submitted_at',
      'doc_number', 'doc_date', 'addressee', 'signer', 'cover', 'meeting_date', 'meeting_time', 'meeting_place', 'meeting_chair',
      'meeting_chair_title', 'meeting_secretary', 'meeting_members', 'meeting_members_total', 'meeting_number', 'note',
    ],
  },
  {
    table: 'dossier_nominee',
    columns: ['dossier_id', 'subject_kind', 'staff_id', 'unit_id', 'award_code', 'name', 'position', 'unit_name', 'summary', 'votes_agree', 'votes_total', 'sort_order'],
    owner: ofDossier,
  },
  {
    table: 'dossier_report',
    columns: ['nominee_id', 'template_id', 'content'],
    owner: { table: 'dossier', id: (r) => `COALESCE((SELECT n.dossier_id FROM dossier_nominee n WHERE n.id = ${r}.nominee_id), ${r}.nominee_id)` },
  },
  { table: 'dossier_attachment', columns: ['dossier_id', 'nominee_id', 'file_name', 'mime_type', 'size', 'sha256', 'note'], owner: ofDossier },
  {
    table: 'dossier_outcome',
    columns: ['dossier_id', 'submission_no', 'outcome', 'decision_number', 'decision_date', 'decision_issuer', 'decision_id', 'reason', 'decided_at'],
    owner: ofDossier,
  },
  {
    table: 'plan',
    columns: ['campaign_id', 'title', 'year', 'status', 'doc_number', 'review_count', 'source_file', 'content'],
    when: (r) => `${r}.status = 'da_ban_hanh'`,
  },
];

function auditTriggersV8(t: AuditedTableV8): string {
  const q = (c: string) => `"${c}"`;
  const full = (r: 'NEW' | 'OLD') => `json_object(${t.columns.map((c) => `'${c}', ${r}.${q(c)}`).join(', ')})`;
  const changed = (r: 'NEW' | 'OLD') =>
    `(SELECT json_group_object(k, v) FROM (${t.columns
      .map((c) => `SELECT '${c}' AS k, ${r}.${q(c)} AS v WHERE OLD.${q(c)} IS NOT NEW.${q(c)}`)
      .join(' UNION ALL ')}))`;
  const owner = (r: 'NEW' | 'OLD') => (t.owner ? `'${t.owner.table}', ${t.owner.id(r)}` : `'${t.table}', ${r}.id`);
  // UUIDv7 layout: 48-bit Unix milliseconds, version 7, random bits, variant 10xx
  const id = `(SELECT substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-7' || substr(x, 1, 3) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(x, 4, 3) || '-' || substr(x, 7, 12)
      FROM (SELECT printf('%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER)) AS h, lower(hex(randomblob(9))) AS x))`;
  const now = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;
  const insert = (r: 'NEW' | 'OLD', action: string, before: string, after: string) => `
    INSERT INTO audit_log (id, origin_office_id, created_at, updated_at, deleted_at, actor_id, actor, actor_position, source,
      record_table, record_id, owner_table, owner_id, action, before_json, after_json)
    SELECT ${id}, COALESCE((SELECT value FROM setting WHERE key = 'self_office_id'), ${r}.origin_office_id), ${now}, ${now}, NULL,
      a.profile_id, a.name, a.position, a.source, '${t.table}', ${r}.id, ${owner(r)}, ${action}, ${before}, ${after}
    FROM audit_actor a;`;
  const softDeleted = 'OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL';
  const restored = 'OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL';
  const issued = t.when ? `${t.when('NEW')} AND NOT (${t.when('OLD')})` : null;
  const anyChange = [...t.columns.map((c) => `OLD.${q(c)} IS NOT NEW.${q(c)}`), 'OLD.deleted_at IS NOT NEW.deleted_at'].join(' OR ');
  const updateWhen = t.when ? `(${anyChange}) AND (${t.when('OLD')} OR ${t.when('NEW')})` : anyChange;
  const action = `CASE WHEN ${softDeleted} THEN 'soft_delete' WHEN ${restored} THEN 'restore'${issued ? ` WHEN ${issued} THEN 'issue'` : ''} ELSE 'update' END`;
  const before = `CASE WHEN ${softDeleted} THEN ${full('OLD')} ELSE NULLIF(${changed('OLD')}, '{}') END`;
  const after = `CASE WHEN ${restored}${issued ? ` OR (${issued})` : ''} THEN ${full('NEW')} ELSE NULLIF(${changed('NEW')}, '{}') END`;
  return `
    CREATE TRIGGER audit_${t.table}_insert AFTER INSERT ON ${t.table}${t.when ? ` WHEN ${t.when('NEW')}` : ''}
    BEGIN ${insert('NEW', `'insert'`, 'NULL', full('NEW'))} END;
    CREATE TRIGGER audit_${t.table}_update AFTER UPDATE ON ${t.table} WHEN ${updateWhen}
    BEGIN ${insert('NEW', action, before, after)} END;
    CREATE TRIGGER audit_${t.table}_delete AFTER DELETE ON ${t.table}${t.when ? ` WHEN ${t.when('OLD')}` : ''}
    BEGIN ${insert('OLD', `'delete'`, full('OLD'), 'NULL')} END;`;
}

export const LATEST_VERSION = migrations[migrations.length - 1]!.version;

export function schemaVersion(db: BetterSqlite3.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Apply pending migrations up to `target`, each in its own transaction. */
export function migrate(db: BetterSqlite3.Database, target = LATEST_VERSION): number {
  const current = schemaVersion(db);
  if (current > LATEST_VERSION) {
    throw new Error(
      `SCHEMA_TOO_NEW:${current}`,
    );
  }
  // version 0 with tables: another program's SQLite file, never to be written into
  if (current === 0 && (db.prepare("SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").pluck().get() as number) > 0) {
    throw new Error('NOT_TDKT: the file holds tables but no TĐKT schema version');
  }
  for (const m of migrations) {
    if (m.version <= current || m.version > target) continue;
    db.transaction(() => {
      m.up(db);
      db.prepare('INSERT INTO migration_log (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return schemaVersion(db);
}
