// SPDX-License-Identifier: MIT
// `npm run bench`: the standard workloads (bench/workloads.ts) for Nabla (ref, wasm on 1 thread,
// wasm on all threads) and, in the same run, TensorFlow.js (cpu, wasm) and PyTorch (when
// /usr/bin/python3 imports torch) at the same thread counts. Each engine × workload runs in a
// fresh process, so peak RSS is per workload. Prints medians with min–max and Nabla's ratio to
// every peer, and writes bench/results/latest.json.
//   npm run bench [-- --quick] [--only W2[,G1...]] [--engines nabla-wasm-1t,torch-1t] [--out file.json]
//                 [--rounds R] [--baseline DIR]
// After them, I1 (bench/imported.ts): torchvision's resnet18 and mobilenet_v2 imported from ONNX,
// against ONNX Runtime Web and PyTorch, and I2, the fine-tuning step of four of them against PyTorch's
// (--only I1 or I2 runs one alone; an --only list without them skips them).
// --rounds R runs every engine R times per workload, interleaved (A B C A B C …), and keeps each
// engine's best round: on a shared machine whose load comes and goes, every engine then meets the
// same spells of load, and the best round is the nearest to its unloaded speed.
// --baseline DIR adds engines base-wasm-<t>t: Nabla as checked out in DIR (another commit),
// measured in the same run, for before/after tables.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runImported } from './imported.js';
import { WORKLOADS, workloadKey, type Measurement, type Workload } from './workloads.js';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
function option(name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}
const quick = args.includes('--quick');
const only = option('--only')?.split(',');
const threads = availableParallelism();
// The results as JSON and a Markdown table beside it (a path without .json gets it appended, so
// the table never overwrites the JSON).
const outArg = option('--out') ?? join(here, 'results', 'latest.json');
const outPath = outArg.endsWith('.json') ? outArg : `${outArg}.json`;
const PYTHON = '/usr/bin/python3';
/** A peer slower than this on one workload is stopped and reported as timed out. */
const CHILD_TIMEOUT_MS = quick ? 30_000 : 60_000;

const hasTorch = spawnSync(PYTHON, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0;
const threadCounts = threads > 1 ? [1, threads] : [1];
const allEngines = [
  'nabla-ref',
  ...threadCounts.map((t) => `nabla-wasm-${t}t`),
  'tfjs-cpu',
  ...threadCounts.map((t) => `tfjs-wasm-${t}t`),
  ...(hasTorch ? threadCounts.map((t) => `torch-${t}t`) : []),
];
const rounds = Math.max(1, Number(option('--rounds') ?? 1));
const baseline = option('--baseline');
const engines = [...(option('--engines')?.split(',') ?? allEngines),
  ...(baseline ? threadCounts.map((t) => `base-wasm-${t}t`) : [])];
const workloads = WORKLOADS.filter((w) => !only || only.includes(w.id) || only.includes(workloadKey(w)));

/** The child's environment: PyTorch runs with OpenBLAS's own CPU detection (no overrides). */
function childEnv(engine: string): NodeJS.ProcessEnv {
  const env = { ...process.env };
  if (engine.startsWith('torch')) {
    delete env.OPENBLAS_CORETYPE;
    delete env.OPENBLAS_L2_SIZE;
  }
  return env;
}

function runOne(engine: string, w: Workload): Measurement {
  const key = workloadKey(w);
  const torch = /^torch-(\d+)t$/.exec(engine);
  const command = torch ? PYTHON : process.execPath;
  const base = /^base-(wasm-\d+t)$/.exec(engine);
  const childArgs = torch
    ? [join(here, 'torch_bench.py'), key, torch[1]]
    : base
      ? ['--import', 'tsx', join(baseline!, 'bench', 'child.ts'), `nabla-${base[1]}`, key]
      : ['--import', 'tsx', join(here, 'child.ts'), engine, key];
  if (quick) childArgs.push('--quick');
  const result = spawnSync(command, childArgs, { env: childEnv(engine), encoding: 'utf8', timeout: CHILD_TIMEOUT_MS });
  const line = result.stdout?.split('\n').reverse().find((l) => l.startsWith('{'));
  if (line) return { ...(JSON.parse(line) as Measurement), engine };
  const why = result.error ? `timed out after ${CHILD_TIMEOUT_MS / 1000} s` : (result.stderr ?? '').trim().split('\n').pop();
  return { engine, workload: key, unit: w.unit, rates: [], median: NaN, min: NaN, max: NaN, peakRssBytes: 0, unsupported: why };
}

function format(x: number): string {
  if (!Number.isFinite(x)) return '–';
  return x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
}

function cell(m: Measurement): string {
  if (m.unsupported) return 'n/a';
  return `${format(m.median)} [${format(m.min)}–${format(m.max)}]`;
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]): string => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  for (const r of rows) console.log(line(r));
}

