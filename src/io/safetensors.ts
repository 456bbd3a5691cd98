// SPDX-License-Identifier: MIT
// The safetensors format (github.com/huggingface/safetensors): an 8-byte little-endian header
// length N, N bytes of JSON {name: {dtype, shape, data_offsets: [begin, end]}, __metadata__:
// {string: string}}, then the little-endian tensor bytes, offsets relative to their start.
// Bytes in, bytes out (Uint8Array), so this file runs in browsers; files are the caller's business.
import { Tensor } from '../tensor/tensor.js';

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

/** How deep the header's JSON may nest: a tensor's shape sits at depth 3, the format needs no more. */
export const MAX_HEADER_DEPTH = 8;

/** One tensor as the header describes it, checked against the file; `begin`/`end` are relative to the data section. */
export interface SafeTensorEntry {
  dtype: SafeDType;
  shape: number[];
  begin: number;
  end: number;
}

/** A validated header: the tensors (in header order), the metadata and where the data section starts. */
export interface SafetensorsHeader {
  entries: Map<string, SafeTensorEntry>;
  metadata: Record<string, string>;
  dataStart: number;
}

/**
 * Reads and validates the header of a safetensors file without touching the tensor data. Every
 * value is checked (type, integer, range) against the file's own size, duplicate names and
 * overlapping or missing bytes are refused, and nesting is bounded before JSON.parse runs, so
 * a lying header can neither allocate nor loop more than the file's size. Errors name the file,
 * the tensor and the byte offset. `bytes` may be any Uint8Array (a Node Buffer, a view at an
 * offset) or an ArrayBuffer.
 */
export function readSafetensorsHeader(input: Uint8Array | ArrayBuffer, file = '<buffer>'): SafetensorsHeader {
  const bytes = asBytes(input, file);
  const failFile = (msg: string): never => {
    throw new SafetensorsError(`${file}: ${msg}`);
  };
  const fail = failFile;
  if (bytes.length < 8) fail(`${bytes.length} bytes is too short for a safetensors file (needs an 8-byte header length)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getBigUint64(0, true);
  if (headerLength > BigInt(bytes.length - 8)) fail(`header length ${headerLength} runs past the end of the file (${bytes.length} bytes; the length is the file's bytes 0..8)`);
  if (headerLength > BigInt(MAX_HEADER_BYTES)) fail(`header length ${headerLength} (file bytes 0..8) exceeds the ${MAX_HEADER_BYTES}-byte limit`);
  const n = Number(headerLength);
  const headerBytes = bytes.subarray(8, 8 + n);
  const keyOffsets = scanHeader(headerBytes, fail);
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(headerBytes));
  } catch (err) {
    fail(`header is not valid JSON (${(err as Error).message}; the header is file bytes 8..${8 + n})`);
  }
  if (!isPlainObject(header)) fail('header must be a JSON object (file byte 8)');
  const dataStart = 8 + n;
  const dataLength = bytes.length - dataStart;
  const metadata = readMetadata((header as Record<string, unknown>).__metadata__, fail);

  const entries = new Map<string, SafeTensorEntry>();
  for (const [name, entry] of Object.entries(header as Record<string, unknown>)) {
    if (name === '__metadata__') continue;
    const at = `tensor ${nameOf(name)}`;
    const fail = (msg: string): never => failFile(`${msg} (file byte ${keyOffsets.get(name) ?? '?'})`);
    if (!isPlainObject(entry)) fail(`${at}: entry must be an object with dtype, shape and data_offsets`);
    const { dtype, shape, data_offsets: offsets } = entry as Record<string, unknown>;
    if (typeof dtype !== 'string' || !Object.hasOwn(DTYPE_BYTES, dtype)) fail(`${at}: unknown dtype ${short(dtype)} (known: ${Object.keys(DTYPE_BYTES).join(', ')})`);
    if (!Array.isArray(shape) || !shape.every((d) => Number.isSafeInteger(d) && d >= 0)) fail(`${at}: shape must be a list of non-negative integers, got ${short(shape)}`);
    if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every((o) => Number.isSafeInteger(o) && o >= 0)) {
      fail(`${at}: data_offsets must be [begin, end] non-negative integers, got ${short(offsets)}`);
    }
    const [begin, end] = offsets as number[];
    if (begin > end || end > dataLength) {
      fail(`${at}: data_offsets [${begin}, ${end}] out of range (the data section has ${dataLength} bytes) (data from file byte ${dataStart})`);
    }
    const need = product(shape as number[]) * DTYPE_BYTES[dtype as SafeDType];
    if (need !== end - begin) {
      fail(`${at}: shape [${(shape as number[]).slice(0, 8).join(', ')}${(shape as number[]).length > 8 ? ', ...' : ''}] of ${dtype} needs ${need} bytes, data_offsets [${begin}, ${end}] hold ${end - begin}`);
    }
    entries.set(name, { dtype: dtype as SafeDType, shape: [...(shape as number[])], begin, end });
  }
  // The tensors must tile the data section exactly: no overlaps, no gaps, nothing after.
  const sorted = [...entries].sort(([, a], [, b]) => a.begin - b.begin || a.end - b.end);
  let covered = 0;
  for (const [name, s] of sorted) {
    if (s.begin < covered) fail(`tensor ${nameOf(name)}: data_offsets [${s.begin}, ${s.end}] overlap the previous tensor (which ends at ${covered}) (file byte ${dataStart + s.begin})`);
    if (s.begin > covered) fail(`tensor ${nameOf(name)}: gap in the data section: bytes ${covered}..${s.begin} belong to no tensor (file byte ${dataStart + covered})`);
    covered = s.end;
  }
  if (covered !== dataLength) fail(`data section has ${dataLength} bytes, the tensors cover ${covered} (data from file byte ${dataStart})`);
  return { entries, metadata, dataStart };
}

