// SPDX-License-Identifier: MIT
// Training progress for the terminal: a cli-progress bar per epoch with batch count, loss, rate
// and ETA when stdout is a TTY; one plain line per epoch otherwise (logs, pipes, CI).
import cliProgress from 'cli-progress';
import { type BatchInfo, type Callback, type EpochRecord, formatEpoch, type TrainContext } from '../train/callbacks.js';
import { print as printLine } from './io.js';

export class TerminalProgress implements Callback {
  private bar: cliProgress.SingleBar | null = null;
  private lossSum = 0;
  private seen = 0;
  private began = 0;

  constructor(
    private readonly tty: boolean = process.stdout.isTTY === true,
    private readonly print: (line: string) => void = printLine,
  ) {}

  onEpochBegin(ctx: TrainContext): void {
    this.lossSum = 0;
    this.seen = 0;
    this.began = Date.now();
    if (!this.tty) return;
    this.bar = new cliProgress.SingleBar(
      {
        format: `epoch ${ctx.epoch + 1}/${ctx.epochs} {bar} {value}/{total} batches | loss {loss} | {rate} img/s | ETA {eta_formatted}`,
        hideCursor: true,
        clearOnComplete: true,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    this.bar.start(ctx.batchesPerEpoch, 0, { loss: '-', rate: '-' });
  }

  onBatchEnd(_ctx: TrainContext, info: BatchInfo): void {
    this.lossSum += info.loss * info.size;
    this.seen += info.size;
    if (!this.bar) return;
    const seconds = (Date.now() - this.began) / 1000;
    this.bar.update(info.batch + 1, {
      loss: (this.lossSum / this.seen).toFixed(4),
      rate: seconds > 0 ? Math.round(this.seen / seconds) : '-',
    });
  }

  onEpochEnd(ctx: TrainContext, record: EpochRecord): void {
    if (this.bar) {
      this.bar.stop();
      this.bar = null;
    }
    const rate = Math.round(this.seen / Math.max(record.seconds, 1e-3));
    this.print(`${formatEpoch(record, ctx.epochs)}  (${rate} img/s)`);
  }

  onTrainEnd(): void {
    this.bar?.stop();
    this.bar = null;
  }
}
