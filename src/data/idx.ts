// SPDX-License-Identifier: MIT
// The IDX format of MNIST and Fashion-MNIST (yann.lecun.com/exdb/mnist): a 4-byte magic
// 0x00 0x00 <dtype> <rank>, then rank big-endian uint32 dimensions, then the big-endian data.
// Files are often gzipped; gunzip() inflates through DecompressionStream, which Node 20 and
// browsers both provide, so this module runs in either.

export type IdxDType = 'uint8' | 'int8' | 'int16' | 'int32' | 'float32' | 'float64';
export type IdxData = Uint8Array | Int8Array | Int16Array | Int32Array | Float32Array | Float64Array;

export interface IdxArray {
  dtype: IdxDType;
  shape: number[];
  data: IdxData;
}

export class IdxError extends Error {
  override name = 'IdxError';
}

const DTYPES: Record<number, { dtype: IdxDType; bytes: number }> = {
  0x08: { dtype: 'uint8', bytes: 1 },
  0x09: { dtype: 'int8', bytes: 1 },
  0x0b: { dtype: 'int16', bytes: 2 },
  0x0c: { dtype: 'int32', bytes: 4 },
  0x0d: { dtype: 'float32', bytes: 4 },
  0x0e: { dtype: 'float64', bytes: 8 },
};

/** True when the bytes start with the gzip magic 1f 8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Deflate cannot compress by more than about 1032:1, so a header promising more than this per input byte lies. */
const MAX_DEFLATE_RATIO = 1032;

/**
 * Inflates gzip bytes, stopping as soon as the output passes what it can hold: the size the IDX
 * header (once its bytes have come out) promises, and never more than deflate's limit ratio. A
 * small file that inflates to gigabytes is refused after at most header-promised bytes, not after
 * all of them. `file` names the source in errors.
 */
export async function gunzip(bytes: Uint8Array, file = '<buffer>'): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip')).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let bound = MAX_DEFLATE_RATIO * bytes.length + 1024;
  let head: Uint8Array = new Uint8Array(0);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      total += value.length;
      if (head.length < 4 + 4 * 255 && head.length < total) {
        head = concatChunks(chunks, Math.min(total, 4 + 4 * 255));
        const promised = idxSizeFromHeader(head);
        if (promised !== null) bound = Math.min(bound, promised);
      }
      if (total > bound) {
        await reader.cancel().catch(() => undefined);
        throw new IdxError(`${file}: gzip data inflates to more than the ${bound} bytes its IDX header promises (stopped after ${total})`);
      }
    }
  } catch (err) {
    if (err instanceof IdxError) throw err;
    throw new IdxError(`${file}: gzip data is corrupt or truncated (${(err as Error).message})`);
  }
  return concatChunks(chunks, total);
}

