// SPDX-License-Identifier: MIT
// The ONNX protobuf messages (from the `onnx-proto` package: protobufjs static code generated
// from onnx.proto, ONNX v1.10) and the small helpers export and import share: building tensors,
// attributes and value infos, and reading them back with every size and type checked before
// anything is allocated. No protobuf encoding is written by hand here.
import onnxProto from 'onnx-proto';
import { formatShape } from '../../tensor/tensor.js';

export const onnx = onnxProto.onnx;
export type ModelProto = onnxProto.onnx.IModelProto;
export type GraphProto = onnxProto.onnx.IGraphProto;
export type NodeProto = onnxProto.onnx.INodeProto;
/** A decoded graph: a class instance whose repeated fields are always arrays. */
export type DecodedGraph = onnxProto.onnx.GraphProto;
export type TensorProto = onnxProto.onnx.ITensorProto;
export type AttributeProto = onnxProto.onnx.IAttributeProto;
export type ValueInfoProto = onnxProto.onnx.IValueInfoProto;

export const DataType = onnx.TensorProto.DataType;
export const AttributeType = onnx.AttributeProto.AttributeType;

/** Largest tensor import accepts (2²⁸ elements, 1 GiB of float32); real data must back it anyway. */
export const MAX_TENSOR_ELEMENTS = 2 ** 28;

/** An int64 field as protobufjs decodes it: a number, or a Long when the `long` package is present. */
type Int64 = number | { toNumber(): number; high: number; low: number };

/** Converts an int64 field to a number, throwing (naming `what`) when it is not a safe integer. */
export function toInt(value: Int64 | null | undefined, what: string): number {
  const n = value === null || value === undefined ? 0 : typeof value === 'number' ? value : value.toNumber();
  // Long.toNumber is inexact beyond 2⁵³; a high word outside ±2²¹ means the value is not safe.
  const isSafe = typeof value === 'object' && value !== null ? Math.abs(value.high) < 2 ** 21 : true;
  if (!isSafe || !Number.isSafeInteger(n)) throw new Error(`${what}: integer ${String(n)} is out of range`);
  return n;
}

/**
 * The shortest decimal that is the same float32 as `v`: attributes are float32 in ONNX, so
 * PyTorch's 0.1 arrives as 0.100000001490116; this gives back 0.1.
 */
export function shortestFloat32(v: number): number {
  for (let digits = 1; digits <= 9; digits++) {
    const candidate = Number(v.toPrecision(digits));
    if (Math.fround(candidate) === Math.fround(v)) return candidate;
  }
  return v;
}

// ---- Building (export) ---------------------------------------------------------------------

/** A FLOAT initializer with little-endian raw_data (the layout ONNX specifies for raw_data). */
export function floatTensor(name: string, dims: readonly number[], values: ArrayLike<number>): TensorProto {
  const raw = new Uint8Array(values.length * 4);
  const view = new DataView(raw.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat32(4 * i, values[i], true);
  return { name, dims: [...dims], dataType: DataType.FLOAT, rawData: raw };
}

/** An INT64 tensor (shapes for Reshape and the like). */
export function int64Tensor(name: string, dims: readonly number[], values: readonly number[]): TensorProto {
  return { name, dims: [...dims], dataType: DataType.INT64, int64Data: [...values] };
}

export const attr = {
  int: (name: string, i: number): AttributeProto => ({ name, type: AttributeType.INT, i }),
  ints: (name: string, ints: readonly number[]): AttributeProto => ({ name, type: AttributeType.INTS, ints: [...ints] }),
  float: (name: string, f: number): AttributeProto => ({ name, type: AttributeType.FLOAT, f }),
  floats: (name: string, floats: readonly number[]): AttributeProto => ({ name, type: AttributeType.FLOATS, floats: [...floats] }),
  string: (name: string, s: string): AttributeProto => ({
    name,
    type: AttributeType.STRING,
    s: new TextEncoder().encode(s),
  }),
};

/** A float tensor value info; a string dimension is symbolic (dim_param), a number fixed (dim_value). */
export function floatValueInfo(name: string, dims: readonly (number | string)[]): ValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType: DataType.FLOAT,
        shape: { dim: dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })) },
      },
    },
  };
}