/** The CPU's model name and vector extensions from /proc/cpuinfo (where the OS has one). */
function cpuInfo(): { model: string; vector: string[] } {
  const text = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /^model name\s*:\s*(.+)$/m.exec(text)?.[1] ?? cpus()[0]?.model ?? 'CPU';
  const flags = (/^(?:flags|Features)\s*:\s*(.+)$/m.exec(text)?.[1] ?? '').split(/\s+/);
  const vector = flags.filter((f) => /^(sse4_2|avx|avx2|fma|avx512f|avx512bw|avx512vl|avx512_fp16|amx_\w+|asimd|sve\d*|neon)$/.test(f));
  return { model, vector };
}
const cpu = cpuInfo();
/** Widest vector registers the flags promise, in bits. */
const vectorBits = cpu.vector.includes('avx512f') ? 512 : cpu.vector.includes('avx') ? 256 : cpu.vector.some((f) => /sse|asimd|neon/.test(f)) ? 128 : 0;
const cpuLine = `${cpu.model} (${vectorBits ? `${vectorBits}-bit vectors: ` : ''}${cpu.vector.join(' ') || 'no flags read'})`;
// In a process of its own: the compiler it loads would otherwise swell this process, and a child's
// peak RSS starts from its parent's (Linux keeps ru_maxrss across fork and exec).
function measurePeak(): { relaxed: boolean; gflops: number } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(here, 'peak-fma.ts'), '--json'], { encoding: 'utf8' });
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as { relaxed: boolean; gflops: number };
}
const { relaxed, gflops: peakAtStart } = measurePeak();
let peakPerThread = peakAtStart;
console.log(`peak-fma: ${peakPerThread.toFixed(1)} GFLOP/s per thread (${relaxed ? 'relaxed_madd' : 'mul + add'})`);

const loadBefore = loadavg()[0];
console.log(`nabla bench: ${cpuLine}, ${threads} threads, Node ${process.versions.node}, ` +
  `load average ${loadBefore.toFixed(1)} (other processes share these cores: a high load makes numbers noisy)` +
  `${quick ? ', quick' : ''}; engines: ${engines.join(', ')}${hasTorch ? '' : ' (no torch at ' + PYTHON + ')'}`);
const results: Measurement[] = [];
/** Each engine × workload's round medians, in round order (with --rounds). */
const roundMedians: Record<string, number[]> = {};
for (const w of workloads) {
  const best = new Map<string, Measurement>();
  for (let round = 0; round < rounds; round++) {
    for (const engine of engines) {
      const m = runOne(engine, w);
      (roundMedians[`${engine} ${workloadKey(w)}`] ??= []).push(m.median);
      const kept = best.get(engine);
      if (!kept || (!m.unsupported && !(m.median <= kept.median))) best.set(engine, m);
      const detail = m.unsupported ? `n/a: ${m.unsupported}` : `${cell(m)} ${w.unit}`;
      console.log(`  ${w.label.padEnd(40)} ${engine.padEnd(14)} ${detail}, peak RSS ${(m.peakRssBytes / 2 ** 20).toFixed(0)} MiB` +
        `${rounds > 1 ? ` (round ${round + 1}, load ${loadavg()[0].toFixed(1)})` : ''}`);
    }
  }
  results.push(...engines.map((e) => best.get(e)!));
}

// Measured again at the end (the best of the two counts): a loaded core lowers it as it lowers the rest.
peakPerThread = Math.max(peakPerThread, measurePeak().gflops);
console.log(`peak-fma at the end: best ${peakPerThread.toFixed(1)} GFLOP/s per thread`);

const find = (engine: string, w: Workload): Measurement | undefined =>
  results.find((m) => m.engine === engine && m.workload === workloadKey(w));

console.log('\nMedian [min–max] (GFLOP/s for G1, samples/s otherwise):');
printTable(['workload', ...engines], workloads.map((w) => [workloadKey(w), ...engines.map((e) => cell(find(e, w)!))]));

console.log('\nPeak RSS per workload, MiB:');
printTable(['workload', ...engines], workloads.map((w) => [workloadKey(w),
  ...engines.map((e) => { const m = find(e, w)!; return m.peakRssBytes ? (m.peakRssBytes / 2 ** 20).toFixed(0) : '–'; })]));

