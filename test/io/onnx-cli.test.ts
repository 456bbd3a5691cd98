// SPDX-License-Identifier: MIT
// The CLI side of interop (src/cli/export.ts): export a preset and a saved model to ONNX and a
// PyTorch state dict, import PyTorch's ONNX into a weights file the other commands load.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadSavedModel } from '../../src/cli/common.js';
import { Command } from 'commander';
import { exportCommand, importCommand, registerExportCommands } from '../../src/cli/export.js';
import { readOnnx } from '../../src/io/onnx/import.js';
import { saveWeights } from '../../src/io/node-file.js';
import { decodeSafetensors } from '../../src/io/safetensors.js';
import { buildPreset } from '../../src/train/presets.js';
import { DATA_INFO_SCHEMA, dataInfoMetadata, type DataInfo } from '../../src/data/data-info.js';
import { Rng } from '../../src/tensor/rng.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { expectClose } from '../helpers/close.js';
import { randomInput } from './onnx-models.js';
import { runOrt } from './onnx-runtime.js';

const dir = mkdtempSync(join(tmpdir(), 'nabla-export-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('nabla export / nabla import', () => {
  it('exports a saved model to ONNX (runs in ONNX Runtime) and a PyTorch state dict', async () => {
    const model = buildPreset('lenet5', new Rng(3));
    const weights = join(dir, 'lenet5.safetensors');
    await saveWeights(weights, model);
    const lines: string[] = [];
    const onnx = join(dir, 'lenet5.onnx');
    const torch = join(dir, 'lenet5.pt.safetensors');
    await exportCommand(weights, { onnx, torch }, (l) => lines.push(l));
    assert.match(lines[0], /lenet5.onnx: ONNX opset 17, input 'input' \[N, 1, 28, 28\], output 'output' \(logits\)/);
    const x = randomInput([2, 1, 28, 28], 4);
    const { data } = await runOrt(new Uint8Array(readFileSync(onnx)), x.data as Float32Array, x.shape);
    expectClose(data, model.forward(x, 'eval').data, { rtol: 1e-4, atol: 1e-6, name: 'lenet5 via nabla export' });
    assert.ok(decodeSafetensors(new Uint8Array(readFileSync(torch))).tensors.has('0.weight'));
  });

  it('an .onnx file given where a weights file goes is refused saying to import it first', async () => {
    const onnx = join(dir, 'given.onnx');
    await exportCommand('mlp', { onnx }, () => {});
    await assert.rejects(loadSavedModel(onnx), /given\.onnx: an ONNX model; nabla reads weights files \(\.safetensors\): convert it first with nabla import/);
  });

  it('registers `export` and `import` on a commander program', async () => {
    const program = new Command().exitOverride();
    registerExportCommands(program);
    const onnx = join(dir, 'mlp.onnx');
    await program.parseAsync(['export', 'mlp', '--onnx', onnx, '--opset', '13', '--softmax', '--seed', '2'], { from: 'user' });
    const back = readOnnx(new Uint8Array(readFileSync(onnx)), { trailingSoftmax: 'drop' });
    assert.equal(back.droppedSoftmax, true);
    assert.deepEqual(back.inputShape, ['N', 1, 28, 28]);
  });

  it('rejects missing outputs, a bad opset and an input shape the model does not take', async () => {
    await assert.rejects(exportCommand('mlp', {}, () => {}), /give --onnx FILE and\/or --torch FILE/);
    await assert.rejects(exportCommand('mlp', { onnx: join(dir, 'x.onnx'), opset: 7 }, () => {}), /--opset must be an integer from 13 to 21, got 7/);
    await assert.rejects(
      exportCommand('mlp', { onnx: join(dir, 'x.onnx'), inputShape: [3, 32, 32] }, () => {}),
      (e: Error & { exitCode?: number }) => /does not fit the model/.test(e.message) && e.exitCode === 4,
    );
  });

  it('imports PyTorch\'s ONNX into a weights file that loadSavedModel reads', async () => {
    const fixture = new URL('../fixtures/onnx/cnn-bn', import.meta.url).pathname;
    const out = join(dir, 'cnn-bn.safetensors');
    const lines: string[] = [];
    await importCommand(`${fixture}.onnx`, { out }, (l) => lines.push(l));
    assert.match(lines[0], /Conv2d → BatchNorm2d → ReLU → MaxPool2d/);
    const { model } = await loadSavedModel(out);
    const f = JSON.parse(readFileSync(`${fixture}.json`, 'utf8')) as { input: number[]; inputShape: number[]; output: number[] };
    const y = model.forward(Tensor.from(f.input, f.inputShape), 'eval');
    expectClose(y.data, f.output, { rtol: 1e-4, atol: 1e-6, name: 'cnn-bn through nabla import' });
    await assert.rejects(importCommand(join(dir, 'none.onnx'), { out }, () => {}), /none.onnx: no such file/);
  });
});

describe('nabla export → nabla import keeps the data settings', () => {
  const cases = [
    {
      name: 'an RGB image-folder model (resize-center-crop)', preset: 'mlp' as const, inputShape: [3, 8, 8],
      data: { inputShape: [3, 8, 8], numClasses: 10, classNames: Array.from({ length: 10 }, (_, k) => `c${k}`), normalization: { mean: [0.5, 0.4, 0.3], std: [0.2, 0.25, 0.3] }, preprocess: 'resize-center-crop' as const },
    },
    {
      name: 'a table regression (columns, target scale)', preset: 'mlp' as const, inputShape: [3, 1, 1],
      data: {
        inputShape: [3, 1, 1], numClasses: 1, classNames: ['price'], normalization: { mean: [0, 0, 0], std: [1, 1, 1] }, preprocess: 'table' as const,
        table: { target: 'price', task: 'regression' as const, targetMean: 10.5, targetStd: 2.25, columns: ['a', 'b', 'c'].map((name, i) => ({ name, kind: 'numeric' as const, mean: i, std: 1 + i })) },
      },
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const model = buildPreset(c.preset, new Rng(5), { inputShape: c.inputShape as [number, number, number], numClasses: c.data.numClasses });
      const weights = join(dir, 'settings.safetensors');
      const info: DataInfo = { schema: DATA_INFO_SCHEMA, dataset: 'mine', ...c.data };
      await saveWeights(weights, model, dataInfoMetadata(info));
      const onnx = join(dir, 'settings.onnx');
      const exported: string[] = [];
      await exportCommand(weights, { onnx }, (l) => exported.push(l));
      const back = join(dir, 'settings-imported.safetensors');
      const imported: string[] = [];
      await importCommand(onnx, { out: back }, (l) => imported.push(l));
      const saved = await loadSavedModel(back);
      assert.deepEqual(saved.data, info, 'every stored setting comes back');
      if (c.data.preprocess === 'table') {
        assert.match(exported[0], /input: a table row as 3 features .*output: price standardised \(× 2.25 \+ 10.5 gives its units\)/);
        assert.match(imported.at(-1)!, /a table row of 3 features, target 'price' \(regression\)/);
      }
    });
  }
});
