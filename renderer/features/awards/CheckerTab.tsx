// The eligibility check for a year and a unit (or the whole office): warnings (quota …),
// filters (verdict, title, unit, name), each person/collective with the titles they qualify
// for and the near misses, and an explanation drawer listing every rule with its legal basis.
// The core keeps the run; the list fetches windows of it as it scrolls, and the filters and
// the search are applied by the core — 30,000 people are never sent at once.
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { Accordion, Alert, Badge, Button, Drawer, Group, List, Paper, SegmentedControl, Select, Stack, Table, Text, TextInput, ThemeIcon, Tooltip } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { create } from 'zustand';
import type { AwardCode, ExplanationItem, Verdict } from '../../../shared/awards';
import type { CompactCandidate, EligibilitySubject, EligibilityView } from '../../../shared/contract/records';
import { compareVi, formatDateVi } from '../../../shared/text/vn';
import { parentPath } from '../../../shared/units/tree';
import { call, saveFile } from '../../lib/api';
import { useAction } from '../../lib/useAction';
import { FormError } from '../../lib/FormError';
import { ALL, UnitSelect, UnverifiedBadge, YearInput } from './common';
import { useAwards } from './store';
import { useUnitLabels, useUnits } from '../units/store';
import { T } from './strings';

const C = T.check;
const ROW_H = 52;
const PAGE_SIZE = 100;
// fits a 1024 px window (692 px at the least): the last column holds "Giải thích"
const COLS = 'minmax(160px, 1.6fr) minmax(150px, 2fr) minmax(130px, 1.6fr) 100px 96px';
const VERDICT_COLOR: Record<Verdict, string> = { du_dieu_kien: 'teal', gan_du: 'yellow', chua_du: 'gray' };

// --- windows of the kept run ------------------------------------------------------------

type Kind = 'individual' | 'collective';
type Candidate = Omit<CompactCandidate, 'items'> & { items: ExplanationItem[] };
/** A subject with its candidates and their items written out (they come per window). */
type Row = Omit<EligibilitySubject, 'candidates'> & { candidates: Candidate[] };
type Head = Omit<EligibilityView, 'items' | 'candidates' | 'people' | 'units'>;

interface Filter {
  kind: Kind;
  verdict: Verdict | null;
  code: AwardCode | null;
  inUnit: string | null;
  search: string;
}

interface CheckerState {
  /** the scope last checked (null: not yet) */
  scope: { year: number; unitId: string | null } | null;
  filter: Filter;
  head: Head | null;
  /** subjects matching the filter */
  matched: number;
  pages: Map<number, Row[]>;
  /** the generation the pages belong to (older pages are dropped when a newer answer arrives) */
  pagesGeneration: number;
  /** a window for a new filter is on its way */
  loading: boolean;
  /** the Kiểm tra button's run is on its way */
  checking: boolean;
  error: string | null;
  generation: number;
  run(year: number, unitId: string | null): Promise<void>;
  /** ask again for what is shown (the data may have changed while another tab was open) */
  reload(): void;
  setFilter(patch: Partial<Filter>): void;
  ensureRange(start: number, end: number): void;
}

const NO_FILTER: Filter = { kind: 'individual', verdict: null, code: null, inUnit: null, search: '' };
const inFlight = new Set<string>();

function expand(v: EligibilityView): Row[] {
  const cand = (i: number): Candidate => {
    const c = v.candidates[i]!;
    return { ...c, items: c.items.map((k) => v.items[k]!) };
  };
  return [...v.people, ...v.units].map((s) => ({ ...s, candidates: s.candidates.map(cand) }));
}

