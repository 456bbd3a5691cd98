// SPDX-License-Identifier: MIT
// Fused softmax + cross-entropy (PyTorch's F.cross_entropy with class weights, label smoothing and
// an ignored index), in float64 with the reference's operations in its order (ref/softmax.ts), so
// the loss and gradient are the reference's but for the last bits of e^x and log x (this module's
// float64 exp and log against V8's; float32 gradients almost always round to the same bits: tested).
// The positions are rows of [N, K] (S = 1) or pixels of [N, K, S] (class k of a pixel S floats on);
// each takes K exponentials and one logarithm.

/**
 * grad[n, k, s] (float32, every float written) and Σ of the positions' losses (the f64 at out) for
 * logits z [N, K, S], targets [N·S] (i32, each in [0, K) or equal to ignoreIndex when hasIgnore),
 * weight [K] (float32; 0: every class weighs 1); the gradient divided by divisor (the host's Σ of
 * w[t] over the targets kept, their count, or 1 for 'sum'; 0: all ignored, left undivided), as the
 * reference divides its float32 entries at the end. logP: 2K float64s of scratch (log pₖ, then e^{zₖ − m}).
 */
export function softmaxCrossEntropyF64(
  z: usize, targets: usize, weight: usize, N: i32, K: i32, S: i32, eps: f64, ignoreIndex: i32, hasIgnore: bool,
  divisor: f64, grad: usize, logP: usize, out: usize,
): void {
  store<f64>(out, softmaxCrossEntropySamples(z, targets, weight, 0, N, K, S, eps, ignoreIndex, hasIgnore, divisor, grad, logP));
}

/**
 * Item `item` of a softmax cross-entropy job: samples [item·per, min(N, (item + 1)·per)), their
 * losses' sum into the item's float64 of `partials` (the host adds them in item order, so the
 * total depends on the split, never on the thread count). Words [kind, per, z, targets, weight, N, K, S,
 * ignoreIndex, hasIgnore, grad, params (eps, divisor: two float64s), scratch (2K float64s a
 * thread), partials].
 */
export function softmaxCrossEntropyItem(desc: usize, item: i32, thread: i32): void {
  const per = word(desc, 1), N = word(desc, 5), K = word(desc, 6);
  const n0 = item * per, n1 = min(N, n0 + per);
  const params = <usize>word(desc, 11);
  const total = softmaxCrossEntropySamples(<usize>word(desc, 2), <usize>word(desc, 3), <usize>word(desc, 4), n0, n1, K,
    word(desc, 7), load<f64>(params), word(desc, 8), word(desc, 9) != 0, load<f64>(params + 8), <usize>word(desc, 10),
    <usize>word(desc, 12) + <usize>thread * <usize>K * 16);
  store<f64>(<usize>word(desc, 13) + <usize>item * 8, total);
}

