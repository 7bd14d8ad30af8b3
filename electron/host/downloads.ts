// Files the window saves in the desktop app (tờ trình, lists, bundles: a download, which Electron
// hands to the system's save dialog). Left alone, Electron starts that dialog in Downloads every
// time and says nothing when the write fails — on Windows a .docx still open in Word cannot be
// replaced, and the click would seem to do nothing. Here the dialog starts in the folder last
// saved to and offers the file's kind; when a save ends the window is told where the file went,
// with "Mở tệp" / "Mở thư mục", or in Vietnamese why it could not be written. No `electron`
// import: main.ts gives the session and shell; the tests give fakes.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { HOST_CHANNELS, type FileSavedEvent, type OpenSavedResult } from '../../shared/contract/host';
import { writeFileAtomic } from '../services/files/atomic';
import { isAppSender, type IpcEventLike } from './ipc';

export type DownloadState = 'completed' | 'cancelled' | 'interrupted';

export interface SaveDialogOptionsLike {
  title: string;
  defaultPath: string;
  buttonLabel: string;
  filters: Array<{ name: string; extensions: string[] }>;
}

export interface DownloadItemLike {
  getFilename(): string;
  getSavePath(): string;
  setSaveDialogOptions(options: SaveDialogOptionsLike): void;
  once(event: 'done', listener: (event: unknown, state: DownloadState) => void): unknown;
}

export interface WebContentsLike {
  isDestroyed(): boolean;
  send(channel: string, payload: FileSavedEvent): void;
}

export interface SessionLike {
  on(event: 'will-download', listener: (event: unknown, item: DownloadItemLike, webContents: WebContentsLike) => void): unknown;
}

export interface ShellLike {
  /** resolves to '' on success, else the system's error */
  openPath(p: string): Promise<string>;
  showItemInFolder(p: string): void;
}

export const SAVE_FOLDER_FILE = 'save-folder.json';

export const SAVE_TEXT = {
  dialogTitle: 'Lưu tệp',
  dialogButton: 'Lưu',
  allFiles: 'Mọi tệp',
  kinds: {
    docx: 'Văn bản Word (.docx)',
    xlsx: 'Bảng tính Excel (.xlsx)',
    pdf: 'Tệp PDF (.pdf)',
    zip: 'Tệp nén (.zip)',
    tdkt: 'Gói dữ liệu TĐKT (.tdkt)',
    json: 'Dữ liệu (.json)',
    txt: 'Văn bản (.txt)',
  } as Record<string, string>,
  failed: (fileName: string, folder: string) =>
    `Không lưu được tệp "${fileName}"${folder ? ` vào thư mục ${folder}` : ''}. Nếu một tệp cùng tên đang mở (trong Word, Excel…), hãy đóng tệp đó rồi lưu lại, hoặc lưu với tên khác; nếu lưu vào USB, kiểm tra USB còn cắm, còn chỗ trống và không bị khóa ghi.`,
  forbidden: 'Yêu cầu không đến từ cửa sổ của ứng dụng nên bị từ chối.',
  notSaved: 'Chỉ mở được tệp vừa lưu từ ứng dụng trong lần chạy này.',
  gone: (fileName: string) => `Tệp "${fileName}" không còn ở chỗ đã lưu (đã bị xóa, đổi tên, hoặc USB đã rút).`,
  notOpenable: (fileName: string) => `Ứng dụng không mở tệp "${fileName}" (loại tệp này không phải văn bản hay bảng tính). Hãy mở thư mục chứa nó.`,
  openFailed: (fileName: string, reason: string) =>
    `Không mở được tệp "${fileName}" (${reason}). Máy cần có chương trình đọc được loại tệp này (Word, Excel, LibreOffice…).`,
};

/** Kinds the window may open with their program: documents, never anything that runs. */
const OPENABLE = new Set(['docx', 'doc', 'odt', 'xlsx', 'xls', 'ods', 'pdf', 'txt', 'jpg', 'jpeg', 'png']);

const extOf = (fileName: string): string => path.extname(fileName).slice(1).toLowerCase();

