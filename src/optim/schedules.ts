// SPDX-License-Identifier: MIT
// Learning-rate schedules. Each one owns an optimizer's lr (and, for one-cycle, its momentum),
// sets it for step 0 when constructed, and sets it again on every step(), as PyTorch's
// schedulers do. `interval` says whether step() is meant to run once per batch or per epoch.
import type { Optimizer } from './optimizer.js';

export interface ScheduleState {
  type: string;
  /** Number of step() calls so far. */
  lastStep: number;
  /** The lr the schedule scales from (the optimizer's lr at construction). */
  baseLr: number;
  /** Extra counters (ReduceLROnPlateau's best value, patience and cooldown counters); null for ±∞. */
  extra: Record<string, number | null>;
}

export type ScheduleInterval = 'batch' | 'epoch';

export abstract class LRSchedule {
  abstract readonly type: string;
  readonly optimizer: Optimizer;
  readonly interval: ScheduleInterval;
  /** The lr the schedule scales from: the optimizer's lr when the schedule was made. */
  baseLr: number;
  lastStep = 0;

  constructor(optimizer: Optimizer, interval: ScheduleInterval) {
    this.optimizer = optimizer;
    this.interval = interval;
    this.baseLr = optimizer.lr;
  }

  /** Advances one step (or epoch) and sets the optimizer's lr. ReduceLROnPlateau needs the metric. */
  step(_metric?: number): void {
    this.lastStep++;
    this.apply();
  }

  /** Learning rate for step `t` (closed form). */
  abstract lrAt(t: number): number;

  state(): ScheduleState {
    return { type: this.type, lastStep: this.lastStep, baseLr: this.baseLr, extra: {} };
  }

  loadState(state: ScheduleState): void {
    if (state.type !== this.type) throw new Error(`${this.type}.loadState: state is for ${state.type}`);
    this.baseLr = state.baseLr;
    this.lastStep = state.lastStep;
    this.apply();
  }

  protected apply(): void {
    this.optimizer.lr = this.lrAt(this.lastStep);
  }
}

/** lr = base · γ^⌊t / stepSize⌋ (torch.optim.lr_scheduler.StepLR). */
export class StepLR extends LRSchedule {
  readonly type = 'StepLR';

  constructor(
    optimizer: Optimizer,
    readonly stepSize: number,
    readonly gamma = 0.1,
    interval: ScheduleInterval = 'epoch',
  ) {
    super(optimizer, interval);
    if (!Number.isInteger(stepSize) || stepSize < 1) throw new Error(`StepLR: stepSize must be a positive integer, got ${stepSize}`);
    this.apply();
  }

  lrAt(t: number): number {
    return this.baseLr * this.gamma ** Math.floor(t / this.stepSize);
  }
}

/** lr = base · γ^t (torch.optim.lr_scheduler.ExponentialLR). */
export class ExponentialLR extends LRSchedule {
  readonly type = 'ExponentialLR';

  constructor(
    optimizer: Optimizer,
    readonly gamma: number,
    interval: ScheduleInterval = 'epoch',
  ) {
    super(optimizer, interval);
    this.apply();
  }

  lrAt(t: number): number {
    return this.baseLr * this.gamma ** t;
  }
}

export interface WarmupCosineOptions {
  warmupSteps: number;
  totalSteps: number;
  /** lr at the end of the cosine (eta_min). Default 0. */
  minLr?: number;
  /** lr at step 0 as a fraction of the base lr. Default 0.01 (avoid a zero first step). */
  warmupStartFactor?: number;
  interval?: ScheduleInterval;
}

/**
 * Linear warm-up then cosine decay:
 *   t < w:  lr = base · (s + (1 − s) · t / w)
 *   t ≥ w:  lr = minLr + (base − minLr) · (1 + cos(π (t − w) / (T − w))) / 2,  held at minLr after T
 * Same values as PyTorch's SequentialLR(LinearLR(s, total_iters=w), CosineAnnealingLR(T − w, minLr), [w])
 * for t ≤ T. After T they differ on purpose: PyTorch's CosineAnnealingLR keeps following the cosine
 * and rises again towards base (its schedule is periodic); this one holds minLr, since a run that
 * steps past its planned T wants the end of the decay, not a new warm restart.
 */
export class WarmupCosineLR extends LRSchedule {
  readonly type = 'WarmupCosineLR';
  readonly warmupSteps: number;
  readonly totalSteps: number;
  readonly minLr: number;
  readonly warmupStartFactor: number;

