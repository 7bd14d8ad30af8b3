// A table whose body renders only the rows on screen: the award record lists hold tens of
// thousands of rows at province scale (29,406 initiatives took 49 s to render as a plain
// table). Fixed row height, a grid of column tracks, plain elements per cell.
import { memo, useEffect, useRef, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import './virtual-table.css';

export interface VirtualColumn<R> {
  header: ReactNode;
  /** a CSS grid track, e.g. '90px' or 'minmax(0, 2fr)' */
  width: string;
  align?: 'right';
  cell(row: R, index: number): ReactNode;
  /** the full text shown on hover where the cell is cut short */
  title?(row: R): string;
}

interface Props<R> {
  rows: readonly R[];
  columns: readonly VirtualColumn<R>[];
  rowKey(row: R): string;
  /** px; a cell holds at most two lines at the default */
  rowHeight?: number;
  empty: ReactNode;
  /** under the table, e.g. "29.406 sáng kiến" */
  caption?: ReactNode;
  /** the tallest the body grows before it scrolls */
  maxHeight?: string;
  /** a new value (another filter) scrolls back to the first row; a reload after an edit keeps the place */
  scrollKey?: string;
  testId?: string;
  rowTestId?: string;
  /** data-* attributes of a row (tests find rows by name); a stable function */
  rowData?(row: R): Record<string, string>;
}

/**
 * A flexible column ('minmax(0, 2fr)') is never narrower than this: in a narrow window the
 * table scrolls sideways instead of breaking its headers and cells into single letters.
 */
const FLEX_MIN_PX = 96;
/** .vt-grid's column gap and side padding (virtual-table.css) */
const GAP_PX = 12;
const PADDING_PX = 20;

/** The grid's tracks, flexible ones given their minimum, and the narrowest the table can be. */
export function tableTracks(widths: readonly string[]): { template: string; minWidth: number } {
  let min = 0;
  const tracks = widths.map((w) => {
    const width = w.trim();
    const px = /^(\d+(?:\.\d+)?)px$/.exec(width) ?? /^minmax\(\s*(\d+(?:\.\d+)?)px\s*,/.exec(width);
    if (px) {
      min += Number(px[1]);
      return width;
    }
    min += FLEX_MIN_PX;
    const flex = /^minmax\(\s*0(?:px)?\s*,\s*(.+)\)$/.exec(width);
    return flex ? `minmax(${FLEX_MIN_PX}px, ${flex[1]})` : width;
  });
  return { template: tracks.join(' '), minWidth: min + GAP_PX * Math.max(0, widths.length - 1) + PADDING_PX };
}

export function VirtualTable<R>({ rows, columns, rowKey, rowHeight = 52, empty, caption, maxHeight = 'calc(100vh - 300px)', scrollKey, testId, rowTestId, rowData }: Props<R>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [scrollKey]);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 8 });
  const { template, minWidth } = tableTracks(columns.map((c) => c.width));
  return (
    <div className="vt" role="table" aria-rowcount={rows.length + 1} data-testid={testId}>
      <div className="vt-x">
        <div className="vt-wide" style={{ minWidth }}>
          <div className="vt-grid vt-head" role="row" style={{ gridTemplateColumns: template }}>
            {columns.map((c, i) => (
              <div key={i} role="columnheader" className={c.align === 'right' ? 'vt-cell vt-right' : 'vt-cell'}>
                {c.header}
              </div>
            ))}
          </div>
          {rows.length === 0 ? (
            <div className="vt-empty">{empty}</div>
          ) : (
            <div ref={scrollRef} className="vt-scroll" style={{ height: `min(${rows.length * rowHeight}px, ${maxHeight})` }} data-testid={testId && `${testId}-scroll`}>
              <div className="vt-body" role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
                {virtualizer.getVirtualItems().map((v) => (
                  <Row
                    key={rowKey(rows[v.index]!)}
                    row={rows[v.index]!}
                    index={v.index}
                    top={v.start}
                    height={rowHeight}
                    columns={columns}
                    template={template}
                    testId={rowTestId}
                    data={rowData}
                  />
                ))}
              </div>
            </div>
          )}
        </div>
      </div>
      {caption && rows.length > 0 && <div className="vt-caption">{caption}</div>}
    </div>
  );
}

interface RowProps<R> {
  row: R;
  index: number;
  top: number;
  height: number;
  columns: readonly VirtualColumn<R>[];
  template: string;
  testId?: string;
  data?(row: R): Record<string, string>;
}

/** Memoised: scrolling re-renders only the rows that move in. */
const Row = memo(function Row<R>({ row, index, top, height, columns, template, testId, data }: RowProps<R>) {
  const attrs = data ? Object.fromEntries(Object.entries(data(row)).map(([k, v]) => [`data-${k}`, v])) : undefined;
  return (
    <div
      {...attrs}
      role="row"
      aria-rowindex={index + 2}
      data-testid={testId}
      className={index % 2 ? 'vt-grid vt-row vt-odd' : 'vt-grid vt-row'}
      style={{ transform: `translateY(${top}px)`, height, gridTemplateColumns: template }}
    >
      {columns.map((c, i) => (
        <div key={i} role="cell" className={c.align === 'right' ? 'vt-cell vt-right' : 'vt-cell'} title={c.title?.(row)}>
          {c.cell(row, index)}
        </div>
      ))}
    </div>
  );
}) as <R>(p: RowProps<R>) => ReactNode;

/** Two stacked lines in one cell (a person and their unit), each cut short with an ellipsis; the top one bold unless `plain`. */
export function TwoLines({ top, bottom, plain = false }: { top: ReactNode; bottom?: ReactNode; plain?: boolean }) {
  return (
    <div className="vt-two">
      <div className={plain ? 'vt-clip' : 'vt-clip vt-strong'}>{top}</div>
      {bottom ? <div className="vt-clip vt-dim">{bottom}</div> : null}
    </div>
  );
}
