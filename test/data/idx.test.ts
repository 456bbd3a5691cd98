// The IDX parser on hand-built buffers: every dtype, gzip, and each kind of broken file.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { encodeIdx, IdxError, parseIdx, readIdx } from '../../src/data/idx.js';

/** Header bytes written out by hand, so the test does not trust encodeIdx for the layout. */
function handBuilt(): Uint8Array {
  // magic 00 00 08 02, dims 2 × 3 (big-endian), then 6 bytes
  return Uint8Array.from([0, 0, 0x08, 2, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3, 250, 251, 252]);
}

describe('IDX parser', () => {
  it('reads a hand-built uint8 file: big-endian dims, row-major data', () => {
    const a = parseIdx(handBuilt(), 'hand.idx');
    assert.equal(a.dtype, 'uint8');
    assert.deepEqual(a.shape, [2, 3]);
    assert.deepEqual(Array.from(a.data), [1, 2, 3, 250, 251, 252]);
  });

  it('reads big-endian int32 and float32 written by hand', () => {
    // int32 [2]: 0x01020304, -2
    const int32 = Uint8Array.from([0, 0, 0x0c, 1, 0, 0, 0, 2, 1, 2, 3, 4, 0xff, 0xff, 0xff, 0xfe]);
    assert.deepEqual(Array.from(parseIdx(int32).data), [0x01020304, -2]);
    // float32 [1]: 1.5 = 0x3fc00000
    const float32 = Uint8Array.from([0, 0, 0x0d, 1, 0, 0, 0, 1, 0x3f, 0xc0, 0, 0]);
    assert.deepEqual(Array.from(parseIdx(float32).data), [1.5]);
  });

  it('round-trips every dtype through encodeIdx', () => {
    const cases = [
      { dtype: 'uint8', data: Uint8Array.from([0, 7, 255]) },
      { dtype: 'int8', data: Int8Array.from([-128, 0, 127]) },
      { dtype: 'int16', data: Int16Array.from([-300, 1, 32767]) },
      { dtype: 'int32', data: Int32Array.from([-70000, 5, 2 ** 31 - 1]) },
      { dtype: 'float32', data: Float32Array.from([-1.25, 0, 3e20]) },
      { dtype: 'float64', data: Float64Array.from([Math.PI, -0.5, 1e-300]) },
    ] as const;
    for (const c of cases) {
      const a = parseIdx(encodeIdx({ dtype: c.dtype, shape: [3, 1], data: c.data }), c.dtype);
      assert.equal(a.dtype, c.dtype);
      assert.deepEqual(a.shape, [3, 1]);
      assert.deepEqual(Array.from(a.data), Array.from(c.data), c.dtype);
    }
  });

  it('detects gzip by its magic and inflates it', async () => {
    const a = await readIdx(new Uint8Array(gzipSync(handBuilt())), 'hand.idx.gz');
    assert.deepEqual(Array.from(a.data), [1, 2, 3, 250, 251, 252]);
    const raw = await readIdx(handBuilt(), 'hand.idx');
    assert.deepEqual(raw.shape, [2, 3]);
  });

  it('bad magic names the file, the bytes and offset 0', () => {
    const bad = handBuilt();
    bad[0] = 0x50;
    assert.throws(() => parseIdx(bad, 'x.idx'), (err: Error) => err instanceof IdxError && /x.idx: bad magic 50 00 08 02 at offset 0/.test(err.message));
  });

  it('unsupported dtype byte names offset 2', () => {
    const bad = handBuilt();
    bad[2] = 0x0a;
    assert.throws(() => parseIdx(bad, 'x.idx'), /x.idx: unsupported IDX dtype byte 0x0a at offset 2/);
  });

  it('short files: no header, truncated dims, truncated data, extra bytes', () => {
    assert.throws(() => parseIdx(Uint8Array.from([0, 0]), 'a.idx'), /a.idx: 2 bytes is too short for an IDX header/);
    assert.throws(() => parseIdx(handBuilt().subarray(0, 10), 'b.idx'), /b.idx: truncated header: 2 dimensions need 12 bytes, file has 10/);
    assert.throws(
      () => parseIdx(handBuilt().subarray(0, 16), 'c.idx'),
      /c.idx: truncated data: shape \[2, 3\] of uint8 needs 18 bytes, file has 16 \(data starts at offset 12\)/,
    );
    const long = new Uint8Array(20);
    long.set(handBuilt());
    assert.throws(() => parseIdx(long, 'd.idx'), /d.idx: size mismatch: shape \[2, 3\] of uint8 needs 18 bytes, file has 20 \(2 extra\)/);
  });

  it('huge declared dims fail on size before allocating', () => {
    const huge = Uint8Array.from([0, 0, 0x0e, 2, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
    assert.throws(() => parseIdx(huge, 'huge.idx'), /huge.idx: truncated data/);
  });

  it('corrupt or truncated gzip says so, naming the file', async () => {
    const gz = new Uint8Array(gzipSync(handBuilt()));
    await assert.rejects(readIdx(gz.subarray(0, gz.length - 12), 'cut.gz'), /cut.gz: gzip data is corrupt or truncated/);
    const flipped = gz.slice();
    flipped[12] ^= 0xff;
    await assert.rejects(readIdx(flipped, 'flip.gz'), /flip.gz: /);
  });

  it('a small gzip whose IDX header promises 40 bytes but inflates to 64 MB stops at the promise, not at the end', async () => {
    // header: uint8, rank 1, 36 values → 8 + 36 = 44 bytes promised; then 64 MB of zeros (compresses to ~64 kB).
    const header = Uint8Array.from([0, 0, 0x08, 1, 0, 0, 0, 36]);
    const raw = new Uint8Array(64 * 2 ** 20 + header.length);
    raw.set(header);
    const gz = new Uint8Array(gzipSync(raw));
    assert.ok(gz.length < 2 ** 20, `the bomb is small (${gz.length} bytes)`);
    const before = process.memoryUsage().arrayBuffers;
    await assert.rejects(readIdx(gz, 'bomb.gz'), /bomb.gz: gzip data inflates to more than the 44 bytes its IDX header promises \(stopped after \d+\)/);
    assert.ok(process.memoryUsage().arrayBuffers - before < 16 * 2 ** 20, 'it did not inflate the whole bomb');
    // a header that is not IDX still gets deflate's ratio bound, and a well-formed file still inflates exactly
    const ok = await readIdx(new Uint8Array(gzipSync(handBuilt())), 'fine.gz');
    assert.ok(ok.data.length > 0);
  });
});
