// SGD, Adam and AdamW against PyTorch step for step (golden fixtures from
// test/fixtures/make-optim-fixtures.py), plus lr 0, state round-trip and clipping.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Adam, AdamW } from '../../src/optim/adam.js';
import { clipGradNorm } from '../../src/optim/clip.js';
import { type Optimizer, optimizerStateFromJson, optimizerStateToJson } from '../../src/optim/optimizer.js';
import { SGD } from '../../src/optim/sgd.js';
import { Rng } from '../../src/tensor/rng.js';
import { Parameter, Tensor } from '../../src/tensor/tensor.js';

interface OptimCase {
  name: string;
  options: { type: string; lr: number; momentum?: number; dampening?: number; nesterov?: boolean; weightDecay?: number; betas?: [number, number]; eps?: number; amsgrad?: boolean };
  shapes: number[][];
  initial: number[][];
  lrs: number[];
  grads: number[][][];
  after: number[][][];
}
interface ClipCase {
  maxNorm: number;
  grads: number[][];
  norm: number;
  clipped: number[][];
}

const fixtures = JSON.parse(readFileSync(new URL('../fixtures/optim.json', import.meta.url), 'utf8')) as {
  optimizers: OptimCase[];
  clip: ClipCase[];
};

function makeOptimizer(options: OptimCase['options'], params: Parameter[]): Optimizer {
  const { type, ...rest } = options;
  if (type === 'SGD') return new SGD(params, rest);
  if (type === 'Adam') return new Adam(params, rest);
  if (type === 'AdamW') return new AdamW(params, rest);
  throw new Error(`unknown optimizer ${type}`);
}

function makeParams(shapes: number[][], values: number[][]): Parameter[] {
  return shapes.map((shape, i) => new Parameter(`${i}.weight`, Tensor.from(values[i], shape)));
}

/** Float32 tolerance: a few ulps of the value, plus a floor for values near 0. */
function assertClose(actual: ArrayLike<number>, expected: number[], where: string): void {
  assert.equal(actual.length, expected.length, `${where}: length`);
  for (let k = 0; k < expected.length; k++) {
    const tol = 2e-6 + 4e-6 * Math.abs(expected[k]);
    if (!(Math.abs(actual[k] - expected[k]) <= tol)) {
      assert.fail(`${where}, element ${k}: expected ${expected[k]}, got ${actual[k]} (tolerance ${tol})`);
    }
  }
}

describe('optimizers match PyTorch step for step', () => {
  for (const c of fixtures.optimizers) {
    it(c.name, () => {
      const params = makeParams(c.shapes, c.initial);
      const opt = makeOptimizer(c.options, params);
      for (let step = 0; step < c.grads.length; step++) {
        opt.lr = c.lrs[step];
        opt.zeroGrad();
        params.forEach((p, i) => p.grad.data.set(c.grads[step][i]));
        opt.step();
        params.forEach((p, i) => assertClose(p.value.data, c.after[step][i], `${c.name}, step ${step + 1}, param ${i}`));
      }
      assert.equal(opt.stepCount, c.grads.length);
    });
  }
});

