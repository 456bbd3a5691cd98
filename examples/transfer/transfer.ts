// SPDX-License-Identifier: MIT
// Transfer learning end to end with the `nabla` command (issue 10): the resnet preset is trained
// on the embedded MNIST digits, exported to ONNX and imported back (as a model from elsewhere
// would be), its head replaced, and fine-tuned on 1,000 Fashion-MNIST training images; the same
// network trained from scratch on the same 1,000 images with the same epochs is the baseline.
// Every run reports its accuracy on the same fixed 2,000 Fashion-MNIST test images.
// Run: npx tsx examples/transfer/transfer.ts [workDir=/tmp/nabla-transfer] [pretrainEpochs=2] [epochs=15]
// Needs Debian's dataset-fashion-mnist (IDX files under /usr/share/datasets/fashion-mnist).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { encodeIdx, readIdx } from '../../src/data/idx.js';
import { DEFAULT_FASHION_MNIST_DIR, findIdxFile, IDX_FILES } from '../../src/data/folder.js';
import { loadSavedModel } from '../../src/cli/saved-model.js';

const [work = '/tmp/nabla-transfer', pretrainArg = '2', epochsArg = '15'] = process.argv.slice(2);
const TRAIN_COUNT = 1000;
const TEST_COUNT = 2000;
mkdirSync(work, { recursive: true });

/** The first `count` images and labels of a Fashion-MNIST split, written as raw IDX files into `dir`. */
async function writeSubset(dir: string, split: 'train' | 't10k', count: number): Promise<void> {
  for (const part of ['images', 'labels'] as const) {
    const path = await findIdxFile(DEFAULT_FASHION_MNIST_DIR, IDX_FILES[split][part]);
    const array = await readIdx(new Uint8Array(readFileSync(path)), path);
    const per = array.shape.slice(1).reduce((a, b) => a * b, 1);
    const data = (array.data as Uint8Array).slice(0, count * per);
    writeFileSync(join(dir, IDX_FILES[split][part]), encodeIdx({ dtype: 'uint8', shape: [count, ...array.shape.slice(1)], data }));
  }
}

interface Step {
  what: string;
  args: string[];
  seconds: number;
  test?: string;
}
const steps: Step[] = [];

/** Runs `nabla …` in this process, echoing its output; returns the output and records the wall time. */
async function nabla(what: string, ...args: string[]): Promise<string> {
  console.log(`\n$ nabla ${args.join(' ')}`);
  let out = '';
  const began = Date.now();
  const code = await main(args, { out: (t) => { out += t; process.stdout.write(t); }, err: (t) => process.stderr.write(t) });
  if (code !== 0) throw new Error(`nabla ${args[0]} exited with ${code}`);
  const test = /test accuracy: ([\d.]+% \(\d+\/\d+\))/.exec(out)?.[1];
  steps.push({ what, args, seconds: (Date.now() - began) / 1000, test });
  return out;
}

const fashion = join(work, 'fashion-1k');
mkdirSync(fashion, { recursive: true });
await writeSubset(fashion, 'train', TRAIN_COUNT);
await writeSubset(fashion, 't10k', TEST_COUNT);
const epochs = epochsArg;
const common = ['--dataset', fashion, '--epochs', epochs, '--val-split', '0', '--eval-test', '--seed', '1'];

await nabla('pre-train on MNIST', 'train', '--model', 'resnet', '--epochs', pretrainArg, '--out', join(work, 'mnist'));
await nabla('export to ONNX', 'export', join(work, 'mnist', 'model.safetensors'), '--onnx', join(work, 'resnet-mnist.onnx'));
const imported = join(work, 'resnet-imported.safetensors');
await nabla('import the ONNX file', 'import', join(work, 'resnet-mnist.onnx'), '--out', imported);
// The stem and first stage, however the import names them ('layer1' nested, or 'layer1_0_conv1' flat).
const { model } = await loadSavedModel(imported);
const stem = model.children().map((c) => c.name).filter((n) => /^(conv1|bn1|layer1)([._]|$)/.test(n)).join(',');

await nabla('from scratch', 'train', '--model', 'resnet', ...common, '--out', join(work, 'scratch'));
await nabla('fine-tune everything (new head)', 'train', '--model', imported, '--num-classes', '10', ...common, '--out', join(work, 'fine-tune'));
await nabla('fine-tune, stem + layer1 frozen', 'train', '--model', imported, '--num-classes', '10', '--freeze', stem, ...common, '--out', join(work, 'frozen'));
await nabla('head only (all but the head frozen)', 'train', '--model', imported, '--num-classes', '10', '--freeze-all-but-head', ...common, '--out', join(work, 'head-only'));

const lines = [
  `| run | test accuracy (first ${TEST_COUNT} Fashion-MNIST test images) | wall time |`,
  '|---|---|---|',
  ...steps.map((s) => `| ${s.what} | ${s.test ?? '–'} | ${s.seconds.toFixed(0)} s |`),
];
writeFileSync(join(work, 'summary.md'), `${lines.join('\n')}\n`);
console.log(`\n${lines.join('\n')}`);
