// SPDX-License-Identifier: MIT
// Hand-built ONNX graphs for the import tests: a node, an int64 or seeded float initializer, a one-input model
// (input 'x' with a symbolic batch, output 'y'), and the check that importOnnx and ONNX Runtime
// give the same output on a seeded input.
import assert from 'node:assert/strict';
import { readOnnx } from '../../src/io/onnx/import.js';
import { floatTensor, int64Tensor, onnx, type AttributeProto, type NodeProto, type TensorProto } from '../../src/io/onnx/proto.js';
import { Rng } from '../../src/tensor/rng.js';
import { expectClose } from '../helpers/close.js';
import { randomInput } from './onnx-models.js';
import { runOrt } from './onnx-runtime.js';

export const node = (opType: string, inputs: string[], outputs: string[], attribute: AttributeProto[] = [], name = opType.toLowerCase()): NodeProto =>
  ({ opType, input: inputs, output: outputs, attribute, name });
export const ints = (name: string, values: number[]) => int64Tensor(name, [values.length], values);

/** A float initializer of seeded values in [−1, 1). */
export function weight(name: string, dims: number[], seed: number): TensorProto {
  const rng = new Rng(seed);
  return floatTensor(name, dims, Array.from({ length: dims.reduce((p, d) => p * d, 1) }, () => rng.uniform(-1, 1)));
}

export function build(nodes: NodeProto[], inputShape: number[], initializers: TensorProto[] = [], opset = 13): Uint8Array {
  const dims = ['N', ...inputShape.slice(1)].map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d }));
  return onnx.ModelProto.encode(onnx.ModelProto.create({
    irVersion: opset <= 14 ? 7 : opset <= 18 ? 8 : 9,
    opsetImport: [{ domain: '', version: opset }],
    graph: {
      name: 'g', node: nodes, initializer: initializers,
      input: [{ name: 'x', type: { tensorType: { elemType: 1, shape: { dim: dims } } } }],
      output: [{ name: 'y', type: { tensorType: { elemType: 1 } } }],
    },
  })).finish();
}

/**
 * Imports, runs Nabla and ONNX Runtime on one seeded input, compares (bit for bit when `exact`: graphs
 * that only copy values; else within 1e-5 relative, 1e-6 absolute); returns the layer specs.
 */
export async function importMatchesOrt(bytes: Uint8Array, inputShape: number[], what: string, exact = true): Promise<Record<string, unknown>[]> {
  const { model, specs } = readOnnx(bytes);
  const x = randomInput(inputShape, 11);
  const ours = model.forward(x, 'eval');
  const ort = await runOrt(bytes, x.data as Float32Array, inputShape);
  assert.deepEqual([...ours.shape], ort.dims, `${what}: shape`);
  if (exact) assert.deepEqual(ours.data, ort.data, `${what}: values (copies only, so exact)`);
  else expectClose(ours.data, ort.data, { rtol: 1e-5, atol: 1e-6, name: what });
  return specs;
}

/** An int64 tensor's raw little-endian bytes (INT64_MAX does not fit a JS number exactly). */
export function int64Raw(values: readonly (number | bigint)[]): Uint8Array {
  const view = new DataView(new ArrayBuffer(8 * values.length));
  values.forEach((v, i) => view.setBigInt64(8 * i, BigInt(v), true));
  return new Uint8Array(view.buffer);
}
