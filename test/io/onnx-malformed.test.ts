// SPDX-License-Identifier: MIT
// importOnnx on damaged files: truncated at many offsets, bytes flipped, tensors claiming more
// data than they have, absurd dimensions and lengths, wrong types. Every case must end in a clear
// 'importOnnx: …' error (or, for a harmless flip, a working model), quickly and without
// allocating more than a small multiple of the file's size.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import protobuf from 'protobufjs/minimal.js';
import { exportOnnx } from '../../src/io/onnx/export.js';
import { importOnnx } from '../../src/io/onnx/import.js';
import { onnx, type DecodedGraph, type TensorProto } from '../../src/io/onnx/proto.js';
import { modelFromSpec } from '../../src/layers/spec.js';
import { Rng } from '../../src/tensor/rng.js';
import { cnnEveryLayer, randomInput } from './onnx-models.js';

const { model, inputShape } = cnnEveryLayer();
const exported = exportOnnx(model, { inputShape });
const fromTorch = new Uint8Array(readFileSync(new URL('../fixtures/onnx/cnn-view.onnx', import.meta.url)));
/** A branching PyTorch export: residual Add, SE gate, Concat (make-onnx-models.py's small-branching). */
const branching = new Uint8Array(readFileSync(new URL('../fixtures/onnx/small-branching-op13.onnx', import.meta.url)));
/** A Nabla Graph: a residual block and a channel concatenation. */
const graphSpec = {
  type: 'Graph',
  nodes: [
    { name: 'stem', type: 'Conv2d', outChannels: 3, kernelSize: 3, padding: 1 },
    { name: 'act', type: 'ReLU' },
    { name: 'add', type: 'Add', inputs: ['act', 'stem'] },
    { name: 'cat', type: 'Concat', inputs: ['add', 'stem'] },
    { name: 'pool', type: 'GlobalAvgPool2d' },
  ],
};
const graphExport = exportOnnx(modelFromSpec(graphSpec, { inputShape: [1, 2, 6, 6] }), { inputShape: [1, 2, 6, 6] });

/** Messages of JavaScript's own failures: an importer bug, never an acceptable answer. */
const INTERNAL = /Cannot read|of undefined|of null|is not a function|is not iterable|Maximum call stack|Invalid array length/;

/** Imports `bytes`; returns the error message, or null when the file imported (and runs). */
function outcome(bytes: Uint8Array, what: string, shape: readonly number[] = inputShape): string | null {
  const start = performance.now();
  let message: string | null = null;
  try {
    const m = importOnnx(bytes);
    // Issue 13: a flip that makes a weight NaN or ±Infinity must be refused, never loaded.
    for (const t of [...m.parameters(), ...m.buffers()]) {
      assert.ok(t.value.data.every(Number.isFinite), `${what}: ${t.name} was loaded with a non-finite value`);
    }
    // A harmless flip (a weight's low bits, a name) gives a model; it must run on its input.
    m.forward(randomInput([1, ...shape.slice(1)], 1), 'eval');
  } catch (e) {
    assert.ok(e instanceof Error, `${what}: threw a non-Error ${String(e)}`);
    message = e.message;
    if (!message.startsWith('importOnnx:') && !message.startsWith('Sequential layer') && !message.startsWith('Graph node')) {
      assert.fail(`${what}: error without the importOnnx prefix: ${message}`);
    }
    assert.doesNotMatch(message, INTERNAL, `${what}: internal error leaked`);
  }
  const ms = performance.now() - start;
  assert.ok(ms < 2000, `${what}: took ${ms.toFixed(0)} ms`);
  return message;
}

describe('damaged ONNX files give clear errors, quickly, in bounded memory', () => {
  const rssBefore = process.memoryUsage().rss;

  const bases = [
    { name: 'exported cnn', base: exported, shape: inputShape },
    { name: 'PyTorch cnn-view', base: fromTorch, shape: [1, 2, 8, 8] },
    { name: 'PyTorch branching CNN', base: branching, shape: [1, 3, 9, 8] },
    { name: 'exported residual + concat Graph', base: graphExport, shape: [1, 2, 6, 6] },
  ];
  for (const { name, base, shape } of bases) {
    it(`${name}: truncated at every offset up to 64 and 300 more spread over the file`, () => {
      const offsets = new Set<number>();
      for (let i = 0; i < Math.min(64, base.length); i++) offsets.add(i);
      for (let k = 0; k < 300; k++) offsets.add(Math.floor((k * base.length) / 300));
      for (const at of offsets) {
        const message = outcome(base.subarray(0, at), `truncated at ${at}/${base.length}`, shape);
        assert.ok(message !== null, `truncated at ${at}/${base.length}: imported without error`);
      }
    });

    it(`${name}: 400 seeded single-byte flips (none loads a non-finite weight)`, () => {
      const rng = new Rng(21);
      let failures = 0;
      for (let k = 0; k < 400; k++) {
        const bytes = base.slice();
        const at = rng.int(bytes.length);
        bytes[at] ^= 1 + rng.int(255);
        if (outcome(bytes, `byte ${at} flipped`, shape) !== null) failures++;
      }
      // Most flips hit weight bytes (harmless) or structure (an error); both kinds must occur.
      assert.ok(failures > 20 && failures < 400, `${failures} of 400 flips failed`);
    });
  }

  it('memory stayed bounded over all of the above (rss grew < 256 MB)', () => {
    const grown = (process.memoryUsage().rss - rssBefore) / 2 ** 20;
    assert.ok(grown < 256, `rss grew by ${grown.toFixed(0)} MB`);
  });
});

