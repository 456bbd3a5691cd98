// Shared by the CLI tests: main() with its output captured, and tiny MNIST-format IDX folders.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { encodeIdx } from '../../src/data/idx.js';
import { Rng } from '../../src/tensor/rng.js';

export interface RunResult {
  code: number;
  out: string;
  err: string;
}

/** Runs main() with its stdout and stderr text captured. */
export async function run(...args: string[]): Promise<RunResult> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (text) => void (out += text), err: (text) => void (err += text) });
  return { code, out, err };
}

/** An MNIST-format folder of n images of size×size: class k is a bright k-th row band on black. */
export function writeIdxFolder(path: string, size: number, nTrain: number, nTest: number): void {
  mkdirSync(path, { recursive: true });
  const rng = new Rng(1);
  const make = (n: number) => {
    const images = new Uint8Array(n * size * size);
    const labels = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const k = i % 10;
      labels[i] = k;
      const row = Math.floor((k * size) / 10);
      for (let x = 0; x < size; x++) images[i * size * size + row * size + x] = 200 + rng.int(56);
    }
    return { images, labels };
  };
  for (const [split, n] of [['train', nTrain], ['t10k', nTest]] as const) {
    const { images, labels } = make(n);
    writeFileSync(join(path, `${split}-images-idx3-ubyte`), encodeIdx({ dtype: 'uint8', shape: [n, size, size], data: images }));
    writeFileSync(join(path, `${split}-labels-idx1-ubyte`), encodeIdx({ dtype: 'uint8', shape: [n], data: labels }));
  }
}

/** Escapes a path for a RegExp. */
export function literal(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}
