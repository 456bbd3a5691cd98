// SPDX-License-Identifier: MIT
// Training callbacks: hooks fit() calls at the start and end of training, of each epoch and of
// each batch. Progress lines, early stopping and the history as CSV live here (no file system);
// the checkpoint and metric-file callbacks are in node-callbacks.ts.
import type { CheckpointState } from '../io/checkpoint.js';
import type { Layer } from '../layers/layer.js';
import type { Optimizer } from '../optim/optimizer.js';
import type { LRSchedule } from '../optim/schedules.js';

/** Metrics of one finished epoch. */
export interface EpochRecord {
  /** 1-based epoch number. */
  epoch: number;
  /** Optimizer steps taken so far. */
  step: number;
  /** Learning rate at the end of the epoch. */
  lr: number;
  trainLoss: number;
  /** Accuracy on the training batches as they were seen (train mode, augmented); absent for regression. */
  trainAccuracy?: number;
  valLoss?: number;
  valAccuracy?: number;
  /** Regression: RMSE in the target's units on the training batches as they were seen, and on the validation split. */
  trainRmse?: number;
  valRmse?: number;
  /** Wall time of the epoch, validation included. */
  seconds: number;
}

export type History = EpochRecord[];

export interface BatchInfo {
  /** 0-based batch index within the epoch. */
  batch: number;
  loss: number;
  size: number;
}

/** What fit() shares with callbacks while it runs. */
export interface TrainContext {
  model: Layer;
  optimizer: Optimizer;
  schedule: LRSchedule | null;
  /** 0-based index of the epoch in progress (after onEpochEnd: of the epoch just finished). */
  epoch: number;
  /** Total epochs this run trains to. */
  epochs: number;
  /** Optimizer steps so far. */
  step: number;
  batchesPerEpoch: number;
  history: History;
  /** Set by a callback to end training after the current epoch. */
  stopTraining: boolean;
  stopReason: string | null;
  /** Everything needed to resume from this point (valid at epoch ends). */
  checkpointState(): CheckpointState;
}

export interface Callback {
  /** Names the callback's saved state in a checkpoint (only callbacks with state need one). */
  readonly name?: string;
  onTrainBegin?(ctx: TrainContext): void | Promise<void>;
  onEpochBegin?(ctx: TrainContext): void | Promise<void>;
  onBatchEnd?(ctx: TrainContext, info: BatchInfo): void;
  onEpochEnd?(ctx: TrainContext, record: EpochRecord): void | Promise<void>;
  onTrainEnd?(ctx: TrainContext): void | Promise<void>;
  /** JSON state saved in checkpoints and restored on resume (e.g. early stopping's counters). */
  state?(): Record<string, unknown>;
  loadState?(state: Record<string, unknown>): void;
}

/** A loss with 4 decimals, or 4 significant digits when it is huge (a diverged run's 1.597e+23). */
export function formatLoss(loss: number): string {
  return Math.abs(loss) < 1e6 ? loss.toFixed(4) : loss.toPrecision(4);
}

/** An error in a target's own units (RMSE, MAE): 4 significant digits. */
export function formatMetric(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(4))) : String(value);
}

/** One line per epoch: 'epoch 3/15  loss 0.0812  acc 97.51%  val_loss 0.0610  val_acc 98.05%  lr 1.2e-3  4.1 s'. */
export function formatEpoch(record: EpochRecord, epochs: number): string {
  const parts = [
    `epoch ${record.epoch}/${epochs}`,
    `loss ${formatLoss(record.trainLoss)}`,
  ];
  if (record.trainAccuracy !== undefined) parts.push(`acc ${(record.trainAccuracy * 100).toFixed(2)}%`);
  if (record.trainRmse !== undefined) parts.push(`rmse ${formatMetric(record.trainRmse)}`);
  if (record.valLoss !== undefined) parts.push(`val_loss ${formatLoss(record.valLoss)}`);
  if (record.valAccuracy !== undefined) parts.push(`val_acc ${(record.valAccuracy * 100).toFixed(2)}%`);
  if (record.valRmse !== undefined) parts.push(`val_rmse ${formatMetric(record.valRmse)}`);
  parts.push(`lr ${record.lr.toExponential(2)}`, `${record.seconds.toFixed(1)} s`);
  return parts.join('  ');
}

/** Plain progress: one line per epoch through `print` (console.log by default). */
export class ProgressLogger implements Callback {
  constructor(private readonly print: (line: string) => void = console.log) {}

  onEpochEnd(ctx: TrainContext, record: EpochRecord): void {
    this.print(formatEpoch(record, ctx.epochs));
  }
}

export interface EarlyStoppingOptions {
  /** 'valLoss' (default), 'valAccuracy', 'trainLoss' or 'trainAccuracy'. */
  monitor?: 'valLoss' | 'valAccuracy' | 'trainLoss' | 'trainAccuracy';
  /** Epochs without improvement before stopping. Default 5. */
  patience?: number;
  /** Smallest change that counts as an improvement. Default 0. */
  minDelta?: number;
}

/**
 * Stops training when the monitored metric has not improved by more than minDelta for
 * `patience` epochs in a row. Losses improve downwards, accuracies upwards.
 */
