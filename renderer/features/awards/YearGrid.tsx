// Year-end bulk entry: one row per person of a unit, columns rating, maternity leave, under
// review and the base titles. The grid keeps keyboard focus itself (one tab stop); the
// active cell moves with arrows/Enter/Tab, typing a rating code sets it, Space toggles, and a
// block pasted from Excel fills cells from the active one. Saving sends the changed rows in
// one call (one transaction in the core).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Badge, Button, Checkbox, Group, List, Loader, Paper, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useVirtualizer } from '@tanstack/react-virtual';
import { AWARD_CATALOG, type AwardCode } from '../../../shared/awards';
import { GRID_TITLE_CODES, type YearGrid as Grid } from '../../../shared/contract/records';
import { formatDateVi } from '../../../shared/text/vn';
import { subtreeOf } from '../../../shared/units/tree';
import { call } from '../../lib/api';
import { FormError } from '../../lib/FormError';
import { discardOrAsk, useLeaveGuard } from '../../lib/leave-guard';
import { UnitSelect, YearInput } from './common';
import { GRID_COLS, applyPaste, draftOf, isLocked, parseClipboard, sameDraft, typeAhead, type GridCol, type PasteOutcome, type RowDraft } from './gridModel';
import { useUnits } from '../units/store';
import { useAwards } from './store';
import { T } from './strings';

const ROW_H = 36;
const G = T.grid;
const COL_LABEL: Record<GridCol, string> = { rating: G.cols.rating, maternity: G.cols.maternity, review: G.cols.review, LDTT: G.cols.LDTT, CSTDCS: G.cols.CSTDCS };
const RATING_COLOR = { HTXSNV: 'teal', HTTNV: 'blue', HTNV: 'gray', KHTNV: 'red' } as const;

// Narrow enough to fit a 1024 px window without the sub-units' column (742 px); with it, or
// narrower still, the grid scrolls sideways and its header follows. Each track with its least width.
function tracks(withUnit: boolean): Array<[min: number, track: string]> {
  return [
    [48, '48px'],
    [140, 'minmax(140px, 2fr)'],
    ...(withUnit ? [[120, 'minmax(120px, 1.2fr)'] as [number, string]] : []),
    [80, 'minmax(80px, 1fr)'],
    [130, '130px'],
    [80, '80px'],
    [90, '90px'],
    [70, '70px'],
    [80, '80px'],
  ];
}
function template(withUnit: boolean) {
  return tracks(withUnit)
    .map(([, t]) => t)
    .join(' ');
}
/** The narrowest the grid's tracks and its 12 px side padding allow. */
function minWidth(withUnit: boolean) {
  return tracks(withUnit).reduce((sum, [min]) => sum + min, 24);
}

