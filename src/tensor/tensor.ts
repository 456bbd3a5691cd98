// SPDX-License-Identifier: MIT
// Tensor: a shape and a contiguous row-major typed array. Float32 for training,
// Float64 so that gradients can be checked tightly. Nothing here loops over math.

export type DType = 'float32' | 'float64';
export type Data = Float32Array | Float64Array;

/** Limits on what may be allocated while untrusted input (a spec, a file) builds a model. */
export interface AllocationLimit {
  /** Elements one tensor may have (default 2^26: 256 MB of float32, already seconds to initialise). */
  maxTensorElements?: number;
  /** Elements all tensors allocated under the limit may have together (default 2^27, gradients included). */
  maxTotalElements?: number;
}

export class AllocationLimitError extends Error {
  override name = 'AllocationLimitError';
}

/** Default limits while a spec or file builds a model: far above any model Nabla trains (a ResNet-18 has 11.7 M weights). */
export const DEFAULT_MAX_TENSOR_ELEMENTS = 2 ** 26;
export const DEFAULT_MAX_TOTAL_ELEMENTS = 2 ** 27;

let limit: { perTensor: number; remaining: number; total: number } | null = null;
/** Inside measureAllocations: tensors get their shapes but no storage. */
let dryRun = false;

/**
 * Runs fn (which builds a model) with tensors that have their shapes but no storage (zero-length
 * data), under the allocation limit: how a spec is sized and checked before anything is
 * allocated. Nothing fn builds may be used for computation.
 */
export function measureAllocations<T>(options: AllocationLimit, fn: () => T): T {
  const outer = dryRun;
  dryRun = true;
  try {
    return withAllocationLimit(options, fn);
  } finally {
    dryRun = outer;
  }
}

/**
 * Runs fn with every tensor allocation checked against the limit before it happens, so a spec
 * or file that asks for a huge model is refused with a clear error instead of allocating it.
 */
export function withAllocationLimit<T>(options: AllocationLimit, fn: () => T): T {
  const outer = limit;
  const perTensor = options.maxTensorElements ?? DEFAULT_MAX_TENSOR_ELEMENTS;
  const total = options.maxTotalElements ?? DEFAULT_MAX_TOTAL_ELEMENTS;
  const start = Math.min(total, outer?.remaining ?? Infinity);
  const inner = { perTensor: Math.min(perTensor, outer?.perTensor ?? Infinity), remaining: start, total };
  limit = inner;
  try {
    return fn();
  } finally {
    if (outer) outer.remaining -= start - inner.remaining; // what the inner run used counts for the outer one too
    limit = outer;
  }
}

/** Allocates a zeroed array of the given dtype. */
export function allocData(dtype: DType, size: number): Data {
  if (limit) {
    if (size > limit.perTensor) {
      throw new AllocationLimitError(`a tensor of ${withThousands(size)} elements is over the limit of ${withThousands(limit.perTensor)} per tensor`);
    }
    if (size > limit.remaining) {
      throw new AllocationLimitError(`the model needs more than ${withThousands(limit.total)} elements in all (the limit)`);
    }
    limit.remaining -= size;
  }
  if (size > MAX_TYPED_ARRAY) throw new AllocationLimitError(`a tensor of ${withThousands(size)} elements is larger than JavaScript can allocate`);
  if (dryRun) return dtype === 'float64' ? new Float64Array(0) : new Float32Array(0);
  return dtype === 'float64' ? new Float64Array(size) : new Float32Array(size);
}

/** The largest typed array length V8 allows (2^32 − 1 bytes' worth is not reachable for floats anyway). */
const MAX_TYPED_ARRAY = 2 ** 31 - 1;

function withThousands(n: number): string {
  return n.toLocaleString('en');
}

/** Number of elements of a shape (1 for a scalar shape []). */
export function sizeOf(shape: readonly number[]): number {
  let size = 1;
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) throw new Error(`Tensor: invalid shape ${formatShape(shape)}`);
    size *= d;
  }
  return size;
}

export function formatShape(shape: readonly number[]): string {
  // A shape is short; a long array here is data passed as a shape: show its start and length only.
  if (shape.length > 8) return `[${Array.prototype.slice.call(shape, 0, 6).join(', ')}, … (${shape.length} entries)]`;
  return `[${shape.join(', ')}]`;
}

export class Tensor {
  readonly shape: readonly number[];
  readonly data: Data;

  constructor(data: Data, shape: readonly number[]) {
    if (sizeOf(shape) !== data.length && !(dryRun && data.length === 0)) {
      throw new Error(`Tensor: shape ${formatShape(shape)} needs ${sizeOf(shape)} elements, data has ${data.length}`);
    }
    this.shape = Object.freeze([...shape]);
    this.data = data;
  }

