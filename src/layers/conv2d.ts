// SPDX-License-Identifier: MIT
// 2-D convolution (cross-correlation, as PyTorch) over NCHW images, lowered by the kernels to
// GEMM through im2col; stride, padding, dilation and groups (depthwise when groups = C).
import type { MaxPoolRouting } from '../kernels/backend.js';
import { kernels } from '../kernels/index.js';
import { conv2dGeometry, type Conv2dGeometry, type Pair } from '../kernels/geometry.js';
import { Rng } from '../tensor/rng.js';
import { ANY, checkShape, requireSaved } from '../tensor/shape.js';
import { Parameter, Tensor, type Buffer } from '../tensor/tensor.js';
import { checkDtype, checkInteger, checkPair, compactPair, inferDim, initWeights, onnxPads, trainableGrad, type WeightInit } from './common.js';
import type { BackwardOptions, Layer, LayerSpec, Mode } from './layer.js';
import type { LayerDef } from './registry.js';

export interface Conv2dLayerOptions {
  stride?: Pair;
  padding?: Pair;
  dilation?: Pair;
  groups?: number;
  /** Whether the layer adds b (default true). */
  bias?: boolean;
  /** Draws the initial weights (default: a fixed seed, new Rng(0)). */
  rng?: Rng;
  /** Weight initialisation (default: PyTorch's U(−1/√fanIn, 1/√fanIn), fanIn = inC/groups·kH·kW). */
  init?: WeightInit;
  /**
   * The PyTorch name of a BatchNorm2d, a sibling of this layer ('bn1'), that PyTorch's ONNX
   * exporter folded into W and b (ONNX import sets it). Only the PyTorch state dict reads it: it
   * writes b as that BatchNorm's β with γ = 1, mean = 0, var = 1 − eps (see io/torch.ts). Needs bias.
   */
  foldedBatchNorm?: string;
}

/**
 * Conv2d: y[n, o, oh, ow] = b[o] + Σ_{c ∈ group(o), kh, kw} W[o, c, kh, kw] · x[n, c, oh·s − p + kh·d, ow·s − p + kw·d]
 * Shapes: x [N, C, H, W], W [outC, C/groups, kH, kW], b [outC] → y [N, outC, OH, OW],
 *         OH = ⌊(H + 2p − d(kH − 1) − 1)/s⌋ + 1 (geometry.ts).
 * Backward (per group, cols = im2col(x)): dW += dy·colsᵀ,  db += Σ_{n,oh,ow} dy,  dx = col2im(Wᵀ·dy)
 * Derivation: docs/math/conv2d.md
 */
export class Conv2d implements Layer {
  readonly name = 'Conv2d';
  readonly weight: Parameter;
  readonly bias: Parameter | null;
  readonly kernelSize: [number, number];
  readonly stride: [number, number];
  readonly padding: [number, number];
  readonly dilation: [number, number];
  readonly groups: number;
  /** See Conv2dLayerOptions.foldedBatchNorm; null when no BatchNorm was folded in. */
  readonly foldedBatchNorm: string | null;
  /** Backward reads x and w, not y (a fused ReLU's y comes in as an argument): see Module. */
  readonly backwardReadsOutput = false;
  private readonly init: WeightInit;
  private x: Tensor | null = null; // kept by forward, needed for dW
  private g: Conv2dGeometry | null = null; // geometry of the last forward