function concatChunks(chunks: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    if (at >= length) break;
    const part = c.subarray(0, length - at);
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The whole file size an IDX header promises (header + data), or null while the header is incomplete or not IDX. */
function idxSizeFromHeader(head: Uint8Array): number | null {
  if (head.length < 4 || head[0] !== 0 || head[1] !== 0 || !DTYPES[head[2]] || head[3] === 0) return null;
  const headerBytes = 4 + 4 * head[3];
  if (head.length < headerBytes) return null;
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  let count = 1;
  for (let i = 0; i < head[3]; i++) count *= view.getUint32(4 + 4 * i, false);
  return headerBytes + count * DTYPES[head[2]].bytes;
}

/** Parses an IDX file that may be gzipped. */
export async function readIdx(bytes: Uint8Array, file = '<buffer>'): Promise<IdxArray> {
  return parseIdx(isGzip(bytes) ? await gunzip(bytes, file) : bytes, file);
}

/** Parses raw (already inflated) IDX bytes. Errors name the file and the byte offset. */
export function parseIdx(bytes: Uint8Array, file = '<buffer>'): IdxArray {
  if (bytes.length < 4) throw new IdxError(`${file}: ${bytes.length} bytes is too short for an IDX header (needs 4 at offset 0)`);
  if (bytes[0] !== 0 || bytes[1] !== 0) {
    const magic = Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
    throw new IdxError(`${file}: bad magic ${magic} at offset 0 (an IDX file starts 00 00 <dtype> <rank>)`);
  }
  const kind = DTYPES[bytes[2]];
  if (!kind) throw new IdxError(`${file}: unsupported IDX dtype byte 0x${bytes[2].toString(16).padStart(2, '0')} at offset 2`);
  const rank = bytes[3];
  if (rank === 0) throw new IdxError(`${file}: IDX rank 0 at offset 3 (needs at least one dimension)`);
  const headerBytes = 4 + 4 * rank;
  if (bytes.length < headerBytes) {
    throw new IdxError(`${file}: truncated header: ${rank} dimensions need ${headerBytes} bytes, file has ${bytes.length}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shape: number[] = [];
  let count = 1;
  for (let i = 0; i < rank; i++) {
    const d = view.getUint32(4 + 4 * i, false);
    shape.push(d);
    count *= d;
  }
  const expected = headerBytes + count * kind.bytes;
  if (bytes.length < expected) {
    throw new IdxError(
      `${file}: truncated data: shape [${shape.join(', ')}] of ${kind.dtype} needs ${expected} bytes, file has ${bytes.length} (data starts at offset ${headerBytes})`,
    );
  }
  if (bytes.length > expected) {
    throw new IdxError(`${file}: size mismatch: shape [${shape.join(', ')}] of ${kind.dtype} needs ${expected} bytes, file has ${bytes.length} (${bytes.length - expected} extra)`);
  }
  return { dtype: kind.dtype, shape, data: readBigEndian(view, headerBytes, count, kind.dtype) };
}

function readBigEndian(view: DataView, offset: number, count: number, dtype: IdxDType): IdxData {
  switch (dtype) {
    case 'uint8':
      return new Uint8Array(view.buffer, view.byteOffset + offset, count).slice();
    case 'int8':
      return new Int8Array(view.buffer, view.byteOffset + offset, count).slice();
    case 'int16': {
      const out = new Int16Array(count);
      for (let i = 0; i < count; i++) out[i] = view.getInt16(offset + 2 * i, false);
      return out;
    }
    case 'int32': {
      const out = new Int32Array(count);
      for (let i = 0; i < count; i++) out[i] = view.getInt32(offset + 4 * i, false);
      return out;
    }
    case 'float32': {
      const out = new Float32Array(count);
      for (let i = 0; i < count; i++) out[i] = view.getFloat32(offset + 4 * i, false);
      return out;
    }
    case 'float64': {
      const out = new Float64Array(count);
      for (let i = 0; i < count; i++) out[i] = view.getFloat64(offset + 8 * i, false);
      return out;
    }
  }
}

/** Encodes an IDX file (big-endian), for tests and for writing datasets. */
export function encodeIdx(array: IdxArray): Uint8Array {
  const code = Number(Object.keys(DTYPES).find((k) => DTYPES[Number(k)].dtype === array.dtype));
  const { bytes } = DTYPES[code];
  const headerBytes = 4 + 4 * array.shape.length;
  const out = new Uint8Array(headerBytes + array.data.length * bytes);
  const view = new DataView(out.buffer);
  out[2] = code;
  out[3] = array.shape.length;
  array.shape.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  for (let i = 0; i < array.data.length; i++) {
    const at = headerBytes + i * bytes;
    const v = array.data[i];
    if (array.dtype === 'uint8') view.setUint8(at, v);
    else if (array.dtype === 'int8') view.setInt8(at, v);
    else if (array.dtype === 'int16') view.setInt16(at, v, false);
    else if (array.dtype === 'int32') view.setInt32(at, v, false);
    else if (array.dtype === 'float32') view.setFloat32(at, v, false);
    else view.setFloat64(at, v, false);
  }
  return out;
}
