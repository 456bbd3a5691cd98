// SPDX-License-Identifier: MIT
// The one loop every ONNX export test runs: export a model at each opset, check the node types
// (and the attributes of one node), run the file in ONNX Runtime on inputs of two batch sizes
// against Nabla's eval forward, and pass all the files through ONNX's own checker at the end.
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { exportOnnx } from '../../src/io/onnx/export.js';
import { onnx, type AttributeProto, type DecodedGraph } from '../../src/io/onnx/proto.js';
import type { Layer } from '../../src/layers/layer.js';
import type { Tensor } from '../../src/tensor/tensor.js';
import { expectClose } from '../helpers/close.js';
import { randomInput } from './onnx-models.js';
import { checkAllWithPythonOnnx, runOrt } from './onnx-runtime.js';

export interface ExportCheck {
  name: string;
  model: Layer;
  /** The exported input shape. */
  inputShape: number[];
  opsets: number[];
  /** The node types the file must hold at an opset, in order. */
  ops?: (opset: number) => string[];
  /** Attributes the checked node must carry (ints or an int). */
  attributes?: Record<string, number | number[]>;
  /** Attributes it must not carry. */
  absent?: string[];
  /** Which node the attributes are read from (default: the first). */
  attributeNode?: 'first' | 'last';
  /** The inputs to run (default: random at the exported batch and at batch 3). */
  inputs?: (inputShape: number[]) => Tensor[];
}

function attributeValue(a: AttributeProto): number | number[] {
  return a.ints && a.ints.length > 0 ? a.ints.map(Number) : Number(a.i);
}

/** Random inputs of the exported shape at its batch size and at batch 3. */
export function twoBatches(shape: number[], seed = 40): Tensor[] {
  return [shape[0], 3].map((N) => randomInput([N, ...shape.slice(1)], seed + N));
}

/** Runs the exported file in ONNX Runtime on each input; its output must be Nabla's eval output. */
export async function expectOrtMatches(name: string, model: Layer, bytes: Uint8Array, inputs: Tensor[]): Promise<void> {
  for (const x of inputs) {
    const expected = model.forward(x, 'eval');
    const actual = await runOrt(bytes, x.data as Float32Array, x.shape);
    const at = `${name} x=[${x.shape.join(',')}]`;
    assert.deepEqual(actual.dims, [...expected.shape], `${at}: dims`);
    const scale = Math.max(...Array.from(expected.data, Math.abs));
    expectClose(actual.data, expected.data, { rtol: 1e-4, atol: 1e-6 * scale, name: at });
  }
}

/** Exports at every opset and checks nodes, attributes, ONNX Runtime's outputs and ONNX's checker. */
export async function checkExport(c: ExportCheck, t?: TestContext): Promise<void> {
  const toCheck = [];
  for (const opset of c.opsets) {
    const at = `${c.name} opset ${opset}`;
    const bytes = exportOnnx(c.model, { inputShape: c.inputShape, opset });
    const g = onnx.ModelProto.decode(bytes).graph as DecodedGraph;
    if (c.ops) assert.deepEqual(g.node.map((n) => n.opType), c.ops(opset), `${at}: nodes`);
    const node = c.attributeNode === 'last' ? g.node.at(-1)! : g.node[0];
    const attributes = new Map((node.attribute ?? []).map((a) => [a.name!, attributeValue(a)]));
    for (const [key, value] of Object.entries(c.attributes ?? {})) assert.deepEqual(attributes.get(key), value, `${at}: attribute ${key}`);
    for (const key of c.absent ?? []) assert.ok(!attributes.has(key), `${at}: no ${key} expected`);
    await expectOrtMatches(at, c.model, bytes, (c.inputs ?? twoBatches)(c.inputShape));
    toCheck.push({ name: at, bytes, opset });
  }
  for (const reason of checkAllWithPythonOnnx(toCheck)) t?.diagnostic(`onnx.checker: ${reason}`);
}