  constructor(
    readonly inChannels: number,
    readonly outChannels: number,
    kernelSize: Pair,
    options: Conv2dLayerOptions = {},
  ) {
    const { stride = 1, padding = 0, dilation = 1, groups = 1, bias = true, rng = new Rng(0), init = 'default', foldedBatchNorm = null } = options;
    checkInteger('Conv2d', 'inChannels', inChannels);
    checkInteger('Conv2d', 'outChannels', outChannels);
    checkInteger('Conv2d', 'groups', groups);
    this.kernelSize = checkPair('Conv2d', 'kernelSize', kernelSize, 1);
    this.stride = checkPair('Conv2d', 'stride', stride, 1);
    this.padding = checkPair('Conv2d', 'padding', padding, 0);
    this.dilation = checkPair('Conv2d', 'dilation', dilation, 1);
    if (inChannels % groups !== 0 || outChannels % groups !== 0) {
      throw new Error(
        `Conv2d: groups = ${groups} must divide both inChannels (${inChannels}) and outChannels (${outChannels})`,
      );
    }
    this.groups = groups;
    this.init = init;
    if (foldedBatchNorm !== null && (typeof foldedBatchNorm !== 'string' || !/^[\w-]+$/.test(foldedBatchNorm) || !bias)) {
      const why = bias ? 'a module name without dots' : 'a bias (the folded β)';
      throw new Error(`Conv2d: foldedBatchNorm = ${JSON.stringify(foldedBatchNorm)} needs ${why}`);
    }
    this.foldedBatchNorm = foldedBatchNorm;
    const [kH, kW] = this.kernelSize;
    this.weight = new Parameter('weight', Tensor.zeros([outChannels, inChannels / groups, kH, kW]));
    this.bias = bias ? new Parameter('bias', Tensor.zeros([outChannels])) : null;
    initWeights(init, this.weight, this.bias, rng, 'conv');
  }

  /** The geometry for an input shape (checks the channels and that the kernel fits). */
  private geometry(inputShape: readonly number[]): Conv2dGeometry {
    checkShape('Conv2d', inputShape, [ANY, this.inChannels, ANY, ANY]);
    return conv2dGeometry('Conv2d', inputShape, {
      outChannels: this.outChannels,
      kernelSize: this.kernelSize,
      stride: this.stride,
      padding: this.padding,
      dilation: this.dilation,
      groups: this.groups,
    });
  }

  outputShape(inputShape: readonly number[]): number[] {
    const g = this.geometry(inputShape);
    return [g.N, g.outC, g.OH, g.OW];
  }

  forward(x: Tensor, _mode: Mode): Tensor {
    return this.run(x, false);
  }

  /** y = max(W ⋆ x + b, 0): a following ReLU in the convolution's epilogue (see Sequential.forward). */
  forwardWithReLU(x: Tensor, _mode: Mode): Tensor {
    return this.run(x, true);
  }

  private run(x: Tensor, relu: boolean): Tensor {
    const g = this.geometry(x.shape);
    checkDtype('Conv2d', x, this.weight);
    this.x = x;
    this.g = g;
    return kernels().conv2d(x, this.weight.value, this.bias?.value ?? null, g, { relu }); // y = W ⋆ x + b
  }

  backward(dy: Tensor): Tensor;
  backward(dy: Tensor, options: BackwardOptions): Tensor | null;
  backward(dy: Tensor, { needInputGrad = true }: BackwardOptions = {}): Tensor | null {
    return this.runBackward(dy, needInputGrad, null, null);
  }

  /** The backward of max(W ⋆ x + b, 0) given its output y: dy ⊙ [y > 0] in the same kernel call (see Sequential.backward). */
  backwardThroughReLU(dy: Tensor, y: Tensor, { needInputGrad = true }: BackwardOptions = {}): Tensor | null {
    return this.runBackward(dy, needInputGrad, y, null);
  }

  /**
   * The backward of maxPool(max(W ⋆ x + b, 0)) given the ReLU's output y and the pool's routing, dy
   * being the pool's: its dx, the ReLU's mask and this layer's backward in one kernel call.
   */
  backwardThroughReLUAndMaxPool(dy: Tensor, y: Tensor, pool: MaxPoolRouting, { needInputGrad = true }: BackwardOptions = {}): Tensor | null {
    return this.runBackward(dy, needInputGrad, y, pool);
  }

