// `npm start` rebuilds better-sqlite3 for Electron from a copy of its package, leaving out the
// package's own build/ (the Node build). The copy must not depend on where the project lies.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';

const { copyFilter } = createRequire(__filename)('../../../build/scripts/electron-native.cjs') as {
  copyFilter(src: string): (p: string) => boolean;
};

describe('the copy of better-sqlite3 rebuilt for Electron', () => {
  let dir = '';
  afterEach(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('takes the sources and leaves the Node build out, also under a folder named build', () => {
    // D:\build\tdkt\node_modules\better-sqlite3, as a user may have cloned it
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-native-'));
    const src = path.join(dir, 'build', 'tdkt', 'node_modules', 'better-sqlite3');
    for (const f of ['package.json', 'binding.gyp', 'src/better_sqlite3.cpp', 'deps/sqlite3/sqlite3.c', 'lib/index.js', 'build/Release/better_sqlite3.node']) {
      fs.mkdirSync(path.dirname(path.join(src, f)), { recursive: true });
      fs.writeFileSync(path.join(src, f), 'x');
    }
    const work = path.join(dir, 'work');
    fs.cpSync(src, work, { recursive: true, filter: copyFilter(src) });
    const copied = (fs.readdirSync(work, { recursive: true }) as string[]).map((f) => f.split(path.sep).join('/')).sort();
    expect(copied).toEqual(expect.arrayContaining(['binding.gyp', 'deps/sqlite3/sqlite3.c', 'lib/index.js', 'package.json', 'src/better_sqlite3.cpp']));
    expect(copied.some((f) => f.startsWith('build'))).toBe(false);
  });
});
