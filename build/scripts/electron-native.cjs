// Builds better-sqlite3 for Electron's ABI into build/native/electron-<version>/, leaving
// node_modules' Node build (used by tests and the CLI) untouched. Called by `npm start`
// when Electron is installed; needs internet once (Electron headers or a prebuilt binary).
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

function electronNativePath(root, electronVersion) {
  return path.join(root, 'build', 'native', `electron-${electronVersion}`, 'better_sqlite3.node');
}

/**
 * Which files of better-sqlite3's package to copy for the rebuild: all but its own build/ (the
 * Node build), judged on the path inside the package — the folder above may itself be named
 * build (D:\\build\\tdkt\\…), which excluded everything.
 */
function copyFilter(src) {
  return (p) => path.relative(src, p).split(path.sep)[0] !== 'build';
}

function buildElectronNative(root, electronVersion) {
  const out = electronNativePath(root, electronVersion);
  if (fs.existsSync(out)) return out;
  const src = path.dirname(require.resolve('better-sqlite3/package.json', { paths: [root] }));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-native-'));
  try {
    fs.cpSync(src, work, { recursive: true, filter: copyFilter(src) });
    const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
    const common = { cwd: work, stdio: 'inherit', shell: process.platform === 'win32' };
    try {
      execFileSync(npx, ['--yes', 'prebuild-install', '--runtime', 'electron', '--target', electronVersion], common);
    } catch {
      execFileSync(npx, ['--yes', 'node-gyp', 'rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers'], common);
    }
    const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const tmp = `${out}.tmp`;
    fs.copyFileSync(built, tmp);
    fs.renameSync(tmp, out);
    return out;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

module.exports = { buildElectronNative, electronNativePath, copyFilter };

if (require.main === module) {
  const version = process.argv[2] || require('electron/package.json').version;
  console.log(buildElectronNative(path.resolve(__dirname, '..', '..'), version));
}
