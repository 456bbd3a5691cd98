// SPDX-License-Identifier: MIT
// The imported-models workloads. I1 (issue 10): torchvision's resnet18 and mobilenet_v2 (random
// weights, exported at 224×224 by bench/imported_models.py), forward in eval mode at batch 1 and
// 8, run by Nabla (importOnnx, wasm backend, one frame a batch as evaluate() runs it), ONNX
// Runtime Web (its wasm backend in Node) and PyTorch. I2 (--train; issue 12): the fine-tuning
// step of mobilenet_v2, mobilenet_v3_small, efficientnet_b0 and resnet18 at 112×112, batch 8,
// exported with their BatchNorm layers (trained on batch statistics), cross-entropy and SGD with
// momentum 0.9, by Nabla and PyTorch (ONNX Runtime Web does not train). Each at 1 and 2 threads,
// each engine × case in a fresh process. Prints medians and Nabla ÷ each peer at the same thread
// count, and writes bench/results/imported.json (imported-train.json).
//   node --import tsx bench/imported.ts [--train] [--quick] [--rounds R] [--models resnet18,mobilenet_v2] [--batches 1,8]
//   (--models shufflenet_v2_x0_5 times the third export, ShuffleNet v2 0.5×)
// bench/run.ts runs both after the standard workloads (unless --only leaves I1 or I2 out).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, timeSteps, timingPlan } from './workloads.js';

const here = dirname(fileURLToPath(import.meta.url));
const PYTHON = '/usr/bin/python3';
const SCRIPT = join(here, 'imported_models.py');
const SIZE = 224;
const TRAIN_SIZE = 112;
export type ImportedTask = 'forward' | 'train';

