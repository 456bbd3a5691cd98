// SPDX-License-Identifier: MIT
// Zero padding of an image's borders, each side its own width (negative: cropped), PyTorch's
// nn.ZeroPad2d. It carries the asymmetric padding that TensorFlow's SAME convolutions and ONNX
// files write (Conv2d pads both sides equally), and imports ONNX's Pad of zeros.
import { kernels } from '../kernels/index.js';
import { checkShape, requireSaved, ShapeError } from '../tensor/shape.js';
import { formatShape, type Buffer, type Parameter, type Tensor } from '../tensor/tensor.js';
import type { Layer, LayerSpec, Mode } from './layer.js';
import { checkImage } from './pool-common.js';
import { preview } from './preview.js';
import type { LayerDef } from './registry.js';

/** PyTorch's order: [left, right, top, bottom]. */
export type PadSides = [number, number, number, number];

/**
 * ZeroPad2d: y[n, c, top + h, left + w] = x[n, c, h, w], zeros in the borders; a negative side crops
 * that many rows or columns instead (PyTorch's rule).
 * Shapes: x [N, C, H, W] → y [N, C, top + H + bottom, left + W + right] (each ≥ 1).
 * Backward: dx[n, c, h, w] = dy[n, c, top + h, left + w] where that is inside y, 0 where x was cropped.
 * Derivation: docs/math/zero-pad2d.md
 */
export class ZeroPad2d implements Layer {
  readonly name = 'ZeroPad2d';
  /** [left, right, top, bottom] as PyTorch's `padding`; negative sides crop. */
  readonly padding: PadSides;
  private inputShape: readonly number[] | null = null; // all backward needs

  /** `padding`: one width for every side, or [left, right, top, bottom] (integers; negative crops). */
  constructor(padding: number | readonly number[]) {
    const sides = typeof padding === 'number' ? [padding, padding, padding, padding] : padding;
    if (!Array.isArray(sides) || sides.length !== 4 || !sides.every((p) => Number.isInteger(p))) {
      throw new Error(`ZeroPad2d: padding must be an integer or [left, right, top, bottom] of them, got ${preview(padding)}`);
    }
    this.padding = [sides[0], sides[1], sides[2], sides[3]];
  }

  outputShape(inputShape: readonly number[]): number[] {
    checkImage('ZeroPad2d', inputShape);
    const [left, right, top, bottom] = this.padding;
    const [N, C, H, W] = inputShape;
    const shape = [N, C, top + H + bottom, left + W + right];
    if (shape[2] < 1 || shape[3] < 1) {
      throw new ShapeError(`ZeroPad2d: padding ${formatShape(this.padding)} crops input ${formatShape(inputShape)} to nothing (output ${formatShape(shape)})`);
    }
    return shape;
  }

  forward(x: Tensor, _mode: Mode): Tensor {
    this.outputShape(x.shape);
    this.inputShape = x.shape;
    const [left, right, top, bottom] = this.padding;
    return padOrCrop(padOrCrop(x, 2, top, bottom), 3, left, right);
  }

  backward(dy: Tensor): Tensor {
    const shape = requireSaved('ZeroPad2d', this.inputShape);
    checkShape('ZeroPad2d', dy, this.outputShape(shape), 'dy');
    const [left, right, top, bottom] = this.padding;
    // The adjoint of each step, in reverse: what was padded is cut off, what was cropped comes back as zeros.
    return padOrCrop(padOrCrop(dy, 3, -left, -right), 2, -top, -bottom);
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

/** Along `axis`: `before` and `after` zeros added where positive, that many entries cut off where negative. */
function padOrCrop(x: Tensor, axis: number, before: number, after: number): Tensor {
  const k = kernels();
  const cut = [Math.max(0, -before), Math.max(0, -after)];
  const kept = cut[0] > 0 || cut[1] > 0 ? k.sliceAxis(x, axis, cut[0], x.shape[axis] - cut[0] - cut[1]) : x;
  return before > 0 || after > 0 ? k.padAxis(kept, axis, Math.max(0, before), Math.max(0, after)) : kept;
}

export const zeroPad2dDef: LayerDef<ZeroPad2d> = {
  type: 'ZeroPad2d',
  options: ['padding'],
  fromSpec: (r) => {
    if (!r.has('padding')) r.fail("missing 'padding'");
    const value = r.spec.padding;
    const ok = (v: unknown) => typeof v === 'number' && Number.isInteger(v);
    if (!ok(value) && !(Array.isArray(value) && value.length === 4 && value.every(ok))) {
      r.fail(`'padding' must be an integer or [left, right, top, bottom] of them, got ${preview(value)}`);
    }
    return new ZeroPad2d(value as number | number[]);
  },
  /** ONNX's Pad (opset 11 on: pads as an input, [x1_begin, x2_begin, …, x1_end, x2_end, …]) with zeros; negative pads crop, as here. */
  toOnnx(e, layer, path, [x]) {
    const [left, right, top, bottom] = layer.padding;
    return e.node('Pad', `${path}.Pad`, [x, e.int64s(`${path}.pads`, [0, 0, top, left, 0, 0, bottom, right])], { mode: { string: 'constant' } });
  },
};