const nablaEngines = engines.filter((e) => /^(nabla|base)-wasm/.test(e));
const peers = engines.filter((e) => !/^(nabla|base)-/.test(e));
const ratios: Record<string, Record<string, Record<string, number | null>>> = {};
for (const ours of nablaEngines) {
  console.log(`\n${ours} ÷ peer (medians; > 1 means Nabla is faster):`);
  ratios[ours] = {};
  const rows = workloads.map((w) => {
    const mine = find(ours, w)!;
    ratios[ours][workloadKey(w)] = {};
    return [workloadKey(w), ...peers.map((p) => {
      const theirs = find(p, w)!;
      const ratio = mine.unsupported || theirs.unsupported ? null : mine.median / theirs.median;
      ratios[ours][workloadKey(w)][p] = ratio;
      return ratio === null ? 'n/a' : `${ratio.toFixed(2)}×`;
    })];
  });
  printTable(['workload', ...peers], rows);
}

/** The same tables as Markdown, for docs/performance.md. */
function markdown(): string {
  const lines = [`Run ${new Date().toISOString()}: ${cpuLine}, ${threads} threads, Node ${process.versions.node}, ` +
    `load average ${loadBefore.toFixed(1)} before and ${loadavg()[0].toFixed(1)} after${quick ? ', --quick' : ''}` +
    `${rounds > 1 ? `, best of ${rounds} interleaved rounds` : ''}${baseline ? `, base-wasm = Nabla in ${baseline}` : ''}.`, '',
    `WebAssembly SIMD peak (bench/peak-fma.ts, same run): ${peakPerThread.toFixed(1)} GFLOP/s per thread.`, '',
    'Median [min–max]; GFLOP/s for G1, training or inference samples/s for W1–W6.', '',
    `| workload | ${engines.join(' | ')} |`, `|---|${engines.map(() => '---|').join('')}`];
  for (const w of workloads) lines.push(`| ${workloadKey(w)} | ${engines.map((e) => cell(find(e, w)!)).join(' | ')} |`);
  lines.push('', 'Peak RSS per workload (MiB):', '', `| workload | ${engines.join(' | ')} |`, `|---|${engines.map(() => '---|').join('')}`);
  for (const w of workloads) {
    lines.push(`| ${workloadKey(w)} | ${engines.map((e) => { const m = find(e, w)!; return m.peakRssBytes ? (m.peakRssBytes / 2 ** 20).toFixed(0) : '–'; }).join(' | ')} |`);
  }
  for (const ours of nablaEngines) {
    lines.push('', `${ours} ÷ peer (medians; > 1: Nabla faster):`, '', `| workload | ${peers.join(' | ')} |`, `|---|${peers.map(() => '---|').join('')}`);
    for (const w of workloads) {
      lines.push(`| ${workloadKey(w)} | ${peers.map((p) => { const r = ratios[ours][workloadKey(w)][p]; return r === null ? 'n/a' : `${r.toFixed(2)}×`; }).join(' | ')} |`);
    }
  }
  lines.push('', 'GEMM as a share of the SIMD peak × threads (medians):', '');
  for (const w of workloads.filter((x) => x.id === 'G1')) {
    lines.push(`- ${workloadKey(w)}: ${nablaEngines.map((e) => `${e} ${(100 * find(e, w)!.median / (peakPerThread * Number(/(\d+)t$/.exec(e)![1]))).toFixed(0)}%`).join(', ')}`);
  }
  lines.push('', 'Peak RSS, nabla ÷ torch at the same threads:', '');
  for (const w of workloads) {
    lines.push(`- ${workloadKey(w)}: ${nablaEngines.map((e) => {
      const t = find(e.replace(/^(nabla|base)-wasm/, 'torch'), w);
      const m = find(e, w)!;
      return t?.peakRssBytes && m.peakRssBytes ? `${e} ${(m.peakRssBytes / t.peakRssBytes).toFixed(2)}×` : `${e} –`;
    }).join(', ')}`);
  }
  const unsupported = results.filter((m) => m.unsupported).map((m) => `- ${m.engine} ${m.workload}: ${m.unsupported}`);
  if (unsupported.length) lines.push('', 'n/a:', '', ...new Set(unsupported));
  return lines.join('\n') + '\n';
}

mkdirSync(dirname(outPath), { recursive: true });
writeFileSync(outPath.replace(/\.json$/, '.md'), markdown());
writeFileSync(outPath, JSON.stringify({
  date: new Date().toISOString(), cpu: cpu.model, vector: cpu.vector, vectorBits, peakFmaPerThread: peakPerThread, threads, node: process.versions.node, quick,
  loadAverage: { before: loadBefore, after: loadavg()[0] },
  rounds, baseline, roundMedians, engines, results, ratios,
}, null, 2) + '\n');
console.log(`\nload average ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after; wrote ${outPath} and its .md`);

// I1: the imported torchvision models against ONNX Runtime Web and PyTorch, in the same run.
if (!only || only.includes('I1')) runImported(args.filter((a) => a !== '--train'), dirname(outPath));
// I2: their fine-tuning step against PyTorch's.
if (!only || only.includes('I2')) runImported([...args, '--train'], dirname(outPath));
