// SPDX-License-Identifier: MIT
// Channel-wise bias over dim 1 of [N, C, S] (S = H·W, or 1 for [N, C]): y[n, c, s] += b[c] in
// place, and its gradient out[c] += Σ_{n, s} dy[n, c, s] summed in float64 (as the reference) and
// added once. With S = 1 both run along the rows, four (bias) or two (float64 sums) channels at a time.
import { sumPlaneSimd } from './adaptive-pool';

/** y[n, c, s] += b[c]. */
export function addBiasSimd(y: usize, b: usize, N: i32, C: i32, S: i32): void {
  if (S == 1) {
    for (let n = 0; n < N; n++) {
      const row = y + <usize>n * <usize>C * 4;
      let c = 0;
      for (; c + 4 <= C; c += 4) v128.store(row + <usize>c * 4, f32x4.add(v128.load(row + <usize>c * 4), v128.load(b + <usize>c * 4)));
      for (; c < C; c++) store<f32>(row + <usize>c * 4, load<f32>(row + <usize>c * 4) + load<f32>(b + <usize>c * 4));
    }
    return;
  }
  for (let n = 0; n < N; n++) {
    for (let c = 0; c < C; c++) {
      const p = y + (<usize>n * <usize>C + <usize>c) * <usize>S * 4;
      const v = load<f32>(b + <usize>c * 4), splat = f32x4.splat(v);
      let s = 0;
      for (; s + 4 <= S; s += 4) v128.store(p + <usize>s * 4, f32x4.add(v128.load(p + <usize>s * 4), splat));
      for (; s < S; s++) store<f32>(p + <usize>s * 4, load<f32>(p + <usize>s * 4) + v);
    }
  }
}

/** out[c] += Σ_{n, s} dy[n, c, s]; `sums` is scratch for C float64s. */
export function addChannelSumsSimd(dy: usize, out: usize, sums: usize, N: i32, C: i32, S: i32): void {
  if (S == 1) {
    memory.fill(sums, 0, <usize>C * 8);
    for (let n = 0; n < N; n++) {
      const row = dy + <usize>n * <usize>C * 4;
      let c = 0;
      for (; c + 2 <= C; c += 2) {
        const at = sums + <usize>c * 8;
        v128.store(at, f64x2.add(v128.load(at), f64x2.promote_low_f32x4(v128.load64_zero(row + <usize>c * 4))));
      }
      for (; c < C; c++) store<f64>(sums + <usize>c * 8, load<f64>(sums + <usize>c * 8) + <f64>load<f32>(row + <usize>c * 4));
    }
  } else {
    // In memory order, sample by sample: each channel's planes are added in sample order, as a
    // walk channel by channel adds them (the same bits), reading dy as one stream.
    memory.fill(sums, 0, <usize>C * 8);
    for (let n = 0; n < N; n++) {
      for (let c = 0; c < C; c++) {
        const at = sums + <usize>c * 8;
        store<f64>(at, load<f64>(at) + sumPlaneSimd(dy + (<usize>n * <usize>C + <usize>c) * <usize>S * 4, S));
      }
    }
  }
  for (let c = 0; c < C; c++) store<f32>(out + <usize>c * 4, <f32>(<f64>load<f32>(out + <usize>c * 4) + load<f64>(sums + <usize>c * 8)));
}
