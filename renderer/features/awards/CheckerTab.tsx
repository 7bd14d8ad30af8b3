// The eligibility check for a year and a unit (or the whole office): warnings (quota …),
// filters (verdict, title, unit), each person/collective with the titles they qualify for and
// the near misses, and an explanation drawer listing every rule with its legal basis.
import { useMemo, useRef, useState } from 'react';
import { Accordion, Alert, Badge, Button, Drawer, Group, List, Paper, SegmentedControl, Select, Stack, Table, Text, TextInput, ThemeIcon, Tooltip } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Verdict } from '../../../shared/awards';
import type { CompactCandidate, EligibilitySubject, EligibilityView } from '../../../shared/contract/records';
import { foldVi, formatDateVi } from '../../../shared/text/vn';
import { call } from '../../lib/api';
import { FormError } from '../../lib/FormError';
import { useAction } from '../../lib/useAction';
import { ALL, UnitSelect, UnverifiedBadge, YearInput } from './common';
import { useAwards } from './store';
import { T } from './strings';

const C = T.check;
const ROW_H = 52;
const COLS = 'minmax(220px, 1.6fr) minmax(240px, 2fr) minmax(200px, 1.6fr) 120px 96px';
const VERDICT_COLOR: Record<Verdict, string> = { du_dieu_kien: 'teal', gan_du: 'yellow', chua_du: 'gray' };

