// SPDX-License-Identifier: MIT
// Average pooling, forward and backward, with the reference's arithmetic (../../ref/pool.ts): a
// window's sum in float64 in row order, divided in float64, rounded once; the backward adds each
// window's float64 share dy / divisor to the float32 entries it covers, window after window, in
// (oh, ow) order. The windows are separable, so the TS side passes a table per output row
// [h0, h1, padded height] and per output column [w0, w1, padded width] (the window clipped to
// the input, and its extent inside the padded input for count_include_pad). Job words:
// [kind, planes per item, planes, H, W, OH, OW, x (dy), y (dx), rows table, columns table,
// divisor override (0: none), count_include_pad]. An item is a range of planes (n, c), which
// are independent: the split never changes the bits.

// @ts-ignore: decorator
@inline function word(desc: usize, i: i32): i32 {
  return load<i32>(desc + <usize>i * 4);
}

// @ts-ignore: decorator
@inline function entry(table: usize, i: i32, k: i32): i32 {
  return load<i32>(table + <usize>(3 * i + k) * 4);
}

/** The divisor of window (oh, ow), as the reference's avgWindow. */
// @ts-ignore: decorator
@inline function divisor(rows: usize, cols: usize, oh: i32, ow: i32, fixedDivisor: i32, includePad: bool): f64 {
  if (fixedDivisor != 0) return <f64>fixedDivisor;
  if (includePad) return <f64>(entry(rows, oh, 2) * entry(cols, ow, 2));
  return <f64>((entry(rows, oh, 1) - entry(rows, oh, 0)) * (entry(cols, ow, 1) - entry(cols, ow, 0)));
}

export function avgPool2dItem(desc: usize, item: i32): void {
  const per = word(desc, 1), planes = word(desc, 2), H = word(desc, 3), W = word(desc, 4), OH = word(desc, 5), OW = word(desc, 6);
  const x = <usize>word(desc, 7), y = <usize>word(desc, 8), rows = <usize>word(desc, 9), cols = <usize>word(desc, 10);
  const fixedDivisor = word(desc, 11), includePad = word(desc, 12) != 0;
  const p1 = min(planes, (item + 1) * per);
  for (let p = item * per; p < p1; p++) {
    const plane = x + <usize>p * <usize>H * <usize>W * 4;
    const out = y + <usize>p * <usize>OH * <usize>OW * 4;
    for (let oh = 0; oh < OH; oh++) {
      const h0 = entry(rows, oh, 0), h1 = entry(rows, oh, 1);
      for (let ow = 0; ow < OW; ow++) {
        const w0 = entry(cols, ow, 0), w1 = entry(cols, ow, 1);
        let sum: f64 = 0;
        for (let ih = h0; ih < h1; ih++) {
          const row = plane + <usize>ih * <usize>W * 4;
          for (let iw = w0; iw < w1; iw++) sum += <f64>load<f32>(row + <usize>iw * 4);
        }
        store<f32>(out + (<usize>oh * <usize>OW + <usize>ow) * 4, <f32>(sum / divisor(rows, cols, oh, ow, fixedDivisor, includePad)));
      }
    }
  }
}

export function avgPool2dBackwardItem(desc: usize, item: i32): void {
  const per = word(desc, 1), planes = word(desc, 2), H = word(desc, 3), W = word(desc, 4), OH = word(desc, 5), OW = word(desc, 6);
  const dy = <usize>word(desc, 7), dx = <usize>word(desc, 8), rows = <usize>word(desc, 9), cols = <usize>word(desc, 10);
  const fixedDivisor = word(desc, 11), includePad = word(desc, 12) != 0;
  const p1 = min(planes, (item + 1) * per);
  for (let p = item * per; p < p1; p++) {
    const plane = dx + <usize>p * <usize>H * <usize>W * 4;
    const grad = dy + <usize>p * <usize>OH * <usize>OW * 4;
    memory.fill(plane, 0, <usize>H * <usize>W * 4);
    for (let oh = 0; oh < OH; oh++) {
      const h0 = entry(rows, oh, 0), h1 = entry(rows, oh, 1);
      for (let ow = 0; ow < OW; ow++) {
        const w0 = entry(cols, ow, 0), w1 = entry(cols, ow, 1);
        const share = <f64>load<f32>(grad + (<usize>oh * <usize>OW + <usize>ow) * 4) / divisor(rows, cols, oh, ow, fixedDivisor, includePad);
        for (let ih = h0; ih < h1; ih++) {
          const row = plane + <usize>ih * <usize>W * 4;
          for (let iw = w0; iw < w1; iw++) {
            const at = row + <usize>iw * 4;
            store<f32>(at, <f32>(<f64>load<f32>(at) + share));
          }
        }
      }
    }
  }
}
