// SPDX-License-Identifier: MIT
// Reads typed fields from one layer spec. Every error names where the spec is (the layer path
// and type) and the field. Sizes a spec may leave out (inFeatures, inChannels, numFeatures) are
// read with a fallback inferred from the input shape.
import type { Pair } from '../kernels/geometry.js';
import { ShapeError } from '../tensor/shape.js';
import { WEIGHT_INITS, type WeightInit } from './common.js';
import type { LayerSpec } from './layer.js';
import { preview } from './preview.js';

export class SpecError extends Error {
  override name = 'SpecError';
}

export class SpecReader {
  constructor(
    readonly spec: LayerSpec,
    /** 'layer 3 (Conv2d)', 'node conv1 (Conv2d)'. */
    readonly where: string,
  ) {}

  fail(message: string): never {
    throw new SpecError(`model spec: ${this.where}: ${message}`);
  }

  private wrong(key: string, wanted: string): never {
    return this.fail(`'${key}' must be ${wanted}, got ${preview(this.spec[key])}`); // (NaN by name: JSON would write null)
  }

  /** Rejects fields the layer does not take (a misspelt option would otherwise be ignored). */
  allow(keys: readonly string[]): void {
    for (const key of Object.keys(this.spec)) {
      if (key !== 'type' && !keys.includes(key)) {
        const known = keys.length > 0 ? `known: ${keys.join(', ')}` : 'it takes no options';
        this.fail(`unknown option '${key}' (${known})`);
      }
    }
  }

  has(key: string): boolean {
    return this.spec[key] !== undefined;
  }

  /**
   * An integer ≥ min. When the spec leaves it out, `inferred` (from the input shape) is used;
   * without either it is an error saying how to give it.
   */
  int(key: string, min: number, inferred?: number | null): number {
    const value = this.spec[key];
    if (value === undefined) {
      if (inferred !== undefined && inferred !== null) return inferred;
      const how = inferred === null ? ' (or give the model its input shape, so it can be inferred)' : '';
      return this.fail(`missing '${key}'${how}`);
    }
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min) this.wrong(key, min === -Infinity ? 'an integer' : `an integer ≥ ${min}`);
    if (inferred !== undefined && inferred !== null && value !== inferred) {
      throw new ShapeError(`model spec: ${this.where}: '${key}' is ${value} but its input gives ${inferred}`);
    }
    return value as number;
  }

  optionalInt(key: string, min: number): number | undefined {
    return this.spec[key] === undefined ? undefined : this.int(key, min);
  }

  requiredPair(key: string, min: number): Pair {
    if (this.spec[key] === undefined) this.fail(`missing '${key}'`);
    return this.pair(key, min) as Pair;
  }

  pair(key: string, min: number): Pair | undefined {
    const value = this.spec[key];
    if (value === undefined) return undefined;
    const ok = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= min;
    if (ok(value)) return value as number;
    if (Array.isArray(value) && value.length === 2 && value.every(ok)) return [value[0], value[1]];
    return this.wrong(key, `an integer ≥ ${min} or a pair [h, w] of them`);
  }

  /** A list of integers ≥ min (length from minLength to maxLength). */
  ints(key: string, min: number, minLength = 1, maxLength = 8): number[] | undefined {
    const value = this.spec[key];
    if (value === undefined) return undefined;
    const ok = Array.isArray(value) && value.length >= minLength && value.length <= maxLength
      && value.every((v) => typeof v === 'number' && Number.isInteger(v) && v >= min);
    if (!ok) this.wrong(key, `a list of ${minLength} to ${maxLength} integers ≥ ${min}`);
    return [...(value as number[])];
  }

  number(key: string): number | undefined {
    const value = this.spec[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) this.wrong(key, 'a finite number');
    return value as number;
  }

  bool(key: string): boolean | undefined {
    const value = this.spec[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') this.wrong(key, 'true or false');
    return value as boolean;
  }

  /** One of a fixed set of strings. */
  choice<T extends string>(key: string, choices: readonly T[]): T | undefined {
    const value = this.spec[key];
    if (value === undefined) return undefined;
    if (!choices.includes(value as T)) this.wrong(key, `one of ${choices.map((c) => `'${c}'`).join(', ')}`);
    return value as T;
  }

  string(key: string): string | undefined {
    const value = this.spec[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value.length === 0) this.wrong(key, 'a non-empty string');
    return value as string;
  }

  init(): WeightInit | undefined {
    return this.choice('init', WEIGHT_INITS);
  }
}
