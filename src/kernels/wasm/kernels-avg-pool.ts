// SPDX-License-Identifier: MIT
// The wasm backend's average pooling (assembly/avg-pool.ts): the reference's float64 window sums
// and shares, so the same bits, with the planes shared among the threads when large. The windows
// are separable: one table of [start, end, padded extent] per output row and one per output
// column. float64, dilation (the reference's error) and a divisor override that is not a
// positive integer go to the reference kernels.
import type { Kernels } from '../backend.js';
import type { Conv2dGeometry } from '../geometry.js';
import { refKernels } from '../ref/index.js';
import { Tensor } from '../../tensor/tensor.js';
import { planesPerItem } from './kernels-simple.js';
import type { WasmRuntime } from './runtime.js';

type AvgPoolKernels = Pick<Kernels, 'avgPool2d' | 'avgPool2dBackward'>;

/** Job kinds of assembly/index.ts. */
const JOB_AVG_POOL2D = 15, JOB_AVG_POOL2D_BACKWARD = 16;

/** [start, end) of each output's window along one dim, clipped to the input, and its extent inside the padded input (ref/pool.ts avgWindow). */
export function windowTable(outSize: number, stride: number, pad: number, kernel: number, size: number, padEnd: number): Int32Array {
  const table = new Int32Array(3 * outSize);
  for (let o = 0; o < outSize; o++) {
    const start = o * stride - pad;
    const end = Math.min(start + kernel, size + padEnd);
    table.set([Math.max(start, 0), Math.min(end, size), end - start], 3 * o);
  }
  return table;
}

export function avgPoolWasmKernels(rt: WasmRuntime): AvgPoolKernels {
  // (A size the geometry does not give, like a dilation, goes to the reference, which refuses it.)
  const fits = (t: Tensor, g: Conv2dGeometry, divisorOverride: number | undefined, backward: boolean): boolean =>
    t.data instanceof Float32Array && g.dilationH === 1 && g.dilationW === 1 &&
    t.size === g.N * g.C * (backward ? g.OH * g.OW : g.H * g.W) &&
    (divisorOverride === undefined || (Number.isInteger(divisorOverride) && divisorOverride >= 1 && divisorOverride < 2 ** 31));

  /** Runs the forward (x → y) or the backward (dy → dx) of g; returns the output. */
  function run(kind: number, input: Tensor, g: Conv2dGeometry, countIncludePad: boolean, divisorOverride?: number): Tensor {
    const { N, C, H, W, OH, OW } = g;
    const backward = kind === JOB_AVG_POOL2D_BACKWARD;
    const outSize = backward ? N * C * H * W : N * C * OH * OW;
    rt.reset();
    const pOut = rt.keep(outSize * 4);
    const pIn = rt.input(input.data as Float32Array);
    const rows = rt.putInt32(windowTable(OH, g.strideH, g.padH, g.kH, H, g.padBottom));
    const cols = rt.putInt32(windowTable(OW, g.strideW, g.padW, g.kW, W, g.padRight));
    const planes = N * C;
    const { per, items, parallel } = planesPerItem(rt, planes, planes * H * W);
    rt.run(rt.writeJob([kind, per, planes, H, W, OH, OW, pIn, pOut, rows, cols, divisorOverride ?? 0, countIncludePad ? 1 : 0]), items, parallel);
    return new Tensor(rt.take(pOut, outSize), backward ? [N, C, H, W] : [N, C, OH, OW]);
  }

  return {
    avgPool2d: (x, g, countIncludePad, divisorOverride) => (fits(x, g, divisorOverride, false)
      ? run(JOB_AVG_POOL2D, x, g, countIncludePad, divisorOverride) : refKernels.avgPool2d(x, g, countIncludePad, divisorOverride)),
    avgPool2dBackward: (dy, g, countIncludePad, divisorOverride) => (fits(dy, g, divisorOverride, true)
      ? run(JOB_AVG_POOL2D_BACKWARD, dy, g, countIncludePad, divisorOverride) : refKernels.avgPool2dBackward(dy, g, countIncludePad, divisorOverride)),
  };
}
