// Regression tests for issue 13, one per bullet reproduced: Buffer views, specs sized before
// anything is allocated, file specs compared with the header before a model is built, depth
// bounds (also for values only rendered in messages), non-finite weights, running statistics and
// optimizer buffers refused by name and index, checkpoint fields validated by name.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeCheckpoint, encodeCheckpoint, restoreCheckpoint } from '../../src/io/checkpoint.js';
import { decodeSafetensors, encodeSafetensors, SafetensorsError } from '../../src/io/safetensors.js';
import { decodeWeights, encodeWeights, loadWeightsInto, SPEC_KEY } from '../../src/io/weights.js';
import { fromTorchStateDict, toTorchStateDict } from '../../src/io/torch.js';
import type { LayerSpec } from '../../src/layers/layer.js';
import { MAX_SPEC_MODULES, measureSpec, modelFromSpec, SpecError } from '../../src/layers/spec.js';
import { SGD } from '../../src/optim/sgd.js';
import { Rng } from '../../src/tensor/rng.js';
import { AllocationLimitError, Tensor } from '../../src/tensor/tensor.js';

const SPEC: LayerSpec[] = [
  { type: 'Linear', inFeatures: 3, outFeatures: 2 },
  { type: 'BatchNorm1d', numFeatures: 2 },
];

function model() {
  return modelFromSpec(SPEC, { rng: new Rng(3) });
}

/** The file with its header JSON edited by `edit` (data section kept). */
function editHeader(bytes: Uint8Array, edit: (header: any) => void): Uint8Array {
  const n = Number(new DataView(bytes.buffer, bytes.byteOffset).getBigUint64(0, true));
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + n)));
  edit(header);
  const json = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(8 + json.length + bytes.length - 8 - n);
  new DataView(out.buffer).setBigUint64(0, BigInt(json.length), true);
  out.set(json, 8);
  out.set(bytes.subarray(8 + n), 8 + json.length);
  return out;
}

const refused = (fn: () => unknown, cls: new (...a: any[]) => Error, pattern: RegExp) =>
  assert.throws(fn, (err: Error) => {
    assert.ok(err instanceof cls, `expected a ${cls.name}, got ${err.name}: ${err.message}`);
    assert.match(err.message, pattern);
    return true;
  });

