// SPDX-License-Identifier: MIT
// Element-wise activation layers: thin classes over kernels().activation / activationBackward.
// Each keeps x and y = f(x) from forward; backward is dx = f'(x) ⊙ dy.
import type { Activation } from '../kernels/backend.js';
import { kernels } from '../kernels/index.js';
import { checkShape, requireSaved } from '../tensor/shape.js';
import type { Buffer, Parameter, Tensor } from '../tensor/tensor.js';
import type { Layer, LayerSpec, Mode } from './layer.js';
import type { LayerDef, OnnxEmitter } from './registry.js';

/** Shared body of the activation layers; subclasses name the function (and their options, if any). */
abstract class ActivationLayer implements Layer {
  abstract readonly name: string;
  protected abstract readonly f: Activation;
  protected x: Tensor | null = null; // kept by forward for f'(x)
  protected y: Tensor | null = null; // kept too: sigmoid and tanh derivatives read it

  outputShape(inputShape: readonly number[]): number[] {
    return [...inputShape];
  }

  forward(x: Tensor, _mode: Mode): Tensor {
    const y = kernels().activation(this.f, x); // y = f(x)
    this.x = x;
    this.y = y;
    return y;
  }

  backward(dy: Tensor): Tensor {
    const x = requireSaved(this.name, this.x);
    const y = requireSaved(this.name, this.y);
    checkShape(this.name, dy, y.shape, 'dy');
    return kernels().activationBackward(this.f, x, y, dy); // dx = f'(x) ⊙ dy
  }

  parameters(): Parameter[] {
    return [];
  }

  buffers(): Buffer[] {
    return [];
  }

  /** Spec of a layer with no options; LeakyReLU and Softplus add theirs. */
  toSpec(): LayerSpec {
    return { type: this.name };
  }
}

/**
 * ReLU: y = max(0, x);  f'(x) = 1 if x > 0 else 0 (0 at the kink, as PyTorch).
 * Derivation: docs/math/activations.md
 */
export class ReLU extends ActivationLayer {
  readonly name = 'ReLU';
  protected readonly f: Activation = { kind: 'relu' };

  /**
   * Takes y = max(z, 0) computed by the layer before it in its own output pass (Sequential fuses
   * Conv2d or Linear with a following ReLU) as this layer's forward. y stands in for x in backward:
   * f'(x) = [x > 0] = [y > 0] for every x (±0 and NaN give 0 either way).
   */
  acceptFusedOutput(y: Tensor): void {
    this.x = y;
    this.y = y;
  }
}

/**
 * LeakyReLU: y = x if x > 0 else a·x;  f'(x) = 1 if x > 0 else a (a = negativeSlope, default 0.01).
 * Derivation: docs/math/activations.md
 */
export class LeakyReLU extends ActivationLayer {
  readonly name = 'LeakyReLU';
  protected readonly f: Activation;
  constructor(readonly negativeSlope = 0.01) {
    super();
    if (!Number.isFinite(negativeSlope)) throw new Error(`LeakyReLU: negativeSlope must be finite, got ${negativeSlope}`);
    this.f = { kind: 'leakyRelu', negativeSlope };
  }
  override toSpec(): LayerSpec {
    return this.negativeSlope === 0.01 ? { type: 'LeakyReLU' } : { type: 'LeakyReLU', negativeSlope: this.negativeSlope };
  }
}

/**
 * Sigmoid: y = 1 / (1 + e^{−x});  f'(x) = y·(1 − y).
 * Derivation: docs/math/activations.md
 */
export class Sigmoid extends ActivationLayer {
  readonly name = 'Sigmoid';
  protected readonly f: Activation = { kind: 'sigmoid' };
}

/**
 * Tanh: y = tanh(x);  f'(x) = 1 − y².
 * Derivation: docs/math/activations.md
 */
export class Tanh extends ActivationLayer {
  readonly name = 'Tanh';
  protected readonly f: Activation = { kind: 'tanh' };
}

/**
 * GELU (exact): y = x·Φ(x) = x·½(1 + erf(x/√2));  f'(x) = Φ(x) + x·φ(x), φ(x) = e^{−x²/2}/√(2π).
 * Derivation: docs/math/activations.md
 */
export class GELU extends ActivationLayer {
  readonly name = 'GELU';
  protected readonly f: Activation = { kind: 'gelu' };
}

export interface SoftplusOptions {
  /** Sharpness β (default 1). */
  beta?: number;
  /** Above β·x > threshold the layer returns x itself, for stability (default 20, as PyTorch). */
  threshold?: number;
}

/**
 * Softplus: y = (1/β)·log(1 + e^{βx}), or x where βx > threshold;  f'(x) = σ(βx) (1 above the threshold).
 * Derivation: docs/math/activations.md
 */
