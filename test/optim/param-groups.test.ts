// SPDX-License-Identifier: MIT
// Fine-tuning's optimizer side (issue 10): frozen parameters are never updated (weight decay and
// momentum included), parameter groups train at their own rate (as PyTorch's param_groups: the
// same as one optimizer per group), schedules scale every group alike, and a saved state refuses
// another group layout with a message that says what differs.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { decodeCheckpoint, encodeCheckpoint } from '../../src/io/checkpoint.js';
import { Linear } from '../../src/layers/linear.js';
import { Adam, AdamW } from '../../src/optim/adam.js';
import type { Optimizer, ParamGroup } from '../../src/optim/optimizer.js';
import { OneCycleLR, StepLR } from '../../src/optim/schedules.js';
import { SGD } from '../../src/optim/sgd.js';
import { Rng } from '../../src/tensor/rng.js';
import { Parameter, Tensor } from '../../src/tensor/tensor.js';

interface GroupCase {
  name: string;
  options: { type: string; lr: number; headLr: number; momentum?: number; nesterov?: boolean; weightDecay?: number };
  frozen: string[];
  stepLR: [number, number] | null;
  shapes: Record<string, number[]>;
  initial: Record<string, number[]>;
  grads: Record<string, number[]>[];
  after: Record<string, number[]>[];
  lrs: number[][];
}
const golden = JSON.parse(readFileSync(new URL('../fixtures/optim-groups.json', import.meta.url), 'utf8')) as { cases: GroupCase[] };

/** Float32 tolerance as in optimizers.test.ts: a few ulps of the value, plus a floor near 0. */
function assertClose(actual: ArrayLike<number>, expected: number[], where: string): void {
  assert.equal(actual.length, expected.length, `${where}: length`);
  for (let k = 0; k < expected.length; k++) {
    const tol = 2e-6 + 4e-6 * Math.abs(expected[k]);
    if (!(Math.abs(actual[k] - expected[k]) <= tol)) assert.fail(`${where}, element ${k}: expected ${expected[k]}, got ${actual[k]} (tolerance ${tol})`);
  }
}

describe('parameter groups and frozen parameters match PyTorch step for step (test/fixtures/make-optim-groups-fixtures.py)', () => {
  for (const c of golden.cases) {
    it(c.name, () => {
      const names = Object.keys(c.shapes);
      const ps = names.map((n) => new Parameter(n, Tensor.from(c.initial[n], c.shapes[n])));
      for (const p of ps) p.requiresGrad = !c.frozen.includes(p.name);
      const { type, headLr, ...rest } = c.options;
      const groups = [{ params: 'head', lr: headLr }];
      const opt = type === 'SGD' ? new SGD(ps, { ...rest, groups }) : type === 'Adam' ? new Adam(ps, { ...rest, groups }) : new AdamW(ps, { ...rest, groups });
      const schedule = c.stepLR ? new StepLR(opt, c.stepLR[0], c.stepLR[1]) : null;
      c.grads.forEach((g, step) => {
        for (const p of ps) p.grad.data.set(g[p.name]); // a frozen parameter's grad is not zero, and must be ignored
        opt.step();
        schedule?.step();
        for (const p of ps) assertClose(p.value.data, c.after[step][p.name], `${c.name}, step ${step + 1}, ${p.name}`);
        opt.paramGroups().forEach((group, k) => assert.ok(Math.abs(group.lr - c.lrs[step][k]) <= 1e-12 * c.lrs[step][k], `${c.name}, step ${step + 1}, group ${k} lr ${group.lr} vs ${c.lrs[step][k]}`));
      });
    });
  }
});

/** Parameters 'body.weight', 'body.bias', 'fc.weight', 'fc.bias' with seeded values. */
function params(seed = 1): Parameter[] {
  const rng = new Rng(seed);
  const draw = (name: string, shape: number[]) => new Parameter(name, Tensor.from(Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng.normal()), shape));
  return [draw('body.weight', [3, 4]), draw('body.bias', [4]), draw('fc.weight', [4, 2]), draw('fc.bias', [2])];
}

