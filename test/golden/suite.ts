// SPDX-License-Identifier: MIT
// Golden comparison against PyTorch: every case in test/fixtures/golden-*.json (made in float64 by
// test/fixtures/make-fixtures.py) is run through Nabla with whatever backend kernels() returns, so
// each backend runs the same cases (test/golden/ref.test.ts for ref, test/kernels/wasm.test.ts).
//
// float32 (the default), the bound: |a − r| ≤ 1e-4·|r| + 1e-5·max|r|, r the float64
// reference, max over the compared tensor. float64 (ref only: the wasm kernels are float32):
// |a − r| ≤ 1e-9·|r| + 1e-11·max|r|. Every fixture input is float32-exact, so both runs start from
// PyTorch's very numbers, and in float64 any difference left is rounding (~1e-16 per operation,
// grown by the reductions and the conditioning of a case), not a different formula; a formula off
// by as little as an ε inside a square root shows up there. Checked: the output, dx, every
// parameter grad, running statistics, the loss.
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Kernels } from '../../src/kernels/backend.js';
import { inFrame, kernels, setKernels } from '../../src/kernels/index.js';
import type { WasmKernels } from '../../src/kernels/wasm/index.js';
import {
  AdaptiveAvgPool2d,
  AvgPool2d,
  BatchNorm1d,
  BatchNorm2d,
  Conv2d,
  Dropout,
  Flatten,
  GELU,
  GlobalAvgPool2d,
  LeakyReLU,
  Linear,
  MaxPool2d,
  MSELoss,
  ReLU,
  Rng,
  Sequential,
  Sigmoid,
  Softplus,
  SoftmaxCrossEntropy,
  Tanh,
  Tensor,
  type DType,
  type Layer,
} from '../../src/index.js';
import { expectClose } from '../helpers/close.js';
import { layerFromSpec, type LayerSpec } from '../../src/index.js';

/** Relative tolerance and absolute floor (times the tensor's largest entry) per dtype. */
export const GOLDEN_BOUNDS: Record<DType, { rtol: number; atolFactor: number }> = {
  float32: { rtol: 1e-4, atolFactor: 1e-5 }, // the bound
  float64: { rtol: 1e-9, atolFactor: 1e-11 },
};

export interface FixtureTensor {
  shape: number[];
  data: number[];
}

export interface LayerSpecJson {
  type: string;
  args?: unknown[];
  options?: Record<string, unknown>;
  layers?: LayerSpecJson[];
  /** Nabla's own JSON spec (graph cases), built with layerFromSpec. */
  nabla?: LayerSpec;
}

export interface GoldenStep {
  mode: 'train' | 'eval';
  zeroGradBefore: boolean;
  x: FixtureTensor;
  y: FixtureTensor;
  dy?: FixtureTensor;
  dx?: FixtureTensor;
  grads?: Record<string, FixtureTensor>;
  buffersAfter?: Record<string, FixtureTensor>;
}

export interface LayerCase {
  name: string;
  layer: LayerSpecJson;
  params: Record<string, FixtureTensor>;
  buffers: Record<string, FixtureTensor>;
  steps: GoldenStep[];
  /** Why PyTorch's float64 numbers for this case are not exact enough for the float64 bound (then float32 only). */
  float64Skip?: string;
}

export interface LossCase {
  name: string;
  loss: { type: 'SoftmaxCrossEntropy' | 'MSELoss'; options: Record<string, unknown> };
  input: FixtureTensor;
  target: number[] | FixtureTensor;
  lossValue: number;
  dInput: FixtureTensor;
}

export const LAYER_FIXTURES = [
  'golden-linear.json',
  'golden-conv2d.json',
  'golden-pooling.json',
  'golden-activations.json',
  'golden-batch-norm.json',
  'golden-misc.json',
  'golden-graph.json',
  'golden-pools.json',
  'golden-norms.json',
  'golden-activations-more.json',
  'golden-convt.json',
  'golden-shuffle.json',
  'golden-embedding.json',
  'golden-upsample.json',
] as const;
export const LOSS_FIXTURES = ['golden-losses.json', 'golden-losses-spatial.json'] as const;

export function loadFixture<T>(file: string): T[] {
  const url = new URL(`../fixtures/${file}`, import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { cases: T[] }).cases;
}

