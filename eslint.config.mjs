// Lint: TypeScript rules plus the layer boundaries of ARCHITECTURE.md, so a wrong import
// fails `npm test`. typescript-eslint needs TypeScript's JS compiler API, which
// TypeScript 7 (the native compiler) does not have — hence typescript ~5.9 in package.json.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = ['fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'http', 'net', 'url', 'util', 'stream', 'zlib'];
const nodeOnly = [
  { group: ['node:*'], message: 'This layer must not use Node APIs.' },
  ...nodeBuiltins.map((m) => ({ group: [m], message: 'This layer must not use Node APIs.' })),
  { group: ['better-sqlite3', 'kysely', 'exceljs', 'docx'], message: 'Node-side libraries belong to db/ or electron/.' },
];
// a path entry matches the bare package only (a pattern would also match ../electron/… folders)
const noElectron = { name: 'electron', message: 'Only electron/main.ts and electron/preload.ts import electron.' };
const layer = (name) => ({ group: [`**/${name}/*`, `**/${name}`], message: `This layer must not import from ${name}/.` });

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'build/native/**', '**/*.d.ts'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-imports': ['error', { paths: [noElectron] }],
    },
  },
  {
    // CommonJS launchers and build scripts
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // resolved at run time: Electron's version and the native-module builder exist only where Electron is installed
    files: ['electron/start.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: [...nodeOnly, { group: ['react', 'react-dom', '@mantine/*'], message: 'shared/ is UI-free.' }, layer('db'), layer('electron'), layer('renderer')] }],
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: [layer('electron'), layer('renderer')] }] },
  },
  {
    // a hook called after an early return or in a branch breaks React's state at run time;
    // exhaustive-deps is not on: 14 effects run on purpose on fewer values than they read
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: [...nodeOnly, layer('db'), layer('electron')] }] },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: [layer('renderer')] }] },
  },
  {
    files: ['electron/main.ts', 'electron/preload.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [layer('renderer')] }] },
  },
);
