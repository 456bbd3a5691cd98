// SPDX-License-Identifier: MIT
// 2-D transposed convolution (PyTorch's ConvTranspose2d): the input gradient of a convolution,
// computed on the convolution's own GEMM + col2im; its backward is a convolution forward (dx) and
// the convolution's weight gradient with the roles of x and dy swapped (dW).
import { kernels } from '../kernels/index.js';
import { convTranspose2dGeometry, type Conv2dGeometry, type Pair } from '../kernels/geometry.js';
import { Rng } from '../tensor/rng.js';
import { ANY, checkShape, requireSaved } from '../tensor/shape.js';
import { Parameter, Tensor, type Buffer } from '../tensor/tensor.js';
import { checkDtype, checkInteger, checkPair, compactPair, inferDim, initWeights, onnxPads, trainableGrad, type WeightInit } from './common.js';
import type { BackwardOptions, Layer, LayerSpec, Mode } from './layer.js';
import type { LayerDef } from './registry.js';

export interface ConvTranspose2dLayerOptions {
  stride?: Pair;
  padding?: Pair;
  /** Extra rows and columns at the end of the output (each < stride or < dilation, PyTorch's rule). */
  outputPadding?: Pair;
  dilation?: Pair;
  groups?: number;
  /** Whether the layer adds b (default true). */
  bias?: boolean;
  /** Draws the initial weights (default: a fixed seed, new Rng(0)). */
  rng?: Rng;
  /** Weight initialisation (default: PyTorch's U(−1/√fanIn, 1/√fanIn), fanIn = outC/groups·kH·kW, as PyTorch computes it). */
  init?: WeightInit;
}

/**
 * ConvTranspose2d: y[n, o, ih·s − p + kh·d, iw·s − p + kw·d] += W[c, o − g·outC/G, kh, kw]·x[n, c, ih, iw]
 *   (o in the group g of c), plus b[o]: each input pixel adds a weighted copy of the kernel.
 * Shapes: x [N, inC, H, W], W [inC, outC/groups, kH, kW], b [outC] → y [N, outC, H', W'],
 *         H' = (H − 1)·s − 2p + d(kH − 1) + outputPadding + 1.
 * As the conv of geometry g (the one whose input gradient this is): y = col2im(W_gᵀ·x_g) + b.
 * Backward: dx = conv2d(dy, W) (that conv's forward),  dW += x_g·im2col(dy)_gᵀ,  db += Σ_{n,h,w} dy
 * Derivation: docs/math/conv-transpose2d.md
 */
export class ConvTranspose2d implements Layer {
  readonly name = 'ConvTranspose2d';
  readonly weight: Parameter;
  readonly bias: Parameter | null;
  readonly kernelSize: [number, number];
  readonly stride: [number, number];
  readonly padding: [number, number];
  readonly outputPadding: [number, number];
  readonly dilation: [number, number];
  readonly groups: number;
  private readonly init: WeightInit;
  private x: Tensor | null = null; // kept by forward, needed for dW
  private g: Conv2dGeometry | null = null; // geometry of the last forward

  constructor(
    readonly inChannels: number,
    readonly outChannels: number,
    kernelSize: Pair,
    options: ConvTranspose2dLayerOptions = {},
  ) {
    const { stride = 1, padding = 0, outputPadding = 0, dilation = 1, groups = 1, bias = true, rng = new Rng(0), init = 'default' } = options;
    checkInteger('ConvTranspose2d', 'inChannels', inChannels);
    checkInteger('ConvTranspose2d', 'outChannels', outChannels);
    checkInteger('ConvTranspose2d', 'groups', groups);
    this.kernelSize = checkPair('ConvTranspose2d', 'kernelSize', kernelSize, 1);
    this.stride = checkPair('ConvTranspose2d', 'stride', stride, 1);
    this.padding = checkPair('ConvTranspose2d', 'padding', padding, 0);
    this.outputPadding = checkPair('ConvTranspose2d', 'outputPadding', outputPadding, 0);
    this.dilation = checkPair('ConvTranspose2d', 'dilation', dilation, 1);
    if (inChannels % groups !== 0 || outChannels % groups !== 0) {
      throw new Error(
        `ConvTranspose2d: groups = ${groups} must divide both inChannels (${inChannels}) and outChannels (${outChannels})`,
      );
    }
    this.outputPadding.forEach((a, i) => {
      if (a >= Math.max(this.stride[i], this.dilation[i])) {
        throw new Error(
          `ConvTranspose2d: outputPadding [${this.outputPadding.join(', ')}] must be smaller than either the stride ` +
            `[${this.stride.join(', ')}] or the dilation [${this.dilation.join(', ')}] in each dimension (PyTorch's rule)`,
        );
      }
    });
    this.groups = groups;
    this.init = init;
    const [kH, kW] = this.kernelSize;
    this.weight = new Parameter('weight', Tensor.zeros([inChannels, outChannels / groups, kH, kW]));
    this.bias = bias ? new Parameter('bias', Tensor.zeros([outChannels])) : null;
    initWeights(init, this.weight, this.bias, rng, 'conv'); // fanIn = shape[1]·kH·kW, as PyTorch
  }

  /** The geometry of the adjoint conv for an input shape (checks the channels and the output size). */
  private geometry(inputShape: readonly number[]): Conv2dGeometry {
    checkShape('ConvTranspose2d', inputShape, [ANY, this.inChannels, ANY, ANY]);
    return convTranspose2dGeometry('ConvTranspose2d', inputShape, {
      inChannels: this.inChannels,
      outChannels: this.outChannels,
      kernelSize: this.kernelSize,
      stride: this.stride,
      padding: this.padding,
      outputPadding: this.outputPadding,
      dilation: this.dilation,
      groups: this.groups,
    });
  }

