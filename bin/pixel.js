#!/usr/bin/env node
// The shim only starts the built program; everything else lives in src/.
import '../dist/main.js';
