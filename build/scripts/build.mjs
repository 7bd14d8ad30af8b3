// Builds everything `npm start`, the CLI and the e2e tests run: Node-side bundles with
// esbuild, the renderer with Vite. Output: dist/.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const onlyNode = process.argv.includes('--node-only');

// Eligibility runs kept in a database file are reused only by a build with the same rules
// and the same way of reading the records: a fingerprint of those sources.
const rulesSources = [
  ...fs.readdirSync(path.join(root, 'shared/awards')).filter((f) => f.endsWith('.ts')).sort().map((f) => `shared/awards/${f}`),
  'db/repositories/records.ts',
  'electron/services/records/eligibility.ts',
  'electron/services/records/eligibility-snapshot.ts',
];
const rulesHash = createHash('sha256');
for (const f of rulesSources) rulesHash.update(f).update(fs.readFileSync(path.join(root, f)));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  // native and Electron modules are resolved at run time
  external: ['electron', 'better-sqlite3', 'playwright-core'],
  define: { __APP_VERSION__: JSON.stringify(pkg.version), __RULES_HASH__: JSON.stringify(rulesHash.digest('hex').slice(0, 16)) },
};

const entries = {
  'electron/main': 'electron/main.ts',
  'electron/preload': 'electron/preload.ts',
  'electron/core-worker': 'electron/core/worker.ts',
  'electron/web-main': 'electron/web-main.ts',
  'electron/start': 'electron/start.ts',
  'cli/tdkt': 'electron/cli/tdkt.ts',
  'bench/bench': 'bench/bench.ts',
};

const t0 = Date.now();
await Promise.all(
  Object.entries(entries).map(([out, src]) =>
    esbuild({ ...common, entryPoints: [path.join(root, src)], outfile: path.join(root, 'dist', `${out}.cjs`) }),
  ),
);
if (!onlyNode) {
  await viteBuild({ configFile: path.join(root, 'renderer', 'vite.config.mjs'), logLevel: 'warn' });
}
console.log(`build: dist/ ready in ${Date.now() - t0} ms`);
