// The staff list's window store: a new filter's answers replace every window of the old
// filter, so scrolling after a filter change never shows rows of the previous list.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const people = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, fullName: `${prefix} ${i}` }));
const lists: Record<string, { id: string; fullName: string }[]> = {
  dang_cong_tac: people('working', 440),
  all: people('everyone', 460),
};

vi.mock('../../../renderer/lib/api', () => ({
  call: vi.fn(async (_proc: string, input: { status: string; offset: number; limit: number }) => {
    const rows = lists[input.status]!;
    return { rows: rows.slice(input.offset, input.offset + input.limit), total: rows.length, offset: input.offset };
  }),
}));

const { useStaff, rowAt, PAGE_SIZE } = await import('../../../renderer/features/staff/store');
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('staff list windows', () => {
  beforeEach(() => useStaff.setState({ pages: new Map(), total: 0 }));

  it('after a filter change, windows of the old filter are fetched again, not reused', async () => {
    await useStaff.getState().refresh();
    useStaff.getState().ensureRange(420, 439);
    await settle();
    expect(rowAt(useStaff.getState().pages, 439)?.fullName).toBe('working 439');

    useStaff.getState().setFilter({ status: 'all' });
    await settle();
    await settle();
    expect(useStaff.getState().total).toBe(460);
    useStaff.getState().ensureRange(440, 459);
    await settle();
    const { pages } = useStaff.getState();
    for (const i of [0, 400, 439, 459]) expect(rowAt(pages, i)?.fullName).toBe(`everyone ${i}`);
    expect(PAGE_SIZE).toBe(200);
  });
});
