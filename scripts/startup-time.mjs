#!/usr/bin/env node
// Time from starting a command to its first line of output, for the ways of starting `nabla`:
// `npx nabla`, `npx --no-install nabla`, `node bin/nabla.js`. Each is run --runs times in turn;
// the median and the range are printed with the load average before and after, since on a
// shared machine the load decides most of the number. Usage (in the package folder, after
// `npm ci`): node scripts/startup-time.mjs [--runs 5] [--args "train --epochs 1 --out /tmp/s{run}"]
// ({run} becomes a number per start, so runs do not share an --out folder).
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const runs = Number(option('--runs', '5'));
const args = option('--args', '--version').split(' ').filter(Boolean);
const ways = [
  ['npx nabla', 'npx', ['nabla']],
  ['npx --no-install nabla', 'npx', ['--no-install', 'nabla']],
  ['node bin/nabla.js', process.execPath, ['bin/nabla.js']],
];
let started = 0;

/** Seconds until the command's first line on stdout (the command is then stopped). */
function firstLine(command, commandArgs) {
  return new Promise((resolve, reject) => {
    const began = process.hrtime.bigint();
    // Its own process group, so that stopping it stops what npx started too.
    const child = spawn(command, commandArgs, { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
    let done = false;
    child.stdout.on('data', (chunk) => {
      if (done || !String(chunk).includes('\n')) return;
      done = true;
      resolve(Number(process.hrtime.bigint() - began) / 1e9);
      process.kill(-child.pid, 'SIGTERM');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal) return;
      if (!done) reject(new Error(`${command} ${commandArgs.join(' ')} exited with ${code} before printing a line`));
    });
  });
}

const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
console.log(`first line of \`nabla ${args.join(' ')}\`, ${runs} runs each, interleaved; load average (1, 5, 15 min) before: ${load()}`);
const times = new Map(ways.map(([name]) => [name, []]));
for (let r = 0; r < runs; r++) {
  for (const [name, command, commandArgs] of ways) {
    const run = String(started++);
    times.get(name).push(await firstLine(command, [...commandArgs, ...args.map((a) => a.replaceAll('{run}', run))]));
  }
}
for (const [name, t] of times) {
  const sorted = [...t].sort((a, b) => a - b);
  console.log(`${name.padEnd(24)} median ${sorted[Math.floor(sorted.length / 2)].toFixed(2)} s  (min ${sorted[0].toFixed(2)}, max ${sorted.at(-1).toFixed(2)})`);
}
console.log(`load average after: ${load()}`);