/** Re-encodes the exported model after `edit` changes its first initializer (the conv weight). */
function withInitializer(edit: (t: TensorProto, g: DecodedGraph) => void): Uint8Array {
  const m = onnx.ModelProto.decode(exported);
  const g = m.graph as DecodedGraph;
  edit((g.initializer ?? [])[0], g);
  return onnx.ModelProto.encode(m).finish();
}

/**
 * ModelProto.graph → GraphProto.node → NodeProto.attribute → AttributeProto.g → GraphProto …,
 * `depth` times, written with protobufjs's Writer (fields 7, 1, 5, 6; all length-delimited).
 */
function deeplyNested(depth: number): Uint8Array {
  const w = protobuf.Writer.create();
  w.uint32((7 << 3) | 2).fork(); // fork … ldelim writes each length prefix once the contents are known
  for (let i = 0; i < depth; i++) w.uint32((1 << 3) | 2).fork().uint32((5 << 3) | 2).fork().uint32((6 << 3) | 2).fork();
  for (let i = 0; i < 3 * depth + 1; i++) w.ldelim();
  return w.finish();
}

describe('lying tensors and absurd sizes', () => {
  const cases: [string, Uint8Array, RegExp][] = [
    ['dims claiming 2⁴⁰ elements', withInitializer((t) => (t.dims = [2 ** 40])), /initializer '0.weight': dims \[1099511627776\] exceed the 268435456-element limit/],
    ['dims 10⁶ × 10⁶', withInitializer((t) => (t.dims = [1e6, 1e6])), /dims \[1000000, 1000000\] exceed/],
    ['dims claiming twice the data', withInitializer((t) => (t.dims = [8, 3, 3, 6])), /initializer '0.weight': dims \[8, 3, 3, 6\] need 432 elements but raw_data holds 216/],
    ['a negative dimension', withInitializer((t) => (t.dims = [-8, 3, 3, 3])), /negative dimension/],
    ['raw_data not a multiple of 4', withInitializer((t) => (t.rawData = t.rawData!.subarray(0, 7))), /raw_data has 7 bytes, not a multiple of 4 \(FLOAT\)/],
    ['no data at all', withInitializer((t) => (t.rawData = new Uint8Array(0))), /need 216 elements but float_data holds 0/],
    ['float16 weights', withInitializer((t) => (t.dataType = 10)), /initializer '0.weight': data type FLOAT16 is not supported/],
    ['string weights', withInitializer((t) => (t.dataType = 8)), /data type STRING is not supported/],
    ['external data', withInitializer((t) => (t.dataLocation = 1)), /external data is not supported/],
    ['an int64 input', withInitializer((_, g) => (g.input![0].type!.tensorType!.elemType = 7)), /input 'input' must be a float tensor/],
    ['kernel_shape as floats', withInitializer((_, g) => Object.assign(g.node![0].attribute![0], { type: 6, floats: [3, 3] })), /node '0.Conv' \(Conv\): attribute 'kernel_shape' should be INTS, got FLOATS/],
    ['a weight that is not a constant', withInitializer((t) => (t.name = 'renamed')), /node '0.Conv' \(Conv\): input 1 \(W, '0.weight'\) is not a constant/],
    ['a 4 GB graph length prefix', Uint8Array.of(0x3a, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3), /importOnnx: not a valid ONNX file \(protobuf decoding failed: index out of range/],
    ['an invalid wire type (field 100, type 7)', Uint8Array.of(0xa7, 0x06, 0x01), /importOnnx: not a valid ONNX file \(protobuf decoding failed: invalid wire type 7/],
    ['subgraphs nested 100,000 deep', deeplyNested(100_000), /importOnnx: not a valid ONNX file \(protobuf decoding failed: messages nested too deeply\)/],
    ['empty input', new Uint8Array(0), /importOnnx: the file is empty/],
    ['a model without a graph', onnx.ModelProto.encode({ irVersion: 8 }).finish(), /importOnnx: the file has no graph/],
  ];
  for (const [name, bytes, message] of cases) {
    it(name, () => {
      assert.throws(() => importOnnx(bytes), message);
    });
  }

  it('seeded random garbage of many lengths', () => {
    const rng = new Rng(3);
    for (const length of [1, 2, 3, 7, 16, 100, 1000, 10_000, 100_000]) {
      for (let k = 0; k < 5; k++) {
        const bytes = new Uint8Array(length).map(() => rng.int(256));
        assert.ok(outcome(bytes, `${length} random bytes`) !== null, `${length} random bytes imported`);
      }
    }
  });
});