describe('issue 13: safetensors input kinds', () => {
  const file = encodeSafetensors([['a', Tensor.from([1, 2, 3, 4, 5, 6], [2, 3])], ['b', Tensor.from([7, 8], [2])]]);
  const expected = [[1, 2, 3, 4, 5, 6], [7, 8]];
  const values = (bytes: Uint8Array | ArrayBuffer) => [...decodeSafetensors(bytes).tensors.values()].map((t) => Array.from(t.data as Float32Array));

  it('a Node Buffer, a Buffer and a Uint8Array view at an offset, and an ArrayBuffer decode alike', () => {
    const big = new Uint8Array(4096).fill(0x3f);
    big.set(file, 100);
    assert.deepEqual(values(Buffer.from(file)), expected);
    assert.deepEqual(values(Buffer.from(big.buffer, 100, file.length)), expected); // was the whole 4 KiB reinterpreted
    assert.deepEqual(values(big.subarray(100, 100 + file.length)), expected);
    assert.deepEqual(values(file.slice().buffer), expected);
  });

  it('anything else is refused by name', () => {
    refused(() => decodeSafetensors('bytes' as unknown as Uint8Array), SafetensorsError, /expected the file's bytes/);
  });
});

describe('issue 13: specs are sized before anything is allocated', () => {
  it('measureSpec gives names and shapes without storage', () => {
    const m = measureSpec(SPEC);
    assert.deepEqual(m.parameters().map((p) => [p.name, [...p.value.shape], p.value.data.length]), [['0.weight', [3, 2], 0], ['0.bias', [2], 0], ['1.weight', [2], 0], ['1.bias', [2], 0]]);
  });

  it('a huge layer is refused with the layer and size; the limit can be raised or lowered', () => {
    refused(() => modelFromSpec([{ type: 'Linear', inFeatures: 1e6, outFeatures: 1e6 }]), AllocationLimitError, /layer 0 \(Linear\).*1,000,000,000,000 elements/);
    refused(() => modelFromSpec([{ type: 'Linear', inFeatures: 100, outFeatures: 100 }], { maxTensorElements: 1000 }), AllocationLimitError, /10,000 elements.*limit of 1,000/);
  });

  it('a spec that does not fit its input is refused before its layers are allocated', () => {
    const before = process.memoryUsage().rss;
    assert.throws(() => modelFromSpec([{ type: 'Conv2d', inChannels: 1, outChannels: 1, kernelSize: 10_000 }], { inputShape: [1, 1, 28, 28] }));
    assert.ok(process.memoryUsage().rss - before < 200 * 2 ** 20, 'a 10^8-weight kernel was allocated before the shape check');
  });

  it('too many layers are refused', () => {
    refused(() => modelFromSpec(Array.from({ length: MAX_SPEC_MODULES + 1 }, () => ({ type: 'ReLU' }))), SpecError, /more than 10000 layers/);
  });

  it('a deeply nested value in a spec gives a SpecError, not a stack overflow in the message', () => {
    const deep = JSON.parse(`[{"type":"Conv2d","inChannels":1,"outChannels":1,"kernelSize":${'['.repeat(100_000)}1${']'.repeat(100_000)}}]`);
    refused(() => modelFromSpec(deep), SpecError, /nest more than 128 deep/);
  });
});

describe('issue 13: weights files', () => {
  it('a spec in the metadata that asks for more than the file holds is refused before any model is built', () => {
    const file = editHeader(encodeWeights(model()), (h) => {
      h.__metadata__[SPEC_KEY] = JSON.stringify({ type: 'Sequential', layers: [{ type: 'Linear', inFeatures: 3000, outFeatures: 2000 }, { type: 'BatchNorm1d', numFeatures: 2000 }] });
    });
    const before = process.memoryUsage().rss;
    refused(() => decodeWeights(file, 'w.safetensors'), SafetensorsError, /w\.safetensors \(its own spec, metadata nabla\.spec\) does not fit this model: .*0\.weight has shape \[3, 2\], model expects \[3000, 2000\]/);
    assert.ok(process.memoryUsage().rss - before < 150 * 2 ** 20);
  });

  it('a deeply nested spec in the metadata is refused by depth', () => {
    const file = editHeader(encodeWeights(model()), (h) => {
      h.__metadata__[SPEC_KEY] = `${'{"type":"Sequential","layers":['.repeat(50_000)}${']}'.repeat(50_000)}`;
    });
    refused(() => decodeWeights(file), SpecError, /nest more than/);
  });

  it('a negative running variance is refused naming the tensor (every output would be NaN), in weights files and PyTorch state dicts', () => {
    const m = model();
    m.buffers().find((b) => b.name === '1.runningVar')!.value.data[1] = -0.5;
    const decoded = decodeWeights(encodeWeights(m), 'w.safetensors');
    refused(() => loadWeightsInto(model(), decoded.tensors, 'w.safetensors'), SafetensorsError, /w\.safetensors: tensor 1\.runningVar is a running variance with a negative entry: 1\.runningVar\[1\] is -0\.5/);
    refused(() => fromTorchStateDict(model(), toTorchStateDict(m), 'sd.safetensors'), SafetensorsError, /tensor 1\.running_var is a running variance with a negative entry/);
  });

  it('a PyTorch state dict holding NaN is refused as a weights file is, unless allowNonFinite', () => {
    const m = model();
    m.parameters()[0].value.data[2] = NaN;
    const target = model();
    refused(() => fromTorchStateDict(target, toTorchStateDict(m), 'sd.safetensors'), SafetensorsError, /sd\.safetensors: tensor 0\.weight holds a non-finite value: 0\.weight\[\d+\] is NaN/);
    assert.ok(target.parameters().every((p) => p.value.data.every(Number.isFinite)), 'nothing was loaded');
    fromTorchStateDict(target, toTorchStateDict(m), 'sd.safetensors', { allowNonFinite: true });
    assert.ok(Number.isNaN(target.parameters()[0].value.data[2]));
  });

  it('a list of layers as the metadata spec reads as their Sequential', () => {
    const m = model();
    const list = SPEC;
    const file = editHeader(encodeWeights(m), (h) => { h.__metadata__[SPEC_KEY] = JSON.stringify(list); });
    assert.equal(decodeWeights(file).spec?.type, 'Sequential');
  });

  for (const [name, value] of [['0.weight', NaN], ['0.bias', Infinity], ['1.runningVar', -Infinity]] as const) {
    it(`${name} = ${value} is refused naming the tensor and index; allowNonFinite loads it`, () => {
      const m = model();
      const t = [...m.parameters(), ...m.buffers()].find((p) => p.name === name)!;
      t.value.data[1] = value;
      refused(() => decodeWeights(encodeWeights(m), 'w.safetensors'), Error, new RegExp(`w\\.safetensors: tensor ${name.replace('.', '\\.')} holds a non-finite value: ${name.replace('.', '\\.')}\\[1\\] is ${value}`));
      const decoded = decodeWeights(encodeWeights(m), 'w.safetensors', { allowNonFinite: true });
      const target = model();
      refused(() => loadWeightsInto(target, decoded.tensors, 'w.safetensors'), Error, /holds a non-finite value/);
      assert.ok([...target.parameters(), ...target.buffers()].every((p) => p.value.data.every(Number.isFinite)), 'nothing was loaded');
      loadWeightsInto(target, decoded.tensors, 'w.safetensors', { allowNonFinite: true });
      assert.ok(Object.is([...target.parameters(), ...target.buffers()].find((p) => p.name === name)!.value.data[1], value));
    });
  }
});

describe('issue 13: checkpoints', () => {
  function checkpoint(state: Record<string, unknown> = {}, nanMomentum = false): Uint8Array {
    const m = model();
    const optimizer = new SGD(m.parameters(), { lr: 0.1, momentum: 0.9 });
    for (const p of m.parameters()) p.grad.data.fill(nanMomentum ? NaN : 1);
    optimizer.step();
    if (nanMomentum) for (const p of m.parameters()) p.value.data.fill(0);
    return encodeCheckpoint(m, { epoch: 1, step: 3, optimizer: optimizer.state(), ...state });
  }
  const editState = (bytes: Uint8Array, edit: (s: any) => void) =>
    editHeader(bytes, (h) => {
      const s = JSON.parse(h.__metadata__['nabla.state']);
      edit(s);
      h.__metadata__['nabla.state'] = JSON.stringify(s);
    });

  const cases: [string, (s: any) => void, RegExp][] = [
    ['epoch −1000000', (s) => (s.epoch = -1_000_000), /epoch must be an integer from 0/],
    ['step 1.5', (s) => (s.step = 1.5), /step must be an integer from 0/],
    ['optimizer "sgd2"', (s) => (s.optimizer = 'sgd2'), /optimizer must be an object, got "sgd2"/],
    ['optimizer.lr "x"', (s) => (s.optimizer.lr = 'x'), /optimizer\.lr must be a finite number/],
    ['schedule.lastStep "x"', (s) => (s.schedule = { type: 'OneCycleLR', lastStep: 'x', baseLr: 0.1, extra: {} }), /schedule\.lastStep must be an integer/],
  ];
  for (const [what, edit, pattern] of cases) {
    it(`${what} is refused naming the field`, () => {
      refused(() => decodeCheckpoint(editState(checkpoint(), edit), 'c.safetensors'), SafetensorsError, new RegExp(`c\\.safetensors: metadata nabla\\.state: ${pattern.source}`));
    });
  }

  it('a NaN optimizer buffer is refused naming it', () => {
    refused(() => decodeCheckpoint(checkpoint({}, true), 'c.safetensors'), SafetensorsError, /tensor optimizer\/momentumBuffer\/0\.weight holds a non-finite value: optimizer\/momentumBuffer\/0\.weight\[0\] is NaN/);
  });

  it('an optimizer state of another optimizer is refused naming the file', () => {
    const decoded = decodeCheckpoint(editState(checkpoint(), (s) => (s.optimizer.type = 'Adam')), 'c.safetensors');
    const m = model();
    refused(() => restoreCheckpoint(decoded, { model: m, optimizer: new SGD(m.parameters(), { lr: 0.1, momentum: 0.9 }) }, 'c.safetensors'), SafetensorsError, /c\.safetensors: the optimizer state does not fit this run: SGD\.loadState: state is for Adam/);
  });
});
