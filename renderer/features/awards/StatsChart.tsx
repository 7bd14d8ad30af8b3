// Awards by year, unit and form: a stacked bar chart drawn in SVG (no chart library), with
// the numbers in a table below it.
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Group, Paper, ScrollArea, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import type { AwardStatsRow } from '../../../shared/contract/records';
import { compareVi } from '../../../shared/text/vn';
import { useUnitLabels, useUnits } from '../units/store';
import { useSession } from '../../app/session';
import { NO_UNIT_NAME, statsByOffice } from '../../../shared/awards';
import { call, saveFile } from '../../lib/api';
import { useAction } from '../../lib/useAction';
import { UnitSelect, YearInput } from './common';
import { useAwards } from './store';
import { T } from './strings';

const H = T.chart;
const PALETTE = ['#c92a2a', '#1971c2', '#2f9e44', '#e8590c', '#6741d9', '#0c8599', '#e64980', '#868e96'];
const MAX_SERIES = 7;
const OTHER = 'Hình thức khác';

export function StatsTab() {
  const { year, version } = useAwards();
  const [from, setFrom] = useState(year - 4);
  const [to, setTo] = useState(year);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [chosenBy, setBy] = useState<'year' | 'unit' | 'office'>('year');
  const [counted, setRows] = useState<AwardStatsRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  const exporting = useAction();

  useEffect(() => {
    let live = true;
    call('records.stats', { yearFrom: from, yearTo: to, unitId })
      .then((r) => {
        if (live) {
          setRows(r);
          setError(null);
        }
      })
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [from, to, unitId, version]);

  // by unit, each unit its own bar: two units of one name ("Văn phòng" of two offices) were one
  const labels = useUnitLabels();
  // at the province, the offices' counts side by side
  const units = useUnits((s) => s.units);
  const officeNames = useUnits((s) => s.officeNames);
  const ownName = useSession((s) => s.office?.name ?? '');
  const multiOffice = officeNames.size > 0;
  // "by office" only where there are offices to tell apart
  const by = chosenBy === 'office' && !multiOffice ? 'unit' : chosenBy;
  const rows = useMemo(() => {
    if (by !== 'office') return counted;
    const officeOf = new Map(units.map((u) => [u.id, u.officeId]));
    return statsByOffice(
      counted,
      (unitId) => {
        const id = officeOf.get(unitId);
        return id ? { id, name: officeNames.get(id) ?? ownName } : null;
      },
      NO_UNIT_NAME,
    );
  }, [by, counted, units, officeNames, ownName]);
  const unitLabel = useMemo(() => (r: AwardStatsRow) => (r.unitId && labels.get(r.unitId)) || r.unitName, [labels]);

  const chart = useMemo(() => {
    // the most frequent forms get their own colour, the rest are grouped
    const totals = new Map<string, number>();
    for (const r of rows) totals.set(r.formLabel, (totals.get(r.formLabel) ?? 0) + r.count);
    const ranked = [...totals].sort((a, b) => b[1] - a[1] || compareVi(a[0], b[0])).map(([k]) => k);
    const series = ranked.length > MAX_SERIES + 1 ? [...ranked.slice(0, MAX_SERIES), OTHER] : ranked;
    const seriesOf = (label: string) => (series.includes(label) ? label : OTHER);
    const lo = Math.min(from, to);
    const hi = Math.max(from, to);
    const cats =
      by === 'year'
        ? Array.from({ length: hi - lo + 1 }, (_, i) => String(lo + i))
        : [...new Set(rows.map(unitLabel))].sort(compareVi);
    const values = new Map<string, Map<string, number>>();
    for (const c of cats) values.set(c, new Map());
    for (const r of rows) {
      const cat = by === 'year' ? String(r.year) : unitLabel(r);
      const m = values.get(cat);
      if (!m) continue;
      const s = seriesOf(r.formLabel);
      m.set(s, (m.get(s) ?? 0) + r.count);
    }
    const max = Math.max(1, ...cats.map((c) => [...values.get(c)!.values()].reduce((a, b) => a + b, 0)));
    const sum = (k: 'count' | 'persons' | 'collectives') => rows.reduce((a, r) => a + r[k], 0);
    return { series, cats, values, max, total: sum('count'), persons: sum('persons'), collectives: sum('collectives') };
  }, [rows, by, from, to, unitLabel]);

  return (
    <Stack gap="sm">
      <Group align="flex-end">
        <YearInput label={H.from} value={from} onChange={setFrom} testId="stats-from" />
        <YearInput label={H.to} value={to} onChange={setTo} testId="stats-to" />
        <UnitSelect value={unitId} onChange={setUnitId} withAll w={300} />
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            {H.by}
          </Text>
          <SegmentedControl
            data={[
              { value: 'year', label: H.byYear },
              { value: 'unit', label: H.byUnit },
              ...(multiOffice ? [{ value: 'office', label: H.byOffice }] : []),
            ]}
            value={by}
            onChange={(v) => setBy(v as 'year' | 'unit' | 'office')}
            data-testid="stats-by"
          />
        </Stack>
        <Button
          variant="default"
          title={H.exportTitle}
          loading={exporting.busy}
          onClick={() => void exporting.run(async () => saveFile(await call('records.statsExport', { yearFrom: from, yearTo: to, unitId, by })))}
          data-testid="stats-export"
        >
          {H.export}
        </Button>
        <Button
          variant="default"
          title={H.periodicTitle(Math.max(from, to))}
          loading={exporting.busy}
          onClick={() => void exporting.run(async () => saveFile(await call('records.periodicStats', { year: Math.max(from, to) })))}
          data-testid="stats-periodic"
        >
          {H.periodic(Math.max(from, to))}
        </Button>
      </Group>
      {(error ?? exporting.error) && <Alert color="red">{error ?? exporting.error}</Alert>}
      <Paper withBorder p="md">
        <Group justify="space-between" mb="xs">
          <Text fw={600}>{H.title}</Text>
          <Text size="sm" c="dimmed">
            {H.total(chart.total, chart.persons, chart.collectives)}
          </Text>
        </Group>
        {chart.total === 0 ? (
          <Text size="sm" c="dimmed">
            {H.empty}
          </Text>
        ) : (
          <BarChart {...chart} />
        )}
      </Paper>
      {chart.total > 0 && (
        <Paper withBorder>
          <ScrollArea>
            <Table fz="sm" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{by === 'year' ? H.byYear : by === 'office' ? H.byOffice : H.byUnit}</Table.Th>
                  {chart.series.map((s) => (
                    <Table.Th key={s} ta="right">
                      {s}
                    </Table.Th>
                  ))}
                  <Table.Th ta="right">Cộng</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {chart.cats.map((c) => {
                  const m = chart.values.get(c)!;
                  return (
                    <Table.Tr key={c} data-testid="chart-row">
                      <Table.Td>{c}</Table.Td>
                      {chart.series.map((s) => (
                        <Table.Td key={s} ta="right">
                          {m.get(s)?.toLocaleString('vi-VN') ?? ''}
                        </Table.Td>
                      ))}
                      <Table.Td ta="right" fw={600}>
                        {[...m.values()].reduce((a, b) => a + b, 0).toLocaleString('vi-VN')}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        </Paper>
      )}
    </Stack>
  );
}

function niceStep(max: number): number {
  const raw = max / 5;
  const pow = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
  const n = raw / pow;
  return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * pow;
}

function BarChart({ series, cats, values, max }: { series: string[]; cats: string[]; values: Map<string, Map<string, number>>; max: number }) {
  const { ref, width } = useElementSize();
  const step = niceStep(max);
  const top = Math.ceil(max / step) * step;
  const W = Math.max(width || 640, cats.length * 56 + 80);
  const HGT = 300;
  const pad = { l: 44, r: 12, t: 12, b: 56 };
  const plotW = W - pad.l - pad.r;
  const plotH = HGT - pad.t - pad.b;
  const band = plotW / Math.max(1, cats.length);
  const barW = Math.min(44, band * 0.6);
  // as much of a label as its band holds (11 px text ≈ 6.5 px a character), 14 at the least
  const labelChars = Math.max(14, Math.floor(band / 6.5));
  const y = (v: number) => pad.t + plotH - (v / top) * plotH;
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  const color = (s: string) => (s === OTHER ? PALETTE[PALETTE.length - 1]! : PALETTE[series.indexOf(s) % (PALETTE.length - 1)]!);
  return (
    <div ref={ref}>
      <ScrollArea>
        <svg className="awards-chart" width={W} height={HGT} role="img" aria-label={H.title} data-testid="awards-chart">
          {ticks.map((t) => (
            <g key={t}>
              <line x1={pad.l} x2={W - pad.r} y1={y(t)} y2={y(t)} stroke="#e9ecef" />
              <text x={pad.l - 6} y={y(t) + 4} fontSize={11} textAnchor="end" fill="#868e96">
                {t.toLocaleString('vi-VN')}
              </text>
            </g>
          ))}
          {cats.map((c, i) => {
            const x = pad.l + band * i + (band - barW) / 2;
            let acc = 0;
            const m = values.get(c)!;
            const total = [...m.values()].reduce((a, b) => a + b, 0);
            return (
              <g key={c}>
                {series.map((s) => {
                  const v = m.get(s) ?? 0;
                  if (!v) return null;
                  const y0 = y(acc);
                  acc += v;
                  const y1 = y(acc);
                  return (
                    <rect key={s} x={x} y={y1} width={barW} height={Math.max(0, y0 - y1)} fill={color(s)} data-testid="chart-bar">
                      <title>{`${c} — ${s}: ${v.toLocaleString('vi-VN')}`}</title>
                    </rect>
                  );
                })}
                {total > 0 && (
                  <text x={x + barW / 2} y={y(total) - 4} fontSize={11} textAnchor="middle" fill="#495057">
                    {total.toLocaleString('vi-VN')}
                  </text>
                )}
                <text x={x + barW / 2} y={HGT - pad.b + 16} fontSize={11} textAnchor="middle" fill="#495057">
                  {c.length > labelChars ? `${c.slice(0, labelChars - 1)}…` : c}
                  <title>{c}</title>
                </text>
              </g>
            );
          })}
          <line x1={pad.l} x2={W - pad.r} y1={y(0)} y2={y(0)} stroke="#adb5bd" />
        </svg>
      </ScrollArea>
      <Group gap="md" mt="xs">
        {series.map((s) => (
          <Group key={s} gap={6}>
            <span style={{ width: 12, height: 12, background: color(s), display: 'inline-block', borderRadius: 2 }} />
            <Text size="xs">{s}</Text>
          </Group>
        ))}
      </Group>
    </div>
  );
}