/** The loss summed over samples [n0, n1) (their gradient written): the body of softmaxCrossEntropyF64. */
function softmaxCrossEntropySamples(
  z: usize, targets: usize, weight: usize, n0: i32, n1: i32, K: i32, S: i32, eps: f64, ignoreIndex: i32, hasIgnore: bool,
  divisor: f64, grad: usize, logP: usize,
): f64 {
  const p = logP + <usize>K * 8;
  let weightSum: f64 = 0; // Σₖ w[k]
  for (let k = 0; k < K; k++) weightSum += classWeight(weight, k);
  const rowStride = <usize>S * 4;
  let total: f64 = 0;
  for (let n = n0; n < n1; n++) {
    for (let s = 0; s < S; s++) {
      const t = load<i32>(targets + <usize>(n * S + s) * 4);
      const zs = z + <usize>(n * K * S + s) * 4, gs = grad + <usize>(n * K * S + s) * 4;
      if (hasIgnore && t == ignoreIndex) { // no loss, zero gradient (divided too, as the reference's), not counted
        const zero: f32 = divisor != 0 ? <f32>(0 / divisor) : 0;
        for (let k = 0; k < K; k++) store<f32>(gs + <usize>k * rowStride, zero);
        continue;
      }
      // log pₖ = (zₖ − m) − log Σⱼ e^{zⱼ − m}, m = maxⱼ zⱼ
      let m: f64 = -Infinity;
      for (let k = 0; k < K; k++) m = max(m, <f64>load<f32>(zs + <usize>k * rowStride));
      let sum: f64 = 0; // Σₖ e^{zₖ − m}, each e^{zₖ − m} kept for pₖ = e^{zₖ − m} / sum
      for (let k = 0; k < K; k++) {
        const e = Math.exp(<f64>load<f32>(zs + <usize>k * rowStride) - m);
        store<f64>(p + <usize>k * 8, e);
        sum += e;
      }
      const logSum = Math.log(sum);
      let smooth: f64 = 0; // Σₖ w[k]·(−log p[k])
      for (let k = 0; k < K; k++) {
        const lp = <f64>load<f32>(zs + <usize>k * rowStride) - m - logSum;
        store<f64>(logP + <usize>k * 8, lp);
        smooth -= classWeight(weight, k) * lp;
      }
      const wt = classWeight(weight, t);
      total += (1 - eps) * wt * -load<f64>(logP + <usize>t * 8) + (eps / <f64>K) * smooth;
      const scale = (1 - eps) * wt + (eps / <f64>K) * weightSum;
      for (let j = 0; j < K; j++) {
        const g = load<f64>(p + <usize>j * 8) / sum * scale - (eps / <f64>K) * classWeight(weight, j) - (j == t ? (1 - eps) * wt : 0);
        const rounded = <f32>g; // the reference's float32 entry, then divided
        store<f32>(gs + <usize>j * rowStride, divisor != 0 ? <f32>(<f64>rounded / divisor) : rounded);
      }
    }
  }
  return total;
}

// @ts-ignore: decorator
@inline function word(desc: usize, i: i32): i32 {
  return load<i32>(desc + <usize>i * 4);
}

// @ts-ignore: decorator
@inline function classWeight(weight: usize, k: i32): f64 {
  return weight == 0 ? 1 : <f64>load<f32>(weight + <usize>k * 4);
}

/**
 * p[n, k] = e^{z − m − log Σⱼ e^{zⱼ − m}} (float32) for the rows of z [N, K], m each row's maximum:
 * the reference's float64 operations in its order (ref/softmax.ts softmax), but for the last bits
 * of this module's e^x and log x against V8's.
 */
export function softmaxRowsF64(z: usize, p: usize, N: i32, K: i32): void {
  for (let n = 0; n < N; n++) {
    const row = z + <usize>n * <usize>K * 4, out = p + <usize>n * <usize>K * 4;
    let m: f64 = -Infinity;
    for (let k = 0; k < K; k++) m = max(m, <f64>load<f32>(row + <usize>k * 4)); // NaN wins, as Math.max
    let sum: f64 = 0;
    for (let k = 0; k < K; k++) sum += Math.exp(<f64>load<f32>(row + <usize>k * 4) - m);
    const logSum = Math.log(sum);
    for (let k = 0; k < K; k++) store<f32>(out + <usize>k * 4, <f32>Math.exp(<f64>load<f32>(row + <usize>k * 4) - m - logSum));
  }
}

/**
 * Mean squared error as the reference computes it (ref/mse.ts), in float64 in its order: the loss
 * Σ (p − t)² (into the f64 at out; the host divides) and grad = 2(p − t)/divisor (float32): the same bits.
 */
export function mseF64(prediction: usize, target: usize, grad: usize, n: i32, divisor: f64, out: usize): void {
  let total: f64 = 0;
  for (let i = 0; i < n; i++) {
    const diff = <f64>load<f32>(prediction + <usize>i * 4) - <f64>load<f32>(target + <usize>i * 4);
    total += diff * diff;
    store<f32>(grad + <usize>i * 4, <f32>((2 * diff) / divisor));
  }
  store<f64>(out, total);
}
