#!/usr/bin/env node
// The shim starts the built program (dist/main.js); everything else lives in src/.
// It is CommonJS (bin/package.json), as dist/ is: see README, "Start-up".
'use strict';
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // Answered here, before any of pixel loads: the version is all that was asked. writeSync
  // also spares setting up process.stdout, which costs more than reading package.json.
  const { readFileSync, writeSync } = require('node:fs');
  const { version } = JSON.parse(readFileSync(`${__dirname}/../package.json`, 'utf8'));
  writeSync(1, `${version}\n`);
} else {
  require('../dist/main.js');
}
