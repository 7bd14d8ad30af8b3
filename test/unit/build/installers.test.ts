// The installer set-up cannot be built here (electron-builder downloads Electron and its
// packaging tools), so it is checked as far as it can be offline: electron-builder's own
// schema validates electron-builder.yml, and the release workflow says what the README says.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { BUNDLE_EXT } from '../../../electron/host/open-files';

const ROOT = path.resolve(__dirname, '../../..');
const CONFIG = path.join(ROOT, 'electron-builder.yml');

// electron-builder's config loader and validator (app-builder-lib, its dependency)
const fromBuilder = createRequire(require.resolve('electron-builder/package.json', { paths: [ROOT] }));
const { getConfig, validateConfiguration } = fromBuilder('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string, fromOptions: null): Promise<Record<string, unknown>>;
  validateConfiguration(config: Record<string, unknown>, logger: unknown): Promise<void>;
};
const { DebugLogger } = fromBuilder('builder-util/out/DebugLogger.js') as { DebugLogger: new (enabled: boolean) => unknown };

async function validate(file: string): Promise<Record<string, unknown>> {
  const config = await getConfig(ROOT, file, null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

interface Target {
  target: string;
  arch?: string[];
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema, and a misspelt option does not', async () => {
    await expect(validate(CONFIG)).resolves.toBeTruthy();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-eb-'));
    try {
      const bad = path.join(dir, 'bad.yml');
      fs.writeFileSync(bad, fs.readFileSync(CONFIG, 'utf8').replace('asarUnpack:', 'asarUnpak:'));
      await expect(validate(bad)).rejects.toThrow(/asarUnpak/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('builds Windows NSIS x64 and portable, Linux AppImage and deb, with better-sqlite3 rebuilt and unpacked', () => {
    const c = yaml.load(fs.readFileSync(CONFIG, 'utf8')) as {
      asarUnpack: string[];
      npmRebuild: boolean;
      extraMetadata: { main: string };
      win: { icon: string; target: Target[] };
      linux: { icon: string; target: string[] };
      deb: { recommends: string[] };
      fileAssociations: Array<{ ext: string; mimeType: string }>;
    };
    expect(c.win.target).toEqual([
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ]);
    expect(c.linux.target).toEqual(['AppImage', 'deb']);
    // the native module is rebuilt for Electron's ABI and kept outside the asar archive
    expect(c.npmRebuild).toBe(true);
    expect(c.asarUnpack).toContain('node_modules/better-sqlite3/**/*');
    // the entry point is what the build writes
    expect(c.extraMetadata.main).toBe('dist/electron/main.cjs');
    expect(fs.readFileSync(path.join(ROOT, 'build/scripts/build.mjs'), 'utf8')).toContain("'electron/main': 'electron/main.ts'");
    expect(c.deb.recommends).toContain('fonts-liberation2');
    // bundles open from Explorer: the extension the exchange writes and the host reads
    expect(c.fileAssociations).toEqual([expect.objectContaining({ ext: BUNDLE_EXT.slice(1), mimeType: 'application/x-tdkt-bundle' })]);
    for (const icon of [c.win.icon, c.linux.icon]) {
      const png = fs.readFileSync(path.join(ROOT, icon));
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      // IHDR: width and height (electron-builder wants at least 256 × 256 for Windows)
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    }
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.dist).toMatch(/npm run build && electron-builder --config electron-builder\.yml/);
  });
});

describe('.github/workflows/release.yml', () => {
  const wf = yaml.load(fs.readFileSync(path.join(ROOT, '.github/workflows/release.yml'), 'utf8')) as {
    on: { push: { tags: string[] }; workflow_dispatch: unknown };
    jobs: Record<string, { 'runs-on': string; strategy: { matrix: { os: string[] } }; steps: Array<{ uses?: string; run?: string; with?: Record<string, string> }> }>;
  };
  const job = Object.values(wf.jobs)[0]!;

  it('runs on a version tag, or by hand, on Windows and Linux runners', () => {
    expect(wf.on.push.tags).toEqual(['v*']);
    expect('workflow_dispatch' in wf.on).toBe(true);
    expect(job['runs-on']).toBe('${{ matrix.os }}');
    expect(job.strategy.matrix.os).toEqual(['windows-latest', 'ubuntu-latest']);
  });

  it('installs, builds the installers without publishing and uploads them', () => {
    const runs = job.steps.map((s) => s.run).filter(Boolean);
    expect(runs).toEqual(['npm ci', 'npm run dist -- --publish never']);
    const upload = job.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
    expect(upload.with!.path!.split('\n').filter(Boolean)).toEqual(['release/*.exe', 'release/*.AppImage', 'release/*.deb']);
    expect(upload.with!['if-no-files-found']).toBe('error');
    // every action pinned to a major version
    for (const s of job.steps.filter((x) => x.uses)) expect(s.uses).toMatch(/^actions\/[a-z-]+@v\d+$/);
  });
});