export function toTensor(t: FixtureTensor, dtype: DType = 'float32'): Tensor {
  return Tensor.from(t.data, t.shape, dtype);
}

function maxAbs(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) m = Math.max(m, Math.abs(values[i]));
  return m;
}

/** Shape and dtype must match exactly; values within the golden bound of the dtype. */
export function expectGolden(actual: Tensor, expected: FixtureTensor, name: string, dtype: DType = 'float32'): void {
  assert.deepEqual([...actual.shape], expected.shape, `${name}: shape`);
  assert.equal(actual.dtype, dtype, `${name}: dtype`);
  const { rtol, atolFactor } = GOLDEN_BOUNDS[dtype];
  expectClose(actual.data, expected.data, { rtol, atol: atolFactor * maxAbs(expected.data), name });
}

/** Builds a Nabla layer from a fixture spec (positional args and options as in make-fixtures.py). */
export function buildLayer(spec: LayerSpecJson): Layer {
  if (spec.nabla) return layerFromSpec(spec.nabla) as Layer; // graph cases carry Nabla's own spec
  const a = spec.args ?? [];
  const o = spec.options ?? {};
  const n = (i: number): number => a[i] as number;
  switch (spec.type) {
    case 'Linear':
      return new Linear(n(0), n(1), o);
    case 'Conv2d':
      return new Conv2d(n(0), n(1), a[2] as number | [number, number], o);
    case 'MaxPool2d':
      return new MaxPool2d(a[0] as number | [number, number], o);
    case 'AvgPool2d':
      return new AvgPool2d(a[0] as number | [number, number], o);
    case 'ReLU':
      return new ReLU();
    case 'LeakyReLU':
      return new LeakyReLU(n(0));
    case 'Sigmoid':
      return new Sigmoid();
    case 'Tanh':
      return new Tanh();
    case 'GELU':
      return new GELU();
    case 'Softplus':
      return new Softplus(o);
    case 'Flatten':
      return new Flatten();
    case 'Dropout':
      return new Dropout(n(0), { rng: new Rng(1) });
    case 'BatchNorm1d':
      return new BatchNorm1d(n(0), o);
    case 'BatchNorm2d':
      return new BatchNorm2d(n(0), o);
    case 'Sequential':
      return new Sequential((spec.layers ?? []).map(buildLayer));
    case 'AdaptiveAvgPool2d':
      return new AdaptiveAvgPool2d(a[0] as number | [number | null, number | null]);
    case 'GlobalAvgPool2d':
      return new GlobalAvgPool2d();
    default:
      throw new Error(`golden suite: no builder for layer type '${spec.type}'`);
  }
}

function byName<T extends { name: string }>(items: T[]): Map<string, T> {
  return new Map(items.map((item) => [item.name, item]));
}

/**
 * Runs one layer case: loads the weights, then every step (forward, backward, grads, buffers).
 * In float64 the parameters and buffers are converted first (the layer then stays float64).
 */
export function runLayerCase(c: LayerCase, dtype: DType = 'float32', framed = false): void {
  // framed: each step runs in one frame of the backend (Kernels.frame), its x and dy put there
  // first, as a training step's tensors are: kernels then read their inputs where they lie.
  const runtime = framed ? (kernels() as Partial<WasmKernels>).runtime : undefined;
  const frame = (fn: () => void): void => (framed ? inFrame(fn) : fn());
  const input = (t: Tensor): Tensor => (runtime && t.data instanceof Float32Array ? new Tensor(runtime.resident(t.data), t.shape) : t);
  const layer = buildLayer(c.layer);
  const params = byName(layer.parameters());
  const buffers = byName(layer.buffers());
  if (dtype === 'float64') {
    for (const p of params.values()) p.cast('float64');
    for (const b of buffers.values()) b.value = b.value.astype('float64');
  }
  assert.deepEqual([...params.keys()].sort(), Object.keys(c.params).sort(), `${c.name}: parameter names`);
  assert.deepEqual([...buffers.keys()].sort(), Object.keys(c.buffers).sort(), `${c.name}: buffer names`);
  for (const [name, value] of Object.entries(c.params)) {
    const p = params.get(name)!;
    assert.deepEqual([...p.value.shape], value.shape, `${c.name}: shape of parameter ${name}`);
    p.value.data.set(value.data);
  }
  // Initial buffers are not loaded but compared: they must start as PyTorch's (mean 0, var 1).
  for (const [name, value] of Object.entries(c.buffers)) {
    expectGolden(buffers.get(name)!.value, value, `${c.name}: initial ${name}`, dtype);
  }

  c.steps.forEach((step, s) => frame(() => {
    const at = `${c.name}: step ${s + 1} (${step.mode})`;
    if (step.zeroGradBefore) for (const p of params.values()) p.zeroGrad();
    const y = layer.forward(input(toTensor(step.x, dtype)), step.mode);
    expectGolden(y, step.y, `${at} y`, dtype);
    if (step.dy) {
      const dx = layer.backward(input(toTensor(step.dy, dtype)));
      expectGolden(dx, step.dx!, `${at} dx`, dtype);
      for (const [name, grad] of Object.entries(step.grads ?? {})) {
        expectGolden(params.get(name)!.grad, grad, `${at} grad of ${name}`, dtype);
      }
    }
    for (const [name, value] of Object.entries(step.buffersAfter ?? {})) {
      expectGolden(buffers.get(name)!.value, value, `${at} ${name} after`, dtype);
    }
  }));
}