const useChecker = create<CheckerState>((set, get) => {
  const fetchPage = async (generation: number, page: number) => {
    const key = `${generation}:${page}`;
    const { scope, filter } = get();
    if (inFlight.has(key) || !scope) return;
    inFlight.add(key);
    try {
      const v = await call('eligibility.check', { ...scope, ...filter, offset: page * PAGE_SIZE, limit: PAGE_SIZE });
      if (get().generation !== generation) return;
      const { items: _i, candidates: _c, people: _p, units: _u, ...head } = v;
      const pages = new Map(get().pagesGeneration === generation ? get().pages : undefined);
      pages.set(page, expand(v));
      set({ pages, pagesGeneration: generation, head, matched: v.window?.matched ?? 0, loading: false, error: null });
    } catch (e) {
      if (get().generation === generation) set({ loading: false, error: (e as Error).message });
    } finally {
      inFlight.delete(key);
    }
  };
  const refresh = async () => {
    const generation = get().generation + 1;
    // keep showing the old rows until the new first window arrives (no flicker)
    set({ generation, loading: true, error: null });
    const keep = get().pages;
    await fetchPage(generation, 0);
    if (get().generation === generation && get().pages === keep) set({ pages: new Map(), matched: 0 });
  };
  return {
    scope: null,
    filter: NO_FILTER,
    head: null,
    matched: 0,
    pages: new Map(),
    pagesGeneration: 0,
    loading: false,
    checking: false,
    error: null,
    generation: 0,
    run: async (year, unitId) => {
      // a new scope starts with no filter (its units and awards may differ)
      const same = get().scope?.year === year && get().scope?.unitId === unitId;
      set({ scope: { year, unitId }, filter: same ? get().filter : NO_FILTER, checking: true });
      try {
        await refresh();
      } finally {
        set({ checking: false });
      }
    },
    reload: () => {
      if (get().scope) void refresh();
    },
    setFilter: (patch) => {
      set({ filter: { ...get().filter, ...patch } });
      if (get().scope) void refresh();
    },
    ensureRange: (start, end) => {
      const { generation, pages, matched } = get();
      if (matched === 0) return;
      const last = Math.min(end, matched - 1);
      for (let p = Math.floor(Math.max(0, start) / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) {
        if (!pages.has(p)) void fetchPage(generation, p);
      }
    },
  };
});

const rowAt = (pages: Map<number, Row[]>, index: number): Row | undefined => pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];

// --- the tab ------------------------------------------------------------------------------