  /**
   * Moves the numbers into `data` (the same kind of array, the same length), which the tensor uses
   * from then on: how a backend keeps a tensor that lives across steps in its own memory
   * (Kernels.keepResident). An array read from `tensor.data` before the move no longer follows
   * the tensor; read `tensor.data` again.
   */
  relocate(data: Data): void {
    this.checkReplacement('relocate', data);
    data.set(this.data as Float32Array & Float64Array);
    (this as { data: Data }).data = data;
  }

  /**
   * Takes `data` (the same kind of array, the same length) as its numbers, without copying: how a
   * loader hands a tensor the array it read (the ONNX importer). The tensor's old numbers are
   * dropped; whoever else holds `data` sees the tensor's changes.
   */
  adopt(data: Data): void {
    this.checkReplacement('adopt', data);
    (this as { data: Data }).data = data;
  }

  private checkReplacement(what: string, data: Data): void {
    if (data.constructor !== this.data.constructor || data.length !== this.data.length) {
      throw new Error(`Tensor.${what}: expected a ${this.data.constructor.name} of ${this.data.length} elements, got a ${data.constructor.name} of ${data.length}`);
    }
  }

  static zeros(shape: readonly number[], dtype: DType = 'float32'): Tensor {
    let data: Data;
    try {
      data = allocData(dtype, sizeOf(shape));
    } catch (e) {
      if (e instanceof AllocationLimitError) e.message = `tensor ${formatShape(shape)}: ${e.message}`;
      throw e;
    }
    return new Tensor(data, shape);
  }

  static full(shape: readonly number[], value: number, dtype: DType = 'float32'): Tensor {
    const t = Tensor.zeros(shape, dtype);
    t.data.fill(value);
    return t;
  }

  /** Copies `values` (any array-like of numbers) into a new tensor. */
  static from(values: ArrayLike<number>, shape: readonly number[], dtype: DType = 'float32'): Tensor {
    const data = allocData(dtype, values.length);
    data.set(values as ArrayLike<number>);
    return new Tensor(data, shape);
  }

  get dtype(): DType {
    return this.data instanceof Float64Array ? 'float64' : 'float32';
  }

  get size(): number {
    return this.data.length;
  }

  get rank(): number {
    return this.shape.length;
  }

  /** A view with another shape over the same data (no copy). */
  reshape(shape: readonly number[]): Tensor {
    return new Tensor(this.data, shape);
  }

  clone(): Tensor {
    return new Tensor(this.data.slice(), this.shape);
  }

  /** A copy converted to another dtype (a plain copy when it already is that dtype). */
  astype(dtype: DType): Tensor {
    const data = allocData(dtype, this.size);
    data.set(this.data);
    return new Tensor(data, this.shape);
  }

  /** Element at a multi-index, for tests and debugging (not for hot loops). */
  get(...index: number[]): number {
    return this.data[this.offsetOf(index)];
  }

  toArray(): number[] {
    return Array.from(this.data);
  }

  toString(): string {
    return `Tensor(${this.dtype}, ${formatShape(this.shape)})`;
  }

  private offsetOf(index: number[]): number {
    if (index.length !== this.rank) throw new Error(`Tensor.get: need ${this.rank} indices, got ${index.length}`);
    let offset = 0;
    for (let i = 0; i < index.length; i++) {
      if (index[i] < 0 || index[i] >= this.shape[i]) {
        throw new Error(`Tensor.get: index ${index[i]} out of range for dim ${i} of ${formatShape(this.shape)}`);
      }
      offset = offset * this.shape[i] + index[i];
    }
    return offset;
  }
}

/** A trainable tensor: its value, the gradient accumulated into it, and a stable name. */
export class Parameter {
  name: string;
  value: Tensor;
  grad: Tensor;
  /**
   * Whether training updates it (PyTorch's requires_grad). false: frozen (fine-tuning, see
   * src/layers/freeze.ts): layers add nothing into its grad (their dW/db kernels are skipped),
   * containers stop backward where nothing upstream trains, and optimizers leave it alone.
   */
  requiresGrad = true;

  constructor(name: string, value: Tensor) {
    this.name = name;
    this.value = value;
    this.grad = Tensor.zeros(value.shape, value.dtype);
  }

  /** Number of scalar weights. */
  get size(): number {
    return this.value.size;
  }

  zeroGrad(): void {
    this.grad.data.fill(0);
  }

  /** Replaces value and grad with copies in another dtype (used by gradcheck). */
  cast(dtype: DType): void {
    this.value = this.value.astype(dtype);
    this.grad = this.grad.astype(dtype);
  }
}

/** A named non-trainable state tensor (BatchNorm running statistics). */
export interface Buffer {
  name: string;
  value: Tensor;
}
