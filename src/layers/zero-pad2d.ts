// SPDX-License-Identifier: MIT
// Zero padding of an image's borders, each side its own width: PyTorch's nn.ZeroPad2d. It carries
// the asymmetric padding that TensorFlow's SAME convolutions and ONNX files write (Conv2d pads both
// sides equally), and imports ONNX's Pad of zeros.
import { kernels } from '../kernels/index.js';
import { checkShape, requireSaved } from '../tensor/shape.js';
import type { Buffer, Parameter, Tensor } from '../tensor/tensor.js';
import type { Layer, LayerSpec, Mode } from './layer.js';
import { checkImage } from './pool-common.js';
import { preview } from './preview.js';
import type { LayerDef } from './registry.js';

/** PyTorch's order: [left, right, top, bottom]. */
export type PadSides = [number, number, number, number];

/**
 * ZeroPad2d: y[n, c, top + h, left + w] = x[n, c, h, w], zeros in the borders.
 * Shapes: x [N, C, H, W] → y [N, C, top + H + bottom, left + W + right].
 * Backward: dx = dy[n, c, top : top + H, left : left + W] (the border gradients reach nothing).
 * Derivation: docs/math/zero-pad2d.md
 */
export class ZeroPad2d implements Layer {
  readonly name = 'ZeroPad2d';
  /** [left, right, top, bottom] as PyTorch's `padding`. */
  readonly padding: PadSides;
  private inputShape: readonly number[] | null = null; // all backward needs

  /** `padding`: one width for every side, or [left, right, top, bottom] (integers ≥ 0). */
  constructor(padding: number | readonly number[]) {
    const sides = typeof padding === 'number' ? [padding, padding, padding, padding] : padding;
    if (!Array.isArray(sides) || sides.length !== 4 || !sides.every((p) => Number.isInteger(p) && p >= 0)) {
      throw new Error(`ZeroPad2d: padding must be an integer ≥ 0 or [left, right, top, bottom] of them, got ${preview(padding)} (negative padding, PyTorch's cropping, is not supported)`);
    }
    this.padding = [sides[0], sides[1], sides[2], sides[3]];
  }

  outputShape(inputShape: readonly number[]): number[] {
    checkImage('ZeroPad2d', inputShape);
    const [left, right, top, bottom] = this.padding;
    const [N, C, H, W] = inputShape;
    return [N, C, top + H + bottom, left + W + right];
  }

  forward(x: Tensor, _mode: Mode): Tensor {
    this.outputShape(x.shape);
    this.inputShape = x.shape;
    const [left, right, top, bottom] = this.padding;
    const k = kernels();
    return k.padAxis(k.padAxis(x, 2, top, bottom), 3, left, right);
  }

  backward(dy: Tensor): Tensor {
    const shape = requireSaved('ZeroPad2d', this.inputShape);
    checkShape('ZeroPad2d', dy, this.outputShape(shape), 'dy');
    const [left, , top] = this.padding;
    const k = kernels();
    return k.sliceAxis(k.sliceAxis(dy, 2, top, shape[2]), 3, left, shape[3]); // dx = dy without its borders
  }

  parameters(): Parameter[] {
    return [];
  }

  buffers(): Buffer[] {
    return [];
  }

  toSpec(): LayerSpec {
    const p = this.padding;
    return { type: 'ZeroPad2d', padding: p.every((v) => v === p[0]) ? p[0] : [...p] };
  }
}

export const zeroPad2dDef: LayerDef<ZeroPad2d> = {
  type: 'ZeroPad2d',
  options: ['padding'],
  fromSpec: (r) => {
    if (!r.has('padding')) r.fail("missing 'padding'");
    const value = r.spec.padding;
    const ok = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
    if (!ok(value) && !(Array.isArray(value) && value.length === 4 && value.every(ok))) {
      r.fail(`'padding' must be an integer ≥ 0 or [left, right, top, bottom] of them, got ${preview(value)}`);
    }
    return new ZeroPad2d(value as number | number[]);
  },
  /** ONNX's Pad (opset 11 on: pads as an input, [x1_begin, x2_begin, …, x1_end, x2_end, …]) with zeros. */
  toOnnx(e, layer, path, [x]) {
    const [left, right, top, bottom] = layer.padding;
    return e.node('Pad', `${path}.Pad`, [x, e.int64s(`${path}.pads`, [0, 0, top, left, 0, 0, bottom, right])], { mode: { string: 'constant' } });
  },
};
