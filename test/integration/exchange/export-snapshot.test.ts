// An export is one consistent picture of the records, even while the user edits: on a local disk
// (WAL) the kinds are read one at a time through a read-only connection's snapshot — only one
// kind's rows in memory — and without that connection (a file on a network drive, or one that
// cannot be opened) every kind is read before the export first yields. Edits made meanwhile
// wait for the next bundle; the snapshot is let go when the export ends, however it ends.
import crypto from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { BundleWriter, memorySink, bufferSource, writeBundle, type ExportOptions } from '../../../electron/services/exchange';
import { OFFICE_A, makeOffice, readBundle } from './helpers';

let a: Core | null = null;
afterEach(() => {
  a?.close();
  a = null;
});

/** An office, and the export's second connection as the handler opens it, each one kept to look at. */
async function officeWithReader() {
  a = await makeOffice(OFFICE_A);
  const core = a;
  const opened: Array<{ open: boolean }> = [];
  const openReader = () => {
    const db = core.ctx.openFile(core.ctx.conn.path, { readonly: true });
    opened.push(db);
    return db;
  };
  return { core, opened, openReader };
}

async function exportWhileEditing(core: Core, opts: Pick<ExportOptions, 'openReader'>, failAt?: string) {
  const sqlite = core.ctx.conn.sqlite;
  const an = sqlite.prepare("SELECT id FROM staff WHERE full_name = 'Nguyễn Văn An'").get() as { id: string };
  const unit = sqlite.prepare('SELECT unit_id FROM staff WHERE id = ?').get(an.id) as { unit_id: string };
  let ticks = 0;
  const sink = memorySink();
  const manifest = await writeBundle(
    sqlite,
    {
      kind: 'office-to-province',
      targetOfficeId: null,
      selfOfficeId: core.ctx.officeId,
      officeName: 'Sở',
      appVersion: 'test',
      bundleId: crypto.randomUUID(),
      createdAt: new Date().toISOString(),
    },
    new BundleWriter(sink),
    {
      ...opts,
      hooks: {
        async tick() {
          ticks++;
          // the user renames a person and adds one while the bundle is being written
          if (ticks === 3) {
            sqlite.prepare("UPDATE staff SET full_name = 'Nguyễn Văn An (sửa)', updated_at = ? WHERE id = ?").run(new Date().toISOString(), an.id);
            await core.invoke('staff.create', { fullName: 'Người Thêm Trong Lúc Xuất', birthDate: '01/01/1990', unitId: unit.unit_id, position: 'Chuyên viên' });
          }
          if (failAt && ticks === 5) throw new Error(failAt);
        },
      },
    },
  );
  return { manifest, bytes: sink.bytes(), an: an.id };
}

describe('an export is one picture of the records while the user edits', () => {
  for (const [name, withReader] of [
    ['read a kind at a time through a snapshot of its own (a local disk)', true],
    ['every kind read before the first yield (a network drive)', false],
    ['a second connection that cannot be opened (the folder moved meanwhile): every kind read before the first yield', 'fails'],
  ] as const) {
    it(name, async () => {
      const { core, opened, openReader } = await officeWithReader();
      const before = (core.ctx.conn.sqlite.prepare('SELECT count(*) AS n FROM staff').get() as { n: number }).n;
      const cannotOpen = () => {
        throw new Error('unable to open database file');
      };
      const { manifest, bytes, an } = await exportWhileEditing(core, withReader === true ? { openReader } : withReader === 'fails' ? { openReader: cannotOpen } : {});
      expect(opened.length).toBe(withReader === true ? 1 : 0);
      const read = await readBundle(bufferSource(bytes), { selfOfficeId: 'someone-else', allowSelf: true });
      const staff = read.records.get('staff')!.map((r) => r.row);
      // what was there when the export began, and nothing added or renamed after
      expect(manifest.counts.staff).toBe(before);
      expect(staff).toHaveLength(before);
      expect(staff.find((r) => r.id === an)!.full_name).toBe('Nguyễn Văn An');
      expect(staff.some((r) => String(r.full_name).startsWith('Người Thêm'))).toBe(false);
      // ... while the database has both edits
      const now = core.ctx.conn.sqlite.prepare('SELECT full_name FROM staff WHERE id = ?').get(an) as { full_name: string };
      expect(now.full_name).toBe('Nguyễn Văn An (sửa)');
      // the snapshot is let go: nothing holds the write-ahead log back
      expect(opened.every((db) => !db.open)).toBe(true);
      expect(core.ctx.conn.sqlite.pragma('wal_checkpoint(TRUNCATE)')).toEqual([{ busy: 0, log: 0, checkpointed: 0 }]);
    });
  }

  it('an export that stops half-way (cancelled, a full stick) lets its snapshot go too', async () => {
    const { core, opened, openReader } = await officeWithReader();
    await expect(exportWhileEditing(core, { openReader }, 'Đã hủy')).rejects.toThrow('Đã hủy');
    expect(opened).toHaveLength(1);
    expect(opened[0]!.open).toBe(false);
    expect(core.ctx.conn.sqlite.pragma('wal_checkpoint(TRUNCATE)')).toEqual([{ busy: 0, log: 0, checkpointed: 0 }]);
  });
});
