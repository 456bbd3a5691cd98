#!/usr/bin/env node
// The `nabla` command: runs the compiled CLI (dist/, built by `npm run build`, which `npm ci` runs
// through the prepare script).
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