  outputShape(inputShape: readonly number[]): number[] {
    const g = this.geometry(inputShape);
    return [g.N, g.C, g.H, g.W];
  }

  forward(x: Tensor, _mode: Mode): Tensor {
    const g = this.geometry(x.shape);
    checkDtype('ConvTranspose2d', x, this.weight);
    this.x = x;
    this.g = g;
    return kernels().convTranspose2d(x, this.weight.value, this.bias?.value ?? null, g); // y = col2im(Wᵀ·x) + b
  }

  backward(dy: Tensor): Tensor;
  backward(dy: Tensor, options: BackwardOptions): Tensor | null;
  backward(dy: Tensor, { needInputGrad = true }: BackwardOptions = {}): Tensor | null {
    const x = requireSaved('ConvTranspose2d', this.x);
    const g = requireSaved('ConvTranspose2d', this.g);
    checkShape('ConvTranspose2d', dy, [g.N, g.C, g.H, g.W], 'dy');
    // dW += x_g·im2col(dy)_gᵀ: the conv's weight gradient with dy as its input and x as its dy
    const dW = trainableGrad(this.weight);
    const db = trainableGrad(this.bias);
    if (dW) kernels().conv2dBackward(dy, this.weight.value, x, g, { dW, db: null, needDx: false });
    if (db) kernels().addChannelSums(dy, db); // db += Σ_{n,h,w} dy
    return needInputGrad ? kernels().conv2d(dy, this.weight.value, null, g) : null; // dx = conv2d(dy, W)
  }

  parameters(): Parameter[] {
    return this.bias ? [this.weight, this.bias] : [this.weight];
  }

  buffers(): Buffer[] {
    return [];
  }

  toSpec(): LayerSpec {
    const spec: LayerSpec = {
      type: 'ConvTranspose2d',
      inChannels: this.inChannels,
      outChannels: this.outChannels,
      kernelSize: compactPair(this.kernelSize),
    };
    if (this.stride.some((s) => s !== 1)) spec.stride = compactPair(this.stride);
    if (this.padding.some((p) => p !== 0)) spec.padding = compactPair(this.padding);
    if (this.outputPadding.some((a) => a !== 0)) spec.outputPadding = compactPair(this.outputPadding);
    if (this.dilation.some((d) => d !== 1)) spec.dilation = compactPair(this.dilation);
    if (this.groups !== 1) spec.groups = this.groups;
    if (!this.bias) spec.bias = false;
    if (this.init !== 'default') spec.init = this.init;
    return spec;
  }
}

export const convTranspose2dDef: LayerDef<ConvTranspose2d> = {
  type: 'ConvTranspose2d',
  options: ['inChannels', 'outChannels', 'kernelSize', 'stride', 'padding', 'outputPadding', 'dilation', 'groups', 'bias', 'init'],
  fromSpec(r, { rng, inputShapes: [shape] }) {
    const outChannels = r.int('outChannels', 1); // the spec's own fields first, then what the input says
    const kernelSize = r.requiredPair('kernelSize', 1);
    return new ConvTranspose2d(r.int('inChannels', 1, inferDim(shape, 1)), outChannels, kernelSize, {
      stride: r.pair('stride', 1),
      padding: r.pair('padding', 0),
      outputPadding: r.pair('outputPadding', 0),
      dilation: r.pair('dilation', 1),
      groups: r.optionalInt('groups', 1),
      bias: r.bool('bias'),
      init: r.init(),
      rng,
    });
  },
  toOnnx(e, layer, path, [x]) {
    const weight = e.initializer(`${path}.weight`, layer.weight.value); // [inC, outC/groups, kH, kW], as ONNX
    const attributes = {
      kernel_shape: { ints: layer.kernelSize },
      strides: { ints: layer.stride },
      dilations: { ints: layer.dilation },
      group: { int: layer.groups },
    };
    const [sH, sW] = layer.stride;
    const [aH, aW] = layer.outputPadding;
    if (aH < sH && aW < sW) { // what PyTorch writes
      const inputs = layer.bias ? [x, weight, e.initializer(`${path}.bias`, layer.bias.value)] : [x, weight];
      return e.node('ConvTranspose', `${path}.ConvTranspose`, inputs, {
        ...attributes, pads: { ints: onnxPads(layer.padding) }, output_padding: { ints: layer.outputPadding },
      });
    }
    // outputPadding ≥ stride (allowed by a larger dilation) is refused by ONNX Runtime. Output padding
    // a only shortens the end padding p: end pads max(p − a, 0); the max(a − p, 0) rows past every
    // kernel tap are zeros, padded on after the ConvTranspose, and then the bias is added.
    const [pH, pW] = layer.padding;
    const [endH, endW] = [Math.max(pH - aH, 0), Math.max(pW - aW, 0)];
    const [restH, restW] = [Math.max(aH - pH, 0), Math.max(aW - pW, 0)];
    let y = e.node('ConvTranspose', `${path}.ConvTranspose`, [x, weight], { ...attributes, pads: { ints: [pH, pW, endH, endW] } });
    if (restH > 0 || restW > 0) y = e.node('Pad', `${path}.Pad`, [y, e.int64s(`${path}.pads`, [0, 0, 0, 0, 0, 0, restH, restW])]);
    if (!layer.bias) return y;
    const bias = e.initializer(`${path}.bias`, new Tensor(layer.bias.value.data, [layer.outChannels, 1, 1]));
    return e.node('Add', `${path}.Add`, [y, bias]);
  },
  torch: (layer) => [
    { local: 'weight', torch: 'weight', tensor: layer.weight.value },
    ...(layer.bias ? [{ local: 'bias', torch: 'bias', tensor: layer.bias.value }] : []),
  ],
};