  private runBackward(dy: Tensor, needInputGrad: boolean, reluOutput: Tensor | null, maxPool: MaxPoolRouting | null): Tensor | null {
    const x = requireSaved('Conv2d', this.x);
    const g = requireSaved('Conv2d', this.g);
    const yShape = [g.N, g.outC, g.OH, g.OW];
    if (maxPool) checkShape('Conv2d', [maxPool.g.N, maxPool.g.C, maxPool.g.H, maxPool.g.W], yShape, 'the max pool\'s input');
    else checkShape('Conv2d', dy, yShape, 'dy');
    // dW += dy·colsᵀ, db += Σ dy, dx = col2im(Wᵀ·dy) (skipped, with its GEMM, unless needed)
    const dx = kernels().conv2dBackward(x, this.weight.value, dy, g, {
      dW: trainableGrad(this.weight), // null when frozen: no im2col and GEMM for dW
      db: trainableGrad(this.bias),
      needDx: needInputGrad,
      reluOutput,
      maxPool,
    });
    if (needInputGrad && !dx) throw new Error('Conv2d: the conv2dBackward kernel returned no dx although it was asked for one (a backend bug)');
    return needInputGrad ? dx : null;
  }

  parameters(): Parameter[] {
    return this.bias ? [this.weight, this.bias] : [this.weight];
  }

  buffers(): Buffer[] {
    return [];
  }

  toSpec(): LayerSpec {
    const spec: LayerSpec = {
      type: 'Conv2d',
      inChannels: this.inChannels,
      outChannels: this.outChannels,
      kernelSize: compactPair(this.kernelSize),
    };
    if (this.stride.some((s) => s !== 1)) spec.stride = compactPair(this.stride);
    if (this.padding.some((p) => p !== 0)) spec.padding = compactPair(this.padding);
    if (this.dilation.some((d) => d !== 1)) spec.dilation = compactPair(this.dilation);
    if (this.groups !== 1) spec.groups = this.groups;
    if (!this.bias) spec.bias = false;
    if (this.init !== 'default') spec.init = this.init;
    if (this.foldedBatchNorm !== null) spec.foldedBatchNorm = this.foldedBatchNorm;
    return spec;
  }
}

export const conv2dDef: LayerDef<Conv2d> = {
  type: 'Conv2d',
  options: ['inChannels', 'outChannels', 'kernelSize', 'stride', 'padding', 'dilation', 'groups', 'bias', 'init', 'foldedBatchNorm'],
  fromSpec(r, { rng, inputShapes: [shape] }) {
    const outChannels = r.int('outChannels', 1); // the spec's own fields first, then what the input says
    const kernelSize = r.requiredPair('kernelSize', 1);
    return new Conv2d(r.int('inChannels', 1, inferDim(shape, 1)), outChannels, kernelSize, {
      stride: r.pair('stride', 1),
      padding: r.pair('padding', 0),
      dilation: r.pair('dilation', 1),
      groups: r.optionalInt('groups', 1),
      bias: r.bool('bias'),
      init: r.init(),
      foldedBatchNorm: r.string('foldedBatchNorm'),
      rng,
    });
  },
  toOnnx(e, layer, path, [x]) {
    const inputs = [x, e.initializer(`${path}.weight`, layer.weight.value)]; // [outC, C/groups, kH, kW], as ONNX
    if (layer.bias) inputs.push(e.initializer(`${path}.bias`, layer.bias.value));
    return e.node('Conv', `${path}.Conv`, inputs, {
      kernel_shape: { ints: layer.kernelSize },
      strides: { ints: layer.stride },
      pads: { ints: onnxPads(layer.padding) },
      dilations: { ints: layer.dilation },
      group: { int: layer.groups },
    });
  },
  torch: (layer) => [
    { local: 'weight', torch: 'weight', tensor: layer.weight.value },
    ...(layer.bias ? [{ local: 'bias', torch: 'bias', tensor: layer.bias.value, foldedBatchNorm: layer.foldedBatchNorm ?? undefined }] : []),
  ],
};
