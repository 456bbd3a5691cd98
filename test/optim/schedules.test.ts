// Learning-rate schedules against PyTorch's lr (and one-cycle momentum) sequences, plus
// state round-trips and the errors a misused schedule gives.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Adam } from '../../src/optim/adam.js';
import type { Optimizer } from '../../src/optim/optimizer.js';
import {
  ExponentialLR,
  type LRSchedule,
  OneCycleLR,
  ReduceLROnPlateau,
  StepLR,
  WarmupCosineLR,
} from '../../src/optim/schedules.js';
import { SGD } from '../../src/optim/sgd.js';
import { Parameter, Tensor } from '../../src/tensor/tensor.js';

interface ScheduleCase {
  name: string;
  options: Record<string, any> & { type: string };
  optimizer: 'sgd' | 'adam';
  metrics: number[] | null;
  lrs: number[];
  momentums: number[];
}

const fixtures = JSON.parse(readFileSync(new URL('../fixtures/optim.json', import.meta.url), 'utf8')) as {
  schedules: ScheduleCase[];
};

function makeOptimizer(kind: 'sgd' | 'adam'): Optimizer {
  const params = [new Parameter('w', Tensor.zeros([1]))];
  return kind === 'sgd' ? new SGD(params, { lr: 0.1, momentum: 0.9 }) : new Adam(params, { lr: 0.1 });
}

function makeSchedule(options: ScheduleCase['options'], opt: Optimizer): LRSchedule {
  const { type, ...o } = options;
  switch (type) {
    case 'StepLR':
      return new StepLR(opt, o.stepSize, o.gamma);
    case 'ExponentialLR':
      return new ExponentialLR(opt, o.gamma);
    case 'WarmupCosineLR':
      return new WarmupCosineLR(opt, o as any);
    case 'OneCycleLR':
      return new OneCycleLR(opt, o as any);
    case 'ReduceLROnPlateau':
      return new ReduceLROnPlateau(opt, o);
    default:
      throw new Error(`unknown schedule ${type}`);
  }
}

function assertNear(actual: number, expected: number, where: string): void {
  const tol = 1e-12 + 1e-9 * Math.abs(expected);
  if (!(Math.abs(actual - expected) <= tol)) assert.fail(`${where}: expected ${expected}, got ${actual}`);
}

describe('schedules match PyTorch', () => {
  for (const c of fixtures.schedules) {
    it(c.name, () => {
      const opt = makeOptimizer(c.optimizer);
      const schedule = makeSchedule(c.options, opt);
      for (let t = 0; t < c.lrs.length; t++) {
        if (t > 0) schedule.step(c.metrics ? c.metrics[t - 1] : undefined);
        assertNear(opt.lr, c.lrs[t], `${c.name}: lr after ${t} steps`);
        assertNear(opt.momentum!, c.momentums[t], `${c.name}: momentum after ${t} steps`);
      }
    });
  }
});

describe('schedule state', () => {
  for (const c of fixtures.schedules) {
    it(`${c.options.type}: a schedule restored half-way continues with the same lrs (through JSON)`, () => {
      const half = Math.floor(c.lrs.length / 2);
      const optA = makeOptimizer(c.optimizer);
      const a = makeSchedule(c.options, optA);
      for (let t = 1; t <= half; t++) a.step(c.metrics ? c.metrics[t - 1] : undefined);
      const saved = JSON.parse(JSON.stringify({ schedule: a.state(), optimizer: { ...optA.state(), tensors: {} } }));
      const optB = makeOptimizer(c.optimizer);
      const b = makeSchedule(c.options, optB);
      optB.loadState(saved.optimizer);
      b.loadState(saved.schedule);
      for (let t = half + 1; t < c.lrs.length; t++) {
        const metric = c.metrics ? c.metrics[t - 1] : undefined;
        a.step(metric);
        b.step(metric);
        assert.equal(optB.lr, optA.lr, `lr after ${t} steps`);
        assert.equal(optB.momentum, optA.momentum, `momentum after ${t} steps`);
        assertNear(optB.lr, c.lrs[t], `restored ${c.name}: lr after ${t} steps`);
      }
    });
  }

  it('loadState refuses another schedule type', () => {
    const opt = makeOptimizer('sgd');
    const state = new StepLR(opt, 2).state();
    assert.throws(() => new ExponentialLR(opt, 0.9).loadState(state), /ExponentialLR.loadState: state is for StepLR/);
  });
});

