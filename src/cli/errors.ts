// SPDX-License-Identifier: MIT
// Exit codes of the `nabla` command and the error that carries one.
export const EXIT = {
  ok: 0,
  /** Training or another computation failed (non-finite loss, …). */
  failure: 1,
  /** Bad arguments or options. */
  usage: 2,
  /** A file is missing, unreadable or corrupt. */
  file: 3,
  /** The model does not fit the data (input shape, number of classes). */
  mismatch: 4,
} as const;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export const usageError = (message: string) => new CliError(message, EXIT.usage);
export const fileError = (message: string) => new CliError(message, EXIT.file);
export const mismatchError = (message: string) => new CliError(message, EXIT.mismatch);

/** Parses a positive integer option or throws a usage error naming the option. */
export function positiveInt(option: string, max = Number.MAX_SAFE_INTEGER) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n < 1) throw usageError(`${option} must be a positive integer, got '${value}'`);
    if (n > max) throw usageError(`${option} must be at most ${max}, got ${n}`);
    return n;
  };
}

/** Parses an integer ≥ 0. */
export function nonNegativeInt(option: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n)) throw usageError(`${option} must be an integer ≥ 0, got '${value}'`);
    return n;
  };
}

/** Parses a finite number > 0 (or ≥ 0 with allowZero). */
export function positiveNumber(option: string, allowZero = false) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < 0 || (!allowZero && n === 0)) {
      throw usageError(`${option} must be a number ${allowZero ? '≥' : '>'} 0, got '${value}'`);
    }
    return n;
  };
}

/** Parses a number in [min, max] (or [min, max) with maxOpen), as a usage error naming the option. */
export function numberIn(option: string, min: number, max: number, maxOpen = false) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max || (maxOpen && n === max)) {
      throw usageError(`${option} must be a number from ${min} to ${max}${maxOpen ? ' (not included)' : ''}, got '${value}'`);
    }
    return n;
  };
}

/** Checks a value against a list of choices. */
export function choice<T extends string>(option: string, choices: readonly T[]) {
  return (value: string): T => {
    if (!(choices as readonly string[]).includes(value)) throw usageError(`${option} must be one of ${choices.join(', ')}, got '${value}'`);
    return value as T;
  };
}