export function CheckerTab() {
  const { year, unitId, setYear, setUnit, openGrid, catalog } = useAwards();
  const head = useChecker((s) => s.head);
  const loading = useChecker((s) => s.loading);
  const checking = useChecker((s) => s.checking);
  const error = useChecker((s) => s.error);
  const filter = useChecker((s) => s.filter);
  const matched = useChecker((s) => s.matched);
  const runCheck = useChecker((s) => s.run);
  const setFilter = useChecker((s) => s.setFilter);
  const reload = useChecker((s) => s.reload);
  const [open, setOpen] = useState<Row | null>(null);
  // the result survives a change of tab; what it shows is asked for again (cheap when unchanged)
  useEffect(() => reload(), [reload]);

  const short = (code: string) => catalog.find((e) => e.code === code)?.shortName ?? code;
  const unitLabels = useUnitLabels();
  const { kind } = filter;
  const titleOptions = head ? head.codes[kind].map((c) => ({ value: c, label: short(c) })) : [];
  // "Văn phòng (Sở Tài chính)" where units share a name, as in the unit pickers
  const unitOptions = head
    ? head.personUnits.map((u) => ({ value: u.id, label: unitLabels.get(u.id) ?? u.name })).sort((a, b) => compareVi(a.label, b.label))
    : [];
  const total = head ? (kind === 'individual' ? head.total.people : head.total.units) : 0;

  return (
    <Stack gap="sm" h="100%">
      <Group align="flex-end">
        <YearInput value={year} onChange={setYear} testId="check-year" />
        <UnitSelect value={unitId} onChange={setUnit} withAll w={320} testId="check-unit" />
        <Button onClick={() => void runCheck(year, unitId)} loading={checking} data-testid="check-run">
          {C.run}
        </Button>
        {head && <ExportButton />}
        {head && (
          <Text size="xs" c="dimmed" mb={8}>
            {C.timing(head.timing.loadMs, head.timing.checkMs)}
          </Text>
        )}
      </Group>
      <FormError error={error} />
      {!head && !loading && (
        <Text size="sm" c="dimmed">
          {C.intro}
        </Text>
      )}
      {!head && loading && (
        <Text size="sm" c="dimmed">
          {C.running}
        </Text>
      )}
      {head && (
        <>
          <Paper withBorder p="sm" style={{ flexShrink: 0 }}>
            <Group gap="xs" wrap="wrap">
              <Text size="sm">
                {C.ruleSet}: <b>{head.ruleSet.name}</b>
              </Text>
              {head.ruleSet.draft && (
                <Badge color="orange" variant="light">
                  {T.catalog.draft}
                </Badge>
              )}
              <UnverifiedBadge verified={head.ruleSet.verified} />
              <Text size="sm" c="dimmed">
                — {head.unitName}, năm {head.year}
              </Text>
            </Group>
            <Group gap="md" mt={6} wrap="wrap">
              {/* every form judged, nobody included: a missing one would read as not judged */}
              {Object.entries(head.counts).map(([code, c]) => (
                <Text key={code} size="xs" c={c.du_dieu_kien + c.gan_du > 0 ? undefined : 'dimmed'} data-testid="check-count">
                  <b>{short(code)}</b>: {c.du_dieu_kien.toLocaleString('vi-VN')} đủ · {c.gan_du.toLocaleString('vi-VN')} gần đủ
                </Text>
              ))}
            </Group>
          </Paper>
          {head.unrated > 0 && (
            <Alert color="blue" style={{ flexShrink: 0 }} data-testid="check-unrated">
              <Group justify="space-between" wrap="nowrap" gap="sm">
                <Text size="sm">{C.unrated(head.unrated, head.total.people, head.year)}</Text>
                <Button size="xs" variant="default" onClick={() => openGrid(head.year)} style={{ flexShrink: 0 }} data-testid="check-open-grid">
                  {C.openGrid}
                </Button>
              </Group>
            </Alert>
          )}
          {head.warnings.length > 0 && (
            // never squeezed to its title by the list below: a few lines, the rest scrolled (a
            // province can have a quota warning for dozens of units)
            <Alert color="orange" title={C.warnings(head.warnings.length)} data-testid="check-warnings" style={{ flexShrink: 0 }}>
              <List size="sm" spacing={4} mah={140} style={{ overflowY: 'auto' }}>
                {head.warnings.map((w, i) => (
                  <List.Item key={i} data-testid="check-warning">
                    {w.message}
                    {w.basis && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        ({w.basis})
                      </Text>
                    )}{' '}
                    <UnverifiedBadge verified={w.verified} />
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          <Group align="flex-end" gap="sm">
            <SegmentedControl
              data={[
                { value: 'individual', label: `${C.people} (${head.total.people.toLocaleString('vi-VN')})` },
                { value: 'collective', label: `${C.units} (${head.total.units.toLocaleString('vi-VN')})` },
              ]}
              value={kind}
              onChange={(v) => setFilter({ kind: v as Kind, code: null, inUnit: null })}
            />
            <Select
              label={C.verdict}
              data={[{ value: ALL, label: C.allVerdicts }, ...(['du_dieu_kien', 'gan_du', 'chua_du'] as const).map((v) => ({ value: v, label: C.verdicts[v] }))]}
              value={filter.verdict ?? ALL}
              onChange={(v) => setFilter({ verdict: !v || v === ALL ? null : (v as Verdict) })}
              allowDeselect={false}
              w={160}
              data-testid="check-verdict"
            />
            <Select
              label={C.title}
              data={[{ value: ALL, label: C.allTitles }, ...titleOptions]}
              value={filter.code ?? ALL}
              onChange={(v) => setFilter({ code: !v || v === ALL ? null : (v as AwardCode) })}
              allowDeselect={false}
              w={190}
              data-testid="check-title"
            />
            {kind === 'individual' && (
              <Select
                label={T.unit}
                data={[{ value: ALL, label: T.allUnits }, ...unitOptions]}
                value={filter.inUnit ?? ALL}
                onChange={(v) => setFilter({ inUnit: !v || v === ALL ? null : v })}
                allowDeselect={false}
                searchable
                w={230}
                data-testid="check-in-unit"
              />
            )}
            <SearchBox />
            <Text size="sm" c="dimmed" mb={8} data-testid="check-matched">
              {C.count(matched, total)}
            </Text>
          </Group>
          <Paper withBorder style={{ flex: 1, minHeight: 240, display: 'flex', flexDirection: 'column' }}>
            <div style={{ display: 'grid', gridTemplateColumns: COLS, gap: 8, padding: '8px 12px', fontWeight: 600, fontSize: 14, borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
              <span>{kind === 'individual' ? T.grid.cols.name : T.collective}</span>
              <span>{C.qualifies}</span>
              <span>{C.near}</span>
              <span>{C.registered}</span>
              <span />
            </div>
            <CheckerRows short={short} onExplain={setOpen} />
          </Paper>
          <Drawer opened={open !== null} onClose={() => setOpen(null)} position="right" size="xl" title={<Text fw={700}>{C.drawerTitle}</Text>}>
            {open && <Explanation year={head.year} subject={open} focus={filter.code} short={short} />}
          </Drawer>
        </>
      )}
    </Stack>
  );
}

/** The lists of the scope last checked, with the filters shown, as a workbook for the council's meeting. */
function ExportButton() {
  const exporting = useAction();
  return (
    <>
      <Button
        variant="default"
        title={C.exportTitle}
        loading={exporting.busy}
        onClick={() =>
          void exporting.run(async () => {
            const { scope, filter } = useChecker.getState();
            if (scope) saveFile(await call('eligibility.export', { ...scope, ...filter }));
          })
        }
        data-testid="check-export"
      >
        {C.export}
      </Button>
      {exporting.error && (
        <Text size="sm" c="red" mb={8} data-testid="check-export-error">
          {exporting.error}
        </Text>
      )}
    </>
  );
}

/** The name search: its own state, so a keystroke re-renders only the box; each one asks the core. */
function SearchBox() {
  const search = useChecker((s) => s.filter.search);
  const setFilter = useChecker((s) => s.setFilter);
  const [text, setText] = useState(search);
  useEffect(() => setText(search), [search]);
  return (
    <TextInput
      label={T.search}
      placeholder={T.searchHint}
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        setFilter({ search: e.currentTarget.value });
      }}
      w={220}
      data-testid="check-search"
    />
  );
}

/**
 * Where a subject sits, as a row's second line says it: a person's unit with its parents where
 * others share its name ("Văn phòng (Sở Tài chính)"), a collective's parents ("Sở Tài chính").
 */
function useSubjectPlace(): (s: Row) => string {
  const units = useUnits((st) => st.units);
  const labels = useUnitLabels();
  return useMemo(() => {
    const byId = new Map(units.map((u) => [u.id, u]));
    return (s: Row) => (s.kind === 'individual' ? (s.unitId && labels.get(s.unitId)) || s.unitName : parentPath(byId, s.id));
  }, [units, labels]);
}

/** The virtualised rows: windows are fetched for what is on screen. */
const CheckerRows = memo(function CheckerRows({ short, onExplain }: { short(code: string): string; onExplain(s: Row): void }) {
  const matched = useChecker((s) => s.matched);
  const pages = useChecker((s) => s.pages);
  const loading = useChecker((s) => s.loading);
  const generation = useChecker((s) => s.generation);
  const ensureRange = useChecker((s) => s.ensureRange);
  const placeOf = useSubjectPlace();
  const scrollRef = useRef<HTMLDivElement>(null);
  // a new filter or run starts at the top
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [generation]);
  const virtualizer = useVirtualizer({ count: matched, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_H, overscan: 8 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => ensureRange(first, last), [first, last, pages, ensureRange]);

  return (
    <div ref={scrollRef} style={{ flex: 1, overflow: 'auto' }} data-testid="check-list">
      {matched === 0 ? (
        !loading && (
          <Text p="lg" c="dimmed">
            {C.empty}
          </Text>
        )
      ) : (
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((v) => {
            const s = rowAt(pages, v.index);
            if (!s)
              return (
                <div key={`loading-${v.index}`} className="awards-check-row" style={{ height: ROW_H, transform: `translateY(${v.start}px)`, gridTemplateColumns: COLS }} data-testid="check-row-loading">
                  <Text size="sm" c="dimmed">
                    {C.loadingRow}
                  </Text>
                </div>
              );
            const ok = s.candidates.filter((c) => c.verdict === 'du_dieu_kien');
            const near = s.candidates.filter((c) => c.verdict === 'gan_du');
            return (
              <div key={s.id} className="awards-check-row" style={{ height: ROW_H, transform: `translateY(${v.start}px)`, gridTemplateColumns: COLS }} data-testid="check-row" data-name={s.name}>
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" fw={500} truncate>
                    {s.name}
                  </Text>
                  <Text size="xs" c="dimmed" truncate>
                    {[placeOf(s), s.birthDate ? formatDateVi(s.birthDate) : ''].filter(Boolean).join(' · ')}
                  </Text>
                </div>
                <Group gap={4}>
                  {ok.length ? (
                    ok.map((c) => (
                      <Badge key={c.code} color="teal" variant="light" data-testid="check-ok">
                        {short(c.code)}
                      </Badge>
                    ))
                  ) : (
                    <Text size="xs" c="dimmed">
                      {C.nothing}
                    </Text>
                  )}
                </Group>
                <Group gap={4}>
                  {near.map((c) => (
                    <Tooltip key={c.code} label={c.items.filter((it) => !it.passed).map((it) => it.missing ?? it.message).join('; ')} multiline w={320}>
                      <Badge color="yellow" variant="light">
                        {short(c.code)}
                      </Badge>
                    </Tooltip>
                  ))}
                </Group>
                <Group gap={4}>
                  {s.registered.map((c) => (
                    <Badge key={c} variant="outline" color={ok.some((x) => x.code === c) ? 'teal' : 'gray'} size="sm">
                      {short(c)}
                    </Badge>
                  ))}
                </Group>
                <Button size="compact-xs" variant="light" onClick={() => onExplain(s)} data-testid="check-explain">
                  {C.explain}
                </Button>
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
});

function Explanation({ year, subject, focus, short }: { year: number; subject: Row; focus: string | null; short(code: string): string }) {
  const order: Record<Verdict, number> = { du_dieu_kien: 0, gan_du: 1, chua_du: 2 };
  const sorted = [...subject.candidates].sort((a, b) => order[a.verdict] - order[b.verdict]);
  const opened = sorted.filter((c) => (focus ? c.code === focus : c.verdict !== 'chua_du')).map((c) => c.code);
  const place = useSubjectPlace()(subject);
  return (
    <Stack gap="sm" data-testid="explanation">
      <div>
        <Text size="lg" fw={700}>
          {subject.name}
        </Text>
        <Text size="sm" c="dimmed">
          {[subject.kind === 'individual' ? place : [T.collective, place].filter(Boolean).join(', '), subject.birthDate ? `sinh ngày ${formatDateVi(subject.birthDate)}` : '', `năm ${year}`]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        <Text size="sm" mt={4}>
          {subject.registered.length ? C.registeredFor(subject.registered.map(short).join(', ')) : C.notRegistered}
        </Text>
      </div>
      <Accordion multiple defaultValue={opened} variant="separated">
        {sorted.map((c) => (
          <Accordion.Item key={c.code} value={c.code} data-testid="explanation-candidate" data-code={c.code}>
            <Accordion.Control>
              <Group gap="xs">
                <Text fw={600} size="sm">
                  {c.name}
                </Text>
                <Badge color={VERDICT_COLOR[c.verdict]} variant="light">
                  {C.verdicts[c.verdict]}
                </Badge>
                <UnverifiedBadge verified={c.verified} />
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <Table fz="sm" verticalSpacing={6}>
                <Table.Tbody>
                  {c.items.map((it, k) => (
                    <Table.Tr key={k} data-testid="explanation-item">
                      <Table.Td w={28} style={{ verticalAlign: 'top' }}>
                        <ThemeIcon size="sm" radius="xl" color={it.passed ? 'teal' : 'red'} variant="light" aria-label={it.passed ? C.passed : C.failed}>
                          {it.passed ? '✓' : '✗'}
                        </ThemeIcon>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" data-testid="explanation-message">
                          {it.message}
                        </Text>
                        {!it.passed && it.missing && (
                          <Text size="sm" c="red.8" data-testid="explanation-missing">
                            {C.missing}: {it.missing}
                          </Text>
                        )}
                        <Group gap={6} mt={2}>
                          <Text size="xs" c="dimmed" data-testid="explanation-basis">
                            {C.basis}: {it.basis}
                          </Text>
                          <UnverifiedBadge verified={it.verified} />
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Stack>
  );
}
