#!/usr/bin/env node
// Thin launcher for the bundled CLI (built by `npm run build`, which `npm install` runs).
const path = require('node:path');
const fs = require('node:fs');
const cli = path.join(__dirname, '..', 'dist', 'cli', 'tdkt.cjs');
if (!fs.existsSync(cli)) {
  console.error('Chưa build ứng dụng. Hãy chạy: npm run build');
  process.exit(2);
}
require(cli).main();
