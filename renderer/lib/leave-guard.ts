// Unsaved work is not lost to a wrong click: a screen or dialog holding edits not yet saved
// registers what would be lost (useLeaveGuard); leaving it — another screen, F1, the quick
// search, the browser's back button, closing the window — asks first.
import { useEffect } from 'react';
import { modals } from '@mantine/modals';
import { create } from 'zustand';

export const LEAVE = {
  title: 'Có thay đổi chưa lưu',
  lost: 'Nếu rời đi bây giờ, các thay đổi này sẽ mất.',
  discard: 'Bỏ thay đổi',
  stay: 'Ở lại',
} as const;

const pending = new Map<symbol, string>();
/** pending's lines, for the question and for screens that show them (a dossier's "save first" banner). */
const useLines = create<{ lines: string[] }>(() => ({ lines: [] }));
const publish = () => useLines.setState({ lines: [...pending.values()] });

/** What would be lost by leaving now (one line per screen or dialog holding unsaved edits). */
export function unsavedWork(): string[] {
  return useLines.getState().lines;
}

/** unsavedWork as a hook: the screen re-renders as edits are made or saved. */
export function useUnsavedWork(): string[] {
  return useLines((s) => s.lines);
}

/** While `message` is set (the edits not saved), leaving asks; null when nothing is at stake. */
export function useLeaveGuard(message: string | null): void {
  useEffect(() => {
    if (!message) return;
    const key = Symbol('unsaved');
    pending.set(key, message);
    publish();
    return () => {
      pending.delete(key);
      publish();
    };
  }, [message]);
}

function ask(lines: string[], go: () => void): void {
  modals.openConfirmModal({
    title: LEAVE.title,
    children: [...lines, LEAVE.lost].join(' '),
    labels: { confirm: LEAVE.discard, cancel: LEAVE.stay },
    confirmProps: { color: 'red', 'data-testid': 'leave-discard' } as never,
    cancelProps: { 'data-testid': 'leave-stay' } as never,
    onConfirm: go,
  });
}

/** Leave the screen (go) at once, or after asking when anything registered is unsaved. */
export function leaveOrAsk(go: () => void): void {
  const lines = unsavedWork();
  if (lines.length === 0) go();
  else ask(lines, go);
}

/** Close one dialog or drop one set of edits (go), asking when `message` says something is unsaved. */
export function discardOrAsk(message: string | null, go: () => void): void {
  if (!message) go();
  else ask([message], go);
}

// closing the window or reloading: the browser's own question (Electron's main asks in Vietnamese)
window.addEventListener('beforeunload', (e) => {
  if (unsavedWork().length === 0) return;
  e.preventDefault();
  e.returnValue = '';
});
