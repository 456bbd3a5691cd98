// SPDX-License-Identifier: MIT
// The safetensors format (github.com/huggingface/safetensors): an 8-byte little-endian header
// length N, N bytes of JSON {name: {dtype, shape, data_offsets: [begin, end]}, __metadata__:
// {string: string}}, then the little-endian tensor bytes, offsets relative to their start.
// Bytes in, bytes out (Uint8Array), so this file runs in browsers; files are the caller's business.
import { Tensor } from '../tensor/tensor.js';
import { preview } from '../layers/preview.js';

export type SafeDType = 'F64' | 'F32' | 'F16' | 'BF16' | 'I64' | 'I32' | 'I16' | 'I8' | 'U8' | 'BOOL';

/** Bytes per element of each dtype the format defines. */
export const DTYPE_BYTES: Record<SafeDType, number> = { F64: 8, F32: 4, F16: 2, BF16: 2, I64: 8, I32: 4, I16: 2, I8: 1, U8: 1, BOOL: 1 };

export type SafeData = Float64Array | Float32Array | BigInt64Array | Int32Array | Int16Array | Int8Array | Uint8Array | Uint16Array;

/** One decoded tensor. F16/BF16 come back as raw Uint16Array bits; BOOL as Uint8Array. */
export interface SafeTensor {
  dtype: SafeDType;
  shape: number[];
  data: SafeData;
}

export interface SafetensorsFile {
  tensors: Map<string, SafeTensor>;
  metadata: Record<string, string>;
}

export class SafetensorsError extends Error {
  override name = 'SafetensorsError';
}

/** The header refuses more than this (the reference implementation's limit is 100 MB). */
const MAX_HEADER_BYTES = 100_000_000;

/**
 * Encodes tensors (Nabla Tensors become F32/F64) in the order given, and string metadata.
 * The JSON header is padded with spaces so the data starts 8-byte aligned, as the reference
 * writer does.
 */
export function encodeSafetensors(tensors: Iterable<readonly [string, SafeTensor | Tensor]>, metadata: Record<string, string> = {}): Uint8Array {
  const header: Record<string, unknown> = Object.create(null); // no prototype: any tensor name is safe
  if (Object.keys(metadata).length > 0) {
    for (const [k, v] of Object.entries(metadata)) {
      if (typeof v !== 'string') throw new SafetensorsError(`safetensors: metadata value ${k} must be a string, got ${typeof v}`);
    }
    header.__metadata__ = metadata;
  }
  const entries: SafeTensor[] = [];
  let offset = 0;
  for (const [name, value] of tensors) {
    if (name === '__metadata__' || Object.hasOwn(header, name)) throw new SafetensorsError(`safetensors: duplicate or reserved tensor name '${name}'`);
    const t = toSafeTensor(value);
    const bytes = t.data.byteLength;
    if (bytes !== product(t.shape) * DTYPE_BYTES[t.dtype]) {
      throw new SafetensorsError(`safetensors: tensor ${name}: shape [${t.shape.join(', ')}] of ${t.dtype} needs ${product(t.shape) * DTYPE_BYTES[t.dtype]} bytes, data has ${bytes}`);
    }
    header[name] = { dtype: t.dtype, shape: t.shape, data_offsets: [offset, offset + bytes] };
    entries.push(t);
    offset += bytes;
  }
  let json = new TextEncoder().encode(JSON.stringify(header));
  const padded = Math.ceil((8 + json.length) / 8) * 8 - 8;
  if (padded > json.length) {
    const withSpaces = new Uint8Array(padded).fill(0x20);
    withSpaces.set(json);
    json = withSpaces;
  }
  const out = new Uint8Array(8 + json.length + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(json.length), true);
  out.set(json, 8);
  let at = 8 + json.length;
  for (const t of entries) {
    out.set(littleEndianBytes(t.data), at);
    at += t.data.byteLength;
  }
  return out;
}

/**
 * Decodes and validates a safetensors file. `file` names it in errors. Every check runs on the
 * header before any tensor is allocated, so a lying header cannot make it allocate more than
 * the file's own size.
 */