/** Runs one loss case: the scalar loss and d(loss)/d(input). */
export function runLossCase(c: LossCase, dtype: DType = 'float32'): void {
  const input = toTensor(c.input, dtype);
  let loss: number;
  let dInput: Tensor;
  if (c.loss.type === 'SoftmaxCrossEntropy') {
    const o = c.loss.options;
    const weight = o.weight ? toTensor(o.weight as FixtureTensor, dtype) : null;
    const ce = new SoftmaxCrossEntropy({
      reduction: o.reduction as 'mean' | 'sum',
      labelSmoothing: o.labelSmoothing as number,
      weight,
      ...(o.ignoreIndex !== undefined ? { ignoreIndex: o.ignoreIndex as number } : {}),
    });
    loss = ce.forward(input, Int32Array.from(c.target as number[])); // spatial: [N, H, W] flattened
    dInput = ce.backward();
  } else {
    const mse = new MSELoss({ reduction: c.loss.options.reduction as 'mean' | 'sum' });
    loss = mse.forward(input, toTensor(c.target as FixtureTensor, dtype));
    dInput = mse.backward();
  }
  const r = c.lossValue;
  const { rtol, atolFactor } = GOLDEN_BOUNDS[dtype];
  const bound = (rtol + atolFactor) * Math.abs(r);
  assert.ok(
    Math.abs(loss - r) <= bound,
    `${c.name}: loss expected ${r}, got ${loss} (|diff| ${Math.abs(loss - r)}, tolerance ${bound})`,
  );
  expectGolden(dInput, c.dInput, `${c.name}: dInput`, dtype);
}

export interface GoldenSuiteOptions {
  /** Backend to run under (set before, restored after); default: whatever kernels() returns. */
  backend?: Kernels;
  /** Precision of the Nabla run (default float32). */
  dtype?: DType;
  /** Each step inside one frame of the backend, its inputs resident there (runLayerCase's framed). */
  framed?: boolean;
}

/** Registers one node:test per fixture case. */
export function runGoldenSuite(options: GoldenSuiteOptions = {}): void {
  const label = options.backend?.name ?? kernels().name;
  const dtype = options.dtype ?? 'float32';
  const framed = options.framed ?? false;
  describe(`golden (PyTorch float64 vs Nabla ${dtype}, ${label} kernels${framed ? ', each step in a frame' : ''})`, () => {
    let previous: Kernels | null = null;
    before(() => {
      if (!options.backend) return;
      previous = kernels();
      setKernels(options.backend);
    });
    after(() => {
      if (previous) setKernels(previous);
    });

    for (const file of LAYER_FIXTURES) {
      describe(file, () => {
        for (const c of loadFixture<LayerCase>(file)) {
          const skip = dtype === 'float64' && c.float64Skip ? c.float64Skip : false;
          test(c.name, { skip }, () => runLayerCase(c, dtype, framed));
        }
      });
    }
    for (const file of LOSS_FIXTURES) {
      describe(file, () => {
        for (const c of loadFixture<LossCase>(file)) test(c.name, () => runLossCase(c, dtype));
      });
    }
  });
}
