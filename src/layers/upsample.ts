// SPDX-License-Identifier: MIT
// Upsampling of images (PyTorch's nn.Upsample, F.interpolate with recompute_scale_factor=None):
// nearest or bilinear, to a scale factor or a size; the U-Net decoder's way up. No parameters.
import { kernels } from '../kernels/index.js';
import { nearestIndices, upsampleGeometry, type UpsampleGeometry, type UpsampleMode } from '../kernels/upsample-geometry.js';
import { checkShape, requireSaved } from '../tensor/shape.js';
import { Tensor, type Buffer, type Parameter } from '../tensor/tensor.js';
import { compactPair } from './common.js';
import type { Layer, LayerSpec, Mode } from './layer.js';
import { preview } from './preview.js';
import type { LayerDef, OnnxAttribute } from './registry.js';

export interface UpsampleOptions {
  /** Output [OH, OW] (or one number for both). Give this or scaleFactor. */
  size?: number | readonly [number, number];
  /** OH = ⌊H·sh⌋, OW = ⌊W·sw⌋ (one number for both; non-integer allowed); coordinates then use 1/s. */
  scaleFactor?: number | readonly [number, number];
  /** 'nearest' (default) or 'bilinear'. */
  mode?: UpsampleMode;
  /** Bilinear only (default false): input and output corner pixels aligned; PyTorch refuses it for nearest. */
  alignCorners?: boolean;
}

const MODES: readonly UpsampleMode[] = ['nearest', 'bilinear'];

function readPair(value: unknown, what: string, ok: (v: unknown) => boolean, wanted: string): [number, number] {
  if (ok(value)) return [value as number, value as number];
  if (Array.isArray(value) && value.length === 2 && value.every(ok)) return [value[0], value[1]];
  throw new Error(`Upsample: ${what} must be ${wanted} or a pair [h, w] of them, got ${preview(value)}`);
}

const isSize = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 1;
const isScale = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v > 0;

/**
 * Upsample: nearest y[n, c, oh, ow] = x[n, c, r(oh), q(ow)], r(oh) = min(⌊oh·H/OH⌋, H − 1) in
 * float32 as PyTorch (1/sh for H/OH when scaleFactor is given); bilinear y = Σ lʰ·lʷ·x over the 2×2 taps
 * around the source point (half-pixel centres clamped at 0, or alignCorners).
 * Shapes: x [N, C, H, W] → y [N, C, OH, OW], OH = size[0] or ⌊H·sh⌋.
 * Backward: dx[n, c, h, w] = Σ over the outputs that read (h, w) of weight·dy (nearest: weight 1).
 * Derivation: docs/math/upsample.md
 */
export class Upsample implements Layer {
  readonly name = 'Upsample';
  readonly size: [number, number] | null;
  readonly scaleFactor: [number, number] | null;
  readonly mode: UpsampleMode;
  readonly alignCorners: boolean;
  private g: UpsampleGeometry | null = null; // all backward needs

  constructor(options: UpsampleOptions) {
    const { size, scaleFactor, mode = 'nearest', alignCorners } = options;
    if (!MODES.includes(mode)) throw new Error(`Upsample: mode must be 'nearest' or 'bilinear', got ${preview(mode)}`);
    if (size !== undefined && scaleFactor !== undefined) {
      throw new Error("Upsample: give size or scaleFactor, not both (PyTorch: 'only one of size or scale_factor should be defined')");
    }
    if (size === undefined && scaleFactor === undefined) {
      throw new Error("Upsample: give size or scaleFactor (PyTorch: 'either size or scale_factor should be defined')");
    }
    if (alignCorners !== undefined && mode === 'nearest') {
      throw new Error(
        "Upsample: alignCorners is for mode 'bilinear' only (PyTorch: 'align_corners option can only be set with the " +
          "interpolating modes: linear | bilinear | bicubic | trilinear')",
      );
    }
    if (alignCorners !== undefined && typeof alignCorners !== 'boolean') throw new Error(`Upsample: alignCorners must be true or false, got ${preview(alignCorners)}`);
    this.size = size === undefined ? null : readPair(size, 'size', isSize, 'an integer ≥ 1');
    this.scaleFactor = scaleFactor === undefined ? null : readPair(scaleFactor, 'scaleFactor', isScale, 'a finite number > 0');
    this.mode = mode;
    this.alignCorners = alignCorners ?? false;
  }

