// Grids for the tables of a plan: generic tables (cells) and the quarterly task table of an
// appendix (quarter groups I–IV; task, lead units, coordinating units, timing, note).
import { Fragment, useEffect, useState } from 'react';
import { ActionIcon, Button, Checkbox, Group, NativeSelect, Text, TextInput, Textarea, Tooltip, type TextareaProps } from '@mantine/core';
import type { GenericTable, QuarterGroup, QuarterTask, QuarterlyTaskTable } from '../../../../shared/plans/model';
import { defaultQuarterLabel } from '../../../../shared/plans/to-document';
import { toRoman } from '../../../../shared/text/vn';
import { newNodeId } from '../editorStore';
import { QUARTER_NAMES, T } from '../strings';
import { ReviewBadge } from './ReviewBadge';
import { useEditorUi } from './ui';

type Edit<X> = (fn: (x: X) => X, key?: string) => void;

// ---------------------------------------------------------------------------------------------
// Generic table

export function GenericTableEditor({ table, onChange, onRemove }: { table: GenericTable; onChange: Edit<GenericTable>; onRemove(): void }) {
  const width = Math.max(table.header?.length ?? 0, ...table.rows.map((r) => r.cells.length), 1);
  const setCell = (row: number, col: number, value: string) =>
    onChange(
      (t) => ({
        ...t,
        rows: t.rows.map((r, i) => {
          if (i !== row) return r;
          const cells = [...r.cells];
          while (cells.length < width) cells.push('');
          cells[col] = value;
          return { ...r, cells };
        }),
      }),
      `cell:${table.id}:${row}:${col}`,
    );
  const setHeader = (col: number, value: string) =>
    onChange(
      (t) => {
        const header = [...(t.header ?? [])];
        while (header.length < width) header.push('');
        header[col] = value;
        return { ...t, header };
      },
      `head:${table.id}:${col}`,
    );
  return (
    <div className="plan-table-editor" data-testid="generic-table">
      <div className="plan-grid-scroll">
        <table className="plan-grid">
          {table.header && (
            <thead>
              <tr>
                {Array.from({ length: width }, (_, c) => (
                  <th key={c}>
                    <CellText
                      aria-label={`${T.table.header} — ${T.table.column(c + 1)}`}
                      value={table.header?.[c] ?? ''}
                      onChange={(e) => setHeader(c, e.currentTarget.value)}
                    />
                  </th>
                ))}
                <th className="plan-grid-tools" />
              </tr>
            </thead>
          )}
          <tbody>
            {table.rows.map((r, ri) => (
              <tr key={ri} className={r.group ? 'group' : undefined}>
                {Array.from({ length: width }, (_, c) => (
                  <td key={c}>
                    <CellText
                      aria-label={T.table.column(c + 1)}
                      value={r.cells[c] ?? ''}
                      onChange={(e) => setCell(ri, c, e.currentTarget.value)}
                    />
                  </td>
                ))}
                <td className="plan-grid-tools">
                  <Group gap={2} wrap="nowrap">
                    <Tooltip label={T.table.groupRow} openDelay={400}>
                      <Checkbox
                        size="xs"
                        aria-label={T.table.groupRow}
                        checked={!!r.group}
                        onChange={(e) => {
                          const group = e.currentTarget.checked;
                          onChange((t) => ({ ...t, rows: t.rows.map((x, i) => (i === ri ? (group ? { ...x, group } : { cells: x.cells }) : x)) }));
                        }}
                      />
                    </Tooltip>
                    <ActionIcon
                      size="sm"
                      variant="subtle"
                      color="gray"
                      aria-label={T.table.removeRow}
                      title={T.table.removeRow}
                      onClick={() => onChange((t) => ({ ...t, rows: t.rows.filter((_, i) => i !== ri) }))}
                    >
                      ✕
                    </ActionIcon>
                  </Group>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Group gap="xs" mt={6}>
        <Button size="compact-xs" variant="light" onClick={() => onChange((t) => ({ ...t, rows: [...t.rows, { cells: Array.from({ length: width }, () => '') }] }))}>
          + {T.table.addRow}
        </Button>
        <Button
          size="compact-xs"
          variant="light"
          onClick={() => onChange((t) => ({ ...t, header: t.header ? [...t.header, ''] : t.header, rows: t.rows.map((r) => ({ ...r, cells: [...r.cells, ''] })) }))}
        >
          + {T.table.addColumn}
        </Button>
        <Button
          size="compact-xs"
          variant="subtle"
          color="gray"
          disabled={width <= 1}
          onClick={() =>
            onChange((t) => ({
              ...t,
              header: t.header ? t.header.slice(0, width - 1) : null,
              rows: t.rows.map((r) => ({ ...r, cells: r.cells.slice(0, width - 1) })),
            }))
          }
        >
          {T.table.removeColumn}
        </Button>
        <Checkbox
          size="xs"
          label={T.table.header}
          checked={table.header !== null}
          onChange={(e) => {
            const on = e.currentTarget.checked;
            onChange((t) => ({ ...t, header: on ? Array.from({ length: width }, () => '') : null }));
          }}
        />
        <Button size="compact-xs" variant="subtle" color="red" ml="auto" onClick={onRemove}>
          {T.table.removeTable}
        </Button>
      </Group>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// Quarterly task table

/** "A; B; C" ⇄ ["A", "B", "C"], keeping what is typed while the field is edited. */
/** A grid cell's text: grows with its content, no frame of its own (the grid draws the lines). */
function CellText(props: TextareaProps) {
  return <Textarea autosize minRows={1} size="xs" variant="unstyled" {...props} />;
}

function ListInput({ value, onChange, label, testId }: { value: string[]; onChange(v: string[]): void; label: string; testId?: string }) {
  const parse = (s: string) =>
    s
      .split(';')
      .map((x) => x.trim())
      .filter((x) => x.length > 0);
  const [text, setText] = useState(value.join('; '));
  useEffect(() => {
    // an outside change (undo, another field) resets the text; our own typing does not
    setText((cur) => (parse(cur).join('\u0000') === value.join('\u0000') ? cur : value.join('; ')));
  }, [value]);
  return (
    <CellText
      aria-label={label}
      placeholder={T.appendix.listHint}
      value={text}
      data-testid={testId}
      onChange={(e) => {
        const v = e.currentTarget.value;
        setText(v);
        onChange(parse(v));
      }}
    />
  );
}

function moveTask(groups: QuarterGroup[], gi: number, ti: number, delta: -1 | 1): QuarterGroup[] {
  const g = groups[gi]!;
  const task = g.tasks[ti]!;
  const j = ti + delta;
  if (j >= 0 && j < g.tasks.length) {
    const tasks = [...g.tasks];
    tasks[ti] = g.tasks[j]!;
    tasks[j] = task;
    return groups.map((x, i) => (i === gi ? { ...x, tasks } : x));
  }
  // across the group boundary: last of the previous group / first of the next
  const target = gi + delta;
  if (target < 0 || target >= groups.length) return groups;
  return groups.map((x, i) => {
    if (i === gi) return { ...x, tasks: x.tasks.filter((_, k) => k !== ti) };
    if (i === target) return { ...x, tasks: delta < 0 ? [...x.tasks, task] : [task, ...x.tasks] };
    return x;
  });
}

export function QuarterlyTableEditor({ table, onChange, onRemove }: { table: QuarterlyTaskTable; onChange: Edit<QuarterlyTaskTable>; onRemove(): void }) {
  const flash = useEditorUi((s) => s.flash);
  const editGroup = (gi: number, fn: (g: QuarterGroup) => QuarterGroup, key?: string) =>
    onChange((t) => ({ ...t, groups: t.groups.map((g, i) => (i === gi ? fn(g) : g)) }), key);
  const editTask = (gi: number, ti: number, patch: Partial<QuarterTask>, field: string) =>
    editGroup(gi, (g) => ({ ...g, tasks: g.tasks.map((t, i) => (i === ti ? { ...t, ...patch } : t)) }), `task:${g(gi)}:${ti}:${field}`);
  const g = (gi: number) => table.groups[gi]?.id ?? gi;
  const usedQuarters = new Set(table.groups.map((x) => x.quarter));
  const nextQuarter = ([1, 2, 3, 4] as const).find((q) => !usedQuarters.has(q)) ?? null;
  return (
    <div className="plan-table-editor" data-testid="quarterly-table">
      <div className="plan-grid-scroll">
        <table className="plan-grid quarterly">
          <colgroup>
            <col style={{ width: 36 }} />
            <col style={{ width: '34%' }} />
            <col style={{ width: '17%' }} />
            <col style={{ width: '19%' }} />
            <col style={{ width: '11%' }} />
            <col style={{ width: '11%' }} />
            <col style={{ width: 84 }} />
          </colgroup>
          <thead>
            <tr>
              <th>TT</th>
              <th>{T.appendix.task}</th>
              <th>{T.appendix.lead}</th>
              <th>{T.appendix.coordinating}</th>
              <th>{T.appendix.timing}</th>
              <th>{T.appendix.note}</th>
              <th className="plan-grid-tools" />
            </tr>
          </thead>
          <tbody>
            {table.groups.map((grp, gi) => (
              <Fragment key={grp.id}>{groupRows(grp, gi)}</Fragment>
            ))}
          </tbody>
        </table>
      </div>
      <Group gap="xs" mt={6}>
        <Button
          size="compact-xs"
          variant="light"
          onClick={() => onChange((t) => ({ ...t, groups: [...t.groups, { id: newNodeId(), quarter: nextQuarter, label: null, tasks: [] }] }))}
          data-testid="quarter-add-group"
        >
          + {T.appendix.addGroup}
        </Button>
        <Button size="compact-xs" variant="subtle" color="red" ml="auto" onClick={onRemove}>
          {T.table.removeTable}
        </Button>
      </Group>
    </div>
  );

  // a render function, not a component: rows keep their inputs (and focus) across edits
  function groupRows(grp: QuarterGroup, gi: number) {
    return (
      <>
        <tr className="group">
          <td className="center">{toRoman(gi + 1)}</td>
          <td colSpan={5}>
            <Group gap="xs" wrap="nowrap">
              <NativeSelect
                size="xs"
                aria-label={T.appendix.quarter}
                data={[
                  { value: '', label: T.appendix.noQuarter },
                  ...QUARTER_NAMES.map((q, i) => ({ value: String(i + 1), label: `${T.appendix.quarter} ${q}` })),
                ]}
                value={grp.quarter ? String(grp.quarter) : ''}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  editGroup(gi, (x) => ({ ...x, quarter: v ? (Number(v) as 1 | 2 | 3 | 4) : null }));
                }}
                w={130}
              />
              <TextInput
                size="xs"
                style={{ flex: 1 }}
                aria-label={T.appendix.groupLabel}
                title={T.appendix.groupLabel}
                placeholder={grp.quarter ? defaultQuarterLabel(grp.quarter) : ''}
                value={grp.label ?? ''}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  editGroup(gi, (x) => ({ ...x, label: v === '' ? null : v }), `group:${grp.id}`);
                }}
              />
            </Group>
          </td>
          <td className="plan-grid-tools">
            <Group gap={2} wrap="nowrap">
              <ActionIcon
                size="sm"
                variant="subtle"
                color="gray"
                aria-label={T.appendix.addTask}
                title={T.appendix.addTask}
                onClick={() => editGroup(gi, (x) => ({ ...x, tasks: [...x.tasks, { id: newNodeId(), title: '', lead: [], coordinating: [] }] }))}
                data-testid="quarter-add-task"
              >
                +
              </ActionIcon>
              <ActionIcon
                size="sm"
                variant="subtle"
                color="gray"
                aria-label={T.appendix.removeGroup}
                title={T.appendix.removeGroup}
                onClick={() => onChange((t) => ({ ...t, groups: t.groups.filter((_, i) => i !== gi) }))}
              >
                ✕
              </ActionIcon>
            </Group>
          </td>
        </tr>
        {grp.tasks.map((task, ti) => {
          return (
            <tr key={task.id} data-node-id={task.id} className={[task.flag ? 'review' : '', flash === task.id ? 'flash' : ''].join(' ')} data-testid="quarter-task">
              <td className="center">{ti + 1}</td>
              <td>
                <CellText
                  aria-label={T.appendix.task}
                  value={task.title}
                  onChange={(e) => editTask(gi, ti, { title: e.currentTarget.value }, 'title')}
                  data-testid="quarter-task-title"
                />
                {task.flag && <ReviewBadge id={task.id} />}
              </td>
              <td>
                <ListInput label={T.appendix.lead} value={task.lead} onChange={(lead) => editTask(gi, ti, { lead }, 'lead')} />
              </td>
              <td>
                <ListInput label={T.appendix.coordinating} value={task.coordinating} onChange={(coordinating) => editTask(gi, ti, { coordinating }, 'coord')} />
              </td>
              <td>
                <CellText
                  aria-label={T.appendix.timing}
                  value={task.timing ?? ''}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    editTask(gi, ti, { timing: v || undefined }, 'timing');
                  }}
                />
              </td>
              <td>
                <CellText
                  aria-label={T.appendix.note}
                  value={task.note ?? ''}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    editTask(gi, ti, { note: v || undefined }, 'note');
                  }}
                />
              </td>
              <td className="plan-grid-tools">
                <Group gap={0} wrap="nowrap">
                  <ActionIcon size="sm" variant="subtle" color="gray" aria-label={T.appendix.taskUp} title={T.appendix.taskUp} onClick={() => onChange((t) => ({ ...t, groups: moveTask(t.groups, gi, ti, -1) }))}>
                    ↑
                  </ActionIcon>
                  <ActionIcon size="sm" variant="subtle" color="gray" aria-label={T.appendix.taskDown} title={T.appendix.taskDown} onClick={() => onChange((t) => ({ ...t, groups: moveTask(t.groups, gi, ti, 1) }))}>
                    ↓
                  </ActionIcon>
                  <ActionIcon
                    size="sm"
                    variant="subtle"
                    color="gray"
                    aria-label={T.appendix.removeTask}
                    title={T.appendix.removeTask}
                    onClick={() => editGroup(gi, (x) => ({ ...x, tasks: x.tasks.filter((_, i) => i !== ti) }))}
                  >
                    ✕
                  </ActionIcon>
                </Group>
              </td>
            </tr>
          );
        })}
        {grp.tasks.length === 0 && (
          <tr>
            <td />
            <td colSpan={6}>
              <Text size="xs" c="dimmed">
                {T.appendix.addTask}: +
              </Text>
            </td>
          </tr>
        )}
      </>
    );
  }
}
