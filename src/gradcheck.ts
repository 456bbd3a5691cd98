// SPDX-License-Identifier: MIT
// gradcheck: compares a layer's hand-derived backward pass with central differences, in float64.
// L = Σ r ⊙ y with a random upstream gradient r (a plain sum would hide transposed or
// permuted gradients), dL/dθ ≈ (L(θ + ε) − L(θ − ε)) / 2ε for every input element and weight.
import { isMerge, type Layer, type Merge, type Mode } from './layers/layer.js';
import { Rng } from './tensor/rng.js';
import { Tensor, formatShape, type Parameter } from './tensor/tensor.js';

/** Anything with a forward over several inputs and a backward returning one gradient per input. */
export interface Differentiable {
  forward(inputs: Tensor[]): Tensor;
  backward(dy: Tensor): Tensor[];
  parameters?(): Parameter[];
}

export interface GradcheckOptions {
  /** Seed for the upstream gradient r. */
  seed?: number;
  /**
   * Finite-difference step (default 1e-5). In float64 the truncation error of a central
   * difference is O(ε²) ≈ 1e-10 and the rounding error ≈ 1e-16·|L|/ε ≈ 1e-11·|L|; at ε = 1e-6 the
   * rounding term grows tenfold and reached the 1e-6 bound on larger layers.
   */
  eps?: number;
  /** Mode passed to a layer's forward (default 'train'). */
  mode?: Mode;
  /** Worst relative error accepted (default 1e-6). */
  tolerance?: number;
  /**
   * Relative errors are |a − n| / max(|a|, |n|, floor): below `floor` the error is absolute,
   * so gradients that are zero up to rounding do not count as failures (default 1e-3).
   */
  floor?: number;
  /** Runs before every forward, e.g. to reset a dropout rng so every evaluation uses one mask. */
  beforeForward?: () => void;
  /** Check at most this many elements per tensor, evenly spread (default: all). */
  maxChecksPerTensor?: number;
}

export interface GradcheckEntry {
  /** 'input' (or 'input0', 'input1', … with several inputs), or the parameter's name. */
  name: string;
  maxRelError: number;
  /** Flat index of the worst element. */
  index: number;
  analytic: number;
  numeric: number;
}

export interface GradcheckReport {
  ok: boolean;
  worst: GradcheckEntry;
  entries: GradcheckEntry[];
}

function isModule(target: Layer | Merge | Differentiable): target is Layer | Merge {
  return 'toSpec' in target;
}

function asDifferentiable(layer: Layer | Merge, mode: Mode): Differentiable {
  if (isMerge(layer)) {
    return { forward: (xs) => layer.forward(xs, mode), backward: (dy) => layer.backward(dy), parameters: () => layer.parameters() };
  }
  return {
    forward: ([x]) => layer.forward(x, mode),
    backward: (dy) => [layer.backward(dy)],
    parameters: () => layer.parameters(),
  };
}

/**
 * Checks every input gradient and parameter gradient of `target` against central differences.
 * The layer's parameters and the inputs are cast to float64 in place (the layer stays float64).
 */
export function gradcheck(
  target: Layer | Merge | Differentiable,
  inputs: Tensor | Tensor[],
  options: GradcheckOptions = {},
): GradcheckReport {
  const { seed = 0, eps = 1e-5, mode = 'train', tolerance = 1e-6, floor = 1e-3 } = options;
  const f = isModule(target) ? asDifferentiable(target, mode) : target;
  const params = f.parameters?.() ?? [];
  for (const p of params) p.cast('float64');
  const xs = (Array.isArray(inputs) ? inputs : [inputs]).map((x) => x.astype('float64'));

  const run = (): Tensor => {
    options.beforeForward?.();
    return f.forward(xs);
  };

  // Analytic gradients.
  for (const p of params) p.zeroGrad();
  const y = run();
  const rng = new Rng(seed);
  const r = Tensor.zeros(y.shape, 'float64');
  for (let i = 0; i < r.size; i++) r.data[i] = rng.normal();
  const dxs = f.backward(r);
  if (dxs.length !== xs.length) throw new Error(`gradcheck: backward returned ${dxs.length} gradients for ${xs.length} inputs`);
  xs.forEach((x, i) => {
    if (dxs[i].size !== x.size) {
      throw new Error(`gradcheck: gradient ${i} has shape ${formatShape(dxs[i].shape)}, input has ${formatShape(x.shape)}`);
    }
  });

  const loss = (): number => {
    const out = run();
    let sum = 0;
    for (let i = 0; i < out.size; i++) sum += r.data[i] * out.data[i];
    return sum;
  };

  const compare = (name: string, values: Tensor, analytic: ArrayLike<number>): GradcheckEntry => {
    const entry: GradcheckEntry = { name, maxRelError: 0, index: -1, analytic: 0, numeric: 0 };
    const step = Math.max(1, Math.floor(values.size / (options.maxChecksPerTensor ?? values.size)));
    for (let i = 0; i < values.size; i += step) {
      const saved = values.data[i];
      values.data[i] = saved + eps;
      const plus = loss();
      values.data[i] = saved - eps;
      const minus = loss();
      values.data[i] = saved;
      const numeric = (plus - minus) / (2 * eps);
      const a = analytic[i];
      const relative = Math.abs(a - numeric) / Math.max(Math.abs(a), Math.abs(numeric), floor);
      const err = Number.isNaN(relative) ? Infinity : relative; // a NaN gradient is the worst error
      if (entry.index < 0 || err > entry.maxRelError) Object.assign(entry, { maxRelError: err, index: i, analytic: a, numeric });
    }
    return entry;
  };

  const paramGrads = params.map((p) => p.grad.data.slice());
  const entries: GradcheckEntry[] = [];
  xs.forEach((x, i) => entries.push(compare(xs.length === 1 ? 'input' : `input${i}`, x, dxs[i].data)));
  // A frozen parameter (requiresGrad false) gets no gradient by design: it is not checked.
  params.forEach((p, i) => p.requiresGrad && entries.push(compare(p.name, p.value, paramGrads[i])));

  let worst = entries[0];
  for (const e of entries) if (e.maxRelError > worst.maxRelError) worst = e;
  const ok = entries.every((e) => e.maxRelError <= tolerance);
  return { ok, worst, entries };
}

/** One line per checked tensor, for error messages and the CLI. */
export function formatGradcheck(report: GradcheckReport): string {
  return report.entries
    .map((e) => `${e.name}: max rel error ${e.maxRelError.toExponential(2)} at ${e.index} (analytic ${e.analytic}, numeric ${e.numeric})`)
    .join('\n');
}
