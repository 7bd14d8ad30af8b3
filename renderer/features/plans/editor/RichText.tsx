// A contentEditable line or paragraph holding runs with bold/italic/underline.
// Uncontrolled DOM: the runs are written into the element only when they differ from what
// the element already shows (undo, redo, a reload), so typing never fights React.
import { memo, useLayoutEffect, useRef, type CSSProperties, type KeyboardEvent } from 'react';
import type { PlanRun } from '../../../../shared/plans/model';
import { runsEqual } from '../tree';
import { caretOffset, domToRuns, runsToHtml, setCaret } from './runs-dom';

export interface RichTextProps {
  runs: PlanRun[];
  onChange(runs: PlanRun[]): void;
  /** stable id of the edited node: focus requests and "jump to" find the element by it */
  editId: string;
  placeholder?: string;
  /** paragraphs accept Shift+Enter line breaks; headings stay on one line */
  multiline?: boolean;
  /** Enter (without Shift) */
  onEnter?(): void;
  onKeyDown?(e: KeyboardEvent<HTMLDivElement>): void;
  className?: string;
  style?: CSSProperties;
  ariaLabel?: string;
  testId?: string;
}

/** Apply bold/italic/underline to the selection of the focused editable. */
export function toggleFormat(cmd: 'bold' | 'italic' | 'underline'): void {
  const active = document.activeElement as HTMLElement | null;
  if (!active?.isContentEditable) return;
  // execCommand is the only editing primitive that keeps the browser's own undo-free,
  // selection-preserving formatting; the input event it fires turns the DOM back into runs
  document.execCommand(cmd);
}

function RichTextImpl(props: RichTextProps) {
  const { runs, onChange, editId, placeholder, multiline = false, onEnter, onKeyDown, className, style, ariaLabel, testId } = props;
  const ref = useRef<HTMLDivElement>(null);
  const shown = useRef<PlanRun[] | null>(null);
  const composing = useRef(false);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || composing.current) return;
    if (shown.current && runsEqual(shown.current, runs)) return;
    const focused = document.activeElement === el;
    const offset = focused ? caretOffset(el) : null;
    el.innerHTML = runsToHtml(runs);
    shown.current = runs;
    if (focused) setCaret(el, offset);
  }, [runs]);

  const emit = () => {
    const el = ref.current;
    if (!el) return;
    const next = domToRuns(el, multiline);
    // an emptied editable keeps a stray <br>: clear it so the placeholder shows
    if (next.length === 0 && el.innerHTML !== '') el.innerHTML = '';
    shown.current = next;
    onChange(next);
  };

  const keyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const mod = e.ctrlKey || e.metaKey;
    if (mod && !e.altKey && !e.shiftKey) {
      const k = e.key.toLowerCase();
      if (k === 'b' || k === 'i' || k === 'u') {
        e.preventDefault();
        toggleFormat(k === 'b' ? 'bold' : k === 'i' ? 'italic' : 'underline');
        return;
      }
    }
    onKeyDown?.(e);
    if (e.defaultPrevented) return;
    if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
      if (e.shiftKey && multiline) return;
      e.preventDefault();
      onEnter?.();
    }
  };

  return (
    <div
      ref={ref}
      className={['plan-rich', className].filter(Boolean).join(' ')}
      style={style}
      contentEditable
      suppressContentEditableWarning
      role="textbox"
      aria-multiline={multiline}
      aria-label={ariaLabel ?? placeholder}
      data-placeholder={placeholder}
      data-edit-id={editId}
      data-testid={testId}
      spellCheck={false}
      onInput={() => {
        if (!composing.current) emit();
      }}
      onCompositionStart={() => {
        composing.current = true;
      }}
      onCompositionEnd={() => {
        composing.current = false;
        emit();
      }}
      onKeyDown={keyDown}
      onPaste={(e) => {
        // plain text only: formatting and markup from other programs never enter the plan
        e.preventDefault();
        let text = e.clipboardData.getData('text/plain').replace(/\r\n?/g, '\n');
        if (!multiline) text = text.replace(/\s*\n\s*/g, ' ');
        document.execCommand('insertText', false, text);
      }}
      onDrop={(e) => {
        // dropped text would carry foreign markup; sections dropped here are handled by the row
        if (!e.dataTransfer.types.includes('text/plain') || e.dataTransfer.types.includes(SECTION_MIME)) return;
        e.preventDefault();
      }}
    />
  );
}

export const SECTION_MIME = 'application/x-tdkt-section';

export const RichText = memo(RichTextImpl);