export function CheckerTab() {
  const { year, unitId, setYear, setUnit, catalog } = useAwards();
  const [view, setView] = useState<EligibilityView | null>(null);
  const [kind, setKind] = useState<'individual' | 'collective'>('individual');
  const [verdict, setVerdict] = useState<Verdict | typeof ALL>(ALL);
  const [title, setTitle] = useState<string>(ALL);
  const [unitFilter, setUnitFilter] = useState<string>(ALL);
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState<EligibilitySubject | null>(null);
  const { busy, error, run } = useAction();

  const check = async () => {
    const v = await run(() => call('eligibility.check', { year, unitId }));
    if (v) {
      setView(v);
      setUnitFilter(ALL);
    }
  };

  const short = (code: string) => catalog.find((e) => e.code === code)?.shortName ?? code;
  const cand = (i: number): CompactCandidate => view!.candidates[i]!;

  const subjects = useMemo(() => {
    if (!view) return [];
    const list = kind === 'individual' ? view.people : view.units;
    const key = foldVi(search);
    return list.filter((s) => {
      if (unitFilter !== ALL && s.unitId !== unitFilter) return false;
      if (key && !foldVi(s.name).includes(key)) return false;
      const cs = s.candidates.map((i) => view.candidates[i]!);
      if (title !== ALL && verdict !== ALL) return cs.some((c) => c.code === title && c.verdict === verdict);
      if (title !== ALL) return cs.some((c) => c.code === title);
      if (verdict !== ALL) return cs.some((c) => c.verdict === verdict);
      return true;
    });
  }, [view, kind, verdict, title, unitFilter, search]);

  const resultUnits = useMemo(() => {
    if (!view) return [];
    const m = new Map<string, string>();
    for (const p of view.people) if (p.unitId) m.set(p.unitId, p.unitName);
    return [...m].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'vi'));
  }, [view]);
  const titleOptions = useMemo(() => {
    if (!view) return [];
    const codes = new Set<string>();
    for (const s of kind === 'individual' ? view.people : view.units) for (const i of s.candidates) codes.add(view.candidates[i]!.code);
    return [...codes].map((c) => ({ value: c, label: short(c) }));
  }, [view, kind, catalog]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: subjects.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_H, overscan: 8 });

  return (
    <Stack gap="sm" h="100%">
      <Group align="flex-end">
        <YearInput value={year} onChange={setYear} testId="check-year" />
        <UnitSelect value={unitId} onChange={setUnit} withAll w={320} testId="check-unit" />
        <Button onClick={() => void check()} loading={busy} data-testid="check-run">
          {C.run}
        </Button>
        {view && (
          <Text size="xs" c="dimmed" mb={8}>
            {C.timing(view.timing.loadMs, view.timing.checkMs)}
          </Text>
        )}
      </Group>
      <FormError error={error} />
      {!view && !busy && (
        <Text size="sm" c="dimmed">
          {C.intro}
        </Text>
      )}
      {view && (
        <>
          <Paper withBorder p="sm">
            <Group gap="xs" wrap="wrap">
              <Text size="sm">
                {C.ruleSet}: <b>{view.ruleSet.name}</b>
              </Text>
              {view.ruleSet.draft && (
                <Badge color="orange" variant="light">
                  {T.catalog.draft}
                </Badge>
              )}
              <UnverifiedBadge verified={view.ruleSet.verified} />
              <Text size="sm" c="dimmed">
                — {view.unitName}, năm {view.year}
              </Text>
            </Group>
            <Group gap="md" mt={6} wrap="wrap">
              {Object.entries(view.counts).filter(([, c]) => c.du_dieu_kien + c.gan_du > 0).map(([code, c]) => (
                <Text key={code} size="xs" data-testid="check-count">
                  <b>{short(code)}</b>: {c.du_dieu_kien} đủ · {c.gan_du} gần đủ
                </Text>
              ))}
            </Group>
          </Paper>
          {view.warnings.length > 0 && (
            <Alert color="orange" title={C.warnings} data-testid="check-warnings">
              <List size="sm" spacing={4}>
                {view.warnings.map((w, i) => (
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
                { value: 'individual', label: `${C.people} (${view.people.length})` },
                { value: 'collective', label: `${C.units} (${view.units.length})` },
              ]}
              value={kind}
              onChange={(v) => {
                setKind(v as 'individual' | 'collective');
                setTitle(ALL);
              }}
            />
            <Select
              label={C.verdict}
              data={[{ value: ALL, label: C.allVerdicts }, ...(['du_dieu_kien', 'gan_du', 'chua_du'] as const).map((v) => ({ value: v, label: C.verdicts[v] }))]}
              value={verdict}
              onChange={(v) => setVerdict((v ?? ALL) as Verdict | typeof ALL)}
              allowDeselect={false}
              w={160}
              data-testid="check-verdict"
            />
            <Select label={C.title} data={[{ value: ALL, label: C.allTitles }, ...titleOptions]} value={title} onChange={(v) => setTitle(v ?? ALL)} allowDeselect={false} w={190} data-testid="check-title" />
            {kind === 'individual' && (
              <Select label={T.unit} data={[{ value: ALL, label: T.allUnits }, ...resultUnits]} value={unitFilter} onChange={(v) => setUnitFilter(v ?? ALL)} allowDeselect={false} searchable w={230} />
            )}
            <TextInput label={T.search} placeholder={T.searchHint} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={220} data-testid="check-search" />
            <Text size="sm" c="dimmed" mb={8}>
              {C.count(subjects.length, kind === 'individual' ? view.people.length : view.units.length)}
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
            <div ref={scrollRef} style={{ flex: 1, overflow: 'auto' }} data-testid="check-list">
              {subjects.length === 0 ? (
                <Text p="lg" c="dimmed">
                  {C.empty}
                </Text>
              ) : (
                <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
                  {virtualizer.getVirtualItems().map((v) => {
                    const s = subjects[v.index]!;
                    const cs = s.candidates.map(cand);
                    const ok = cs.filter((c) => c.verdict === 'du_dieu_kien');
                    const near = cs.filter((c) => c.verdict === 'gan_du');
                    return (
                      <div key={s.id} className="awards-check-row" style={{ height: ROW_H, transform: `translateY(${v.start}px)`, gridTemplateColumns: COLS }} data-testid="check-row" data-name={s.name}>
                        <div style={{ minWidth: 0 }}>
                          <Text size="sm" fw={500} truncate>
                            {s.name}
                          </Text>
                          <Text size="xs" c="dimmed" truncate>
                            {[s.kind === 'individual' ? s.unitName : '', s.birthDate ? formatDateVi(s.birthDate) : ''].filter(Boolean).join(' · ')}
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
                            <Tooltip key={c.code} label={c.items.map((i) => view.items[i]!).filter((it) => !it.passed).map((it) => it.missing ?? it.message).join('; ')} multiline w={320}>
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
                        <Button size="compact-xs" variant="light" onClick={() => setOpen(s)} data-testid="check-explain">
                          {C.explain}
                        </Button>
                      </div>
                    );
                  })}
                </div>
              )}
            </div>
          </Paper>
          <Drawer opened={open !== null} onClose={() => setOpen(null)} position="right" size="xl" title={<Text fw={700}>{C.drawerTitle}</Text>}>
            {open && <Explanation view={view} subject={open} focus={title === ALL ? null : title} short={short} />}
          </Drawer>
        </>
      )}
    </Stack>
  );
}

function Explanation({ view, subject, focus, short }: { view: EligibilityView; subject: EligibilitySubject; focus: string | null; short(code: string): string }) {
  const cands = subject.candidates.map((i) => view.candidates[i]!);
  const order: Record<Verdict, number> = { du_dieu_kien: 0, gan_du: 1, chua_du: 2 };
  const sorted = [...cands].sort((a, b) => order[a.verdict] - order[b.verdict]);
  const opened = sorted.filter((c) => (focus ? c.code === focus : c.verdict !== 'chua_du')).map((c) => c.code);
  return (
    <Stack gap="sm" data-testid="explanation">
      <div>
        <Text size="lg" fw={700}>
          {subject.name}
        </Text>
        <Text size="sm" c="dimmed">
          {[subject.kind === 'individual' ? subject.unitName : T.collective, subject.birthDate ? `sinh ngày ${formatDateVi(subject.birthDate)}` : '', `năm ${view.year}`]
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
                  {c.items.map((k) => {
                    const it = view.items[k]!;
                    return (
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
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Stack>
  );
}

