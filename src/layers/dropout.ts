// SPDX-License-Identifier: MIT
// Inverted dropout: in training each element is kept with probability 1 − p and scaled by
// 1/(1 − p), so the expected output equals the input and evaluation needs no rescaling.
import { kernels } from '../kernels/index.js';
import { Rng } from '../tensor/rng.js';
import { checkShape, requireSaved } from '../tensor/shape.js';
import { Tensor, type Buffer, type Parameter } from '../tensor/tensor.js';
import type { Layer, LayerSpec, Mode } from './layer.js';
import type { LayerDef } from './registry.js';

export interface DropoutOptions {
  /** Draws the masks (default: a fixed seed, new Rng(0)). Reset its state to replay a mask. */
  rng?: Rng;
}

/**
 * Dropout (train): mask[i] = 1/(1 − p) with probability 1 − p, else 0;  y = x ⊙ mask.
 * Dropout (eval, or p = 0): y = x.
 * Shapes: any; y has x's shape.
 * Backward: dx = dy ⊙ mask (the mask of the last forward), or dx = dy after an eval forward.
 * Derivation: docs/math/dropout.md
 */
export class Dropout implements Layer {
  readonly name = 'Dropout';
  readonly rng: Rng;
  private mask: Tensor | null = null; // kept by a train forward; null after an eval forward
  private savedShape: readonly number[] | null = null; // y's shape, to check dy

  constructor(
    readonly p = 0.5,
    options: DropoutOptions = {},
  ) {
    if (typeof p !== 'number' || !(p >= 0 && p < 1)) {
      throw new Error(`Dropout: p must be a probability in [0, 1), got ${String(p)}`);
    }
    this.rng = options.rng ?? new Rng(0);
  }

  outputShape(inputShape: readonly number[]): number[] {
    return [...inputShape];
  }

  forward(x: Tensor, mode: Mode): Tensor {
    this.savedShape = x.shape;
    if (mode === 'eval' || this.p === 0) {
      this.mask = null;
      return x;
    }
    // The mask is one random draw per element; the multiply itself is a kernel.
    const mask = Tensor.zeros(x.shape, x.dtype);
    const keepScale = 1 / (1 - this.p);
    for (let i = 0; i < mask.size; i++) mask.data[i] = this.rng.next() < this.p ? 0 : keepScale;
    this.mask = mask;
    return kernels().mul(x, mask); // y = x ⊙ mask
  }

  backward(dy: Tensor): Tensor {
    const shape = requireSaved('Dropout', this.savedShape);
    checkShape('Dropout', dy, shape, 'dy');
    return this.mask ? kernels().mul(dy, this.mask) : dy; // dx = dy ⊙ mask
  }

  parameters(): Parameter[] {
    return [];
  }

  buffers(): Buffer[] {
    return [];
  }

  toSpec(): LayerSpec {
    return { type: 'Dropout', p: this.p };
  }
}

export const dropoutDef: LayerDef<Dropout> = {
  type: 'Dropout',
  options: ['p'],
  fromSpec: (r, { rng }) => new Dropout(r.number('p') ?? 0.5, { rng: rng.fork() }),
  toOnnx: (_e, _layer, _path, [x]) => x, // the identity in eval: no node
};
