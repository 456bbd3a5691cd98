// SPDX-License-Identifier: MIT
// The standard workloads of issues 4 and 12 (W5, W6), shared by every engine's runner (the PyTorch script
// bench/torch_bench.py repeats them): shapes, batch sizes and what one "item" is.

export type WorkloadId = 'G1' | 'W1' | 'W2' | 'W3' | 'W4' | 'W5' | 'W6';

export interface Workload {
  id: WorkloadId;
  /** Sub-case of G1 (matrix size n); absent for the networks. */
  n?: number;
  label: string;
  /** 'GFLOP/s' for G1, samples per second for the networks. */
  unit: 'GFLOP/s' | 'samples/s';
  batch: number;
}

export const WORKLOADS: Workload[] = [
  { id: 'G1', n: 256, label: 'G1 GEMM n=256', unit: 'GFLOP/s', batch: 0 },
  { id: 'G1', n: 512, label: 'G1 GEMM n=512', unit: 'GFLOP/s', batch: 0 },
  { id: 'G1', n: 1024, label: 'G1 GEMM n=1024', unit: 'GFLOP/s', batch: 0 },
  { id: 'W1', label: 'W1 MLP 784-512-256-10 train, batch 128', unit: 'samples/s', batch: 128 },
  { id: 'W2', label: 'W2 LeNet-5 train, batch 64', unit: 'samples/s', batch: 64 },
  { id: 'W3', label: 'W3 CNN 32-64 conv train, batch 128', unit: 'samples/s', batch: 128 },
  { id: 'W4', label: 'W4 LeNet-5 inference, batch 256', unit: 'samples/s', batch: 256 },
  { id: 'W5', label: 'W5 resnet preset train, batch 32', unit: 'samples/s', batch: 32 },
  // examples/unet at width 16 (16-32-64 channels, ConvTranspose2d up-steps, two skip Concats), 3 classes a pixel
  { id: 'W6', label: 'W6 U-Net (examples/unet, width 16) train, batch 32', unit: 'samples/s', batch: 32 },
];

export function workloadKey(w: Workload): string {
  return w.n ? `${w.id}-${w.n}` : w.id;
}

/** Work per timed repetition: 2n³ flops for G1 (reported in GFLOP/s), one batch for the networks. */
export function itemsPerRep(w: Workload): number {
  return w.id === 'G1' ? (2 * w.n! ** 3) / 1e9 : w.batch;
}

/** Timing plan: repetitions until `budgetMs` has passed (at least `minReps`, at most `maxReps`). */
export interface TimingPlan {
  warmup: number;
  minReps: number;
  maxReps: number;
  budgetMs: number;
}

export function timingPlan(quick: boolean): TimingPlan {
  return quick ? { warmup: 1, minReps: 3, maxReps: 10, budgetMs: 600 } : { warmup: 2, minReps: 5, maxReps: 30, budgetMs: 2500 };
}

export interface Measurement {
  engine: string;
  workload: string;
  unit: string;
  /** Throughput of each timed repetition (items per second or GFLOP/s). */
  rates: number[];
  median: number;
  min: number;
  max: number;
  /** Peak resident set size of the process that ran this workload alone, bytes. */
  peakRssBytes: number;
  /** Why there is no number (the engine cannot run this workload), if so. */
  unsupported?: string;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Times `step` (one repetition) per the plan and returns the rates. A step slower than the whole
 * budget runs once after warm-up only, so a slow peer finishes in bounded time.
 */
export async function timeSteps(step: () => void | Promise<void>, items: number, plan: TimingPlan): Promise<number[]> {
  let warmupMs = 0;
  for (let i = 0; i < plan.warmup; i++) {
    const t0 = performance.now();
    await step();
    warmupMs = performance.now() - t0;
    if (warmupMs > plan.budgetMs) break;
  }
  const rates: number[] = [];
  const start = performance.now();
  const minReps = warmupMs > plan.budgetMs ? 1 : plan.minReps;
  while (rates.length < plan.maxReps && (rates.length < minReps || performance.now() - start < plan.budgetMs)) {
    const t0 = performance.now();
    await step();
    rates.push(items / ((performance.now() - t0) / 1000));
  }
  return rates;
}