  /** The kernels' geometry for an input shape (throws naming the shapes when it is not [N, C, H, W] or gives nothing). */
  geometry(inputShape: readonly number[]): UpsampleGeometry {
    return upsampleGeometry('Upsample', inputShape, this);
  }

  outputShape(inputShape: readonly number[]): number[] {
    const g = this.geometry(inputShape);
    return [g.N, g.C, g.OH, g.OW];
  }

  forward(x: Tensor, _mode: Mode): Tensor {
    const g = this.geometry(x.shape);
    this.g = g;
    return kernels().upsample2d(x, g);
  }

  backward(dy: Tensor): Tensor {
    const g = requireSaved('Upsample', this.g);
    checkShape('Upsample', dy, [g.N, g.C, g.OH, g.OW], 'dy');
    return kernels().upsample2dBackward(dy, g); // dx = Σ weight·dy over the taps each output read
  }

  parameters(): Parameter[] {
    return [];
  }

  buffers(): Buffer[] {
    return [];
  }

  toSpec(): LayerSpec {
    const spec: LayerSpec = { type: 'Upsample' };
    if (this.size) spec.size = compactPair(this.size);
    if (this.scaleFactor) spec.scaleFactor = this.scaleFactor[0] === this.scaleFactor[1] ? this.scaleFactor[0] : [...this.scaleFactor];
    if (this.mode !== 'nearest') spec.mode = this.mode;
    if (this.alignCorners) spec.alignCorners = true;
    return spec;
  }
}

export const upsampleDef: LayerDef<Upsample> = {
  type: 'Upsample',
  options: ['size', 'scaleFactor', 'mode', 'alignCorners'],
  fromSpec(r) {
    const { size, scaleFactor } = r.spec;
    const mode = r.choice('mode', MODES);
    const alignCorners = r.bool('alignCorners');
    try {
      return new Upsample({ size, scaleFactor, mode, alignCorners } as UpsampleOptions);
    } catch (error) {
      return r.fail((error as Error).message.replace(/^Upsample: /, ''));
    }
  },
  /**
   * One Resize, as PyTorch 1.13 exports nn.Upsample: roi empty; nearest with asymmetric coordinates
   * and floor, bilinear ('linear') with half_pixel or align_corners. A scale factor is the scales
   * input [1, 1, sh, sw] (see onnxScale); a size is the sizes input, [N, C] read from the input's
   * shape (the batch may vary) then [OH, OW], or scales where only they give PyTorch's nearest rows.
   */
  toOnnx(e, layer, path, [x], [shape]) {
    const g = layer.geometry(shape);
    const isNearest = layer.mode === 'nearest';
    const attributes: Record<string, OnnxAttribute> = isNearest
      ? { mode: { string: 'nearest' }, coordinate_transformation_mode: { string: 'asymmetric' }, nearest_mode: { string: 'floor' } }
      : { mode: { string: 'linear' }, coordinate_transformation_mode: { string: layer.alignCorners ? 'align_corners' : 'half_pixel' } };
    const rows = isNearest ? nearestIndices(g.H, g.OH, g.scaleH) : null;
    const cols = isNearest ? nearestIndices(g.W, g.OW, g.scaleW) : null;
    // A size goes as sizes, whose scale ONNX Runtime takes as float32(out/in), unless that misses
    // PyTorch's nearest pixels and a scale exists that hits them.
    const bySizes = layer.size && (!isNearest || (pixelsFit(g.H, Math.fround(g.OH / g.H), rows) && pixelsFit(g.W, Math.fround(g.OW / g.W), cols)));
    const exact = isNearest && layer.size && !bySizes
      ? [fittingScale(g.H, g.OH, g.OH / g.H, rows), fittingScale(g.W, g.OW, g.OW / g.W, cols)] : null;
    if (layer.scaleFactor || (exact && exact[0] !== null && exact[1] !== null)) {
      const [sh, sw] = layer.scaleFactor ?? [g.OH / g.H, g.OW / g.W];
      const scales = [1, 1, onnxScale(g.H, g.OH, sh, rows), onnxScale(g.W, g.OW, sw, cols)];
      return e.node('Resize', `${path}.Resize`, [x, '', e.initializer(`${path}.scales`, Tensor.from(scales, [4]))], attributes);
    }
    const inputShape = e.node('Shape', `${path}.Shape`, [x]);
    const batchAndChannels = e.node('Slice', `${path}.Slice`, [inputShape, e.int64s(`${path}.starts`, [0]), e.int64s(`${path}.ends`, [2]), e.int64s(`${path}.axes`, [0])]);
    const sizes = e.node('Concat', `${path}.Concat`, [batchAndChannels, e.int64s(`${path}.size`, [g.OH, g.OW])], { axis: { int: 0 } });
    return e.node('Resize', `${path}.Resize`, [x, '', '', sizes], attributes);
  },
};

