// Reports: choose the period, see completion by lead unit and quarter (SVG bars), export the
// BÁO CÁO (Word) or the Excel table.
import { useEffect, useId, useMemo, useState } from 'react';
import { Button, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ReportPeriod } from '../../../shared/contract/tasks';
import { REPORT_PERIOD_LABELS } from '../../../shared/tasks/labels';
import { REPORT_PERIODS, periodQuarters, quarterRoman, type Quarter } from '../../../shared/tasks/status';
import { completionByUnitQuarter, countStatuses, percentDone, type StatusCounts } from '../../../shared/tasks/stats';
import { call, saveFile } from '../../lib/api';
import { STATUS_FILL } from './parts';
import { useTasks } from './store';
import { useUnitLabels, useUnits } from '../units/store';
import { T } from './strings';

const SEGMENTS: { key: keyof Omit<StatusCounts, 'total'>; fill: string; label: string }[] = [
  { key: 'done', fill: STATUS_FILL.hoan_thanh, label: T.report.legend.done },
  { key: 'inProgress', fill: STATUS_FILL.dang_thuc_hien, label: T.report.legend.inProgress },
  { key: 'notStarted', fill: STATUS_FILL.chua_thuc_hien, label: T.report.legend.notStarted },
  { key: 'overdue', fill: STATUS_FILL.qua_han, label: T.report.legend.overdue },
];

/** The label column: as wide as the longest name needs, within these bounds (px at 13 px text). */
const LABEL_MIN = 230;
const LABEL_MAX = 400;
const CHAR_W = 7.2;
const CELL_W = 180;
const ROW_H = 30;
const BAR_H = 16;
const HEAD_H = 28;