export function YearGridTab() {
  // own year and unit (other tabs start from them but never reload the grid under unsaved edits)
  const changed = useAwards((s) => s.changed);
  const [year, setYearLocal] = useState(() => useAwards.getState().year);
  const [unitId, setUnitLocal] = useState(() => useAwards.getState().unitId);
  const setYear = (y: number) => {
    setYearLocal(y);
    useAwards.getState().setYear(y);
  };
  const setUnit = (u: string | null) => {
    setUnitLocal(u);
    useAwards.getState().setUnit(u);
  };
  const [includeSub, setIncludeSub] = useState(false);
  const units = useUnits((st) => st.units);
  /** people in the chosen unit's sub-units (the staff working now): what "Gồm đơn vị cấp dưới" would add */
  const subunitStaff = useMemo(() => {
    if (!unitId) return 0;
    const below = subtreeOf(units, unitId);
    return units.reduce((sum, u) => (u.id !== unitId && below.has(u.id) ? sum + u.staffCount : sum), 0);
  }, [units, unitId]);
  const [grid, setGrid] = useState<Grid | null>(null);
  const [drafts, setDrafts] = useState<RowDraft[]>([]);
  const [unitReview, setUnitReview] = useState(false);
  const [numbers, setNumbers] = useState<Record<string, { number: string; date: string }>>({});
  const [active, setActive] = useState({ row: 0, col: 0 });
  const [buffer, setBuffer] = useState('');
  const [paste, setPaste] = useState<(PasteOutcome & { names: string[] }) | null>(null);
  const [loading, setLoading] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const bufferTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const load = useCallback(async () => {
    if (!unitId) {
      setGrid(null);
      return;
    }
    setLoading(true);
    setError(null);
    try {
      const g = await call('records.yearGrid', { unitId, year, includeSubunits: includeSub });
      setGrid(g);
      setDrafts(g.rows.map(draftOf));
      setUnitReview(g.unitUnderReview);
      setNumbers(
        Object.fromEntries(GRID_TITLE_CODES.map((c) => [c, { number: g.decisions[c]?.number ?? '', date: formatDateVi(g.decisions[c]?.date ?? null) }])),
      );
      setActive({ row: 0, col: 0 });
      setPaste(null);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setLoading(false);
    }
  }, [unitId, year, includeSub]);

  useEffect(() => {
    void load();
  }, [load]);

  const rows = useMemo(() => grid?.rows ?? [], [grid]);
  const original = useMemo(() => rows.map(draftOf), [rows]);
  const dirtyRows = useMemo(() => drafts.reduce((k, d, i) => (original[i] && !sameDraft(d, original[i]) ? k + 1 : k), 0), [drafts, original]);
  const numbersDirty =
    !!grid && GRID_TITLE_CODES.some((c) => (numbers[c]?.number ?? '') !== (grid.decisions[c]?.number ?? '') || (numbers[c]?.date ?? '') !== formatDateVi(grid.decisions[c]?.date ?? null));
  const dirty = dirtyRows + (grid && unitReview !== grid.unitUnderReview ? 1 : 0) + (numbersDirty ? 1 : 0);
  const withUnit = includeSub;
  const cols = template(withUnit);

  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_H, overscan: 10 });

  // what another year or unit, another screen or closing the window would lose: asked first
  const unsavedText = dirty ? G.unsavedWhat(dirty) : null;
  useLeaveGuard(unsavedText);
  const guard = (go: () => void) => discardOrAsk(unsavedText, go);
  // a year the checker sent the user here to fill in (asked first when edits are unsaved)
  const yearToOpen = useAwards((s) => s.gridYearToOpen);
  useEffect(() => {
    if (yearToOpen === null) return;
    useAwards.setState({ gridYearToOpen: null });
    if (yearToOpen !== year) guard(() => setYear(yearToOpen));
  }, [yearToOpen]);

  const move = (row: number, col: number) => {
    const r = Math.max(0, Math.min(rows.length - 1, row));
    const c = Math.max(0, Math.min(GRID_COLS.length - 1, col));
    setActive({ row: r, col: c });
    setBuffer('');
    virtualizer.scrollToIndex(r, { align: 'auto' });
  };

  const setCell = (row: number, col: GridCol, value: RowDraft[GridCol]) => {
    const r = rows[row];
    if (!r || isLocked(r, col)) return;
    setDrafts((cur) => cur.map((d, i) => (i === row ? { ...d, [col]: value } : d)));
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    if (!rows.length) return;
    const { row, col } = active;
    const colName = GRID_COLS[col]!;
    const key = e.key;
    if ((e.ctrlKey || e.metaKey) && key.toLowerCase() === 's') {
      e.preventDefault();
      void save();
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return; // Ctrl+V etc. reach the paste handler
    const handled = () => e.preventDefault();
    switch (key) {
      case 'ArrowDown':
        handled();
        return move(row + 1, col);
      case 'ArrowUp':
        handled();
        return move(row - 1, col);
      case 'ArrowRight':
        handled();
        return move(row, col + 1);
      case 'ArrowLeft':
        handled();
        return move(row, col - 1);
      case 'Enter':
        handled();
        return move(row + (e.shiftKey ? -1 : 1), col);
      case 'Tab': {
        const next = col + (e.shiftKey ? -1 : 1);
        if (next < 0 && row === 0) return;
        if (next >= GRID_COLS.length && row === rows.length - 1) return;
        handled();
        if (next >= GRID_COLS.length) return move(row + 1, 0);
        if (next < 0) return move(row - 1, GRID_COLS.length - 1);
        return move(row, next);
      }
      case 'Home':
        handled();
        return move(row, 0);
      case 'End':
        handled();
        return move(row, GRID_COLS.length - 1);
      case 'PageDown':
        handled();
        return move(row + 10, col);
      case 'PageUp':
        handled();
        return move(row - 10, col);
      case 'Escape':
        setBuffer('');
        return;
      case 'Delete':
      case 'Backspace':
        handled();
        setBuffer('');
        return setCell(row, colName, colName === 'rating' ? null : false);
      case ' ':
        handled();
        if (colName !== 'rating') setCell(row, colName, !drafts[row]![colName]);
        return;
    }
    if (key.length !== 1) return;
    handled();
    if (colName === 'rating') {
      const next = buffer + key;
      const t = typeAhead(next);
      if (bufferTimer.current) clearTimeout(bufferTimer.current);
      if (t.rating) {
        setCell(row, 'rating', t.rating);
        setBuffer('');
      } else if (!t.complete) {
        setBuffer(next);
        bufferTimer.current = setTimeout(() => setBuffer(''), 1500);
      } else setBuffer('');
    } else if (/[xX✓1cC]/.test(key)) setCell(row, colName, true);
    else if (/[0kK-]/.test(key)) setCell(row, colName, false);
  };

  // paste from Excel: listen on the document (a focused, non-editable element may not be the event target)
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const el = gridRef.current;
      if (!el || !el.contains(document.activeElement) || !rows.length) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (!text) return;
      e.preventDefault();
      const outcome = applyPaste(rows, drafts, parseClipboard(text), active);
      setDrafts(outcome.drafts);
      setPaste({ ...outcome, names: rows.map((r) => r.fullName) });
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [rows, drafts, active]);

  const save = async () => {
    if (!grid || !unitId || saving) return;
    setSaving(true);
    setError(null);
    try {
      const changedRows = rows
        .map((r, i) => ({ r, d: drafts[i]! }))
        .filter(({ d }, i) => !sameDraft(d, original[i]!))
        .map(({ r, d }) => ({ staffId: r.staffId, rating: d.rating, maternityLeave: d.maternity, underReview: d.review, titles: { LDTT: d.LDTT, CSTDCS: d.CSTDCS } }));
      const decisions = Object.fromEntries(GRID_TITLE_CODES.map((c) => [c, { number: numbers[c]?.number ?? '', date: numbers[c]?.date || null }]));
      const r = await call('records.saveYearGrid', { unitId: grid.unitId, year: grid.year, unitUnderReview: unitReview, rows: changedRows, decisions });
      notifications.show({ color: 'green', message: G.saved(r.personYears, r.titlesAdded, r.titlesRemoved) });
      changed();
      await load();
      gridRef.current?.focus();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  const pasteLines = paste?.problems.map((p) => {
    const name = p.row >= 0 ? paste.names[p.row] ?? '' : '';
    const hint = p.kind === 'rating' ? G.pasteRatingHint : p.kind === 'mark' ? G.pasteMarkHint : p.kind === 'locked' ? G.locked(rows[p.row]?.titles[p.col as 'LDTT' | 'CSTDCS']?.decisionNo ?? '') : p.kind === 'name' ? 'trùng tên trong bảng, dán theo vị trí dòng' : G.pasteReadOnly;
    return G.pasteCell(p.row + 1, name, p.col === 'name' ? G.cols.name : COL_LABEL[p.col], p.value, hint);
  });

  return (
    <Stack gap="sm" h="100%">
      <Group align="flex-end" gap="sm">
        <YearInput value={year} onChange={(y) => guard(() => setYear(y))} testId="grid-year" />
        <UnitSelect value={unitId} onChange={(u) => guard(() => setUnit(u))} withAll={false} testId="grid-unit" w={300} />
        <Checkbox label={T.includeSubunits} checked={includeSub} onChange={(e) => { const v = e.currentTarget.checked; guard(() => setIncludeSub(v)); }} mb={8} />
        {loading && <Loader size="xs" mb={10} />}
        <div style={{ flex: 1 }} />
        {grid && (
          <Group gap="xs" mb={2}>
            <Button variant="default" disabled={!dirty || saving} onClick={() => void load()}>
              {G.discard}
            </Button>
            <Button onClick={() => void save()} loading={saving} disabled={!dirty} data-testid="grid-save">
              {G.save(dirtyRows)}
            </Button>
          </Group>
        )}
      </Group>
      {!unitId && <Alert color="gray">{G.pickUnit}</Alert>}
      <div style={{ flexShrink: 0 }}>
        <FormError error={error} />
      </div>
      {grid && (
        <>
          <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
            {G.intro}
          </Text>
          <Group gap="lg" align="flex-end" style={{ flexShrink: 0 }}>
            <Checkbox label={G.unitReview} checked={unitReview} onChange={(e) => setUnitReview(e.currentTarget.checked)} data-testid="grid-unit-review" />
          </Group>
          {paste && (
            <Alert
              color={paste.problems.length ? 'orange' : 'green'}
              title={G.pasteTitle(paste.applied)}
              withCloseButton
              onClose={() => setPaste(null)}
              data-testid="grid-paste-report"
              style={{ flexShrink: 0 }}
            >
              {paste.problems.length > 0 && (
                <>
                  <Text size="sm">{G.pasteProblems(paste.problems.length)}</Text>
                  <List size="sm" mt={4}>
                    {pasteLines!.slice(0, 20).map((l, i) => (
                      <List.Item key={i} data-testid="grid-paste-problem">
                        {l}
                      </List.Item>
                    ))}
                  </List>
                </>
              )}
              {paste.extraRows > 0 && <Text size="sm">{G.pasteExtraRows(paste.extraRows)}</Text>}
              {paste.extraCols > 0 && <Text size="sm">{G.pasteExtraCols(paste.extraCols)}</Text>}
            </Alert>
          )}
          <Paper withBorder style={{ flex: 1, minHeight: 260, display: 'flex', flexDirection: 'column' }}>
            <div ref={headRef} style={{ overflow: 'hidden' }}>
              <div className="awards-grid-head" style={{ gridTemplateColumns: cols, minWidth: minWidth(withUnit) }} role="row">
                <span>{G.cols.no}</span>
                <span>{G.cols.name}</span>
                {withUnit && <span>{G.cols.unit}</span>}
                <span>{G.cols.registered}</span>
                <span>{G.cols.rating}</span>
                {(['maternity', 'review', 'LDTT', 'CSTDCS'] as const).map((c) => (
                  <Tooltip key={c} label={G.colHints[c]} multiline w={240}>
                    <span className="awards-grid-center">{COL_LABEL[c]}</span>
                  </Tooltip>
                ))}
              </div>
            </div>
            <div
              ref={(el) => {
                gridRef.current = el;
                scrollRef.current = el;
              }}
              className="awards-grid-body"
              tabIndex={0}
              role="grid"
              aria-label={`${T.tabs.grid} ${grid.unitName} ${grid.year}`}
              aria-rowcount={rows.length}
              onKeyDown={onKeyDown}
              onScroll={(e) => {
                if (headRef.current) headRef.current.scrollLeft = e.currentTarget.scrollLeft;
              }}
              data-testid="award-grid"
            >
              {rows.length === 0 ? (
                subunitStaff > 0 && !includeSub ? (
                  // a Sở or a centre often has no one of its own: its people are in its departments
                  <Group p="lg" gap="sm" data-testid="grid-empty-subunits">
                    <Text c="dimmed">{G.emptyButSubunits(subunitStaff)}</Text>
                    <Button size="xs" variant="light" onClick={() => setIncludeSub(true)} data-testid="grid-include-subunits">
                      {T.includeSubunits}
                    </Button>
                  </Group>
                ) : (
                  <Text p="lg" c="dimmed">
                    {G.empty}
                  </Text>
                )
              ) : (
                <div style={{ height: virtualizer.getTotalSize(), position: 'relative', minWidth: minWidth(withUnit) }} role="rowgroup">
                  {virtualizer.getVirtualItems().map((v) => {
                    const r = rows[v.index]!;
                    const d = drafts[v.index] ?? draftOf(r);
                    const o = original[v.index] ?? d;
                    return (
                      <div
                        key={r.staffId}
                        role="row"
                        className="awards-grid-row"
                        data-testid="grid-row"
                        data-name={r.fullName}
                        style={{ transform: `translateY(${v.start}px)`, height: ROW_H, gridTemplateColumns: cols }}
                      >
                        <span className="awards-grid-dim">{v.index + 1}</span>
                        <span className="awards-grid-name" title={r.birthDate ? `${r.fullName} — ${formatDateVi(r.birthDate)}` : r.fullName}>
                          {r.fullName}
                        </span>
                        {withUnit && <span className="awards-grid-ellipsis awards-grid-dim">{r.unitName}</span>}
                        <span title={G.registeredHint}>
                          {r.registered.map((c) => (
                            <Badge key={c} size="xs" variant="outline" color={(c === 'LDTT' && d.LDTT) || (c === 'CSTDCS' && d.CSTDCS) ? 'teal' : 'gray'} mr={4}>
                              {AWARD_CATALOG[c as AwardCode]?.shortName ?? c}
                            </Badge>
                          ))}
                        </span>
                        {GRID_COLS.map((c, ci) => {
                          const isActive = active.row === v.index && active.col === ci;
                          const locked = isLocked(r, c);
                          const changedCell = d[c] !== o[c];
                          return (
                            <div
                              key={c}
                              role="gridcell"
                              aria-selected={isActive}
                              data-testid={`grid-cell-${c}`}
                              data-active={isActive || undefined}
                              data-value={c === 'rating' ? d.rating ?? '' : d[c] ? 'x' : ''}
                              className={`awards-grid-cell${isActive ? ' is-active' : ''}${changedCell ? ' is-changed' : ''}${locked ? ' is-locked' : ''}${c === 'rating' ? '' : ' awards-grid-center'}`}
                              onMouseDown={(e) => {
                                e.preventDefault();
                                setActive({ row: v.index, col: ci });
                                setBuffer('');
                                gridRef.current?.focus();
                              }}
                              onDoubleClick={() => c !== 'rating' && setCell(v.index, c, !d[c])}
                            >
                              {c === 'rating' ? (
                                isActive && buffer ? (
                                  <Text size="sm" c="dimmed">{`${buffer}…`}</Text>
                                ) : d.rating ? (
                                  <Tooltip label={T.ratings[d.rating]} openDelay={400}>
                                    <Badge color={RATING_COLOR[d.rating]} variant="light">
                                      {d.rating}
                                    </Badge>
                                  </Tooltip>
                                ) : null
                              ) : locked ? (
                                <Tooltip label={G.locked(r.titles[c as 'LDTT' | 'CSTDCS'].decisionNo)} multiline w={260}>
                                  <Checkbox checked readOnly tabIndex={-1} size="sm" color="gray" aria-label={COL_LABEL[c]} />
                                </Tooltip>
                              ) : (
                                <Checkbox checked={Boolean(d[c])} readOnly tabIndex={-1} size="sm" aria-label={COL_LABEL[c]} style={{ pointerEvents: 'none' }} />
                              )}
                            </div>
                          );
                        })}
                      </div>
                    );
                  })}
                </div>
              )}
            </div>
            <Group px="sm" py={6} justify="space-between" className="awards-grid-foot">
              <Group gap="xs">
                <Text size="xs" c="dimmed">
                  {G.count(rows.length)}
                </Text>
                {dirty > 0 && (
                  <Badge color="orange" variant="light" size="sm" data-testid="grid-dirty">
                    {G.unsaved}
                  </Badge>
                )}
              </Group>
              <Text size="xs" c="dimmed">
                {G.keys.map(([k, what]) => `${k}: ${what}`).join(' · ')}
              </Text>
            </Group>
          </Paper>
          <Paper withBorder p="sm" style={{ flexShrink: 0 }}>
            <Text size="sm" fw={600} mb={6}>
              {G.decisionsTitle}
            </Text>
            <Group gap="md">
              {GRID_TITLE_CODES.map((c) => (
                <Group key={c} gap="xs" align="flex-end">
                  <TextInput
                    label={G.decisionNo(AWARD_CATALOG[c].shortName)}
                    value={numbers[c]?.number ?? ''}
                    onChange={(e) => {
                      const v = e.currentTarget.value;
                      setNumbers((cur) => ({ ...cur, [c]: { number: v, date: cur[c]?.date ?? '' } }));
                    }}
                    placeholder="ví dụ 45/QĐ-SNV"
                    w={200}
                    data-testid={`grid-decision-${c}`}
                  />
                  <TextInput
                    label={G.decisionDate}
                    value={numbers[c]?.date ?? ''}
                    onChange={(e) => {
                      const v = e.currentTarget.value;
                      setNumbers((cur) => ({ ...cur, [c]: { number: cur[c]?.number ?? '', date: v } }));
                    }}
                    placeholder="dd/mm/yyyy"
                    w={130}
                  />
                </Group>
              ))}
            </Group>
          </Paper>
        </>
      )}
    </Stack>
  );
}
