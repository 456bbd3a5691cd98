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
  /**
   * true where f'(x) is a function of y alone, read from y (ReLU: [y > 0]; ReLU6: [0 < y < 6], the
   * same mask for every x, ±0 and NaN included): x is then not read by backward and a container
   * may release it once this layer's forward has run.
   */
  protected readonly derivativeFromOutput: boolean = false;

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
    return kernels().activationBackward(this.f, this.derivativeFromOutput ? y : x, y, dy); // dx = f'(x) ⊙ dy
  }

  get backwardReadsInput(): boolean {
    return !this.derivativeFromOutput;
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
  protected override readonly derivativeFromOutput = true;
  private fused = false; // whether the last forward's y came from the layer before (acceptFusedOutput)

  /**
   * Takes y = max(z, 0) computed by the layer before it in its own output pass (Sequential fuses
   * Conv2d or Linear with a following ReLU) as this layer's forward. y stands in for x in backward:
   * f'(x) = [x > 0] = [y > 0] for every x (±0 and NaN give 0 either way).
   */
  acceptFusedOutput(y: Tensor): void {
    this.x = y;
    this.y = y;
    this.fused = true;
  }

  override forward(x: Tensor, mode: Mode): Tensor {
    this.fused = false;
    return super.forward(x, mode);
  }

  /** y of the last forward when the layer before computed it (acceptFusedOutput), else null. */
  fusedOutput(): Tensor | null {
    return this.fused ? this.y : null;
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

export interface GELUOptions {
  /** 'none' (default): the exact x·Φ(x); 'tanh': the tanh approximation. */
  approximate?: 'none' | 'tanh';
}

/**
 * GELU, exact: y = x·Φ(x) = x·½(1 + erf(x/√2));  f'(x) = Φ(x) + x·φ(x), φ(x) = e^{−x²/2}/√(2π).
 * approximate 'tanh': y = ½x(1 + tanh u), u = √(2/π)(x + 0.044715x³);
 *   f'(x) = ½(1 + tanh u) + ½x(1 − tanh²u)·√(2/π)(1 + 3·0.044715x²).
 * Derivation: docs/math/activations.md
 */
export class GELU extends ActivationLayer {
  readonly name = 'GELU';
  protected readonly f: Activation;
  readonly approximate: 'none' | 'tanh';
  constructor(options: GELUOptions = {}) {
    super();
    const { approximate = 'none' } = options;
    if (approximate !== 'none' && approximate !== 'tanh') {
      throw new Error(`GELU: approximate must be 'none' or 'tanh', got ${JSON.stringify(approximate)}`);
    }
    this.approximate = approximate;
    this.f = approximate === 'tanh' ? { kind: 'geluTanh' } : { kind: 'gelu' };
  }
  override toSpec(): LayerSpec {
    return this.approximate === 'none' ? { type: 'GELU' } : { type: 'GELU', approximate: this.approximate };
  }
}

/**
 * ReLU6: y = min(max(0, x), 6);  f'(x) = 1 if 0 < x < 6 else 0 (0 at both kinks, as PyTorch).
 * Derivation: docs/math/activations.md
 */
export class ReLU6 extends ActivationLayer {
  readonly name = 'ReLU6';
  protected readonly f: Activation = { kind: 'relu6' };
  protected override readonly derivativeFromOutput = true;
}

/**
 * Hardsigmoid: y = relu6(x + 3)/6;  f'(x) = 1/6 if −3 < x < 3 else 0.
 * Derivation: docs/math/activations.md
 */
export class Hardsigmoid extends ActivationLayer {
  readonly name = 'Hardsigmoid';
  protected readonly f: Activation = { kind: 'hardsigmoid' };
}

/**
 * Hardswish: y = x·relu6(x + 3)/6;  f'(x) = 0 below −3, x/3 + ½ on [−3, 3), 1 from 3 (PyTorch's kinks).
 * Derivation: docs/math/activations.md
 */
export class Hardswish extends ActivationLayer {
  readonly name = 'Hardswish';
  protected readonly f: Activation = { kind: 'hardswish' };
}

/**
 * SiLU (swish): y = x·σ(x);  f'(x) = σ(x)·(1 + x·(1 − σ(x))).
 * Derivation: docs/math/activations.md
 */
export class SiLU extends ActivationLayer {
  readonly name = 'SiLU';
  protected readonly f: Activation = { kind: 'silu' };
}

/**
 * ELU: y = x if x > 0 else α(e^x − 1);  f'(x) = 1 if x > 0 else α·e^x (α at 0, as PyTorch). α = alpha, default 1.
 * Derivation: docs/math/activations.md
 */
export class ELU extends ActivationLayer {
  readonly name = 'ELU';
  protected readonly f: Activation;
  constructor(readonly alpha = 1) {
    super();
    if (!Number.isFinite(alpha)) throw new Error(`ELU: alpha must be finite, got ${alpha}`);
    this.f = { kind: 'elu', alpha };
  }
  override toSpec(): LayerSpec {
    return this.alpha === 1 ? { type: 'ELU' } : { type: 'ELU', alpha: this.alpha };
  }
}

/**
 * Mish: y = x·tanh(softplus(x));  f'(x) = tanh(sp) + x·σ(x)·(1 − tanh²(sp)), sp = log(1 + e^x).
 * Derivation: docs/math/activations.md
 */
export class Mish extends ActivationLayer {
  readonly name = 'Mish';
  protected readonly f: Activation = { kind: 'mish' };
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
export const relu6Def = activationDef('ReLU6', () => new ReLU6(), emitRelu6);
export const hardsigmoidDef = activationDef('Hardsigmoid', () => new Hardsigmoid(), emitHardsigmoid);
export const hardswishDef = activationDef('Hardswish', () => new Hardswish(), emitHardswish);
export const siluDef = activationDef('SiLU', () => new SiLU(), (e, path, x) => e.node('Mul', `${path}.Mul`, [x, e.node('Sigmoid', `${path}.Sigmoid`, [x])]));
export const mishDef = activationDef('Mish', () => new Mish(), emitMish);

export const geluDef: LayerDef<GELU> = {
  type: 'GELU',
  options: ['approximate'],
  fromSpec: (r) => new GELU({ approximate: r.choice('approximate', ['none', 'tanh'] as const) }),
  toOnnx: (e, layer, path, [x]) => (layer.approximate === 'tanh' ? emitGeluTanh(e, path, x) : emitGelu(e, path, x)),
};

export const eluDef: LayerDef<ELU> = {
  type: 'ELU',
  options: ['alpha'],
  fromSpec: (r) => new ELU(r.number('alpha') ?? 1),
  toOnnx: (e, layer, path, [x]) => e.node('Elu', `${path}.Elu`, [x], { alpha: { float: layer.alpha } }),
};

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

/** Gelu approximate 'tanh' (opset ≥ 20), else ½x(1 + tanh(√(2/π)(x + 0.044715x³))) node by node. */
function emitGeluTanh(e: OnnxEmitter, path: string, x: string): string {
  if (e.opset >= 20) return e.node('Gelu', `${path}.Gelu`, [x], { approximate: { string: 'tanh' } });
  const cube = e.node('Mul', `${path}.Mul_cube`, [e.node('Mul', `${path}.Mul_square`, [x, x]), x]);
  const inner = e.node('Add', `${path}.Add_inner`, [x, e.node('Mul', `${path}.Mul_cubic`, [cube, e.scalar(`${path}.cubic`, 0.044715)])]);
  const scaled = e.node('Mul', `${path}.Mul_scale`, [inner, e.scalar(`${path}.sqrt_2_over_pi`, Math.sqrt(2 / Math.PI))]);
  const onePlus = e.node('Add', `${path}.Add`, [e.node('Tanh', `${path}.Tanh`, [scaled]), e.scalar(`${path}.one`, 1)]);
  return e.node('Mul', `${path}.Mul_half`, [e.node('Mul', `${path}.Mul`, [x, onePlus]), e.scalar(`${path}.half`, 0.5)]);
}

/** Clip with min 0 and max 6 as inputs (every opset Nabla writes is ≥ 11, where they stopped being attributes). */
function emitRelu6(e: OnnxEmitter, path: string, x: string): string {
  return e.node('Clip', `${path}.Clip`, [x, e.scalar(`${path}.min`, 0), e.scalar(`${path}.max`, 6)]);
}

/** HardSigmoid max(0, min(1, x/6 + ½)) = relu6(x + 3)/6. */
function emitHardsigmoid(e: OnnxEmitter, path: string, x: string, name = 'HardSigmoid'): string {
  return e.node('HardSigmoid', `${path}.${name}`, [x], { alpha: { float: 1 / 6 }, beta: { float: 0.5 } });
}

/** HardSwish (opset ≥ 14), else x·HardSigmoid(x). */
function emitHardswish(e: OnnxEmitter, path: string, x: string): string {
  if (e.opset >= 14) return e.node('HardSwish', `${path}.HardSwish`, [x]);
  return e.node('Mul', `${path}.Mul`, [x, emitHardsigmoid(e, path, x)]);
}

/** Mish (opset ≥ 18), else x·tanh(softplus(x)). */
function emitMish(e: OnnxEmitter, path: string, x: string): string {
  if (e.opset >= 18) return e.node('Mish', `${path}.Mish`, [x]);
  const t = e.node('Tanh', `${path}.Tanh`, [e.node('Softplus', `${path}.Softplus`, [x])]);
  return e.node('Mul', `${path}.Mul`, [x, t]);
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