/** The dialog's options: the name proposed in `folder`, the file's own kind first. */
export function saveDialogOptions(fileName: string, folder: string): SaveDialogOptionsLike {
  const ext = extOf(fileName);
  const kind = SAVE_TEXT.kinds[ext];
  return {
    title: SAVE_TEXT.dialogTitle,
    defaultPath: path.join(folder, fileName),
    buttonLabel: SAVE_TEXT.dialogButton,
    filters: [...(kind ? [{ name: kind, extensions: [ext] }] : []), { name: SAVE_TEXT.allFiles, extensions: ['*'] }],
  };
}

/** "Mở tệp" / "Mở thư mục" on a file the window has just saved. */
const openSavedInput = z.object({
  path: z.string().min(1).max(4096),
  how: z.enum(['file', 'folder']),
});

const keptFolder = z.object({ folder: z.string().min(1).max(4096) });

/** The folder last saved to, while it is still there (a USB stick pulled since is not). */
export function readSaveFolder(file: string): string | null {
  try {
    const r = keptFolder.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return r.success && fs.statSync(r.data.folder).isDirectory() ? r.data.folder : null;
  } catch {
    return null;
  }
}

/**
 * Watches a session's downloads. `stateFile` keeps the folder last saved to between runs;
 * `fallbackFolder` (the user's Documents) is where the first dialog starts.
 */
export class SavedFiles {
  /** what this run saved: the only files the window may ask to open */
  private readonly saved = new Set<string>();

  constructor(
    private readonly stateFile: string,
    private readonly fallbackFolder: string,
  ) {}

  watch(session: SessionLike): void {
    session.on('will-download', (_event, item, contents) => this.onDownload(item, contents));
  }

  folder(): string {
    return readSaveFolder(this.stateFile) ?? this.fallbackFolder;
  }

  onDownload(item: DownloadItemLike, contents: WebContentsLike): void {
    const fileName = item.getFilename();
    item.setSaveDialogOptions(saveDialogOptions(fileName, this.folder()));
    item.once('done', (_event, state) => {
      const event = this.ended(fileName, item.getSavePath(), state);
      if (event && !contents.isDestroyed()) contents.send(HOST_CHANNELS.fileSaved, event);
    });
  }

  /** What the window is told when a save ends; nothing for a dialog cancelled. */
  ended(fileName: string, savePath: string, state: DownloadState): FileSavedEvent | null {
    if (state === 'cancelled') return null;
    const folder = savePath ? path.dirname(savePath) : '';
    if (state === 'interrupted') return { ok: false, fileName, message: SAVE_TEXT.failed(savePath ? path.basename(savePath) : fileName, folder) };
    this.saved.add(savePath);
    try {
      writeFileAtomic(this.stateFile, new TextEncoder().encode(JSON.stringify({ folder })));
    } catch {
      // the next dialog starts in Documents again: not worth an error
    }
    const name = path.basename(savePath);
    return { ok: true, fileName: name, path: savePath, folder, openable: OPENABLE.has(extOf(name)) };
  }

  /** "Mở tệp" / "Mở thư mục" from the window: only files this run saved, documents only. */
  async open(event: IpcEventLike, input: unknown, shell: ShellLike, rendererIndexUrl: string): Promise<OpenSavedResult> {
    if (!isAppSender(event, rendererIndexUrl)) return { ok: false, message: SAVE_TEXT.forbidden };
    const parsed = openSavedInput.safeParse(input);
    if (!parsed.success || !this.saved.has(parsed.data.path)) return { ok: false, message: SAVE_TEXT.notSaved };
    const { path: file, how } = parsed.data;
    const name = path.basename(file);
    if (!fs.existsSync(file)) return { ok: false, message: SAVE_TEXT.gone(name) };
    if (how === 'folder') {
      shell.showItemInFolder(file);
      return { ok: true };
    }
    if (!OPENABLE.has(extOf(name))) return { ok: false, message: SAVE_TEXT.notOpenable(name) };
    const err = await shell.openPath(file);
    return err ? { ok: false, message: SAVE_TEXT.openFailed(name, err) } : { ok: true };
  }
}
