// SPDX-License-Identifier: MIT
// The JSON model spec the CLI and playground read: one object per layer, its type and the
// constructor options (`{type: 'Conv2d', inChannels: 1, outChannels: 6, kernelSize: 5, padding: 2}`).
// Each layer's toSpec() writes it; layerFromSpec reads it back, with errors that name the layer
// index and the field.
import type { Pair } from '../kernels/geometry.js';
import { Rng } from '../tensor/rng.js';
import { GELU, LeakyReLU, ReLU, Sigmoid, Softplus, Tanh } from './activations.js';
import { AvgPool2d } from './avg-pool2d.js';
import { BatchNorm1d, BatchNorm2d } from './batch-norm.js';
import { WEIGHT_INITS, type WeightInit } from './common.js';
import { Conv2d } from './conv2d.js';
import { Dropout } from './dropout.js';
import { Flatten } from './flatten.js';
import type { Layer, LayerSpec } from './layer.js';
import { Linear } from './linear.js';
import { MaxPool2d } from './max-pool2d.js';
import { Sequential } from './sequential.js';

export const LAYER_TYPES = [
  'Linear', 'Conv2d', 'MaxPool2d', 'AvgPool2d', 'ReLU', 'LeakyReLU', 'Sigmoid', 'Tanh', 'GELU',
  'Softplus', 'Flatten', 'Dropout', 'BatchNorm1d', 'BatchNorm2d', 'Sequential',
] as const;

/**
 * Builds one layer from its spec. Weights are drawn from `rng` (Dropout gets a fork of it for
 * its masks). `path` is the layer's index inside its model ('3', or '2.1' when nested), used in
 * error messages.
 */
export function layerFromSpec(spec: LayerSpec, rng: Rng = new Rng(0), path = ''): Layer {
  const where = path === '' ? 'layer' : `layer ${path}`;
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
    throw new Error(`model spec: ${where}: expected an object like {type: 'Linear', ...}, got ${JSON.stringify(spec)}`);
  }
  if (typeof spec.type !== 'string') throw new Error(`model spec: ${where}: missing 'type' (a string)`);
  const r = new Reader(spec, `${where} (${spec.type})`);
  try {
    return build(spec, r, rng, path);
  } catch (e) {
    // Constructor errors ('Dropout: p must be ...') get the spec location in front.
    if (e instanceof Error && !e.message.startsWith('model spec:')) e.message = `model spec: ${r.where}: ${e.message}`;
    throw e;
  }
}

function build(spec: LayerSpec, r: Reader, rng: Rng, path: string): Layer {
  switch (spec.type) {
    case 'Linear':
      r.allow('inFeatures', 'outFeatures', 'bias', 'init');
      return new Linear(r.int('inFeatures', 1), r.int('outFeatures', 1), { bias: r.bool('bias'), init: r.init(), rng });
    case 'Conv2d':
      r.allow('inChannels', 'outChannels', 'kernelSize', 'stride', 'padding', 'dilation', 'groups', 'bias', 'init');
      return new Conv2d(r.int('inChannels', 1), r.int('outChannels', 1), r.requiredPair('kernelSize', 1), {
        stride: r.pair('stride', 1),
        padding: r.pair('padding', 0),
        dilation: r.pair('dilation', 1),
        groups: r.optionalInt('groups', 1),
        bias: r.bool('bias'),
        init: r.init(),
        rng,
      });
    case 'MaxPool2d':
      r.allow('kernelSize', 'stride', 'padding');
      return new MaxPool2d(r.requiredPair('kernelSize', 1), { stride: r.pair('stride', 1), padding: r.pair('padding', 0) });
    case 'AvgPool2d':
      r.allow('kernelSize', 'stride', 'padding', 'countIncludePad');
      return new AvgPool2d(r.requiredPair('kernelSize', 1), {
        stride: r.pair('stride', 1),
        padding: r.pair('padding', 0),
        countIncludePad: r.bool('countIncludePad'),
      });
    case 'ReLU':
      r.allow();
      return new ReLU();
    case 'Sigmoid':
      r.allow();
      return new Sigmoid();
    case 'Tanh':
      r.allow();
      return new Tanh();
    case 'GELU':
      r.allow();
      return new GELU();
    case 'Flatten':
      r.allow();
      return new Flatten();
    case 'LeakyReLU':
      r.allow('negativeSlope');
      return new LeakyReLU(r.number('negativeSlope') ?? 0.01);
    case 'Softplus':
      r.allow('beta', 'threshold');
      return new Softplus({ beta: r.number('beta'), threshold: r.number('threshold') });
    case 'Dropout':
      r.allow('p');
      return new Dropout(r.number('p') ?? 0.5, { rng: rng.fork() });
    case 'BatchNorm1d':
    case 'BatchNorm2d': {
      r.allow('numFeatures', 'eps', 'momentum', 'affine');
      const BatchNorm = spec.type === 'BatchNorm1d' ? BatchNorm1d : BatchNorm2d;
      const options = { eps: r.number('eps'), momentum: r.number('momentum'), affine: r.bool('affine') };
      return new BatchNorm(r.int('numFeatures', 1), options);
    }
    case 'Sequential': {
      r.allow('layers');
      if (!Array.isArray(spec.layers)) throw new Error(`model spec: ${r.where}: 'layers' must be an array of layer specs`);
      return sequentialFromSpec(spec.layers as LayerSpec[], rng, path === '' ? '' : `${path}.`);
    }
    default:
      throw new Error(`model spec: ${r.where}: unknown layer type (known: ${LAYER_TYPES.join(', ')})`);
  }
}

