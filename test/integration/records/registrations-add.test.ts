// records.addRegistrations: a unit's people, or a pasted list, registered at once for a title.
import { describe, expect, it } from 'vitest';
import { testCore } from '../../support/core';

describe('records.addRegistrations', () => {
  it('registers each person once, leaves those already registered, and refuses all of it on a bad id or a collective title', async () => {
    const core = await testCore();
    const vp = await core.invoke('units.create', { name: 'Văn phòng' });
    const ids: string[] = [];
    for (const fullName of ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường']) ids.push((await core.invoke('staff.create', { fullName, unitId: vp.id })).id);
    await core.invoke('records.saveRegistration', { id: null, data: { year: 2026, kind: 'person', staffId: ids[0]!, awardCode: 'LDTT' } });

    expect(await core.invoke('records.addRegistrations', { year: 2026, awardCode: 'LDTT', staffIds: [...ids, ids[1]!] })).toEqual({ created: 2, already: 1 });
    expect(await core.invoke('records.addRegistrations', { year: 2026, awardCode: 'CSTDCS', staffIds: [ids[2]!] })).toEqual({ created: 1, already: 0 });
    const list = async () => (await core.invoke('records.listRegistrations', { year: 2026 })).map((r) => `${r.name}:${r.awardCode}`).sort();
    expect(await list()).toEqual(['Lê Văn Cường:CSTDCS', 'Lê Văn Cường:LDTT', 'Nguyễn Văn An:LDTT', 'Trần Thị Bình:LDTT']);

    const gone = await core.call('records.addRegistrations', { year: 2027, awardCode: 'LDTT', staffIds: [ids[0]!, 'khong-co'] });
    expect(gone).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const collective = await core.call('records.addRegistrations', { year: 2027, awardCode: 'TT_LDTT', staffIds: [ids[0]!] });
    expect(collective.ok).toBe(false);
    if (!collective.ok) expect(collective.error.message).toContain('không phải danh hiệu thi đua cá nhân');
    const none = await core.call('records.addRegistrations', { year: 2027, awardCode: 'LDTT', staffIds: [] });
    expect(none.ok).toBe(false);
    // nothing of 2027 was written
    expect(await core.invoke('records.listRegistrations', { year: 2027 })).toEqual([]);
    core.close();
  });
});
