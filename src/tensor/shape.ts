// SPDX-License-Identifier: MIT
// Shape checks at layer boundaries. Every message names the layer and both shapes.
import { formatShape, type Tensor } from './tensor.js';

/** Wildcard for a dimension that may take any size (usually the batch). */
export const ANY = -1;

export class ShapeError extends Error {
  override name = 'ShapeError';
}

function describeExpected(expected: readonly number[]): string {
  return `[${expected.map((d, i) => (d === ANY ? (i === 0 ? 'N' : '*') : String(d))).join(', ')}]`;
}

/**
 * Throws a ShapeError unless x (a tensor or a shape) has the expected rank and every non-ANY
 * dimension matches.
 */
export function checkShape(layer: string, x: Tensor | readonly number[], expected: readonly number[], what = 'input'): void {
  const shape = shapeOf(x);
  const ok = shape.length === expected.length && expected.every((d, i) => d === ANY || d === shape[i]);
  if (!ok) {
    throw new ShapeError(
      `${layer}: expected ${what} of shape ${describeExpected(expected)}, got ${formatShape(shape)}`,
    );
  }
}

/** The shape of a tensor, or the shape itself. */
export function shapeOf(x: Tensor | readonly number[]): readonly number[] {
  return Array.isArray(x) ? (x as readonly number[]) : (x as Tensor).shape;
}

/** Throws unless a and b have identical shapes. */
export function checkSameShape(layer: string, a: Tensor, b: Tensor, whatA: string, whatB: string): void {
  if (a.rank !== b.rank || a.shape.some((d, i) => d !== b.shape[i])) {
    throw new ShapeError(`${layer}: ${whatA} ${formatShape(a.shape)} and ${whatB} ${formatShape(b.shape)} must have the same shape`);
  }
}

/** Returns what forward saved, or throws a clear error when backward runs first. */
export function requireSaved<T>(layer: string, saved: T | null | undefined): T {
  if (saved === null || saved === undefined) {
    throw new Error(`${layer}: backward called before forward (nothing saved)`);
  }
  return saved;
}
