// SPDX-License-Identifier: MIT
// Sequential: a list of layers run in order forward and in reverse order backward, with stable
// parameter names (`0.weight`, `3.bias`) for checkpoints and export, and a printable summary.
import { kernels } from '../kernels/index.js';
import type { Buffer, Parameter, Tensor } from '../tensor/tensor.js';
import { checkDistinct, ChildTensors, withContext } from './container.js';
import { asReLUEpilogue, fusedReLUOutput, fusesWithReLU } from './fusion.js';
import { Conv2d } from './conv2d.js';
import { MaxPool2d } from './max-pool2d.js';
import { hasReLUBackwardFusion, type BackwardOptions, type Child, type Container, type Layer, type LayerSpec, type Mode, type TraceEntry } from './layer.js';
import type { LayerDef } from './registry.js';
import { summarize, type ModelSummary } from './summary.js';

/**
 * Sequential: y = fₖ(…f₁(f₀(x))).  Backward: dx = f₀ᵀ(f₁ᵀ(…fₖᵀ(dy))), each layer adding into its grads.
 * With `needInputGrad: false` (training: nobody reads dL/d(images)) backward stops at the first
 * layer that has trainable parameters (frozen ones do not count), asking it for no dx either, and
 * returns null: the layers before it add into no grads, so their backward would only compute
 * gradients nobody reads. A frozen prefix of the network thus costs no backward at all.
 * Forward runs a Conv2d, Linear or BatchNorm followed by a ReLU as one pass (the ReLU in the kernel's
 * epilogue, the ReLU layer keeping y for its backward): the same numbers, one pass over y fewer.
 * Backward runs such a pair as one call too where the layer takes the ReLU's mask dy ⊙ [y > 0]
 * into its own kernel call (Conv2d, Linear, BatchNorm in training), and Conv2d + ReLU + MaxPool2d as one call with the
 * pool's routing too: the same numbers, a copy of dy and y fewer (and the pool's dx never leaves
 * the kernel).
 * Parameters and buffers are the layers' own objects, renamed in place to `${index}.${localName}`
 * (so optimizers, checkpoints and gradcheck all see the very tensors the layers use).
 */
export class Sequential implements Container {
  readonly name = 'Sequential';
  readonly inputName = 'input';
  readonly layers: readonly Layer[];
  private readonly named: readonly Child[];
  private readonly tensors: ChildTensors;
  /** The last training forward's input and each layer's output, for backward to release (Kernels.release) as it goes. */
  private trained: { x: Tensor; ys: Tensor[]; freed: boolean[] } | null = null;

  constructor(layers: Layer[]) {
    if (!Array.isArray(layers)) throw new Error('Sequential: expected an array of layers');
    layers.forEach((layer, i) => {
      if (!layer || typeof layer.forward !== 'function' || typeof layer.backward !== 'function' || 'isMerge' in layer) {
        throw new Error(`Sequential: element ${i} is not a one-input layer (got ${String((layer as Layer)?.name ?? layer)})`);
      }
    });
    this.layers = [...layers];
    this.named = this.layers.map((module, i) => ({ name: String(i), module }));
    checkDistinct('Sequential', this.named);
    this.tensors = new ChildTensors(this.named);
  }

  get outputName(): string {
    return this.layers.length === 0 ? this.inputName : String(this.layers.length - 1);
  }

  children(): readonly Child[] {
    return this.named;
  }

  outputShape(inputShape: readonly number[]): number[] {
    let shape = [...inputShape];
    this.layers.forEach((layer, i) => {
      shape = withContext(where(i, layer), () => layer.outputShape(shape));
    });
    return shape;
  }

  trace(inputShape: readonly number[]): TraceEntry[] {
    let shape: readonly number[] = inputShape;
    return this.layers.map((layer, i) => {
      const inputShapes = [shape];
      shape = withContext(where(i, layer), () => layer.outputShape(inputShapes[0]));
      return { name: String(i), module: layer, inputs: [i === 0 ? this.inputName : String(i - 1)], inputShapes, outputShape: shape };
    });
  }

  forward(x: Tensor, mode: Mode): Tensor {
    let y = x;
    const ys: Tensor[] = [];
    const release = mode === 'train' ? kernels().release : undefined;
    const freed: boolean[] = [];
    // Layer i has run forward: the output of layer i − 1 goes now if neither backward reads its numbers (Module.backwardReadsInput/Output).
    const releaseBefore = (i: number) => {
      if (!release || i < 1 || this.layers[i].backwardReadsInput !== false || this.layers[i - 1].backwardReadsOutput !== false) return;
      freed[i - 1] = true;
      release([ys[i - 1]], [x, ...ys.filter((_, j) => !freed[j])]);
    };
    for (let i = 0; i < this.layers.length; i++) {
      const layer = this.layers[i];
      const next = this.layers[i + 1];
      if (next && fusesWithReLU(layer, next)) {
        // Conv2d/Linear/BatchNorm + ReLU in one output pass: the same numbers as running them apart, one pass fewer.
        y = withContext(where(i, layer), () => asReLUEpilogue(layer).forwardWithReLU(y, mode));
        next.acceptFusedOutput(y);
        ys.push(y, y);
        releaseBefore(i);
        i++;
        continue;
      }
      y = withContext(where(i, layer), () => layer.forward(y, mode));
      ys.push(y);
      releaseBefore(i);
    }
    this.trained = release ? { x, ys, freed } : null;
    return y;
  }