/** ONNX Runtime's nearest source index under Resize (asymmetric, floor) at the float32 scale s: ⌊float32(o/s)⌋, clamped. */
function onnxNearestIndex(o: number, s: number, inSize: number): number {
  return Math.min(Math.floor(Math.fround(o / s)), inSize - 1);
}

/** Whether scale s reads PyTorch's nearest source rows `want` (null: bilinear, nothing to match). */
function pixelsFit(inSize: number, s: number, want: Int32Array | null): boolean {
  return !want || want.every((i, o) => onnxNearestIndex(o, s, inSize) === i);
}

/** Whether ONNX's output length ⌊s·in⌋ (float32 in some runtimes, exact in ONNX's shape inference) is outSize. */
function lengthFits(inSize: number, outSize: number, s: number): boolean {
  return Math.floor(s * inSize) === outSize && Math.floor(Math.fround(s * inSize)) === outSize; // float32 × small integer: exact in float64
}

/**
 * The float32 scale nearest `start` (within 64 float32 steps) that gives ONNX's output length
 * outSize and PyTorch's nearest pixels; null when none does. ONNX Runtime reads ⌊o/s⌋, PyTorch
 * ⌊o·float32(1/s)⌋, which differ where o/s is near an integer: 1.2 on 16 rows needs one step up
 * from float32(1.2); 1.2 on 20 rows, or 6 rows to 10, have no such scale (docs/interop.md).
 */
function fittingScale(inSize: number, outSize: number, start: number, want: Int32Array | null): number | null {
  const bits = new Float32Array([start]);
  const asInt = new Int32Array(bits.buffer); // on positive floats, ±1 on the bits is the next float32 up or down
  const base = asInt[0];
  for (let step = 0; step <= 64; step++) {
    for (const sign of step === 0 ? [1] : [1, -1]) {
      asInt[0] = base + sign * step;
      if (lengthFits(inSize, outSize, bits[0]) && pixelsFit(inSize, bits[0], want)) return bits[0];
    }
  }
  return null;
}

/**
 * The scale to write for one axis. Where bilinear keeps an axis's length PyTorch copies it, whatever
 * the factor: 1 says exactly that (so does nearest, where PyTorch's rows are the identity). Else
 * the fitting scale nearest the factor; where no float32 scale gives PyTorch's nearest pixels, the
 * nearest one that gives its output length (1.4 on 5 rows: float32(1.4)·5 is 6.9999998, PyTorch's
 * length 7), which then reads a neighbouring row at a few outputs, as PyTorch's own export does.
 */
function onnxScale(inSize: number, outSize: number, factor: number, want: Int32Array | null): number {
  if (outSize === inSize && (!want || want.every((i, o) => i === o))) return 1;
  const fitting = fittingScale(inSize, outSize, factor, want) ?? fittingScale(inSize, outSize, factor, null);
  if (fitting === null) throw new Error(`Upsample: no float32 scale gives ${outSize} from ${inSize} in ONNX (factor ${factor})`);
  return fitting;
}