// ---- Reading (import) ----------------------------------------------------------------------

/**
 * Float values as read: FLOAT as Float32Array (the file's numbers, half the memory of widening
 * them while a large model is read), DOUBLE and values computed on import as Float64Array.
 */
export type FloatValues = Float32Array | Float64Array;

/** A decoded initializer or Constant value. */
export interface ConstTensor {
  dims: number[];
  dataType: number;
  /** FLOAT and DOUBLE values. */
  floats: FloatValues | null;
  /** INT64, INT32 and BOOL (0 or 1) values. */
  ints: number[] | null;
}

const DATA_TYPE_NAMES: Record<number, string> = Object.fromEntries(
  Object.entries(DataType).filter(([, v]) => typeof v === 'number').map(([k, v]) => [v as number, k]),
);

export function dataTypeName(dataType: number): string {
  return DATA_TYPE_NAMES[dataType] ?? `unknown data type ${dataType}`;
}

/** Dims of a tensor, each checked, and their product checked against MAX_TENSOR_ELEMENTS. */
function readDims(t: TensorProto, where: string): { dims: number[]; size: number } {
  const dims = (t.dims ?? []).map((d, i) => toInt(d, `${where}: dims[${i}]`));
  let size = 1;
  for (const d of dims) {
    if (d < 0) throw new Error(`${where}: negative dimension in dims ${formatShape(dims)}`);
    size *= d;
    if (size > MAX_TENSOR_ELEMENTS) {
      throw new Error(`${where}: dims ${formatShape(dims)} exceed the ${MAX_TENSOR_ELEMENTS}-element limit`);
    }
  }
  return { dims, size };
}

/**
 * Reads a TensorProto (FLOAT, DOUBLE, INT64, INT32 or BOOL, inline data only). The element count the
 * dims claim must equal what the data holds, so a tensor claiming more data than it has is an
 * error before any allocation.
 */
export function readTensor(t: TensorProto, where: string): ConstTensor {
  const dataType = t.dataType ?? 0;
  const { dims, size } = readDims(t, where);
  if (t.dataLocation === onnx.TensorProto.DataLocation.EXTERNAL || (t.externalData ?? []).length > 0) {
    throw new Error(`${where}: external data is not supported (save the model with its weights inside the file)`);
  }
  const raw = t.rawData && t.rawData.length > 0 ? t.rawData : null;
  const claim = (have: number, unit: string): void => {
    if (have !== size) {
      throw new Error(`${where}: dims ${formatShape(dims)} need ${size} elements but ${unit} holds ${have}`);
    }
  };
  const view = raw ? new DataView(raw.buffer, raw.byteOffset, raw.byteLength) : null;
  const rawCount = (bytesPerElement: number): number => {
    if (raw!.length % bytesPerElement !== 0) {
      throw new Error(`${where}: raw_data has ${raw!.length} bytes, not a multiple of ${bytesPerElement} (${dataTypeName(dataType)})`);
    }
    return raw!.length / bytesPerElement;
  };
  switch (dataType) {
    case DataType.FLOAT:
    case DataType.DOUBLE: {
      const isFloat = dataType === DataType.FLOAT;
      const list = (isFloat ? t.floatData : t.doubleData) ?? [];
      if (view) claim(rawCount(isFloat ? 4 : 8), 'raw_data');
      else claim(list.length, isFloat ? 'float_data' : 'double_data');
      const floats = isFloat ? new Float32Array(size) : new Float64Array(size);
      for (let i = 0; i < size; i++) {
        if (view) floats[i] = isFloat ? view.getFloat32(4 * i, true) : view.getFloat64(8 * i, true);
        else floats[i] = list[i];
      }
      return { dims, dataType, floats, ints: null };
    }
    case DataType.INT64: {
      if (view) claim(rawCount(8), 'raw_data');
      else claim(t.int64Data?.length ?? 0, 'int64_data');
      const ints: number[] = [];
      for (let i = 0; i < size; i++) {
        ints.push(view ? Number(view.getBigInt64(8 * i, true)) : toInt(t.int64Data![i], `${where}[${i}]`));
      }
      return { dims, dataType, floats: null, ints };
    }
    case DataType.INT32: {
      if (view) claim(rawCount(4), 'raw_data');
      else claim(t.int32Data?.length ?? 0, 'int32_data');
      const ints: number[] = [];
      for (let i = 0; i < size; i++) ints.push(view ? view.getInt32(4 * i, true) : t.int32Data![i]);
      return { dims, dataType, floats: null, ints };
    }
    case DataType.BOOL: {
      // Dropout's training_mode: one byte per value in raw_data, else int32_data.
      if (raw) claim(raw.length, 'raw_data');
      else claim(t.int32Data?.length ?? 0, 'int32_data');
      const ints: number[] = [];
      for (let i = 0; i < size; i++) ints.push((raw ? raw[i] : t.int32Data![i]) ? 1 : 0);
      return { dims, dataType, floats: null, ints };
    }
    default:
      throw new Error(`${where}: data type ${dataTypeName(dataType)} is not supported (FLOAT, DOUBLE, INT64, INT32, BOOL are)`);
  }
}

