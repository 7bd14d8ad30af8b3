// Text put on the clipboard for the user to paste elsewhere (an error's details for support).
// The async clipboard API needs a permission the desktop app's window is never granted (every
// permission is denied there), so a copy through a selected text area follows when it fails.
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    const focused = document.activeElement as HTMLElement | null;
    area.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    } finally {
      area.remove();
      focused?.focus();
    }
  }
}