/** The data of one tensor the header described, copied into a fresh aligned typed array. */
export function readSafeTensor(input: Uint8Array | ArrayBuffer, header: SafetensorsHeader, name: string): SafeTensor {
  const entry = header.entries.get(name);
  if (!entry) throw new SafetensorsError(`no tensor ${nameOf(name)} in the file`);
  const bytes = asBytes(input, '<buffer>');
  const { dataStart } = header;
  return { dtype: entry.dtype, shape: [...entry.shape], data: fromLittleEndian(bytes.subarray(dataStart + entry.begin, dataStart + entry.end), entry.dtype) };
}

/**
 * Decodes and validates a safetensors file. `file` names it in errors. Every check runs on the
 * header before any tensor is allocated (readSafetensorsHeader), so a lying header cannot make it
 * allocate more than the file's own size. Tensors are copies: they never alias `bytes`.
 */
export function decodeSafetensors(input: Uint8Array | ArrayBuffer, file = '<buffer>'): SafetensorsFile {
  const header = readSafetensorsHeader(input, file);
  const tensors = new Map<string, SafeTensor>();
  for (const name of header.entries.keys()) tensors.set(name, readSafeTensor(input, header, name));
  return { tensors, metadata: header.metadata };
}

/**
 * The first non-finite value (NaN, ±Infinity) of a float tensor as `name[index] is NaN`, or null.
 * F16/BF16 bits are checked too (exponent all ones).
 */
export function firstNonFiniteValue(t: SafeTensor): { index: number; value: string } | null {
  const data = t.data;
  if (data instanceof Float32Array || data instanceof Float64Array) {
    for (let i = 0; i < data.length; i++) if (!Number.isFinite(data[i])) return { index: i, value: String(data[i]) };
  } else if (t.dtype === 'F16' || t.dtype === 'BF16') {
    const exponent = t.dtype === 'F16' ? 0x7c00 : 0x7f80;
    const mantissa = t.dtype === 'F16' ? 0x03ff : 0x007f;
    for (let i = 0; i < data.length; i++) {
      const bits = Number(data[i]);
      if ((bits & exponent) === exponent) return { index: i, value: bits & mantissa ? 'NaN' : bits & 0x8000 ? '-Infinity' : 'Infinity' };
    }
  }
  return null;
}

/** Refuses a tensor holding NaN or ±Infinity, naming it and the first bad index. */
export function checkFinite(t: SafeTensor, name: string, file = '<buffer>'): void {
  const bad = firstNonFiniteValue(t);
  if (bad) {
    throw new NonFiniteWeightsError(
      `${file}: tensor ${nameOf(name)} holds a non-finite value: ${nameOf(name)}[${bad.index}] is ${bad.value} (pass allowNonFinite / --allow-non-finite to load it anyway)`,
    );
  }
}