  backward(dy: Tensor): Tensor;
  backward(dy: Tensor, options: BackwardOptions): Tensor | null;
  backward(dy: Tensor, { needInputGrad = true }: BackwardOptions = {}): Tensor | null {
    const trained = this.trained;
    this.trained = null;
    if (this.layers.length === 0) return dy; // the identity
    const first = needInputGrad ? 0 : this.layers.findIndex((_, i) => this.tensors.hasTrainableParameters(i));
    if (first < 0) return null; // no parameters at all: nothing to compute
    // Once layers from..i have run backward, the gradient they read and their outputs are released
    // (Kernels.release): the layers after them have run backward already. The input, the output and
    // the caller's dy are not this container's to free; what shares memory with a live tensor stays.
    const last = this.layers.length - 1;
    const ran = (from: number, to: number, used: Tensor, d: Tensor | null) => {
      const release = kernels().release;
      if (!release) return;
      const dead = [used];
      const live = [dy];
      if (trained) {
        for (let k = from; k <= to && k < last; k++) if (!trained.freed[k]) dead.push(trained.ys[k]);
        live.push(trained.x, trained.ys[last], ...trained.ys.slice(0, from).filter((_, k) => !trained.freed[k]));
      }
      if (d) live.push(d);
      release(dead, live);
    };
    let d = dy;
    for (let i = this.layers.length - 1; i > first; i--) {
      const layer = this.layers[i];
      const triple = layer instanceof MaxPool2d ? fusedConvReLUPool(this.layers, i) : null;
      if (triple) {
        // The pool's routing and the ReLU's mask inside the convolution's backward call: the same bits as running them apart.
        const { conv, y } = triple;
        const pool = withContext(where(i, layer), () => (layer as MaxPool2d).routing(d));
        const options = { needInputGrad: i - 2 > first || needInputGrad };
        const dConv = withContext(where(i - 2, conv), () => conv.backwardThroughReLUAndMaxPool(d, y, pool, options));
        ran(i - 2, i, d, dConv);
        if (i - 2 === first) return dConv;
        d = dConv!;
        i -= 2;
        continue;
      }
      const before = this.layers[i - 1];
      const y = fusedReLUOutput(before, layer);
      if (y && hasReLUBackwardFusion(before)) {
        // The ReLU's dy ⊙ [y > 0] inside the layer's backward call: the same bits as running them apart.
        const options = { needInputGrad: i - 1 > first || needInputGrad };
        const dPrev: Tensor | null = withContext(where(i - 1, before), () => before.backwardThroughReLU(d, y, options));
        ran(i - 1, i, d, dPrev);
        if (i - 1 === first) return dPrev;
        d = dPrev!;
        i--;
        continue;
      }
      const dPrev = withContext(where(i, layer), () => layer.backward(d));
      ran(i, i, d, dPrev);
      d = dPrev;
    }
    const layer = this.layers[first];
    const dx = withContext(where(first, layer), () => layer.backward(d, { needInputGrad }));
    ran(first, first, d, dx);
    return dx;
  }

  parameters(): Parameter[] {
    return this.tensors.parameters();
  }

  buffers(): Buffer[] {
    return this.tensors.buffers();
  }

  /** Sets every parameter's grad to zero. */
  zeroGrad(): void {
    for (const p of this.parameters()) p.zeroGrad();
  }

  /** Total number of trainable scalars. */
  parameterCount(): number {
    return this.parameters().reduce((total, p) => total + p.size, 0);
  }

  /** Every layer (nested containers expanded) with its output shape and parameter count, from shapes alone. */
  summary(inputShape: readonly number[]): ModelSummary {
    return summarize(this, inputShape);
  }

  toSpec(): LayerSpec {
    return { type: 'Sequential', layers: this.layers.map((layer) => layer.toSpec()) };
  }
}

/**
 * The Conv2d and its fused ReLU's y before the MaxPool2d at `i`, when those three run as one
 * backward call: the ReLU's forward was fused into the conv and none has its backward replaced.
 */
function fusedConvReLUPool(layers: readonly Layer[], i: number): { conv: Conv2d; y: Tensor } | null {
  const [conv, relu, pool] = [layers[i - 2], layers[i - 1], layers[i]];
  if (!(conv instanceof Conv2d) || Object.hasOwn(pool, 'backward')) return null;
  const y = fusedReLUOutput(conv, relu);
  return y ? { conv, y } : null;
}

function where(index: number, layer: Layer): string {
  return `Sequential layer ${index} (${layer.name})`;
}

/** Prints model.summary(inputShape).text (to console.log unless another printer is given). */
export function printSummary(
  model: Container,
  inputShape: readonly number[],
  print: (line: string) => void = console.log,
): ModelSummary {
  const summary = summarize(model, inputShape);
  print(summary.text);
  return summary;
}

export const sequentialDef: LayerDef<Sequential> = {
  type: 'Sequential',
  options: ['layers'],
  fromSpec(r, ctx) {
    const specs = r.spec.layers;
    if (!Array.isArray(specs)) r.fail(`'layers' must be an array of layer specs`);
    let shape = ctx.inputShapes[0] ?? null;
    const prefix = ctx.path === '' ? '' : `${ctx.path}.`;
    const layers = (specs as unknown[]).map((spec, i) => {
      const layer = ctx.build(spec, `${prefix}${i}`, [shape]) as Layer;
      if (shape) shape = withContext(`model spec: layer ${prefix}${i} (${layer.name})`, () => layer.outputShape(shape!));
      return layer;
    });
    return new Sequential(layers);
  },
};
