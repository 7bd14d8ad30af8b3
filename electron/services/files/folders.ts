// Folder browsing for "choose a folder" (backups, bundles, dossier exports): the browser host
// cannot show the system's folder dialog, so the core lists folders and the renderer shows
// them. Only folder names are listed — no files, no hidden folders.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../../shared/contract/errors';
import { compareVi } from '../../../shared/text/vn';

export interface FolderEntry {
  name: string;
  path: string;
}
export interface FolderRoot {
  label: string;
  path: string;
  kind: 'home' | 'drive' | 'removable';
}
export interface FolderListing {
  path: string;
  parent: string | null;
  folders: FolderEntry[];
  roots: FolderRoot[];
  writable: boolean;
}

const MAX_FOLDERS = 2000;

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function subdirs(p: string): string[] {
  try {
    return fs
      .readdirSync(p, { withFileTypes: true })
      .filter((d) => d.isDirectory() && !d.name.startsWith('.') && !d.name.startsWith('$'))
      .map((d) => path.join(p, d.name));
  } catch {
    return [];
  }
}

/** Where a user usually saves: home, Desktop/Documents, USB sticks and other drives. */
export function folderRoots(platform: NodeJS.Platform = process.platform, home = os.homedir()): FolderRoot[] {
  const roots: FolderRoot[] = [];
  const add = (label: string, p: string, kind: FolderRoot['kind']) => {
    if (isDir(p) && !roots.some((r) => r.path === p)) roots.push({ label, path: p, kind });
  };
  add('Thư mục cá nhân', home, 'home');
  add('Màn hình nền (Desktop)', path.join(home, 'Desktop'), 'home');
  add('Tài liệu (Documents)', path.join(home, 'Documents'), 'home');
  if (platform === 'win32') {
    for (let c = 65; c <= 90; c++) {
      const drive = `${String.fromCharCode(c)}:\\`;
      add(`Ổ đĩa ${drive}`, drive, 'drive');
    }
  } else if (platform === 'darwin') {
    for (const v of subdirs('/Volumes')) add(path.basename(v), v, 'removable');
  } else {
    const user = os.userInfo().username;
    for (const base of [`/media/${user}`, `/run/media/${user}`, '/media', '/mnt']) {
      for (const v of subdirs(base)) if (v !== `/media/${user}` && v !== `/run/media/${user}`) add(`USB / ổ đĩa: ${path.basename(v)}`, v, 'removable');
    }
    add('Gốc hệ thống (/)', '/', 'drive');
  }
  return roots;
}

function canWrite(p: string): boolean {
  try {
    fs.accessSync(p, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The sub-folders of `dir` (home when null), sorted in Vietnamese order. */
export function listFolders(dir: string | null, roots: FolderRoot[] = folderRoots()): FolderListing {
  const target = path.resolve(dir && dir.trim() ? dir.trim() : os.homedir());
  if (!isDir(target)) {
    throw new AppError('NOT_FOUND', `Không mở được thư mục "${target}": thư mục không tồn tại hoặc đã bị tháo ra (USB). Hãy chọn thư mục khác.`);
  }
  let names: fs.Dirent[];
  try {
    names = fs.readdirSync(target, { withFileTypes: true });
  } catch {
    throw new AppError('FILE_INVALID', `Không đọc được thư mục "${target}" (không có quyền truy cập). Hãy chọn thư mục khác.`);
  }
  const folders = names
    .filter((d) => !d.name.startsWith('.') && !d.name.startsWith('$') && (d.isDirectory() || (d.isSymbolicLink() && isDir(path.join(target, d.name)))))
    .map((d) => ({ name: d.name.normalize('NFC'), path: path.join(target, d.name) }))
    .sort((a, b) => compareVi(a.name, b.name))
    .slice(0, MAX_FOLDERS);
  const parent = path.dirname(target);
  return { path: target, parent: parent === target ? null : parent, folders, roots, writable: canWrite(target) };
}