/** Sets every grad to a seeded value that depends on the step. */
function setGrads(ps: Parameter[], step: number): void {
  const rng = new Rng(100 + step);
  for (const p of ps) for (let i = 0; i < p.grad.size; i++) p.grad.data[i] = rng.normal();
}

const values = (ps: Parameter[]) => ps.map((p) => Array.from(p.value.data));

type Make = (ps: Parameter[], lr: number, groups?: ParamGroup[]) => Optimizer;
const OPTIMIZERS: [string, Make][] = [
  ['SGD momentum 0.9, Nesterov, weight decay 0.1', (ps, lr, groups) => new SGD(ps, { lr, momentum: 0.9, nesterov: true, weightDecay: 0.1, groups })],
  ['Adam weight decay 0.05, AMSGrad', (ps, lr, groups) => new Adam(ps, { lr, weightDecay: 0.05, amsgrad: true, groups })],
  ['AdamW', (ps, lr, groups) => new AdamW(ps, { lr, groups })],
];

describe('frozen parameters and parameter groups', () => {
  for (const [name, make] of OPTIMIZERS) {
    it(`${name}: a frozen parameter stays bit-identical though its grad is not zero; unfrozen, it trains again`, () => {
      const ps = params();
      const before = values(ps);
      ps[0].requiresGrad = false;
      const opt = make(ps, 0.1);
      for (let t = 0; t < 3; t++) {
        setGrads(ps, t);
        opt.step();
      }
      assert.deepEqual(Array.from(ps[0].value.data), before[0], 'frozen: not touched by decay, momentum or grad');
      assert.notDeepEqual(Array.from(ps[1].value.data), before[1]);
      ps[0].requiresGrad = true;
      setGrads(ps, 3);
      opt.step();
      assert.notDeepEqual(Array.from(ps[0].value.data), before[0]);
    });

    it(`${name}: a group with its own lr steps exactly as a separate optimizer with that lr`, () => {
      const grouped = params();
      const opt = make(grouped, 0.01, [{ params: 'fc', lr: 0.1 }]);
      const apart = params();
      const body = make(apart.slice(0, 2), 0.01);
      const head = make(apart.slice(2), 0.1);
      for (let t = 0; t < 4; t++) {
        setGrads(grouped, t);
        setGrads(apart, t);
        opt.step();
        body.step();
        head.step();
      }
      assert.deepEqual(values(grouped), values(apart));
      assert.deepEqual(opt.paramGroups(), [
        { lr: 0.01, params: ['body.weight', 'body.bias'] },
        { lr: 0.1, params: ['fc.weight', 'fc.bias'] },
      ]);
    });
  }

  it('schedules scale every group: StepLR and one-cycle keep the head at its multiple of lr', () => {
    const opt = new SGD(params(), { lr: 0.01, groups: [{ params: ['fc.weight', 'fc.bias'], lr: 0.05 }] });
    const schedule = new StepLR(opt, 1, 0.5);
    schedule.step();
    schedule.step();
    assert.deepEqual(opt.paramGroups().map((g) => g.lr), [0.0025, 0.0125]);
    const adam = new Adam(params(), { lr: 0.001, groups: [{ params: (n) => n.startsWith('fc'), lr: 0.01 }] });
    const cycle = new OneCycleLR(adam, { maxLr: 0.004, totalSteps: 10 });
    for (let t = 0; t < 3; t++) cycle.step();
    const [body, fc] = adam.paramGroups();
    assert.ok(Math.abs(fc.lr - 10 * body.lr) < 1e-15, `${fc.lr} vs 10 × ${body.lr}`);
  });

  it('refuses groups that select nothing, bad rates, and group rates on top of lr 0', () => {
    assert.throws(() => new SGD(params(), { lr: 0.1, groups: [{ params: 'head', lr: 1 }] }), /group 1 \('head'\) selects no parameter \(of 4, e\.g\. body\.weight, body\.bias, fc\.weight\)/);
    // A group whose parameters an earlier group took says so (not "selects no parameter").
    assert.throws(() => new SGD(params(), { lr: 0.1, groups: [{ params: 'fc', lr: 1 }, { params: 'fc.weight', lr: 2 }] }),
      /group 2 \('fc\.weight'\) selects only parameters an earlier group has \(fc\.weight is in group 1\): each parameter joins the first group that selects it/);
    assert.throws(() => new Adam(params(), { betas: 0.9 as never }), /Adam: betas must be a pair \[β1, β2\], got 0\.9/);
    assert.throws(() => new SGD(params(), { lr: 0.1, groups: [{ params: 'fc', lr: -1 }] }), /group 1 \('fc'\): lr must be a finite number ≥ 0, got -1/);
    assert.throws(() => new SGD(params(), { lr: 0, groups: [{ params: 'fc', lr: 1 }] }), /has lr 1 but the optimizer's lr is 0/);
    assert.throws(() => new SGD(params(), { lr: 0.1, groups: [{ params: 3 as unknown as string, lr: 1 }] }), /group 1: params must be a name prefix/);
  });

  it('state with groups survives a checkpoint; another layout is refused saying what differs', () => {
    const ps = params();
    const opt = new Adam(ps, { lr: 0.01, groups: [{ params: 'fc', lr: 0.1 }] });
    setGrads(ps, 0);
    opt.step();
    const model = { parameters: () => ps, buffers: () => [] };
    const decoded = decodeCheckpoint(encodeCheckpoint(model, { epoch: 1, step: 1, optimizer: opt.state() }));
    assert.deepEqual(decoded.optimizer!.groups, [
      { lrScale: 1, params: ['body.weight', 'body.bias'] },
      { lrScale: 10, params: ['fc.weight', 'fc.bias'] },
    ]);
    // Restored into a fresh optimizer of the same layout, the next step is the same as continuing.
    const again = params();
    for (let i = 0; i < ps.length; i++) again[i].value.data.set(ps[i].value.data);
    const restored = new Adam(again, { lr: 0.01, groups: [{ params: 'fc', lr: 0.1 }] });
    restored.loadState(decoded.optimizer!);
    setGrads(ps, 1);
    setGrads(again, 1);
    opt.step();
    restored.step();
    assert.deepEqual(values(again), values(ps));

    const state = opt.state();
    assert.throws(() => new Adam(params(), { lr: 0.01 }).loadState(state), /the state has 2 groups \(2 parameters at 10× lr besides the default\) of parameters, this optimizer has one group/);
    assert.throws(() => new Adam(params(), { lr: 0.01, groups: [{ params: 'fc.weight', lr: 0.1 }] }).loadState(state), /the default group holds other parameters in the state \(only there: none; only here: fc\.bias\)/);
    const plain = new Adam(params(), { lr: 0.01 }).state();
    assert.throws(() => new Adam(params(), { lr: 0.01, groups: [{ params: 'fc', lr: 0.1 }] }).loadState(plain), /the state has one group of parameters, this optimizer has 2 groups/);
    assert.equal(plain.groups, undefined, 'no groups: the state keeps its old layout');
  });

  it('a bad group list in a checkpoint is a file error', () => {
    const layer = new Linear(2, 2);
    const opt = new SGD(layer.parameters(), { lr: 0.1, groups: [{ params: 'bias', lr: 1 }] });
    const state = opt.state();
    state.groups![1].lrScale = -1;
    assert.throws(() => decodeCheckpoint(encodeCheckpoint(layer, { epoch: 0, step: 0, optimizer: state }), 'x.safetensors'), /x\.safetensors.*optimizer\.groups/);
  });
});