export function decodeSafetensors(input: Uint8Array | ArrayBuffer, file = '<buffer>'): SafetensorsFile {
  const fail = (msg: string): never => {
    throw new SafetensorsError(`${file}: ${msg}`);
  };
  if (!(input instanceof Uint8Array) && !(input instanceof ArrayBuffer)) fail(`expected the file's bytes (a Uint8Array, Buffer or ArrayBuffer), got ${Object.prototype.toString.call(input)}`);
  const bytes = input instanceof ArrayBuffer ? new Uint8Array(input) : input;
  if (bytes.length < 8) fail(`${bytes.length} bytes is too short for a safetensors file (needs an 8-byte header length)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getBigUint64(0, true);
  if (headerLength > BigInt(bytes.length - 8)) fail(`header length ${headerLength} runs past the end of the file (${bytes.length} bytes)`);
  if (headerLength > BigInt(MAX_HEADER_BYTES)) fail(`header length ${headerLength} exceeds the ${MAX_HEADER_BYTES}-byte limit`);
  const n = Number(headerLength);
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + n)));
  } catch (err) {
    fail(`header is not valid JSON (${(err as Error).message})`);
  }
  if (!isPlainObject(header)) fail('header must be a JSON object');
  const dataStart = 8 + n;
  const dataLength = bytes.length - dataStart;
  const metadata = readMetadata((header as Record<string, unknown>).__metadata__, fail);

  const spans: { name: string; begin: number; end: number; dtype: SafeDType; shape: number[] }[] = [];
  for (const [name, entry] of Object.entries(header as Record<string, unknown>)) {
    if (name === '__metadata__') continue;
    if (!isPlainObject(entry)) fail(`tensor ${name}: entry must be an object with dtype, shape and data_offsets`);
    const { dtype, shape, data_offsets: offsets } = entry as Record<string, unknown>;
    if (typeof dtype !== 'string' || !(dtype in DTYPE_BYTES)) fail(`tensor ${name}: unknown dtype ${preview(dtype)} (known: ${Object.keys(DTYPE_BYTES).join(', ')})`);
    if (!Array.isArray(shape) || !shape.every((d) => Number.isSafeInteger(d) && d >= 0)) fail(`tensor ${name}: shape must be a list of non-negative integers, got ${preview(shape)}`);
    if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every((o) => Number.isSafeInteger(o) && o >= 0)) {
      fail(`tensor ${name}: data_offsets must be [begin, end] integers, got ${preview(offsets)}`);
    }
    const [begin, end] = offsets as number[];
    if (begin > end || end > dataLength) fail(`tensor ${name}: data_offsets [${begin}, ${end}] out of range (the data section has ${dataLength} bytes)`);
    const need = product(shape as number[]) * DTYPE_BYTES[dtype as SafeDType];
    if (need !== end - begin) {
      fail(`tensor ${name}: shape [${(shape as number[]).join(', ')}] of ${dtype} needs ${need} bytes, data_offsets [${begin}, ${end}] hold ${end - begin}`);
    }
    spans.push({ name, begin, end, dtype: dtype as SafeDType, shape: shape as number[] });
  }
  // The tensors must tile the data section exactly: no overlaps, no gaps, nothing after.
  const sorted = [...spans].sort((a, b) => a.begin - b.begin || a.end - b.end);
  let covered = 0;
  for (const s of sorted) {
    if (s.begin < covered) fail(`tensor ${s.name}: data_offsets [${s.begin}, ${s.end}] overlap the previous tensor (which ends at ${covered})`);
    if (s.begin > covered) fail(`tensor ${s.name}: gap in the data section: bytes ${covered}..${s.begin} belong to no tensor`);
    covered = s.end;
  }
  if (covered !== dataLength) fail(`data section has ${dataLength} bytes, the tensors cover ${covered}`);

  const tensors = new Map<string, SafeTensor>();
  for (const s of spans) {
    tensors.set(s.name, { dtype: s.dtype, shape: s.shape, data: fromLittleEndian(bytes.subarray(dataStart + s.begin, dataStart + s.end), s.dtype) });
  }
  return { tensors, metadata };
}

/** A Nabla Tensor from a decoded F32/F64 tensor (other dtypes are an error naming the tensor). */
export function toTensor(t: SafeTensor, name: string): Tensor {
  if (t.data instanceof Float32Array || t.data instanceof Float64Array) {
    if (t.dtype === 'F32' || t.dtype === 'F64') return new Tensor(t.data, t.shape);
  }
  throw new SafetensorsError(`tensor ${name}: dtype ${t.dtype} cannot become a Nabla tensor (F32 or F64 only)`);
}

function toSafeTensor(value: SafeTensor | Tensor): SafeTensor {
  if (value instanceof Tensor) return { dtype: value.dtype === 'float64' ? 'F64' : 'F32', shape: [...value.shape], data: value.data };
  return value;
}

function readMetadata(raw: unknown, fail: (msg: string) => never): Record<string, string> {
  if (raw === undefined) return {};
  if (!isPlainObject(raw)) fail('__metadata__ must be an object of strings');
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof v !== 'string') fail(`__metadata__.${k} must be a string, got ${typeof v}`);
    out[k] = v as string;
  }
  return out;
}

const isLittleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function littleEndianBytes(data: SafeData): Uint8Array {
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (isLittleEndian || data.BYTES_PER_ELEMENT === 1) return bytes;
  return swapped(bytes, data.BYTES_PER_ELEMENT);
}

/**
 * Copies the bytes into a fresh, aligned typed array of the dtype. The copy is made by the
 * Uint8Array constructor: a Node Buffer's slice() is a view, and its buffer the whole file (or
 * Node's shared pool).
 */
function fromLittleEndian(bytes: Uint8Array, dtype: SafeDType): SafeData {
  const copy = new Uint8Array(bytes);
  const raw = isLittleEndian ? copy : swapped(copy, DTYPE_BYTES[dtype]);
  const buffer = raw.buffer;
  switch (dtype) {
    case 'F64':
      return new Float64Array(buffer);
    case 'F32':
      return new Float32Array(buffer);
    case 'F16':
    case 'BF16':
      return new Uint16Array(buffer);
    case 'I64':
      return new BigInt64Array(buffer);
    case 'I32':
      return new Int32Array(buffer);
    case 'I16':
      return new Int16Array(buffer);
    case 'I8':
      return new Int8Array(buffer);
    case 'U8':
    case 'BOOL':
      return raw;
  }
}

function swapped(bytes: Uint8Array, width: number): Uint8Array {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i += width) for (let k = 0; k < width; k++) out[i + k] = bytes[i + width - 1 - k];
  return out;
}

function product(shape: readonly number[]): number {
  let p = 1;
  for (const d of shape) p *= d;
  return p;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