/** Builds a Sequential from a list of layer specs (or a {type: 'Sequential', layers} spec). */
export function sequentialFromSpec(specs: LayerSpec[] | LayerSpec, rng: Rng = new Rng(0), pathPrefix = ''): Sequential {
  if (!Array.isArray(specs)) {
    if (specs && typeof specs === 'object' && specs.type === 'Sequential') return layerFromSpec(specs, rng) as Sequential;
    throw new Error(`model spec: expected an array of layer specs or {type: 'Sequential', layers: [...]}`);
  }
  return new Sequential(specs.map((spec, i) => layerFromSpec(spec, rng, `${pathPrefix}${i}`)));
}

/** Reads typed fields from one spec; every error names where the spec is and the field. */
class Reader {
  constructor(
    private readonly spec: LayerSpec,
    readonly where: string,
  ) {}

  private fail(key: string, wanted: string): never {
    throw new Error(`model spec: ${this.where}: '${key}' must be ${wanted}, got ${JSON.stringify(this.spec[key])}`);
  }

  /** Rejects fields the layer does not take (a misspelt option would otherwise be ignored). */
  allow(...keys: string[]): void {
    for (const key of Object.keys(this.spec)) {
      if (key !== 'type' && !keys.includes(key)) {
        const known = keys.length > 0 ? `known: ${keys.join(', ')}` : 'it takes no options';
        throw new Error(`model spec: ${this.where}: unknown option '${key}' (${known})`);
      }
    }
  }

  int(key: string, min: number): number {
    const value = this.spec[key];
    if (value === undefined) throw new Error(`model spec: ${this.where}: missing '${key}'`);
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min) this.fail(key, `an integer ≥ ${min}`);
    return value;
  }

  optionalInt(key: string, min: number): number | undefined {
    return this.spec[key] === undefined ? undefined : this.int(key, min);
  }

  requiredPair(key: string, min: number): Pair {
    if (this.spec[key] === undefined) throw new Error(`model spec: ${this.where}: missing '${key}'`);
    return this.pair(key, min) as Pair;
  }

  pair(key: string, min: number): Pair | undefined {
    const value = this.spec[key];
    if (value === undefined) return undefined;
    const ok = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= min;
    if (ok(value)) return value as number;
    if (Array.isArray(value) && value.length === 2 && value.every(ok)) return [value[0], value[1]];
    return this.fail(key, `an integer ≥ ${min} or a pair [h, w] of them`);
  }

  number(key: string): number | undefined {
    const value = this.spec[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(key, 'a finite number');
    return value;
  }

  bool(key: string): boolean | undefined {
    const value = this.spec[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') this.fail(key, 'true or false');
    return value;
  }

  init(): WeightInit | undefined {
    const value = this.spec.init;
    if (value === undefined) return undefined;
    if (!WEIGHT_INITS.includes(value as WeightInit)) this.fail('init', `one of ${WEIGHT_INITS.join(', ')}`);
    return value as WeightInit;
  }
}