describe('schedule errors and edges', () => {
  it('one-cycle refuses pctStart · totalSteps = 1 (a 0 / 0 warm-up) with and without momentum cycling, and takes its neighbours', () => {
    // Before: with momentum cycling a misleading "betas[0] … NaN"; without it the learning rate silently became NaN.
    assert.throws(() => new OneCycleLR(makeOptimizer('adam'), { maxLr: 0.1, totalSteps: 10, pctStart: 0.1 }), /pctStart · totalSteps = 0.1 · 10 = 1 .*0 \/ 0/);
    const plain = new SGD([new Parameter('w', Tensor.zeros([1]))], { lr: 0.1 });
    assert.throws(() => new OneCycleLR(plain, { maxLr: 0.1, totalSteps: 10, pctStart: 0.1, cycleMomentum: false }), /0 \/ 0/);
    for (const pctStart of [0.05, 0.2]) {
      const s = new OneCycleLR(makeOptimizer('adam'), { maxLr: 0.1, totalSteps: 10, pctStart });
      for (let t = 0; t < 10; t++) {
        assert.ok(Number.isFinite(s.lrAt(t)) && Number.isFinite(s.momentumAt(t)), `pctStart ${pctStart}, step ${t}`);
        s.step();
      }
    }
  });

  it('warm-up cosine holds minLr after totalSteps (where PyTorch\'s periodic cosine would rise again)', () => {
    const s = new WarmupCosineLR(makeOptimizer('sgd'), { warmupSteps: 2, totalSteps: 10, minLr: 0.001 });
    for (const t of [10, 11, 15, 40]) assert.equal(s.lrAt(t), 0.001, `step ${t}`);
    assert.ok(s.lrAt(9) > 0.001);
  });

  it('one-cycle refuses to run past totalSteps and needs a momentum to cycle', () => {
    const opt = makeOptimizer('sgd');
    const s = new OneCycleLR(opt, { maxLr: 0.1, totalSteps: 4 });
    for (let t = 0; t < 4; t++) s.step();
    assert.throws(() => s.step(), /stepped 5 times, but totalSteps is 4/);
    const plain = new SGD([new Parameter('w', Tensor.zeros([1]))], { lr: 0.1 });
    assert.doesNotThrow(() => new OneCycleLR(plain, { maxLr: 0.1, totalSteps: 4, cycleMomentum: false }));
  });

  it('one-cycle starts at maxLr / divFactor, peaks at maxLr and ends at initial / finalDivFactor', () => {
    const opt = makeOptimizer('adam');
    const s = new OneCycleLR(opt, { maxLr: 0.02, totalSteps: 100 });
    assertNear(opt.lr, 0.02 / 25, 'start');
    assertNear(s.lrAt(29), 0.02, 'peak at pctStart·T − 1');
    assertNear(s.lrAt(99), 0.02 / 25 / 1e4, 'end');
    assertNear(s.momentumAt(29), 0.85, 'momentum at peak lr');
  });

  it('warm-up cosine holds minLr after totalSteps; plateau needs its metric', () => {
    const opt = makeOptimizer('sgd');
    const s = new WarmupCosineLR(opt, { warmupSteps: 2, totalSteps: 5, minLr: 0.01 });
    assertNear(s.lrAt(7), 0.01, 'after the end');
    assert.throws(() => new WarmupCosineLR(opt, { warmupSteps: 5, totalSteps: 5 }), /0 ≤ warmupSteps < totalSteps/);
    const plateau = new ReduceLROnPlateau(opt);
    assert.throws(() => plateau.step(), /needs the monitored metric/);
  });

  it('interval says how often fit should call step()', () => {
    const opt = makeOptimizer('sgd');
    assert.equal(new StepLR(opt, 3).interval, 'epoch');
    assert.equal(new OneCycleLR(opt, { maxLr: 0.1, totalSteps: 10 }).interval, 'batch');
    assert.equal(new ReduceLROnPlateau(opt).interval, 'epoch');
  });
});
