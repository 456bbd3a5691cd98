// SPDX-License-Identifier: MIT
// A watcher of a `nabla train` run, run at each epoch's end: it warns when the run has diverged to
// finite but absurd losses (far above the loss of a uniform guess, ln K). (A weight gone
// non-finite stops fit itself before any callback saves the epoch.)
import type { Layer } from '../layers/layer.js';
import type { Callback, EpochRecord, TrainContext } from '../train/callbacks.js';
import { printError } from './io.js';

/** The first non-finite value among the model's parameters and buffers, or null (fit checks it after every epoch). */
export { firstNonFiniteWeight as firstNonFinite } from '../train/fit.js';

/** Largest |w| over the model's parameters. */
export function largestWeight(model: Pick<Layer, 'parameters'>): number {
  let max = 0;
  for (const p of model.parameters()) for (const v of p.value.data) max = Math.max(max, Math.abs(v));
  return max;
}

/** Warns once when an epoch's loss is far above ln K, the loss of predicting every class equally. */
export class DivergenceWatch implements Callback {
  /** The first epoch that looked diverged, with what was seen. */
  diverged: { epoch: number; loss: number; largest: number } | null = null;

  constructor(
    readonly numClasses: number,
    /** Multiple of ln K above which a loss counts as diverged. */
    readonly factor = 10,
  ) {}

  get limit(): number {
    return this.factor * Math.log(Math.max(2, this.numClasses));
  }

  onEpochEnd(ctx: TrainContext, record: EpochRecord): void {
    if (this.diverged) return;
    const loss = Math.max(record.trainLoss, record.valLoss ?? 0);
    if (!(loss > this.limit)) return;
    this.diverged = { epoch: record.epoch, loss, largest: largestWeight(ctx.model) };
    printError(`nabla: warning: ${this.describe()}; try a smaller --lr or --clip-norm`);
  }

  describe(): string {
    const d = this.diverged!;
    const uniform = Math.log(Math.max(2, this.numClasses));
    return (
      `the run diverged at epoch ${d.epoch}: loss ${d.loss.toPrecision(3)}, far above ln(${this.numClasses}) = ${uniform.toFixed(2)} ` +
      `(the loss of a uniform guess); the largest weight is ${d.largest.toPrecision(3)} in magnitude`
    );
  }
}
