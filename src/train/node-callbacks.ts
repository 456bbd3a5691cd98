// SPDX-License-Identifier: MIT
// (Node only) Callbacks that write files: a checkpoint after every epoch (atomic, through
// io/node-file.ts) and the history as JSON and CSV.
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { saveCheckpoint, writeFileAtomic } from '../io/node-file.js';
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