export class Softplus extends ActivationLayer {
  readonly name = 'Softplus';
  protected readonly f: Activation;
  readonly beta: number;
  readonly threshold: number;
  constructor(options: SoftplusOptions = {}) {
    super();
    const { beta = 1, threshold = 20 } = options;
    if (!(beta > 0) || !Number.isFinite(beta)) throw new Error(`Softplus: beta must be a positive number, got ${beta}`);
    if (!Number.isFinite(threshold)) throw new Error(`Softplus: threshold must be finite, got ${threshold}`);
    this.beta = beta;
    this.threshold = threshold;
    this.f = { kind: 'softplus', beta, threshold };
  }
  override toSpec(): LayerSpec {
    const spec: LayerSpec = { type: 'Softplus' };
    if (this.beta !== 1) spec.beta = this.beta;
    if (this.threshold !== 20) spec.threshold = this.threshold;
    return spec;
  }
}

/**
 * The definition of an activation without options: built by `make`, exported as one ONNX node
 * `op` (or by `toOnnx` when it needs more).
 */
export function activationDef<L extends Layer>(
  type: string,
  make: () => L,
  op: string | ((e: OnnxEmitter, path: string, x: string) => string),
): LayerDef<L> {
  return {
    type,
    options: [],
    fromSpec: () => make(),
    toOnnx: (e, _layer, path, [x]) => (typeof op === 'string' ? e.node(op, `${path}.${op}`, [x]) : op(e, path, x)),
  };
}

export const reluDef = activationDef('ReLU', () => new ReLU(), 'Relu');
export const sigmoidDef = activationDef('Sigmoid', () => new Sigmoid(), 'Sigmoid');
export const tanhDef = activationDef('Tanh', () => new Tanh(), 'Tanh');
export const geluDef = activationDef('GELU', () => new GELU(), emitGelu);

export const leakyReluDef: LayerDef<LeakyReLU> = {
  type: 'LeakyReLU',
  options: ['negativeSlope'],
  fromSpec: (r) => new LeakyReLU(r.number('negativeSlope') ?? 0.01),
  toOnnx: (e, layer, path, [x]) => e.node('LeakyRelu', `${path}.LeakyRelu`, [x], { alpha: { float: layer.negativeSlope } }),
};

export const softplusDef: LayerDef<Softplus> = {
  type: 'Softplus',
  options: ['beta', 'threshold'],
  fromSpec: (r) => new Softplus({ beta: r.number('beta'), threshold: r.number('threshold') }),
  toOnnx: (e, layer, path, [x]) => emitSoftplus(e, layer, path, x),
};

/** Gelu (opset ≥ 20), else x·½(1 + erf(x/√2)) as Div, Erf, Add, Mul, Mul (the chain PyTorch emits too). */
function emitGelu(e: OnnxEmitter, path: string, x: string): string {
  if (e.opset >= 20) return e.node('Gelu', `${path}.Gelu`, [x], { approximate: { string: 'none' } });
  const scaled = e.node('Div', `${path}.Div`, [x, e.scalar(`${path}.sqrt2`, Math.SQRT2)]);
  const erf = e.node('Erf', `${path}.Erf`, [scaled]);
  const onePlus = e.node('Add', `${path}.Add`, [erf, e.scalar(`${path}.one`, 1)]);
  const times = e.node('Mul', `${path}.Mul`, [x, onePlus]);
  return e.node('Mul', `${path}.Mul_half`, [times, e.scalar(`${path}.half`, 0.5)]);
}

/**
 * Softplus (1/β)·log(1 + e^{βx}). ONNX Softplus has no β: for β ≠ 1 it becomes Mul(β), Softplus,
 * Div(β). It has no threshold either: above βx > threshold Nabla returns x, ONNX the exact value,
 * which differs by log(1 + e^{−βx})/β < e^{−threshold}/β (2·10⁻⁹/β at the default 20). Below a
 * threshold of 12 that difference could pass 10⁻⁶ relative, so such a layer is refused.
 */
function emitSoftplus(e: OnnxEmitter, layer: Softplus, path: string, x: string): string {
  if (layer.threshold < 12) {
    throw new Error(
      `threshold ${layer.threshold} cannot be exported (ONNX Softplus has no threshold; from 12 up the difference is below 10⁻⁶)`,
    );
  }
  if (layer.beta === 1) return e.node('Softplus', `${path}.Softplus`, [x]);
  const beta = e.scalar(`${path}.beta`, layer.beta);
  const scaled = e.node('Mul', `${path}.Mul`, [x, beta]);
  const soft = e.node('Softplus', `${path}.Softplus`, [scaled]);
  return e.node('Div', `${path}.Div`, [soft, beta]);
}
