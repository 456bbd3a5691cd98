// Issue 13 (untrusted files): each bullet reproduced as a file built by hand, then refused with a
// Nabla error naming what is wrong, or loaded correctly — never a RangeError/TypeError, an alias
// of the whole file, a silent NaN or an allocation of what the file only claims.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CliError, EXIT } from '../../src/cli/errors.js';
import { loadSavedModel } from '../../src/cli/saved-model.js';
import { decodeCheckpoint, encodeCheckpoint, restoreCheckpoint } from '../../src/io/checkpoint.js';
import { decodeSafetensors, encodeSafetensors, NonFiniteWeightsError, readSafetensorsHeader, SafetensorsError } from '../../src/io/safetensors.js';
import { decodeWeights, encodeWeights, loadWeightsInto } from '../../src/io/weights.js';
import { MAX_SPEC_JSON_DEPTH, modelFromSpec, SpecError } from '../../src/layers/spec.js';
import { SGD } from '../../src/optim/sgd.js';
import { Tensor } from '../../src/tensor/tensor.js';

const dir = mkdtempSync(join(tmpdir(), 'nabla-harden-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** 8-byte LE length + header JSON + data bytes. */
function handFile(header: string, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const json = new TextEncoder().encode(header);
  const out = new Uint8Array(8 + json.length + data.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(json.length), true);
  out.set(json, 8);
  out.set(data, 8 + json.length);
  return out;
}

const smallSpec = [{ type: 'Linear', inFeatures: 4, outFeatures: 8 }, { type: 'ReLU' }, { type: 'Linear', inFeatures: 8, outFeatures: 3 }];
const smallModel = () => modelFromSpec(smallSpec);

function refused(fn: () => unknown, kind: new (...args: any[]) => Error, pattern: RegExp): void {
  assert.throws(fn, (err: Error) => {
    assert.ok(err instanceof kind, `expected ${kind.name}, got ${err.name}: ${err.message}`);
    assert.match(err.message, pattern);
    return true;
  });
}

describe('safetensors from every kind of byte container', () => {
  const bytes = encodeWeights(smallModel());
  const expected = new Map(smallModel().parameters().map((p) => [p.name, Array.from(p.value.data)]));
  const check = (input: Uint8Array | ArrayBuffer, what: string) => {
    const { tensors } = decodeSafetensors(input, what);
    assert.deepEqual([...tensors.keys()], [...expected.keys()]);
    for (const [name, values] of expected) assert.deepEqual(Array.from(tensors.get(name)!.data as Float32Array), values, `${what}: ${name}`);
  };

  it('a Node Buffer read from disk (its slice() is a view: each tensor used to be the whole file)', () => {
    const file = join(dir, 'w.safetensors');
    writeFileSync(file, bytes);
    check(readFileSync(file), 'Buffer');
    check(Buffer.from(bytes), 'Buffer.from');
  });

  it('a Uint8Array view at an odd offset into a larger buffer, and an ArrayBuffer', () => {
    const big = new Uint8Array(bytes.length + 11);
    big.set(bytes, 3);
    check(big.subarray(3, 3 + bytes.length), 'view at 3');
    check(bytes.slice().buffer, 'ArrayBuffer');
  });

  it('decoded tensors never alias the input', () => {
    const input = bytes.slice();
    const { tensors } = decodeSafetensors(input);
    input.fill(0);
    assert.deepEqual(Array.from(tensors.get('0.weight')!.data as Float32Array), expected.get('0.weight'));
  });
});

describe('safetensors header validation', () => {
  const f32 = (n: number) => new Uint8Array(4 * n);
  it('refuses a duplicate tensor name (JSON.parse would keep the last one silently)', () => {
    const file = handFile('{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}', f32(2));
    refused(() => decodeSafetensors(file, 'm.st'), SafetensorsError, /^m\.st: key "a" appears twice .*file byte \d+/);
  });

  it('refuses deep nesting with a SafetensorsError, not a stack overflow', () => {
    for (const depth of [20, 100_000]) {
      const file = handFile(`{"a":{"dtype":"F32","shape":${'['.repeat(depth)}${']'.repeat(depth)},"data_offsets":[0,0]}}`);
      refused(() => decodeSafetensors(file, 'm.st'), SafetensorsError, /nests more than 8 deep \(file byte \d+\)/);
    }
  });

  it('refuses numbers JSON turns into Infinity, non-integers, negative and unsafe values, naming the tensor', () => {
    for (const offsets of ['[0,1e999]', '[0,4.5]', '[-4,0]', '[0,9007199254740993]', '"0,4"', '[0,4,8]']) {
      const file = handFile(`{"w":{"dtype":"F32","shape":[1],"data_offsets":${offsets}}}`, f32(1));
      refused(() => decodeSafetensors(file, 'm.st'), SafetensorsError, /tensor w: data_offsets must be \[begin, end\] non-negative integers/);
    }
    for (const shape of ['[1e999]', '[-1]', '[0.5]', '"4"', '[null]']) {
      const file = handFile(`{"w":{"dtype":"F32","shape":${shape},"data_offsets":[0,4]}}`, f32(1));
      refused(() => decodeSafetensors(file, 'm.st'), SafetensorsError, /tensor w: shape must be a list of non-negative integers/);
    }
    refused(() => decodeSafetensors(handFile('{"w":{"dtype":NaN,"shape":[1],"data_offsets":[0,4]}}', f32(1)), 'm.st'), SafetensorsError, /not valid JSON/);
  });

  it('refuses a dtype that is only an inherited property name (toString, constructor)', () => {
    for (const dtype of ['toString', 'constructor', '__proto__']) {
      const file = handFile(`{"w":{"dtype":"${dtype}","shape":[1],"data_offsets":[0,4]}}`, f32(1));
      refused(() => decodeSafetensors(file, 'm.st'), SafetensorsError, /tensor w: unknown dtype/);
    }
  });

  it('a huge shape with a small span is refused from the header, before any allocation', () => {
    const file = handFile('{"w":{"dtype":"F32","shape":[100000,100000,100000],"data_offsets":[0,4]}}', f32(1));
    refused(() => readSafetensorsHeader(file, 'm.st'), SafetensorsError, /tensor w: shape \[100000, 100000, 100000\] of F32 needs .* bytes, data_offsets \[0, 4\] hold 4/);
  });

  it('keeps a metadata key named __proto__ as a key', () => {
    const { metadata } = decodeSafetensors(handFile('{"__metadata__":{"__proto__":"x","format":"y"}}'));
    assert.equal(Object.getPrototypeOf(metadata), Object.prototype);
    assert.equal(Object.getOwnPropertyDescriptor(metadata, '__proto__')?.value, 'x');
  });

  it('rejects what is not bytes with a SafetensorsError', () => {
    refused(() => decodeSafetensors('abc' as unknown as Uint8Array, 'm.st'), SafetensorsError, /expected the file's bytes/);
  });
});

describe('non-finite weights are refused at load, naming the tensor and the first bad index', () => {
  const withValue = (value: number, at: { param?: number; buffer?: boolean } = {}) => {
    const model = modelFromSpec([{ type: 'Linear', inFeatures: 4, outFeatures: 8 }, { type: 'BatchNorm1d', numFeatures: 8 }]);
    const target = at.buffer ? model.buffers()[0] : model.parameters()[at.param ?? 0];
    target.value.data[5] = value;
    return { model, name: target.name };
  };

  for (const value of [NaN, Infinity, -Infinity]) {
    it(`weights file with ${value}`, () => {
      const { model, name } = withValue(value);
      refused(() => decodeWeights(encodeWeights(model), 'w.st'), NonFiniteWeightsError, new RegExp(`^w\\.st: tensor ${name.replace('.', '\\.')} holds a non-finite value: .*\\[5\\] is ${value}`));
    });
  }

  it('running statistics (buffers) too, and loadWeightsInto on tensors decoded elsewhere', () => {
    const { model, name } = withValue(NaN, { buffer: true });
    const bytes = encodeWeights(model);
    refused(() => decodeWeights(bytes, 'w.st'), NonFiniteWeightsError, new RegExp(`tensor ${name.replace('.', '\\.')} .*\\[5\\] is NaN`));
    const { tensors } = decodeSafetensors(bytes);
    refused(() => loadWeightsInto(model, tensors, 'w.st'), NonFiniteWeightsError, /\[5\] is NaN/);
  });

  it('an explicit allowNonFinite loads them (for debugging)', () => {
    const { model } = withValue(NaN);
    const decoded = decodeWeights(encodeWeights(model), 'w.st', { allowNonFinite: true });
    assert.ok(Number.isNaN(decoded.tensors.get('0.weight')!.data[5] as number));
  });

  it('checkpoints: weights and optimizer buffers', () => {
    const model = smallModel();
    const optimizer = new SGD(model.parameters(), { lr: 0.1, momentum: 0.9 });
    for (const p of model.parameters()) p.grad.data.fill(1);
    optimizer.step();
    const state = optimizer.state();
    const key = Object.keys(state.tensors)[0];
    state.tensors[key].data[2] = Infinity;
    const bytes = encodeCheckpoint(model, { epoch: 1, step: 1, optimizer: state });
    refused(() => decodeCheckpoint(bytes, 'c.st'), NonFiniteWeightsError, new RegExp(`tensor optimizer/${key.replace(/[./]/g, '\\$&')} .*\\[2\\] is Infinity`));
    assert.equal(decodeCheckpoint(bytes, 'c.st', { allowNonFinite: true }).epoch, 1);
  });
});

describe('checkpoint state fields are validated, each error naming the field', () => {
  const model = smallModel();
  const good = () => {
    const optimizer = new SGD(model.parameters(), { lr: 0.1 });
    return { epoch: 2, step: 10, optimizer: optimizer.state(), schedule: { type: 'StepLR', lastStep: 10, baseLr: 0.1, extra: {} } };
  };
  const cases: [string, (s: any) => void, RegExp][] = [
    ['negative epoch', (s) => (s.epoch = -1000000), /epoch must be an integer from 0/],
    ['fractional step', (s) => (s.step = 1.5), /step must be an integer from 0/],
    ['string lr', (s) => (s.optimizer.lr = 'fast'), /optimizer\.lr must be a finite number/],
    ['missing optimizer type', (s) => delete s.optimizer.type, /optimizer\.type must be the name of an optimizer/],
    ['non-numeric schedule.lastStep', (s) => (s.schedule.lastStep = 'x'), /schedule\.lastStep must be an integer/],
    ['schedule as a number', (s) => (s.schedule = 5), /schedule must be an object/],
    ['history nested 40 deep', (s) => (s.history = JSON.parse('['.repeat(40) + ']'.repeat(40))), /nests more than 32 deep/],
  ];
  for (const [what, mutate, pattern] of cases) {
    it(what, () => {
      const state = good();
      mutate(state);
      refused(() => decodeCheckpoint(encodeCheckpoint(model, state as any), 'c.st'), SafetensorsError, new RegExp(`^c\\.st: metadata nabla\\.state: ${pattern.source}`));
    });
  }
  it('an optimizer state of another configuration is a SafetensorsError on restore, not a plain Error', () => {
    const state = good();
    delete (state.optimizer.options as Record<string, unknown>).dampening;
    const decoded = decodeCheckpoint(encodeCheckpoint(model, state as any), 'c.st');
    const optimizer = new SGD(model.parameters(), { lr: 0.1 });
    refused(() => restoreCheckpoint(decoded, { model, optimizer }, 'c.st'), SafetensorsError, /^c\.st: the optimizer state does not fit this run: .*dampening/);
  });
  it('a good state still loads', () => assert.equal(decodeCheckpoint(encodeCheckpoint(model, good() as any), 'c.st').step, 10));
});

describe('specs: depth and size are checked before anything is built', () => {
  it('a deeply nested option value is a SpecError, not a stack overflow', () => {
    for (const depth of [MAX_SPEC_JSON_DEPTH + 1, 200_000]) {
      const deep = JSON.parse('['.repeat(depth) + ']'.repeat(depth));
      refused(() => modelFromSpec([{ type: 'Linear', inFeatures: deep, outFeatures: 2 }]), SpecError, /nest more than \d+ deep/);
      refused(() => modelFromSpec(deep), SpecError, /nest more than \d+ deep/);
    }
  });

  const modelFile = (spec: unknown, tensors: [string, Tensor][] = []) => {
    const file = join(dir, `m${Math.random().toString(36).slice(2)}.safetensors`);
    writeFileSync(file, encodeSafetensors(tensors, { format: 'nabla.weights/1', 'nabla.spec': JSON.stringify({ type: 'Sequential', layers: spec }) }));
    return file;
  };
  const fileRefusal = async (file: string, pattern: RegExp) => {
    await assert.rejects(loadSavedModel(file), (err: Error) => {
      assert.ok(err instanceof CliError, `expected a CliError, got ${err.name}: ${err.message}`);
      assert.equal(err.exitCode, EXIT.file);
      assert.match(err.message, pattern);
      return true;
    });
  };

  it('a spec in the metadata asking for 10^12 weights names the layer and the size', async () => {
    await fileRefusal(modelFile([{ type: 'Linear', inFeatures: 1e6, outFeatures: 1e6 }]), /layer 0 \(Linear\): tensor \[1000000, 1000000\]: a tensor of 1,000,000,000,000 elements/);
  });

  it('a 78-million-weight spec in a file of a few bytes is refused before it is allocated', async () => {
    const before = process.memoryUsage().rss;
    await fileRefusal(modelFile([{ type: 'Linear', inFeatures: 8860, outFeatures: 8860 }]), /its spec asks for a model larger than the 0 values the file holds/);
    assert.ok(process.memoryUsage().rss - before < 100e6, 'allocated what the spec only claims');
  });

  it('a file whose tensors do not fit its spec is refused from the header', async () => {
    const file = modelFile(smallSpec, [['0.weight', Tensor.zeros([4, 9])], ['0.bias', Tensor.zeros([8])], ['2.weight', Tensor.zeros([8, 3])], ['2.bias', Tensor.zeros([3])]]);
    await fileRefusal(file, /does not fit this model: .*tensor 0\.weight has shape \[4, 9\], model expects \[4, 8\]/);
  });
});
