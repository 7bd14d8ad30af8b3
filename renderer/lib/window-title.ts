// The window's title names what is open (a plan in the editor, a dossier), not only the screen:
// with several plans drafted in a year, the taskbar and Alt+Tab tell which one is being edited.
import { useEffect } from 'react';
import { create } from 'zustand';

export const useWindowSubject = create<{ subject: string | null }>(() => ({ subject: null }));

/** While mounted, the window's title names `subject` (cut to 80 characters) instead of the screen. */
export function useWindowTitle(subject: string | null): void {
  useEffect(() => {
    const s = subject?.trim() || null;
    useWindowSubject.setState({ subject: s && s.length > 80 ? `${s.slice(0, 79)}…` : s });
    return () => useWindowSubject.setState({ subject: null });
  }, [subject]);
}
