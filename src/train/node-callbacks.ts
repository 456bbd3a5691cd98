// SPDX-License-Identifier: MIT
// (Node only) Callbacks that write files: a checkpoint after every epoch (atomic, through
// io/node-file.ts) and the history as JSON and CSV.
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { saveCheckpoint, saveWeights, writeFileAtomic } from '../io/node-file.js';
import { type Callback, type EpochRecord, historyToCsv, type TrainContext } from './callbacks.js';

/** Saves a resumable checkpoint to `path` at the end of every epoch (the previous one stays intact until the new one is complete). */
export class CheckpointSaver implements Callback {
  /** Epoch of the last checkpoint written, 0 before any. */
  lastSavedEpoch = 0;

  /** `metadata`: extra entries every checkpoint carries, e.g. the data settings (data/data-info.ts). */
  constructor(
    readonly path: string,
    readonly options: { metadata?: Record<string, string> } = {},
  ) {}

  async onTrainBegin(): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
  }

  async onEpochEnd(ctx: TrainContext, _record: EpochRecord): Promise<void> {
    await saveCheckpoint(this.path, ctx.model, ctx.checkpointState(), this.options.metadata);
    this.lastSavedEpoch = ctx.epoch;
  }
}

/** Writes the history so far as `<base>.json` and `<base>.csv` after every epoch. */
export class MetricLogger implements Callback {
  constructor(readonly base: string) {}

  get jsonPath(): string {
    return `${this.base}.json`;
  }

  get csvPath(): string {
    return `${this.base}.csv`;
  }

  async onTrainBegin(): Promise<void> {
    await mkdir(dirname(this.base), { recursive: true });
  }

  async onEpochEnd(ctx: TrainContext): Promise<void> {
    const encoder = new TextEncoder();
    await writeFileAtomic(this.jsonPath, encoder.encode(JSON.stringify(ctx.history, null, 2) + '\n'));
    await writeFileAtomic(this.csvPath, encoder.encode(historyToCsv(ctx.history)));
  }
}

/**
 * Keeps the weights of the best epoch so far by the validation loss (Keras's
 * ModelCheckpoint(save_best_only=True)): whenever an epoch's valLoss is the lowest yet, the model
 * is written to `path` (atomically). Its state (the best value and epoch) rides in checkpoints, so
 * a resumed run goes on comparing against the same best.
 */
export class BestModelSaver implements Callback {
  readonly name = 'bestModel';
  best: number | null = null;
  bestEpoch = 0;

  constructor(
    readonly path: string,
    readonly options: { metadata?: Record<string, string> } = {},
  ) {}

  async onEpochEnd(ctx: TrainContext, record: EpochRecord): Promise<void> {
    const value = record.valLoss;
    if (value === undefined) throw new Error('BestModelSaver: this run computes no valLoss (no validation data)');
    if (!Number.isFinite(value) || (this.best !== null && !(value < this.best))) return; // a NaN loss is never the best
    await saveWeights(this.path, ctx.model, this.options.metadata);
    this.best = value;
    this.bestEpoch = record.epoch;
  }

  state(): Record<string, unknown> {
    return { best: this.best, bestEpoch: this.bestEpoch };
  }

  loadState(state: Record<string, unknown>): void {
    this.best = typeof state.best === 'number' && Number.isFinite(state.best) ? state.best : null;
    this.bestEpoch = Number.isSafeInteger(state.bestEpoch) ? (state.bestEpoch as number) : 0;
  }
}