export class EarlyStopping implements Callback {
  readonly name = 'earlyStopping';
  readonly monitor: NonNullable<EarlyStoppingOptions['monitor']>;
  readonly patience: number;
  readonly minDelta: number;
  best: number | null = null;
  bestEpoch = 0;
  wait = 0;

  constructor(options: EarlyStoppingOptions = {}) {
    this.monitor = options.monitor ?? 'valLoss';
    const monitors = ['valLoss', 'valAccuracy', 'trainLoss', 'trainAccuracy'];
    if (!monitors.includes(this.monitor)) throw new Error(`EarlyStopping: unknown monitor '${String(this.monitor)}' (known: ${monitors.join(', ')})`);
    this.patience = options.patience ?? 5;
    this.minDelta = options.minDelta ?? 0;
    if (!Number.isInteger(this.patience) || this.patience < 1) throw new Error(`EarlyStopping: patience must be a positive integer, got ${this.patience}`);
    if (!(this.minDelta >= 0)) throw new Error(`EarlyStopping: minDelta must be ≥ 0, got ${this.minDelta}`);
  }

  onEpochEnd(ctx: TrainContext, record: EpochRecord): void {
    const value = record[this.monitor];
    if (value === undefined) throw new Error(`EarlyStopping: monitors ${this.monitor}, which this run does not compute (no validation data?)`);
    const higherIsBetter = this.monitor.endsWith('Accuracy');
    const improved = this.best === null || (higherIsBetter ? value > this.best + this.minDelta : value < this.best - this.minDelta);
    if (improved) {
      this.best = value;
      this.bestEpoch = record.epoch;
      this.wait = 0;
      return;
    }
    this.wait++;
    if (this.wait >= this.patience) {
      ctx.stopTraining = true;
      ctx.stopReason = `early stopping: ${this.monitor} has not improved for ${this.patience} epochs (best ${this.best} at epoch ${this.bestEpoch})`;
    }
  }

  state(): Record<string, unknown> {
    return { best: this.best, bestEpoch: this.bestEpoch, wait: this.wait };
  }

  loadState(state: Record<string, unknown>): void {
    this.best = typeof state.best === 'number' ? state.best : null;
    this.bestEpoch = typeof state.bestEpoch === 'number' ? state.bestEpoch : 0;
    this.wait = typeof state.wait === 'number' ? state.wait : 0;
  }
}

export const HISTORY_COLUMNS = ['epoch', 'step', 'lr', 'trainLoss', 'trainAccuracy', 'valLoss', 'valAccuracy', 'seconds'] as const;
/** A regression run's columns: RMSE (in the target's units) instead of accuracy. */
export const REGRESSION_HISTORY_COLUMNS = ['epoch', 'step', 'lr', 'trainLoss', 'trainRmse', 'valLoss', 'valRmse', 'seconds'] as const;

function isRegressionHistory(history: History): boolean {
  return history.some((rec) => rec.trainRmse !== undefined);
}

/** The history as CSV: a header line, then one line per epoch (empty cells where no validation ran). */
export function historyToCsv(history: History): string {
  const columns = isRegressionHistory(history) ? REGRESSION_HISTORY_COLUMNS : HISTORY_COLUMNS;
  const lines = [columns.join(',')];
  for (const record of history) lines.push(columns.map((c) => (record[c] === undefined ? '' : String(record[c]))).join(','));
  return lines.join('\n') + '\n';
}

/**
 * The train and validation curves as a small table: every epoch when there are at most
 * `maxRows`, else evenly spaced epochs plus the first, the last and `markEpoch` (marked with *).
 */
export function formatCurves(history: History, markEpoch?: number, maxRows = 12): string {
  const n = history.length;
  const picked = new Set<number>();
  if (n <= maxRows) for (let i = 0; i < n; i++) picked.add(i);
  else for (let r = 0; r < maxRows - 1; r++) picked.add(Math.round((r * (n - 1)) / (maxRows - 2)));
  const marked = history.findIndex((rec) => rec.epoch === markEpoch);
  if (marked >= 0) picked.add(marked);
  const hasVal = history.some((rec) => rec.valLoss !== undefined);
  const regression = isRegressionHistory(history);
  const header = regression ? ['epoch', 'train_loss', 'train_rmse', ...(hasVal ? ['val_loss', 'val_rmse'] : [])] : ['epoch', 'train_loss', 'train_acc', ...(hasVal ? ['val_loss', 'val_acc'] : [])];
  const pct = (x: number | undefined) => (x === undefined ? '' : `${(x * 100).toFixed(2)}%`);
  const metric = (x: number | undefined) => (x === undefined ? '' : formatMetric(x));
  const rows = [...picked].sort((a, b) => a - b).map((i) => {
    const rec = history[i];
    const cells = [`${rec.epoch}${rec.epoch === markEpoch ? '*' : ''}`, formatLoss(rec.trainLoss), regression ? metric(rec.trainRmse) : pct(rec.trainAccuracy)];
    if (hasVal) cells.push(rec.valLoss === undefined ? '' : formatLoss(rec.valLoss), regression ? metric(rec.valRmse) : pct(rec.valAccuracy));
    return cells;
  });
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c].length)));
  return [header, ...rows].map((row) => '  ' + row.map((cell, c) => cell.padStart(widths[c])).join('  ')).join('\n');
}
