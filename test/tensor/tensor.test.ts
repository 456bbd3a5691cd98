// Tensor, Parameter, Rng, initialisers and geometry: the foundations every layer stands on.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Parameter, Tensor } from '../../src/tensor/tensor.js';
import { Rng } from '../../src/tensor/rng.js';
import * as init from '../../src/tensor/init.js';
import { ANY, checkShape, ShapeError } from '../../src/tensor/shape.js';
import { conv2dGeometry, outputSize, pool2dGeometry } from '../../src/kernels/geometry.js';

describe('Tensor', () => {
  it('stores a shape and row-major data, in float32 or float64', () => {
    const t = Tensor.from([1, 2, 3, 4, 5, 6], [2, 3]);
    assert.equal(t.dtype, 'float32');
    assert.equal(t.get(1, 0), 4);
    assert.equal(t.get(0, 2), 3);
    const d = t.astype('float64');
    assert.ok(d.data instanceof Float64Array);
    assert.deepEqual(d.toArray(), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(t.reshape([3, 2]).shape, [3, 2]);
    assert.equal(t.reshape([6]).data, t.data, 'reshape shares data');
  });

  it('rejects a shape that does not match the data, naming both', () => {
    assert.throws(() => Tensor.from([1, 2, 3], [2, 2]), /shape \[2, 2\] needs 4 elements, data has 3/);
    assert.throws(() => Tensor.zeros([2, -1]), /invalid shape/);
    assert.throws(() => Tensor.zeros([2, 2]).get(2, 0), /out of range/);
  });

  it('data passed as the shape (arguments swapped) gets a short message, not the whole array', () => {
    const data = new Float32Array(100_000).fill(0.5);
    assert.throws(() => new Tensor([1, 3, 4, 4] as unknown as Float32Array, data as unknown as number[]), (e: Error) => {
      assert.match(e.message, /^Tensor: invalid shape \[0\.5, 0\.5, 0\.5, 0\.5, 0\.5, 0\.5, … \(100000 entries\)\]$/);
      return true;
    });
  });

  it('Parameter grad has the value shape and zeroes; cast converts both', () => {
    const p = new Parameter('weight', Tensor.from([1, 2], [2]));
    p.grad.data[0] = 5;
    p.zeroGrad();
    assert.deepEqual(p.grad.toArray(), [0, 0]);
    p.cast('float64');
    assert.equal(p.value.dtype, 'float64');
    assert.equal(p.grad.dtype, 'float64');
  });

  it('checkShape names the layer and both shapes', () => {
    const x = Tensor.zeros([2, 5]);
    checkShape('Linear', x, [ANY, 5]);
    assert.throws(() => checkShape('Linear', x, [ANY, 4]), (e: Error) => {
      assert.ok(e instanceof ShapeError);
      assert.match(e.message, /Linear: expected input of shape \[N, 4\], got \[2, 5\]/);
      return true;
    });
  });
});

describe('Rng', () => {
  it('is deterministic per seed and differs across seeds', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const seqA = Array.from({ length: 5 }, () => a.next());
    assert.deepEqual(seqA, Array.from({ length: 5 }, () => b.next()));
    assert.notDeepEqual(seqA, Array.from({ length: 5 }, () => c.next()));
  });

  it('restores its state exactly, including the cached normal', () => {
    const rng = new Rng(7);
    rng.normal();
    const state = rng.getState();
    const after = [rng.normal(), rng.next(), rng.normal()];
    rng.setState(JSON.parse(JSON.stringify(state)));
    assert.deepEqual([rng.normal(), rng.next(), rng.normal()], after);
  });

  it('draws uniform in [0, 1) and normals with mean 0 and variance 1', () => {
    const rng = new Rng(1);
    const n = 50000;
    let sum = 0;
    let sumSq = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      min = Math.min(min, u);
      max = Math.max(max, u);
      const z = rng.normal();
      sum += z;
      sumSq += z * z;
    }
    assert.ok(min >= 0 && max < 1);
    assert.ok(Math.abs(sum / n) < 0.02, `normal mean ${sum / n}`);
    assert.ok(Math.abs(sumSq / n - 1) < 0.03, `normal variance ${sumSq / n}`);
  });

  it('permutation contains each index once; int stays in range', () => {
    const rng = new Rng(3);
    const p = Array.from(rng.permutation(17)).sort((x, y) => x - y);
    assert.deepEqual(p, Array.from({ length: 17 }, (_, i) => i));
    for (let i = 0; i < 1000; i++) {
      const k = rng.int(5);
      assert.ok(Number.isInteger(k) && k >= 0 && k < 5);
    }
    assert.throws(() => rng.int(0), /positive integer/);
  });
});

