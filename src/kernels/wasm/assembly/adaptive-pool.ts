// SPDX-License-Identifier: MIT
// Adaptive average pooling (PyTorch's windows: rows ⌊i·H/OH⌋ … ⌈(i + 1)·H/OH⌉ − 1, likewise the
// columns) and its backward. A 1×1 output, global average pooling (the ResNet / MobileNet head),
// sums each plane eight floats at a time into float64 lanes (the reference sums in float64 too)
// and spreads its gradient with splats. Descriptor words: [planes, H, W, OH, OW, x, y] forward,
// [planes, H, W, OH, OW, dy, dx] backward; planes are N·C contiguous H×W (OH×OW) blocks.

// @ts-ignore: decorator
@inline function word(desc: usize, i: i32): i32 {
  return load<i32>(desc + <usize>i * 4);
}

// @ts-ignore: decorator
@inline function windowStart(i: i32, inSize: i32, outSize: i32): i32 {
  return <i32>((<i64>i * <i64>inSize) / <i64>outSize);
}

// @ts-ignore: decorator
@inline function windowEnd(i: i32, inSize: i32, outSize: i32): i32 {
  return <i32>(((<i64>i + 1) * <i64>inSize + <i64>outSize - 1) / <i64>outSize);
}

/** Σ of n floats at p, in float64: four float64x2 accumulators over eight floats per step, then a scalar tail. */
export function sumPlaneSimd(p: usize, n: i32): f64 {
  let a0 = f64x2.splat(0), a1 = f64x2.splat(0), a2 = f64x2.splat(0), a3 = f64x2.splat(0);
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const u = v128.load(p + <usize>i * 4), v = v128.load(p + <usize>i * 4, 16);
    a0 = f64x2.add(a0, f64x2.promote_low_f32x4(u));
    a1 = f64x2.add(a1, f64x2.promote_low_f32x4(v128.shuffle<f32>(u, u, 2, 3, 0, 1)));
    a2 = f64x2.add(a2, f64x2.promote_low_f32x4(v));
    a3 = f64x2.add(a3, f64x2.promote_low_f32x4(v128.shuffle<f32>(v, v, 2, 3, 0, 1)));
  }
  const a = f64x2.add(f64x2.add(a0, a1), f64x2.add(a2, a3));
  let sum = f64x2.extract_lane(a, 0) + f64x2.extract_lane(a, 1);
  for (; i < n; i++) sum += <f64>load<f32>(p + <usize>i * 4);
  return sum;
}

/** y[plane] = mean of the plane's H·W floats. */
function globalAvgPoolSimd(x: usize, y: usize, planes: i32, n: i32): void {
  for (let plane = 0; plane < planes; plane++) {
    store<f32>(y + <usize>plane * 4, <f32>(sumPlaneSimd(x + <usize>plane * <usize>n * 4, n) / <f64>n));
  }
}

/** dx[plane, i] = dy[plane] / (H·W) for every i of the plane. */
function globalAvgPoolBackwardSimd(dy: usize, dx: usize, planes: i32, n: i32): void {
  for (let plane = 0; plane < planes; plane++) {
    const share = <f32>(<f64>load<f32>(dy + <usize>plane * 4) / <f64>n);
    const splat = f32x4.splat(share);
    const p = dx + <usize>plane * <usize>n * 4;
    let i = 0;
    for (; i + 4 <= n; i += 4) v128.store(p + <usize>i * 4, splat);
    for (; i < n; i++) store<f32>(p + <usize>i * 4, share);
  }
}

export function adaptiveAvgPool2dPlanes(desc: usize): void {
  const planes = word(desc, 0), H = word(desc, 1), W = word(desc, 2), OH = word(desc, 3), OW = word(desc, 4);
  const x = <usize>word(desc, 5), y = <usize>word(desc, 6);
  if (OH == 1 && OW == 1) {
    globalAvgPoolSimd(x, y, planes, H * W);
    return;
  }
  let out = y;
  for (let plane = 0; plane < planes; plane++) {
    const base = x + <usize>plane * <usize>(H * W) * 4;
    for (let oh = 0; oh < OH; oh++) {
      const h0 = windowStart(oh, H, OH), h1 = windowEnd(oh, H, OH);
      for (let ow = 0; ow < OW; ow++) {
        const w0 = windowStart(ow, W, OW), w1 = windowEnd(ow, W, OW);
        let sum: f64 = 0;
        for (let h = h0; h < h1; h++) {
          for (let w = w0; w < w1; w++) sum += <f64>load<f32>(base + <usize>(h * W + w) * 4);
        }
        store<f32>(out, <f32>(sum / <f64>((h1 - h0) * (w1 - w0))));
        out += 4;
      }
    }
  }
}

/** dx (zeroed by the caller unless the output is 1×1) += dy / |window| over each window. */
export function adaptiveAvgPool2dBackwardPlanes(desc: usize): void {
  const planes = word(desc, 0), H = word(desc, 1), W = word(desc, 2), OH = word(desc, 3), OW = word(desc, 4);
  const dy = <usize>word(desc, 5), dx = <usize>word(desc, 6);
  if (OH == 1 && OW == 1) {
    globalAvgPoolBackwardSimd(dy, dx, planes, H * W);
    return;
  }
  let at = dy;
  for (let plane = 0; plane < planes; plane++) {
    const base = dx + <usize>plane * <usize>(H * W) * 4;
    for (let oh = 0; oh < OH; oh++) {
      const h0 = windowStart(oh, H, OH), h1 = windowEnd(oh, H, OH);
      for (let ow = 0; ow < OW; ow++) {
        const w0 = windowStart(ow, W, OW), w1 = windowEnd(ow, W, OW);
        // In float64 and rounded once per addition, as the reference's `dx[i] += share` does.
        const share = <f64>load<f32>(at) / <f64>((h1 - h0) * (w1 - w0));
        at += 4;
        for (let h = h0; h < h1; h++) {
          for (let w = w0; w < w1; w++) {
            const p = base + <usize>(h * W + w) * 4;
            store<f32>(p, <f32>(<f64>load<f32>(p) + share));
          }
        }
      }
    }
  }
}
