// SPDX-License-Identifier: MIT
// Issue 10, fine-tuning through the CLI, a tiny version of the transfer pipeline: an ONNX model
// (the resnet layout, small) is imported, its head replaced for 5 classes, fine-tuned with the
// stem and first stage frozen, resumed, and exported again; the frozen weights (and, with
// --frozen-bn eval, their batch norm statistics) come out bit-identical, the head new and trained.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadSavedModel } from '../../src/cli/common.js';
import { EXIT } from '../../src/cli/errors.js';
import { exportOnnx } from '../../src/io/onnx/export.js';
import type { Container } from '../../src/layers/layer.js';
import { modelFromSpec } from '../../src/layers/spec.js';
import { resnetSpec } from '../../src/train/presets-residual.js';
import { Rng } from '../../src/tensor/rng.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { expectClose } from '../helpers/close.js';
import { writePng } from '../data/image-files.js';
import { runOrt } from '../io/onnx-runtime.js';
import { run } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'nabla-fine-tune-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** An image folder of `classes` classes (gray PNGs, size×size): class k is a bright band at row k·size/classes. */
function writeBands(path: string, size: number, classes: number, perClass: number): void {
  const rng = new Rng(2);
  for (let k = 0; k < classes; k++) {
    const row = Math.floor((k * size) / classes);
    for (let i = 0; i < perClass; i++) {
      const v = 150 + rng.int(100);
      writePng(join(path, `class${k}`, `${i}.png`), size, size, (_, y) => (y === row ? [v, v, v] : [rng.int(40), 0, 0]), 'gray');
    }
  }
}

const tensors = (model: Container) => new Map([...model.parameters(), ...model.buffers()].map((t) => [t.name, Array.from(t.value.data)]));
// Imported layers are named as the file's nodes: 'layer1.0.conv1' nested, or 'layer1_0_conv1' flat.
const FROZEN = /^(conv1|bn1|layer1)[._]/;
/** The --freeze list for the stem and layer1 of the imported model, whichever way its layers are named. */
const stemAndLayer1 = (model: Container) => model.children().map((c) => c.name).filter((n) => FROZEN.test(`${n}.`)).join(',');

