// A form in a dialog is not dropped with its typing by a stray Esc, a click beside it or "Hủy":
// the form says what it holds unsaved (useUnsavedForm), the dialog around it (GuardedModal)
// asks before closing, and leaving the screen asks too (useLeaveGuard).
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { Modal, type ModalProps } from '@mantine/core';
import { discardOrAsk, useLeaveGuard } from './leave-guard';

const DialogUnsaved = createContext<{ current: string | null } | null>(null);
/** A dialog opened from inside another (a list pasted into a decision) tells the one around it. */
const InnerDialogs = createContext<((open: boolean) => void) | null>(null);

/**
 * A Modal whose Esc, × and outside click ask first while the form in it holds unsaved edits. One
 * opened inside another takes Esc alone: every open Modal listens for it, and the one around would
 * have closed (or asked about its own form) as well.
 */
export function GuardedModal({ onClose, opened, closeOnEscape = true, ...props }: ModalProps) {
  const unsaved = useRef<string | null>(null);
  const [inner, setInner] = useState(0);
  const outer = useContext(InnerDialogs);
  useEffect(() => {
    if (!outer || !opened) return;
    outer(true);
    return () => outer(false);
  }, [outer, opened]);
  const report = useCallback((open: boolean) => setInner((n) => n + (open ? 1 : -1)), []);
  return (
    <InnerDialogs.Provider value={report}>
      <DialogUnsaved.Provider value={unsaved}>
        <Modal {...props} opened={opened} closeOnEscape={closeOnEscape && inner === 0} onClose={() => discardOrAsk(unsaved.current, onClose)} />
      </DialogUnsaved.Provider>
    </InnerDialogs.Provider>
  );
}

/**
 * A form's edits not yet saved: `message` while `values` differ from those the form opened with
 * (compared as JSON), else null. Registered while set, so the GuardedModal around the form and
 * leaving the screen ask first; `cancel(go)` is the form's "Hủy": go at once, or after asking.
 */
export function useUnsavedForm(values: unknown, message: string): { unsaved: string | null; cancel(go: () => void): void } {
  const [pristine] = useState(() => JSON.stringify(values));
  const unsaved = JSON.stringify(values) === pristine ? null : message;
  useLeaveGuard(unsaved);
  const dialog = useContext(DialogUnsaved);
  useEffect(() => {
    if (!dialog) return;
    dialog.current = unsaved;
    return () => {
      dialog.current = null;
    };
  }, [dialog, unsaved]);
  return { unsaved, cancel: (go) => discardOrAsk(unsaved, go) };
}