describe('optimizer properties', () => {
  const kinds: [string, (p: Parameter[]) => Optimizer][] = [
    ['SGD momentum nesterov weightDecay', (p) => new SGD(p, { lr: 0, momentum: 0.9, nesterov: true, weightDecay: 0.1 })],
    ['Adam amsgrad weightDecay', (p) => new Adam(p, { lr: 0, amsgrad: true, weightDecay: 0.1 })],
    ['AdamW', (p) => new AdamW(p, { lr: 0, weightDecay: 0.5 })],
  ];

  function randomParams(seed: number): Parameter[] {
    const rng = new Rng(seed);
    return [[5, 3], [3], [2, 1, 3, 3]].map((shape, i) => {
      const p = new Parameter(`${i}.w`, Tensor.zeros(shape));
      for (let k = 0; k < p.size; k++) p.value.data[k] = rng.normal();
      return p;
    });
  }

  function fillGrads(params: Parameter[], rng: Rng): void {
    for (const p of params) for (let k = 0; k < p.size; k++) p.grad.data[k] = rng.normal();
  }

  for (const [name, make] of kinds) {
    it(`${name}: lr 0 leaves parameters unchanged`, () => {
      const params = randomParams(1);
      const before = params.map((p) => p.value.toArray());
      const opt = make(params);
      const rng = new Rng(2);
      for (let step = 0; step < 4; step++) {
        fillGrads(params, rng);
        opt.step();
      }
      params.forEach((p, i) => assert.deepEqual(p.value.toArray(), before[i], `${name}: param ${i} moved`));
    });

    it(`${name}: state() then loadState() into a fresh optimizer continues bit-identically`, () => {
      const a = randomParams(3);
      const optA = make(a);
      optA.lr = 0.05;
      const rng = new Rng(4);
      for (let step = 0; step < 3; step++) {
        fillGrads(a, rng);
        optA.step();
      }
      const saved = optA.state();
      const b = a.map((p) => new Parameter(p.name, p.value.clone()));
      const optB = make(b);
      optB.loadState(optimizerStateFromJson(JSON.parse(JSON.stringify(optimizerStateToJson(saved)))));
      assert.equal(optB.lr, 0.05);
      assert.equal(optB.stepCount, 3);
      const rngA = new Rng(5);
      const rngB = new Rng(5);
      for (let step = 0; step < 3; step++) {
        fillGrads(a, rngA);
        fillGrads(b, rngB);
        optA.step();
        optB.step();
      }
      a.forEach((p, i) => assert.deepEqual(b[i].value.toArray(), p.value.toArray(), `param ${i}`));
      // the saved state is a copy: stepping did not change it
      assert.equal(saved.stepCount, 3);
    });
  }

  it('state names every buffer by slot and parameter; SGD has none before its first step', () => {
    const params = randomParams(6);
    const sgd = new SGD(params, { lr: 0.1, momentum: 0.9 });
    assert.deepEqual(Object.keys(sgd.state().tensors), []);
    fillGrads(params, new Rng(7));
    sgd.step();
    assert.deepEqual(Object.keys(sgd.state().tensors), ['momentumBuffer/0.w', 'momentumBuffer/1.w', 'momentumBuffer/2.w']);
    const adam = new Adam(params, { amsgrad: true });
    adam.step();
    assert.equal(Object.keys(adam.state().tensors).length, 9);
    assert.deepEqual(adam.state().tensors['expAvg/1.w'].shape, [3]);
  });

  it('loadState rejects another optimizer type, other options, unknown names and wrong shapes', () => {
    const params = randomParams(8);
    const adam = new Adam(params);
    fillGrads(params, new Rng(9));
    adam.step();
    const state = adam.state();
    assert.throws(() => new AdamW(params).loadState(state), /AdamW.loadState: state is for Adam/);
    assert.throws(() => new Adam(params, { amsgrad: true }).loadState(state), /option amsgrad is false in the state, true here/);
    const renamed = { ...state, tensors: { ...state.tensors, 'expAvg/9.w': Tensor.zeros([1]) } };
    assert.throws(() => new Adam(params).loadState(renamed), /buffer expAvg\/9.w names no parameter/);
    const reshaped = { ...state, tensors: { ...state.tensors, 'expAvg/0.w': Tensor.zeros([3, 5]) } };
    assert.throws(() => new Adam(params).loadState(reshaped), /buffer expAvg\/0.w has shape \[3, 5\], parameter has \[5, 3\]/);
  });

  it('rejects bad hyper-parameters and duplicate names', () => {
    const params = randomParams(10);
    assert.throws(() => new SGD(params, { lr: -1 }), /lr must be a finite number ≥ 0, got -1/);
    assert.throws(() => new SGD(params, { momentum: 0, nesterov: true }), /Nesterov momentum needs momentum > 0/);
    assert.throws(() => new Adam(params, { betas: [1, 0.999] }), /betas\[0\] must be in \[0, 1\), got 1/);
    const dup = [params[0], new Parameter(params[0].name, Tensor.zeros([1]))];
    assert.throws(() => new SGD(dup), /two parameters are named '0.w'/);
  });
});

describe('clipGradNorm matches torch.nn.utils.clip_grad_norm_', () => {
  fixtures.clip.forEach((c, n) => {
    it(`case ${n}: maxNorm ${c.maxNorm}`, () => {
      const params = c.grads.map((g, i) => {
        const p = new Parameter(`${i}`, Tensor.zeros([g.length]));
        p.grad.data.set(g);
        return p;
      });
      const norm = clipGradNorm(params, c.maxNorm);
      assert.ok(Math.abs(norm - c.norm) <= 1e-5 * c.norm, `norm: expected ${c.norm}, got ${norm}`);
      params.forEach((p, i) => assertClose(p.grad.data, c.clipped[i], `case ${n}, grad ${i}`));
    });
  });

  it('infinity norm is the largest |g|; a non-finite norm leaves grads alone', () => {
    const p = new Parameter('w', Tensor.zeros([3]));
    p.grad.data.set([1, -4, 2]);
    assert.equal(clipGradNorm([p], 2, Infinity), 4);
    assertClose(p.grad.data, [0.5, -2, 1], 'clipped by ∞-norm');
    p.grad.data.set([1, NaN, 2]);
    assert.ok(Number.isNaN(clipGradNorm([p], 1)));
    assert.equal(p.grad.data[0], 1);
  });
});
