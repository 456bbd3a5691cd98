// safetensors encode/decode: a file built by hand from the format description, round-trips of
// every dtype, and each kind of corruption giving its own clear error.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeSafetensors, encodeSafetensors, type SafeTensor, SafetensorsError, toTensor } from '../../src/io/safetensors.js';
import { Tensor } from '../../src/tensor/tensor.js';

/** 8-byte LE length + header JSON (unpadded) + data. */
function handFile(header: string, data: number[]): Uint8Array {
  const json = new TextEncoder().encode(header);
  const out = new Uint8Array(8 + json.length + data.length);
  let n = json.length;
  for (let i = 0; i < 8; i++) {
    out[i] = n & 0xff;
    n = Math.floor(n / 256);
  }
  out.set(json, 8);
  out.set(data, 8 + json.length);
  return out;
}

/** Replaces the header of an encoded file with `header` (keeping its data section). */
function withHeader(file: Uint8Array, header: object): Uint8Array {
  const n = Number(new DataView(file.buffer, file.byteOffset).getBigUint64(0, true));
  return handFile(JSON.stringify(header), Array.from(file.subarray(8 + n)));
}

function sample(): Uint8Array {
  return encodeSafetensors(
    [
      ['a', Tensor.from([1, 2, 3, 4, 5, 6], [2, 3])],
      ['b', { dtype: 'I32', shape: [2], data: Int32Array.from([-7, 9]) }],
    ],
    { note: 'hi' },
  );
}

const expectError = (file: Uint8Array, pattern: RegExp) =>
  assert.throws(() => decodeSafetensors(file, 'model.safetensors'), (err: Error) => {
    assert.ok(err instanceof SafetensorsError, `expected a SafetensorsError, got ${err}`);
    assert.match(err.message, /^model.safetensors: /);
    assert.match(err.message, pattern);
    return true;
  });