  constructor(optimizer: Optimizer, options: WarmupCosineOptions) {
    super(optimizer, options.interval ?? 'batch');
    this.warmupSteps = options.warmupSteps;
    this.totalSteps = options.totalSteps;
    this.minLr = options.minLr ?? 0;
    this.warmupStartFactor = options.warmupStartFactor ?? 0.01;
    if (!Number.isInteger(this.warmupSteps) || this.warmupSteps < 0 || !Number.isInteger(this.totalSteps) || this.totalSteps <= this.warmupSteps) {
      throw new Error(`WarmupCosineLR: need integers 0 ≤ warmupSteps < totalSteps, got ${this.warmupSteps} and ${this.totalSteps}`);
    }
    this.apply();
  }

  lrAt(t: number): number {
    const { baseLr, warmupSteps: w, totalSteps, minLr, warmupStartFactor: s } = this;
    if (t < w) return baseLr * (s + ((1 - s) * t) / w);
    const progress = Math.min(t - w, totalSteps - w) / (totalSteps - w);
    return minLr + ((baseLr - minLr) * (1 + Math.cos(Math.PI * progress))) / 2;
  }
}

export interface OneCycleOptions {
  maxLr: number;
  totalSteps: number;
  pctStart?: number;
  divFactor?: number;
  finalDivFactor?: number;
  /** Anneal the optimizer's momentum (SGD momentum, Adam β₁) inversely to the lr. Default true. */
  cycleMomentum?: boolean;
  baseMomentum?: number;
  maxMomentum?: number;
}

/**
 * One-cycle policy (Smith & Topin), PyTorch's OneCycleLR with cosine annealing, two phases:
 *   initial = maxLr / divFactor, min = initial / finalDivFactor, p = pctStart · T − 1
 *   t ≤ p:  lr = cos-anneal(initial → maxLr, t / p),     momentum = cos-anneal(max → base)
 *   t > p:  lr = cos-anneal(maxLr → min, (t − p) / (T − 1 − p)), momentum = cos-anneal(base → max)
 *   cos-anneal(a → b, x) = b + (a − b)(1 + cos πx) / 2.   Stepping past T steps is an error.
 * The optimizer's own lr is ignored (replaced by maxLr / divFactor at step 0).
 */
export class OneCycleLR extends LRSchedule {
  readonly type = 'OneCycleLR';
  readonly maxLr: number;
  readonly totalSteps: number;
  readonly initialLr: number;
  readonly minLr: number;
  readonly cycleMomentum: boolean;
  readonly baseMomentum: number;
  readonly maxMomentum: number;
  private readonly warmEnd: number;

  constructor(optimizer: Optimizer, options: OneCycleOptions) {
    super(optimizer, 'batch');
    const pctStart = options.pctStart ?? 0.3;
    this.maxLr = options.maxLr;
    this.totalSteps = options.totalSteps;
    this.initialLr = this.maxLr / (options.divFactor ?? 25);
    this.minLr = this.initialLr / (options.finalDivFactor ?? 1e4);
    this.cycleMomentum = options.cycleMomentum ?? true;
    this.baseMomentum = options.baseMomentum ?? 0.85;
    this.maxMomentum = options.maxMomentum ?? 0.95;
    this.warmEnd = pctStart * this.totalSteps - 1;
    if (!Number.isInteger(this.totalSteps) || this.totalSteps < 2) throw new Error(`OneCycleLR: totalSteps must be an integer ≥ 2, got ${this.totalSteps}`);
    if (!(pctStart > 0 && pctStart < 1)) throw new Error(`OneCycleLR: pctStart must be in (0, 1), got ${pctStart}`);
    if (this.warmEnd === 0) {
      // p = 0: the warm-up ends at step 0, where it starts, and t / p is 0 / 0 (PyTorch divides by zero there too).
      throw new Error(
        `OneCycleLR: pctStart · totalSteps = ${pctStart} · ${this.totalSteps} = 1 gives a warm-up that ends at the step it starts (0 / 0); ` +
          'choose pctStart so that pctStart · totalSteps is not 1',
      );
    }
    if (this.cycleMomentum && optimizer.momentum === null) throw new Error(`OneCycleLR: ${optimizer.type} has no momentum to cycle; pass cycleMomentum: false`);
    this.apply();
  }

  lrAt(t: number): number {
    return this.phase(t, this.initialLr, this.maxLr, this.minLr);
  }

  momentumAt(t: number): number {
    return this.phase(t, this.maxMomentum, this.baseMomentum, this.maxMomentum);
  }

  protected override apply(): void {
    if (this.lastStep > this.totalSteps) {
      throw new Error(`OneCycleLR: stepped ${this.lastStep} times, but totalSteps is ${this.totalSteps}`);
    }
    this.optimizer.lr = this.lrAt(this.lastStep);
    if (this.cycleMomentum) this.optimizer.momentum = this.momentumAt(this.lastStep);
  }