export interface ImportedMeasurement {
  engine: string;
  model: string;
  batch: number;
  rates: number[];
  median: number;
  peakRssBytes: number;
  unsupported?: string;
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** The folder of exports (made when missing, keyed by the export script's hash), or why there is none. */
export function exportFolder(): { dir: string } | { skip: string } {
  const probe = spawnSync(PYTHON, ['-c', 'import torch, torchvision'], { stdio: 'ignore' });
  if (probe.status !== 0) return { skip: `${PYTHON} cannot import torch and torchvision` };
  const hash = createHash('sha256').update(readFileSync(SCRIPT)).digest('hex').slice(0, 12);
  const dir = join(tmpdir(), `nabla-bench-imported-${hash}`);
  if (existsSync(join(dir, 'done'))) return { dir };
  mkdirSync(dir, { recursive: true });
  const r = spawnSync(PYTHON, [SCRIPT, 'export', dir], { encoding: 'utf8' });
  if (r.status !== 0) return { skip: `the export failed: ${(r.stderr || '').trim().split('\n').pop()}` };
  writeFileSync(join(dir, 'done'), '');
  return { dir };
}

/** One engine on one model and batch size, in this process. */
async function measure(engine: string, model: string, batch: number, dir: string, quick: boolean, task: ImportedTask): Promise<ImportedMeasurement> {
  const result: ImportedMeasurement = { engine, model, batch, rates: [], median: NaN, peakRssBytes: 0 };
  const threads = Number(/-(\d+)t$/.exec(engine)?.[1] ?? 1);
  const plan = timingPlan(quick);
  const size = task === 'train' ? TRAIN_SIZE : SIZE;
  const file = join(dir, task === 'train' ? `${model}-bn-${TRAIN_SIZE}.onnx` : `${model}-${SIZE}.onnx`);
  const input = new Float32Array(batch * 3 * size * size);
  for (let i = 0; i < input.length; i++) input[i] = Math.sin(i * 12.9898) * 1.7;
  try {
    if (engine.startsWith('nabla-wasm')) {
      const { initBackend, inFrame, keepResident, trainingTensors } = await import('../src/kernels/index.js');
      const { importOnnx } = await import('../src/io/onnx/import.js');
      const { Tensor } = await import('../src/tensor/tensor.js');
      await initBackend({ backend: 'wasm', threads });
      const net = importOnnx(readFileSync(file)); // a Buffer is a Uint8Array: no second copy of the file
      const x = new Tensor(input, [batch, 3, size, size]);
      if (task === 'train') {
        const { SoftmaxCrossEntropy } = await import('../src/losses/softmax-cross-entropy.js');
        const { SGD } = await import('../src/optim/sgd.js');
        const loss = new SoftmaxCrossEntropy();
        const parameters = net.parameters();
        const optimizer = new SGD(parameters, { lr: 0.01, momentum: 0.9 });
        const targets = Array.from({ length: batch }, (_, i) => (i * 7) % 1000); // as the PyTorch peer's
        keepResident(trainingTensors(parameters, optimizer)); // as fit() does, before training and after each step
        result.rates = await timeSteps(() => {
          inFrame(() => { // as fit() runs a step
            optimizer.zeroGrad();
            loss.forward(net.forward(x, 'train'), targets);
            net.backward(loss.backward(), { needInputGrad: false });
            optimizer.step();
          });
          keepResident(trainingTensors(parameters, optimizer));
        }, batch, plan);
      } else {
        keepResident(net.parameters().map((p) => p.value)); // as evaluate() does
        result.rates = await timeSteps(() => inFrame(() => void net.forward(x, 'eval')), batch, plan); // one frame a batch, as evaluate()
      }
    } else if (engine.startsWith('ort-wasm')) {
      const ort = await import('onnxruntime-web');
      ort.env.wasm.numThreads = threads;
      ort.env.logLevel = 'error';
      const session = await ort.InferenceSession.create(new Uint8Array(readFileSync(file)));
      const feeds = { [session.inputNames[0]]: new ort.Tensor('float32', input, [batch, 3, SIZE, SIZE]) };
      result.rates = await timeSteps(async () => { await session.run(feeds); }, batch, plan);
    } else if (engine.startsWith('torch')) {
      const env = { ...process.env };
      delete env.OPENBLAS_CORETYPE;
      delete env.OPENBLAS_L2_SIZE;
      const r = spawnSync(PYTHON, [SCRIPT, task === 'train' ? 'train' : 'time', model, String(batch), String(threads), String(plan.budgetMs)], { encoding: 'utf8', env });
      if (r.status !== 0) throw new Error((r.stderr || '').trim().split('\n').pop());
      const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as { rates: number[]; peakRssBytes: number };
      result.rates = out.rates;
      result.peakRssBytes = out.peakRssBytes;
    } else {
      throw new Error(`unknown engine '${engine}'`);
    }
    result.median = median(result.rates);
  } catch (error) {
    result.unsupported = (error as Error).message.split('\n')[0];
  }
  if (!engine.startsWith('torch')) result.peakRssBytes = process.resourceUsage().maxRSS * 1024;
  return result;
}

/** Runs every engine × case in child processes (interleaved over rounds, best round kept); returns the rows. */
export function runImported(args: string[], outDir = join(here, 'results')): ImportedMeasurement[] {
  const task: ImportedTask = args.includes('--train') ? 'train' : 'forward';
  const id = task === 'train' ? 'I2' : 'I1';
  const folder = exportFolder();
  if ('skip' in folder) {
    console.log(`\nImported models (${id}): skipped — ${folder.skip}`);
    return [];
  }
  const quick = args.includes('--quick');
  const rounds = Math.max(1, Number(option(args, '--rounds') ?? 1));
  const models = option(args, '--models')?.split(',') ??
    (task === 'train' ? ['mobilenet_v2', 'mobilenet_v3_small', 'efficientnet_b0', 'resnet18'] : ['resnet18', 'mobilenet_v2']);
  const batches = (option(args, '--batches') ?? (task === 'train' ? '8' : '1,8')).split(',').map(Number);
  const threadCounts = availableParallelism() > 1 ? [1, 2] : [1];
  const peers = task === 'train' ? ['torch'] : ['ort-wasm', 'torch'];
  const engines = threadCounts.flatMap((t) => ['nabla-wasm', ...peers].map((e) => `${e}-${t}t`));
  const best = new Map<string, ImportedMeasurement>();
  for (let round = 0; round < rounds; round++) {
    for (const model of models) {
      for (const batch of batches) {
        for (const engine of engines) {
          const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', engine, model, String(batch), folder.dir,
            task, ...(quick ? ['--quick'] : [])], { encoding: 'utf8', timeout: 600_000 });
          const line = r.stdout?.trim().split('\n').pop() ?? '';
          const m: ImportedMeasurement = line.startsWith('{') ? JSON.parse(line)
            : { engine, model, batch, rates: [], median: NaN, peakRssBytes: 0, unsupported: r.error ? String(r.error) : (r.stderr || '').trim().split('\n').pop() };
          const key = `${engine} ${model} ${batch}`;
          const old = best.get(key);
          if (!old || !(old.median >= m.median)) best.set(key, m);
        }
      }
    }
  }
  const rows = [...best.values()];
  const find = (engine: string, model: string, batch: number) => best.get(`${engine} ${model} ${batch}`);
  const fmt = (m?: ImportedMeasurement) => (!m ? '–' : m.unsupported ? `n/a (${m.unsupported.slice(0, 40)})` : m.median.toFixed(1));
  const ratio = (a?: ImportedMeasurement, b?: ImportedMeasurement) => (a && b && a.median > 0 && b.median > 0 ? `${(a.median / b.median).toFixed(2)}×` : '–');
  const what = task === 'train'
    ? `torchvision fine-tuning step (BatchNorm on batch statistics, cross-entropy, SGD momentum 0.9), ${TRAIN_SIZE}×${TRAIN_SIZE}`
    : `torchvision forward, eval, ${SIZE}×${SIZE}`;
  console.log(`\nImported models (${id}): ${what}, images/s (median of the best round of ${rounds})`);
  const peerName = (p: string) => (p === 'torch' ? 'torch' : 'ORT');
  const header = ['model', 'batch', ...engines, ...threadCounts.flatMap((t) => peers.map((p) => `Nabla÷${peerName(p)} ${t}t`))];
  const table = [header];
  for (const model of models) {
    for (const batch of batches) {
      table.push([model, String(batch), ...engines.map((e) => fmt(find(e, model, batch))),
        ...threadCounts.flatMap((t) => peers.map((p) => ratio(find(`nabla-wasm-${t}t`, model, batch), find(`${p}-${t}t`, model, batch))))]);
    }
  }
  const widths = header.map((_, i) => Math.max(...table.map((row) => row[i].length)));
  for (const row of table) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join('  '));
  console.log('Peak RSS (MiB): ' + rows.filter((m) => m.peakRssBytes > 0).map((m) => `${m.engine} ${m.model} b${m.batch} ${(m.peakRssBytes / 2 ** 20).toFixed(0)}`).join(', '));
  console.log(`CPU ${cpus()[0]?.model ?? '?'}, ${availableParallelism()} threads, load average ${loadavg()[0].toFixed(1)} at the end`);
  mkdirSync(outDir, { recursive: true });
  const file = task === 'train' ? 'imported-train.json' : 'imported.json';
  writeFileSync(join(outDir, file), JSON.stringify({ date: new Date().toISOString(), cpu: cpus()[0]?.model, task, rows }, null, 2) + '\n');
  return rows;
}

const argv = process.argv.slice(2);
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (argv[0] === '--child') {
    const [, engine, model, batch, dir, task] = argv;
    const m = await measure(engine, model, Number(batch), dir, argv.includes('--quick'), task as ImportedTask);
    console.log(JSON.stringify(m));
    process.exit(0); // ONNX Runtime's worker threads keep the process alive
  } else {
    runImported(argv);
  }
}