/** A node's attributes by name, with typed getters that name the node and attribute on a mismatch. */
export class Attributes {
  private readonly byName = new Map<string, AttributeProto>();
  private readonly used = new Set<string>();

  constructor(
    private readonly where: string,
    attributes: readonly AttributeProto[],
  ) {
    for (const a of attributes) this.byName.set(a.name ?? '', a);
  }

  private get(name: string, type: number): AttributeProto | undefined {
    this.used.add(name);
    const a = this.byName.get(name);
    if (a && a.type !== type) {
      throw new Error(
        `${this.where}: attribute '${name}' should be ${AttributeType[type]}, got ${AttributeType[a.type ?? 0] ?? a.type}`,
      );
    }
    return a;
  }

  int(name: string, fallback: number): number {
    const a = this.get(name, AttributeType.INT);
    return a ? toInt(a.i, `${this.where}: attribute '${name}'`) : fallback;
  }

  /** A FLOAT attribute; NaN and ±Infinity are refused (no operator Nabla reads takes them). */
  float(name: string, fallback: number): number {
    const a = this.get(name, AttributeType.FLOAT);
    const value = a ? (a.f ?? 0) : fallback;
    if (a && !Number.isFinite(value)) throw new Error(`${this.where}: attribute '${name}' is ${value}; it must be a finite number`);
    return value;
  }

  ints(name: string): number[] | null {
    const a = this.get(name, AttributeType.INTS);
    if (a && (a.ints ?? []).length > 64) throw new Error(`${this.where}: attribute '${name}' has ${a.ints!.length} values`);
    return a ? (a.ints ?? []).map((v, i) => toInt(v, `${this.where}: attribute '${name}'[${i}]`)) : null;
  }

  /** A FLOATS attribute (each value finite), or null when absent. */
  floats(name: string): number[] | null {
    const a = this.get(name, AttributeType.FLOATS);
    if (!a) return null;
    const values = a.floats ?? [];
    if (values.length > 64) throw new Error(`${this.where}: attribute '${name}' has ${values.length} values`);
    if (values.some((v) => !Number.isFinite(v))) throw new Error(`${this.where}: attribute '${name}' holds a non-finite value (${JSON.stringify(values)})`);
    return [...values];
  }

  string(name: string, fallback: string): string {
    const a = this.get(name, AttributeType.STRING);
    return a ? new TextDecoder().decode(a.s ?? new Uint8Array(0)) : fallback;
  }

  tensor(name: string): TensorProto | null {
    return this.get(name, AttributeType.TENSOR)?.t ?? null;
  }

  /** Throws naming every attribute the importer did not read (one it would silently ignore). */
  checkAllUsed(): void {
    const unknown = [...this.byName.keys()].filter((n) => !this.used.has(n));
    if (unknown.length > 0) {
      throw new Error(`${this.where}: unsupported attribute${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `'${n}'`).join(', ')}`);
    }
  }
}