/** Completion by lead unit (rows) and quarter (columns): one stacked bar per cell, scaled to the largest cell. */
export function CompletionChart({ rows, quarters }: { rows: { name: string; quarters: Record<Quarter, StatusCounts> }[]; quarters: Quarter[] }) {
  const max = Math.max(1, ...rows.flatMap((r) => quarters.map((q) => r.quarters[q].total)));
  // "Phòng Kế hoạch - Tài chính (Sở Y tế)": the part that tells twenty such units apart comes last
  const longest = Math.max(0, ...rows.map((r) => r.name.length));
  const LABEL_W = Math.round(Math.min(LABEL_MAX, Math.max(LABEL_MIN, longest * CHAR_W + 16)));
  const maxChars = Math.floor((LABEL_W - 16) / CHAR_W);
  const width = LABEL_W + quarters.length * CELL_W;
  const height = HEAD_H + rows.length * ROW_H + 4;
  const barW = CELL_W - 44;
  // a long unit name is cut at the label column rather than drawn over the first bar
  const clipId = `chart-labels-${useId().replace(/:/g, '')}`;
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: width, display: 'block', fontFamily: 'inherit' }}
      role="img"
      aria-label={T.report.chartTitle}
      data-testid="completion-chart"
    >
      <clipPath id={clipId}>
        <rect x={0} y={0} width={LABEL_W - 8} height={height} />
      </clipPath>
      {quarters.map((q, i) => (
        <text key={q} x={LABEL_W + i * CELL_W + 4} y={18} fontSize={13} fontWeight={600} style={{ fill: 'var(--mantine-color-text)' }}>
          {T.quarter(quarterRoman(q))}
        </text>
      ))}
      {rows.map((r, ri) => {
        const y = HEAD_H + ri * ROW_H;
        const name = r.name.length > maxChars ? `${r.name.slice(0, maxChars - 1)}…` : r.name;
        return (
          <g key={r.name + ri} data-testid="chart-row">
            {ri % 2 === 0 && <rect x={0} y={y} width={width} height={ROW_H} style={{ fill: 'var(--mantine-color-gray-0)' }} />}
            <text x={4} y={y + ROW_H / 2 + 4} fontSize={13} fontWeight={ri === 0 ? 700 : 400} style={{ fill: 'var(--mantine-color-text)' }} clipPath={`url(#${clipId})`}>
              <title>{r.name}</title>
              {name}
            </text>
            {quarters.map((q, qi) => {
              const c = r.quarters[q];
              const x0 = LABEL_W + qi * CELL_W + 4;
              let x = x0;
              return (
                <g key={q}>
                  <title>
                    {`${r.name} — ${T.quarter(quarterRoman(q))}: ${c.total} nhiệm vụ; ${SEGMENTS.map((s) => `${s.label.toLowerCase()} ${c[s.key]}`).join(', ')}`}
                  </title>
                  {c.total === 0 ? (
                    <line x1={x0} x2={x0 + barW} y1={y + ROW_H / 2} y2={y + ROW_H / 2} style={{ stroke: 'var(--mantine-color-gray-4)' }} strokeDasharray="3 3" />
                  ) : (
                    SEGMENTS.map((s) => {
                      const w = (c[s.key] / max) * barW;
                      const rect = w > 0 ? <rect key={s.key} x={x} y={y + (ROW_H - BAR_H) / 2} width={w} height={BAR_H} style={{ fill: s.fill }} /> : null;
                      x += w;
                      return rect;
                    })
                  )}
                  {c.total > 0 && (
                    <text x={x + 5} y={y + ROW_H / 2 + 4} fontSize={12} style={{ fill: 'var(--mantine-color-dimmed)' }}>
                      {`${c.done}/${c.total}`}
                    </text>
                  )}
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}

export function ReportView() {
  const { rows, today, year } = useTasks();
  const [period, setPeriod] = useState<ReportPeriod>(() => {
    const q = useTasks.getState().boardQuarter ?? 1;
    return `Q${q}` as ReportPeriod;
  });
  const [busy, setBusy] = useState<'docx' | 'xlsx' | null>(null);
  const quarters = periodQuarters(period);
  const inPeriod = useMemo(() => rows.filter((t) => quarters.includes(t.effectiveQuarter)), [rows, quarters]);
  const t0 = today ?? '0000-00-00';
  const total = countStatuses(inPeriod, t0);
  const refreshUnits = useUnits((s) => s.refresh);
  useEffect(() => {
    void refreshUnits();
  }, [refreshUnits]);
  const labels = useUnitLabels();
  const chartRows = useMemo(() => {
    const whole = completionByUnitQuarter(
      inPeriod.map((t) => ({ ...t, lead: [{ unitId: '__all__', name: T.report.whole }] })),
      t0,
    );
    // a province has twenty "Phòng Kế hoạch - Tài chính": each is named with its parents
    return [...whole, ...completionByUnitQuarter(inPeriod, t0, (id) => labels.get(id))];
  }, [inPeriod, t0, labels]);

  const exportFile = async (format: 'docx' | 'xlsx') => {
    if (year === null) return;
    setBusy(format);
    try {
      saveFile(await call('tasks.report', { year, period, format }));
      notifications.show({ color: 'teal', message: T.report.exported });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Chưa xuất được', message: (e as Error).message });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack gap="md" style={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Text size="sm" fw={500} mb={4}>
            {T.report.period}
          </Text>
          <SegmentedControl
            value={period}
            onChange={(v) => setPeriod(v as ReportPeriod)}
            data={REPORT_PERIODS.map((p) => ({ value: p, label: REPORT_PERIOD_LABELS[p] }))}
            data-testid="report-period"
          />
        </div>
        <Group>
          <Button variant="default" loading={busy === 'xlsx'} onClick={() => void exportFile('xlsx')} data-testid="report-xlsx">
            {T.report.exportXlsx}
          </Button>
          <Button loading={busy === 'docx'} onClick={() => void exportFile('docx')} data-testid="report-docx">
            {T.report.exportDocx}
          </Button>
        </Group>
      </Group>
      {(period === 'Y' || period === 'H1') && (
        <Text size="sm" c="dimmed" data-testid="report-year-awards">
          {period === 'Y' ? T.report.yearAwards : T.report.halfRegistrations}
        </Text>
      )}
      <Paper withBorder p="md">
        <Group justify="space-between" mb="sm" align="baseline">
          <Title order={4}>{T.report.chartTitle}</Title>
          <Text size="sm" c="dimmed" data-testid="report-summary">
            {T.report.summary(total.total, total.done, percentDone(total))}
          </Text>
        </Group>
        <Group gap="lg" mb="sm">
          {SEGMENTS.map((s) => (
            <Group key={s.key} gap={6}>
              <span style={{ width: 12, height: 12, borderRadius: 2, background: s.fill, display: 'inline-block' }} />
              <Text size="sm">
                {s.label} ({total[s.key]})
              </Text>
            </Group>
          ))}
        </Group>
        {inPeriod.length === 0 ? <Text c="dimmed">{T.report.noData}</Text> : <CompletionChart rows={chartRows} quarters={quarters} />}
        <Text size="xs" c="dimmed" mt="sm">
          {T.report.counted}
        </Text>
      </Paper>
    </Stack>
  );
}