describe('safetensors', () => {
  it('reads a file built by hand from the format description (I32 2×2 and F32, LE, metadata)', () => {
    const header = '{"x":{"dtype":"I32","shape":[2,2],"data_offsets":[0,16]},"y":{"dtype":"F32","shape":[1],"data_offsets":[16,20]},"__metadata__":{"foo":"bar"}}';
    const data = [1, 0, 0, 0, 0xfe, 0xff, 0xff, 0xff, 0, 1, 0, 0, 0xff, 0xff, 0xff, 0x7f, 0, 0, 0xc0, 0x3f];
    const { tensors, metadata } = decodeSafetensors(handFile(header, data));
    assert.deepEqual(metadata, { foo: 'bar' });
    const x = tensors.get('x')!;
    assert.equal(x.dtype, 'I32');
    assert.deepEqual(x.shape, [2, 2]);
    assert.deepEqual(Array.from(x.data as Int32Array), [1, -2, 256, 2 ** 31 - 1]);
    assert.deepEqual(Array.from(tensors.get('y')!.data as Float32Array), [1.5]);
  });

  it('writes the layout the format prescribes: LE length, JSON, 8-byte aligned data, offsets in order', () => {
    const file = sample();
    const n = Number(new DataView(file.buffer).getBigUint64(0, true));
    assert.equal((8 + n) % 8, 0, 'data starts 8-byte aligned');
    const header = JSON.parse(new TextDecoder().decode(file.subarray(8, 8 + n)));
    assert.deepEqual(header.a, { dtype: 'F32', shape: [2, 3], data_offsets: [0, 24] });
    assert.deepEqual(header.b, { dtype: 'I32', shape: [2], data_offsets: [24, 32] });
    assert.deepEqual(header.__metadata__, { note: 'hi' });
    assert.equal(file.length, 8 + n + 32);
    assert.equal(new DataView(file.buffer).getFloat32(8 + n + 4, true), 2);
  });

  it('round-trips F32, F64, I32, I64, U8 and empty tensors, and converts floats to Tensors', () => {
    const entries: [string, SafeTensor][] = [
      ['f32', { dtype: 'F32', shape: [3], data: Float32Array.from([0.1, -2, 3e38]) }],
      ['f64', { dtype: 'F64', shape: [1, 2], data: Float64Array.from([Math.PI, -1e-300]) }],
      ['i32', { dtype: 'I32', shape: [2], data: Int32Array.from([-1, 5]) }],
      ['i64', { dtype: 'I64', shape: [2], data: BigInt64Array.from([-(2n ** 62n), 3n]) }],
      ['u8', { dtype: 'U8', shape: [3], data: Uint8Array.from([0, 128, 255]) }],
      ['empty', { dtype: 'F32', shape: [0, 4], data: new Float32Array(0) }],
    ];
    const decoded = decodeSafetensors(encodeSafetensors(entries));
    for (const [name, t] of entries) {
      const back = decoded.tensors.get(name)!;
      assert.equal(back.dtype, t.dtype, name);
      assert.deepEqual(back.shape, t.shape, name);
      assert.deepEqual(Array.from(back.data as ArrayLike<unknown>), Array.from(t.data as ArrayLike<unknown>), name);
    }
    const f64 = toTensor(decoded.tensors.get('f64')!, 'f64');
    assert.equal(f64.dtype, 'float64');
    assert.throws(() => toTensor(decoded.tensors.get('i32')!, 'i32'), /tensor i32: dtype I32 cannot become a Nabla tensor/);
  });

  it('decoded tensors are copies, not views into the file', () => {
    const file = sample();
    const a = decodeSafetensors(file).tensors.get('a')!;
    file.fill(0);
    assert.deepEqual(Array.from(a.data as Float32Array), [1, 2, 3, 4, 5, 6]);
  });

  it('a file too short for the length, or a length beyond the file', () => {
    expectError(new Uint8Array(5), /5 bytes is too short/);
    const file = sample();
    new DataView(file.buffer).setBigUint64(0, BigInt(file.length), true);
    expectError(file, /header length \d+ runs past the end of the file/);
    const huge = sample();
    new DataView(huge.buffer).setBigUint64(0, 2n ** 63n, true);
    expectError(huge, /header length 9223372036854775808 runs past the end of the file/);
  });

  it('a header that is not JSON, or not an object', () => {
    expectError(handFile('{"a": [', []), /header is not valid JSON/);
    expectError(handFile('[1, 2]', []), /header must be a JSON object/);
    expectError(handFile('{"__metadata__": {"k": 1}}', []), /__metadata__.k must be a string, got number/);
  });

  it('unknown dtype and bad shape entries', () => {
    const file = sample();
    expectError(withHeader(file, { a: { dtype: 'F128', shape: [2, 3], data_offsets: [0, 24] }, b: { dtype: 'I32', shape: [2], data_offsets: [24, 32] } }), /tensor a: unknown dtype "F128"/);
    expectError(withHeader(file, { a: { dtype: 'F32', shape: [2, -3], data_offsets: [0, 24] } }), /tensor a: shape must be a list of non-negative integers/);
    expectError(withHeader(file, { a: { dtype: 'F32', shape: [2, 3] } }), /tensor a: data_offsets must be \[begin, end\]/);
  });

  it('offsets out of range, overlapping, leaving a gap, or not covering the data', () => {
    const file = sample(); // 32 data bytes
    const b = { dtype: 'I32', shape: [2], data_offsets: [24, 32] };
    expectError(withHeader(file, { a: { dtype: 'F32', shape: [2, 3], data_offsets: [16, 40] }, b }), /tensor a: data_offsets \[16, 40\] out of range \(the data section has 32 bytes\)/);
    expectError(withHeader(file, { a: { dtype: 'F32', shape: [2, 3], data_offsets: [0, 24] }, b: { ...b, data_offsets: [20, 28] } }), /tensor b: data_offsets \[20, 28\] overlap the previous tensor \(which ends at 24\)/);
    expectError(withHeader(file, { a: { dtype: 'F32', shape: [1, 3], data_offsets: [0, 12] }, b }), /tensor b: gap in the data section: bytes 12..24 belong to no tensor/);
    expectError(withHeader(file, { a: { dtype: 'F32', shape: [2, 3], data_offsets: [0, 24] } }), /data section has 32 bytes, the tensors cover 24/);
  });

  it('shape × dtype size different from the byte span', () => {
    const file = sample();
    const b = { dtype: 'I32', shape: [2], data_offsets: [24, 32] };
    expectError(withHeader(file, { a: { dtype: 'F64', shape: [2, 3], data_offsets: [0, 24] }, b }), /tensor a: shape \[2, 3\] of F64 needs 48 bytes, data_offsets \[0, 24\] hold 24/);
    // a lying shape is refused before anything of that size is allocated
    expectError(withHeader(file, { a: { dtype: 'F64', shape: [1e6, 1e6, 1e3], data_offsets: [0, 24] }, b }), /needs 8000000000000000 bytes/);
  });

  it('truncated files are refused whatever the cut', () => {
    const file = sample();
    for (const cut of [1, 7, 9, 40, file.length - 33, file.length - 1]) {
      assert.throws(() => decodeSafetensors(file.subarray(0, cut), 'cut'), SafetensorsError, `cut at ${cut}`);
    }
  });

  it('the encoder refuses reserved or duplicate names and data that does not fit the shape', () => {
    assert.throws(() => encodeSafetensors([['__metadata__', Tensor.zeros([1])]]), /reserved tensor name/);
    assert.throws(() => encodeSafetensors([['a', Tensor.zeros([1])], ['a', Tensor.zeros([1])]]), /duplicate or reserved tensor name 'a'/);
    assert.throws(() => encodeSafetensors([['a', { dtype: 'F32', shape: [3], data: new Float32Array(2) }]]), /tensor a: shape \[3\] of F32 needs 12 bytes, data has 8/);
    const odd = decodeSafetensors(encodeSafetensors([['constructor', Tensor.zeros([1])], ['__proto__', Tensor.zeros([2])]]));
    assert.deepEqual([...odd.tensors.keys()].sort(), ['__proto__', 'constructor']);
  });
});
