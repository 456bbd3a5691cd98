#!/usr/bin/env node
// The `nabla` command: runs the compiled CLI in dist/ (built by `npm run build`, which `npm ci`
// and `npm install` run through the prepare script).
let cli;
try {
  cli = await import('../dist/cli/main.js');
} catch (err) {
  if (err?.code !== 'ERR_MODULE_NOT_FOUND' || !String(err.message).includes('dist')) throw err;
  process.stderr.write('nabla: dist/ is not built; run `npm run build` in the package folder (npm ci does it through prepare)\n');
  process.exit(1);
}
process.exitCode = await cli.main(process.argv.slice(2));