describe('nabla import, then train --num-classes --freeze --head-lr, resume, export', () => {
  const onnxFile = join(dir, 'resnet.onnx');
  const imported = join(dir, 'resnet.safetensors');
  const data = join(dir, 'bands5');
  const out = join(dir, 'tuned');
  let frozenList = '';

  it('imports the ONNX model, fine-tunes a new 5-class head with the stem and layer1 frozen', async () => {
    const source = modelFromSpec(resnetSpec([1, 12, 12], { widths: [4, 8], numClasses: 10 }), { rng: new Rng(3), inputShape: [1, 1, 12, 12] });
    writeFileSync(onnxFile, exportOnnx(source, { inputShape: [1, 1, 12, 12], opset: 13 }));
    const imp = await run('import', onnxFile, '--out', imported);
    assert.equal(imp.code, EXIT.ok, imp.err);
    const { model: loaded } = await loadSavedModel(imported);
    const before = tensors(loaded);
    frozenList = stemAndLayer1(loaded);
    writeBands(data, 12, 5, 20);

    const trained = await run('train', '--model', imported, '--dataset', data, '--num-classes', '5', '--freeze', frozenList.replace(',', ', '), '--frozen-bn', 'eval',
      '--optimizer', 'sgd', '--momentum', '0.9', '--weight-decay', '0.01', '--lr', '0.05', '--head-lr', '0.2', '--epochs', '2', '--batch-size', '20', '--shift', '0',
      '--val-split', '0', '--backend', 'ref', '--out', out);
    assert.equal(trained.code, EXIT.ok, trained.err);
    assert.match(trained.out, /starting from the weights of .*resnet\.safetensors/);
    assert.match(trained.out, /fine-tuning: head 'fc' replaced by a fresh one with 5 outputs/);
    assert.match(trained.out, new RegExp(`fine-tuning: frozen: ${frozenList} \\(9 of 20 parameter tensors`));
    assert.match(trained.out, /fine-tuning: head 'fc' trains at lr 0\.2, the rest at lr 0\.05/);

    const after = tensors((await loadSavedModel(join(out, 'model.safetensors'))).model);
    let frozen = 0;
    for (const [name, values] of after) {
      if (FROZEN.test(name)) {
        frozen++;
        assert.deepEqual(values, before.get(name), `${name}: frozen, bit-identical (running statistics too, --frozen-bn eval)`);
      } else if (/^layer2\..*weight$/.test(name)) {
        assert.notDeepEqual(values, before.get(name), `${name} trains`);
      }
    }
    assert.equal(frozen, 1 + 4 + 2 * (1 + 4), 'conv1 weight, bn1 (γ, β, 2 statistics), layer1.0 two convs and bns');
    assert.equal(after.get('fc.weight')!.length, 8 * 5, 'the new head: [8, 5]');
    assert.equal(after.get('fc.bias')!.length, 5);
  });

  it('resumes with the same parameters frozen, and refuses another --freeze', async () => {
    const before = tensors((await loadSavedModel(imported)).model);
    const resumed = await run('train', '--resume', join(out, 'checkpoint.safetensors'), '--epochs', '3');
    assert.equal(resumed.code, EXIT.ok, resumed.err);
    assert.match(resumed.out, new RegExp(`fine-tuning: frozen: ${frozenList} \\(9 of 20`));
    assert.doesNotMatch(resumed.out, /replaced/, 'the checkpoint has the new head already');
    const after = tensors((await loadSavedModel(join(out, 'model.safetensors'))).model);
    for (const [name, values] of after) if (FROZEN.test(name)) assert.deepEqual(values, before.get(name), name);
    const other = await run('train', '--resume', join(out, 'checkpoint.safetensors'), '--epochs', '4', '--freeze', 'conv1');
    assert.equal(other.code, EXIT.usage);
    assert.match(other.err, new RegExp(`these differ: freeze \\(checkpoint ${frozenList}, given conv1\\)`));
  });

  it('exports the fine-tuned model to ONNX, which ONNX Runtime runs to the same 5 logits', async () => {
    const tunedOnnx = join(dir, 'tuned.onnx');
    const exported = await run('export', join(out, 'model.safetensors'), '--onnx', tunedOnnx);
    assert.equal(exported.code, EXIT.ok, exported.err);
    const { model } = await loadSavedModel(join(out, 'model.safetensors'));
    const x = Tensor.from(Array.from({ length: 2 * 144 }, (_, i) => Math.sin(i)), [2, 1, 12, 12]);
    const { data: y, dims: shape } = await runOrt(new Uint8Array(readFileSync(tunedOnnx)), x.data as Float32Array, x.shape);
    assert.deepEqual([...shape], [2, 5]);
    expectClose(y, model.forward(x, 'eval').data, { rtol: 1e-4, atol: 1e-6, name: 'fine-tuned model via ONNX Runtime' });
  });

  it('--freeze-all-but-head trains only fc (Adam with weight decay leaves the rest alone)', async () => {
    const before = tensors((await loadSavedModel(imported)).model);
    const headOnly = join(dir, 'head-only');
    const trained = await run('train', '--init-from', imported, '--dataset', data, '--num-classes', '5', '--freeze-all-but-head', '--optimizer', 'adamw',
      '--epochs', '1', '--batch-size', '20', '--shift', '0', '--val-split', '0', '--backend', 'ref', '--out', headOnly);
    assert.equal(trained.code, EXIT.ok, trained.err);
    assert.match(trained.out, /frozen: all but the head .*frozen batch norm still uses batch statistics/);
    const after = tensors((await loadSavedModel(join(headOnly, 'model.safetensors'))).model);
    for (const [name, values] of after) {
      if (/runningMean|runningVar/.test(name)) assert.notDeepEqual(values, before.get(name), `${name}: --frozen-bn train (default) updates the statistics`);
      else if (!name.startsWith('fc.')) assert.deepEqual(values, before.get(name), name);
    }
  });

  it('says what is wrong: --num-classes on a preset, a head that does not fit, a path that is not there', async () => {
    const preset = await run('train', '--model', 'resnet', '--dataset', data, '--num-classes', '5', '--out', join(dir, 'x'));
    assert.equal(preset.code, EXIT.usage);
    assert.match(preset.err, /--num-classes replaces the head of a saved model/);
    const unfit = await run('train', '--model', imported, '--dataset', data, '--epochs', '1', '--backend', 'ref', '--out', join(dir, 'y'));
    assert.equal(unfit.code, EXIT.mismatch, unfit.out + unfit.err);
    assert.match(unfit.err, /the model gives 10 outputs, .* has 5 classes: --num-classes 5 replaces its head/);
    const missing = await run('train', '--model', imported, '--dataset', data, '--num-classes', '5', '--freeze', 'layer9', '--epochs', '1', '--backend', 'ref', '--out', join(dir, 'z'));
    assert.equal(missing.code, EXIT.usage);
    assert.match(missing.err, /--freeze: 'layer9' selects no parameter of the model \(its top-level layers: conv1, bn1, relu/);
    const both = await run('train', '--model', imported, '--freeze', 'conv1', '--freeze-all-but-head', '--out', join(dir, 'w'));
    assert.equal(both.code, EXIT.usage);
    assert.match(both.err, /--freeze and --freeze-all-but-head: give one of them/);
    const twice = await run('train', '--model', imported, '--init-from', imported, '--out', join(dir, 'v'));
    assert.equal(twice.code, EXIT.usage);
    assert.match(twice.err, /is a saved model \(the same as --init-from\): give it once/);
  });
});