  private phase(t: number, start: number, peak: number, end: number): number {
    const p = this.warmEnd;
    if (t <= p) return cosAnneal(start, peak, t / p);
    return cosAnneal(peak, end, (t - p) / (this.totalSteps - 1 - p));
  }
}

function cosAnneal(start: number, end: number, fraction: number): number {
  return end + ((start - end) / 2) * (Math.cos(Math.PI * fraction) + 1);
}

export interface ReduceLROnPlateauOptions {
  mode?: 'min' | 'max';
  factor?: number;
  patience?: number;
  threshold?: number;
  thresholdMode?: 'rel' | 'abs';
  cooldown?: number;
  minLr?: number;
  eps?: number;
}

/**
 * Multiplies lr by `factor` when the metric has not improved for more than `patience` epochs
 * (torch.optim.lr_scheduler.ReduceLROnPlateau, same counters, thresholds and cooldown).
 * Improvement (mode 'min', rel): metric < best · (1 − threshold); (abs): metric < best − threshold.
 */
export class ReduceLROnPlateau extends LRSchedule {
  readonly type = 'ReduceLROnPlateau';
  readonly options: Required<ReduceLROnPlateauOptions>;
  best: number;
  badEpochs = 0;
  cooldownCounter = 0;

  constructor(optimizer: Optimizer, options: ReduceLROnPlateauOptions = {}) {
    super(optimizer, 'epoch');
    this.options = {
      mode: options.mode ?? 'min',
      factor: options.factor ?? 0.1,
      patience: options.patience ?? 10,
      threshold: options.threshold ?? 1e-4,
      thresholdMode: options.thresholdMode ?? 'rel',
      cooldown: options.cooldown ?? 0,
      minLr: options.minLr ?? 0,
      eps: options.eps ?? 1e-8,
    };
    if (!(this.options.factor < 1 && this.options.factor >= 0)) throw new Error(`ReduceLROnPlateau: factor must be in [0, 1), got ${this.options.factor}`);
    this.best = this.options.mode === 'min' ? Infinity : -Infinity;
  }

  /** Plateau schedules have no closed form; this is the current lr. */
  lrAt(_t: number): number {
    return this.optimizer.lr;
  }

  override step(metric?: number): void {
    if (metric === undefined || Number.isNaN(metric)) throw new Error(`ReduceLROnPlateau.step: needs the monitored metric, got ${metric}`);
    this.lastStep++;
    if (this.isBetter(metric)) {
      this.best = metric;
      this.badEpochs = 0;
    } else {
      this.badEpochs++;
    }
    if (this.cooldownCounter > 0) {
      this.cooldownCounter--;
      this.badEpochs = 0; // bad epochs during cooldown are ignored
    }
    if (this.badEpochs > this.options.patience) {
      const old = this.optimizer.lr;
      const next = Math.max(old * this.options.factor, this.options.minLr);
      if (old - next > this.options.eps) this.optimizer.lr = next;
      this.cooldownCounter = this.options.cooldown;
      this.badEpochs = 0;
    }
  }

  override state(): ScheduleState {
    return {
      ...super.state(),
      extra: { best: Number.isFinite(this.best) ? this.best : null, badEpochs: this.badEpochs, cooldownCounter: this.cooldownCounter, lr: this.optimizer.lr },
    };
  }

  override loadState(state: ScheduleState): void {
    if (state.type !== this.type) throw new Error(`${this.type}.loadState: state is for ${state.type}`);
    const { best, badEpochs, cooldownCounter, lr } = state.extra;
    if (typeof badEpochs !== 'number' || typeof cooldownCounter !== 'number' || typeof lr !== 'number') {
      throw new Error('ReduceLROnPlateau.loadState: state lacks badEpochs, cooldownCounter or lr');
    }
    this.lastStep = state.lastStep;
    this.baseLr = state.baseLr;
    this.best = best ?? (this.options.mode === 'min' ? Infinity : -Infinity);
    this.badEpochs = badEpochs;
    this.cooldownCounter = cooldownCounter;
    this.optimizer.lr = lr;
  }

  private isBetter(metric: number): boolean {
    const { mode, threshold, thresholdMode } = this.options;
    if (mode === 'min') return thresholdMode === 'rel' ? metric < this.best * (1 - threshold) : metric < this.best - threshold;
    return thresholdMode === 'rel' ? metric > this.best * (1 + threshold) : metric > this.best + threshold;
  }
}
