// A restore swaps the database file under the core: the restored data keeps its log, the
// person working at this computer stays the current profile, and auditing goes on.
import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Core } from '../../../electron/core/core';
import { openDatabase } from '../../../db/connection';
import { historyOffice } from '../records/helpers';
import { tempDir } from '../../support/tmp';
import { logRows, useProfile } from './helpers';

const cores: Core[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

describe('audit across a restore', () => {
  it('keeps the log of the restored data, the current profile, and keeps logging', async () => {
    const { core, ids } = await historyOffice();
    cores.push(core);
    await useProfile(core, 'Nguyễn Thị Thu', 'Chuyên viên');
    const reg = await core.invoke('records.saveRegistration', { data: { year: 2024, kind: 'person', staffId: ids.C, awardCode: 'CSTDCS' } });
    const backup = await core.invoke('backup.create', {});
    const logAtBackup = logRows(core);
    expect(logAtBackup).toHaveLength(1);

    // a new person takes over this computer (the profile does not exist in the backup), edits, then restores
    const minh = await useProfile(core, 'Phạm Văn Minh', 'Trưởng phòng');
    await core.invoke('records.saveRegistration', { id: reg.id, data: { year: 2024, kind: 'person', staffId: ids.C, awardCode: 'CSTDCS', note: 'sau sao lưu' } });
    const oldConn = core.ctx.conn;
    await core.invoke('backup.restore', { path: backup.path });
    expect(core.ctx.conn).not.toBe(oldConn);

    expect(logRows(core)).toEqual(logAtBackup);
    const profiles = await core.invoke('audit.profiles.list');
    expect(profiles.currentId).toBe(minh);
    expect(profiles.profiles.map((p) => p.name).sort()).toEqual(['Nguyễn Thị Thu', 'Phạm Văn Minh']);

    await core.invoke('records.saveRegistration', { id: reg.id, data: { year: 2024, kind: 'person', staffId: ids.C, awardCode: 'CSTDCS', note: 'sau khôi phục' } });
    const rows = logRows(core, 'registration');
    expect(rows.map((r) => [r.action, r.actor, r.after])).toEqual([
      ['insert', 'Nguyễn Thị Thu', expect.objectContaining({ note: '' })],
      ['update', 'Phạm Văn Minh', { note: 'sau khôi phục' }],
    ]);
    expect(() => core.ctx.conn.sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/không thể xóa/);
    const h = await core.invoke('audit.forRecord', { table: 'registration', id: reg.id });
    expect(h.entries.map((e) => e.actor)).toEqual(['Nguyễn Thị Thu', 'Phạm Văn Minh']);
  });

  it('a backup from before the audit trail is migrated on restore and audited from then on', async () => {
    const { core } = await historyOffice();
    cores.push(core);
    await useProfile(core, 'Nguyễn Thị Thu', 'Chuyên viên');
    // an old file (schema 7): no audit tables, no triggers
    const old = path.join(tempDir(), 'cu.sqlite');
    const conn = openDatabase(old, { migrateTo: 7 });
    conn.sqlite.prepare("INSERT INTO setting (key, value) VALUES ('self_office_id', ?)").run(core.ctx.officeId);
    conn.sqlite
      .prepare("INSERT INTO award_decision (id, origin_office_id, created_at, updated_at, number, award_code, year) VALUES ('d-old', ?, '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', '5/QĐ', 'GIAY_KHEN', 2023)")
      .run(core.ctx.officeId);
    conn.close();

    await core.invoke('backup.restore', { path: old });
    expect(logRows(core)).toEqual([]);
    expect((await core.invoke('audit.profiles.list')).profiles.map((p) => p.name)).toEqual(['Nguyễn Thị Thu']);
    await core.invoke('records.saveDecision', { id: 'd-old', data: { number: '5/QĐ-UBND', awardCode: 'GIAY_KHEN', year: 2023 } });
    expect(logRows(core, 'award_decision').map((r) => [r.action, r.actor, r.before, r.after])).toEqual([
      ['update', 'Nguyễn Thị Thu', { number: '5/QĐ' }, { number: '5/QĐ-UBND' }],
    ]);
  });
});