describe('initialisers', () => {
  const stats = (t: Tensor) => {
    let mean = 0;
    for (const v of t.data) mean += v / t.size;
    let variance = 0;
    for (const v of t.data) variance += (v - mean) ** 2 / t.size;
    let maxAbs = 0;
    for (const v of t.data) maxAbs = Math.max(maxAbs, Math.abs(v));
    return { mean, variance, maxAbs };
  };

  it('fans follow the [in, out] linear layout and the conv layout', () => {
    assert.deepEqual(init.fans([784, 128], 'linear'), { fanIn: 784, fanOut: 128 });
    assert.deepEqual(init.fans([16, 6, 5, 5], 'conv'), { fanIn: 150, fanOut: 400 });
  });

  it('xavier and kaiming have the documented variance and bounds', () => {
    const f = { fanIn: 300, fanOut: 100 };
    const t = Tensor.zeros([300, 100]);
    init.xavierUniform(t, new Rng(0), f);
    const a = Math.sqrt(6 / 400);
    assert.ok(stats(t).maxAbs <= a);
    assert.ok(Math.abs(stats(t).variance - (a * a) / 3) < 0.05 * (a * a) / 3);
    init.xavierNormal(t, new Rng(0), f);
    assert.ok(Math.abs(stats(t).variance - 2 / 400) < 0.05 * (2 / 400));
    init.kaimingNormal(t, new Rng(0), f, { nonlinearity: 'relu' });
    assert.ok(Math.abs(stats(t).variance - 2 / 300) < 0.05 * (2 / 300));
    init.kaimingUniform(t, new Rng(0), f, { nonlinearity: 'relu', mode: 'fanOut' });
    assert.ok(stats(t).maxAbs <= Math.SQRT2 * Math.sqrt(3 / 100));
    assert.ok(Math.abs(stats(t).variance - 2 / 100) < 0.05 * (2 / 100));
    init.defaultUniform(t, new Rng(0), 300);
    assert.ok(stats(t).maxAbs <= 1 / Math.sqrt(300));
  });

  it('gains match torch.nn.init.calculate_gain', () => {
    assert.equal(init.gain('tanh'), 5 / 3);
    assert.equal(init.gain('relu'), Math.SQRT2);
    assert.ok(Math.abs(init.gain('leakyRelu', 0.2) - Math.sqrt(2 / 1.04)) < 1e-15);
  });
});

describe('geometry', () => {
  it('floors the output size as PyTorch does', () => {
    assert.equal(outputSize(7, 3, 2, 1, 1), 4);
    assert.equal(outputSize(28, 5, 1, 2, 1), 28);
    assert.equal(outputSize(8, 3, 1, 0, 2), 4);
    assert.equal(outputSize(9, 2, 3, 0, 1), 3);
  });

  it('computes conv geometry and rejects bad settings by name', () => {
    const g = conv2dGeometry('Conv2d', [2, 4, 9, 8], { outChannels: 6, kernelSize: [3, 2], stride: 2, padding: [1, 0], groups: 2 });
    assert.equal(g.OH, 5);
    assert.equal(g.OW, 4);
    assert.throws(() => conv2dGeometry('Conv2d', [2, 3, 4, 4], { outChannels: 6, kernelSize: 7 }), /Conv2d: kernel 7×7.*larger than the padded input 4×4/);
    assert.throws(() => conv2dGeometry('Conv2d', [2, 3, 8, 8], { outChannels: 6, kernelSize: 3, groups: 2 }), /groups = 2 must divide/);
    assert.throws(() => conv2dGeometry('Conv2d', [2, 3, 8], { outChannels: 6, kernelSize: 3 }), /\[N, C, H, W\], got \[2, 3, 8\]/);
  });

  it('pool geometry defaults stride to the kernel and limits padding', () => {
    const g = pool2dGeometry('MaxPool2d', [1, 3, 7, 7], { kernelSize: 2 });
    assert.equal(g.OH, 3);
    assert.equal(g.strideH, 2);
    assert.throws(() => pool2dGeometry('MaxPool2d', [1, 3, 7, 7], { kernelSize: 2, padding: 2 }), /at most half the kernel/);
  });
});
