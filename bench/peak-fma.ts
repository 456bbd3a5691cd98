// SPDX-License-Identifier: MIT
// The WebAssembly SIMD limit of this CPU: a loop of independent f32x4 multiply-adds (12
// accumulators, enough to cover the FMA latency on two pipes) compiled from AssemblyScript here,
// with relaxed_madd (one fused instruction) and with plain mul + add. Prints GFLOP/s per thread:
//   node --import tsx bench/peak-fma.ts [--json]
import asc from 'assemblyscript/asc';
import { detectFeatures } from '../src/kernels/wasm/features.js';

function source(relaxed: boolean): string {
  const madd = relaxed ? 'f32x4.relaxed_madd(a, b, c)' : 'f32x4.add(f32x4.mul(a, b), c)';
  const accumulators = Array.from({ length: 12 }, (_, i) => i);
  return `
@inline function madd(a: v128, b: v128, c: v128): v128 { return ${madd}; }
export function peak(iterations: i32, seed: f32): f32 {
  const a = f32x4.splat(seed), b = f32x4.splat(0.999);
  ${accumulators.map((i) => `let c${i} = f32x4.splat(${i});`).join(' ')}
  for (let i = 0; i < iterations; i++) {
    ${accumulators.map((i) => `c${i} = madd(a, b, c${i});`).join(' ')}
  }
  let s = c0; ${accumulators.slice(1).map((i) => `s = f32x4.add(s, c${i});`).join(' ')}
  return f32x4.extract_lane(s, 0);
}`;
}

/** GFLOP/s of the loop: 12 accumulators × 4 lanes × 2 flops per iteration. */
export async function peakGflops(relaxed: boolean, seconds = 0.5): Promise<number> {
  const enable = relaxed ? ['simd', 'relaxed-simd'] : ['simd'];
  const { binary, error, stderr } = await asc.compileString(source(relaxed), {
    optimizeLevel: 3, runtime: 'stub', noAssert: true, enable,
  });
  if (error || !binary) throw new Error(`peak-fma: ${error?.message}\n${stderr.toString()}`);
  const module = await WebAssembly.compile(binary as BufferSource);
  const instance = await WebAssembly.instantiate(module, { env: { abort() {} } });
  const peak = instance.exports.peak as (iterations: number, seed: number) => number;
  const iterations = 1 << 22;
  peak(iterations, 1); // compile and warm up
  let best = 0;
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    const t0 = performance.now();
    peak(iterations, 1);
    best = Math.max(best, (iterations * 12 * 4 * 2) / ((performance.now() - t0) / 1000) / 1e9);
  }
  return best;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const features = await detectFeatures();
  if (process.argv.includes('--json')) {
    // For bench/run.ts: the loop the backend would use, as one JSON line.
    console.log(JSON.stringify({ relaxed: features.relaxedSimd, gflops: await peakGflops(features.relaxedSimd) }));
    process.exit(0);
  }
  if (features.relaxedSimd) console.log(`relaxed_madd: ${(await peakGflops(true)).toFixed(1)} GFLOP/s per thread`);
  console.log(`mul + add:    ${(await peakGflops(false)).toFixed(1)} GFLOP/s per thread`);
}