/**
 * Refuses a BatchNorm running variance (a tensor named …runningVar or …running_var) with a
 * negative entry: every output of the layer would be NaN (√ of a negative variance).
 */
export function checkVariance(t: SafeTensor, name: string, file = '<buffer>'): void {
  if (!/(^|\.)(runningVar|running_var)$/.test(name) || !(t.data instanceof Float32Array || t.data instanceof Float64Array)) return;
  const i = t.data.findIndex((v) => v < 0 && Number.isFinite(v)); // (a non-finite entry is checkFinite's to refuse or allow)
  if (i >= 0) {
    throw new SafetensorsError(`${file}: tensor ${nameOf(name)} is a running variance with a negative entry: ${nameOf(name)}[${i}] is ${t.data[i]}`);
  }
}

/** A weight, buffer or optimizer tensor holds NaN or ±Infinity. */
export class NonFiniteWeightsError extends SafetensorsError {
  override name = 'NonFiniteWeightsError';
}

/** Bytes as a plain Uint8Array over the same memory (a Node Buffer's slice() would alias, not copy). */
function asBytes(input: Uint8Array | ArrayBuffer, file: string): Uint8Array {
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  throw new SafetensorsError(`${file}: expected the file's bytes (a Uint8Array, Buffer or ArrayBuffer), got ${input === null ? 'null' : typeof input}`);
}

/**
 * One pass over the header bytes before JSON.parse: refuses nesting deeper than MAX_HEADER_DEPTH
 * and a key repeated in one object (JSON.parse would silently keep the last), and returns the
 * byte offset of each top-level key for error messages. Linear in the header's length.
 */
function scanHeader(bytes: Uint8Array, fail: (msg: string) => never): Map<string, number> {
  const topKeys = new Map<string, number>();
  const keysOf: Set<string>[] = [];
  const isObject: boolean[] = [];
  let expectKey = false;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === 0x22) {
      // a string: find its end, skipping escapes
      const start = i;
      for (i++; i < bytes.length && bytes[i] !== 0x22; i++) if (bytes[i] === 0x5c) i++;
      if (expectKey && isObject[isObject.length - 1]) {
        let key: string;
        try {
          key = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, i + 1))) as string;
        } catch {
          continue; // JSON.parse reports it with its own message
        }
        const keys = keysOf[keysOf.length - 1];
        if (keys.has(key)) fail(`key ${short(key)} appears twice in one object of the header (a duplicate tensor or field; file byte ${8 + start})`);
        keys.add(key);
        if (keysOf.length === 1) topKeys.set(key, 8 + start);
      }
      expectKey = false;
    } else if (c === 0x7b || c === 0x5b) {
      if (isObject.length >= MAX_HEADER_DEPTH) fail(`header JSON nests more than ${MAX_HEADER_DEPTH} deep (file byte ${8 + i}); the format needs 3`);
      isObject.push(c === 0x7b);
      keysOf.push(new Set());
      expectKey = c === 0x7b;
    } else if (c === 0x7d || c === 0x5d) {
      isObject.pop();
      keysOf.pop();
      expectKey = false;
    } else if (c === 0x2c) {
      expectKey = isObject[isObject.length - 1] === true;
    }
  }
  return topKeys;
}

/** A tensor name as written when it is short and printable, else quoted and cut. */
function nameOf(name: string): string {
  return /^[\x21-\x7e]{1,100}$/.test(name) ? name : short(name);
}

/** A value for an error message: JSON, cut to 80 characters (the header's depth is already bounded). */
function short(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value.length > 200 ? value.slice(0, 200) : value) : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
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
    if (typeof v !== 'string') fail(`__metadata__.${nameOf(k)} must be a string, got ${Array.isArray(v) ? 'a list' : typeof v}`);
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true }); // '__proto__' stays a key
  }
  return out;
}

const isLittleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function littleEndianBytes(data: SafeData): Uint8Array {
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (isLittleEndian || data.BYTES_PER_ELEMENT === 1) return bytes;
  return swapped(bytes, data.BYTES_PER_ELEMENT);
}

/** Copies the bytes into a fresh, aligned typed array of the dtype. */
function fromLittleEndian(bytes: Uint8Array, dtype: SafeDType): SafeData {
  const copy = new Uint8Array(bytes); // a copy, whatever bytes is (Buffer.slice would be a view)
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
