// SPDX-License-Identifier: MIT
// The wasm backend's upsampling (assembly/upsample.ts) on the calling thread: a memory-bound pass
// about as costly as copying the tensors into the arena. The tap tables come from
// upsample-geometry.ts, as the reference's do, so both read the same pixels; float64 goes to the
// reference kernels.
import type { Kernels } from '../backend.js';
import { refKernels } from '../ref/index.js';
import { linearTaps, nearestIndices, type LinearTaps, type UpsampleGeometry } from '../upsample-geometry.js';
import { Tensor } from '../../tensor/tensor.js';
import type { WasmRuntime } from './runtime.js';

type UpsampleKernels = Pick<Kernels, 'upsample2d' | 'upsample2dBackward'>;

/** [i0, i1] per output as i32 pairs and [l0, l1] as f32 pairs, the layout assembly/upsample.ts reads. */
function interleave(t: LinearTaps): { taps: Int32Array; weights: Float32Array } {
  const n = t.i0.length;
  const taps = new Int32Array(2 * n);
  const weights = new Float32Array(2 * n);
  for (let o = 0; o < n; o++) [taps[2 * o], taps[2 * o + 1], weights[2 * o], weights[2 * o + 1]] = [t.i0[o], t.i1[o], t.l0[o], t.l1[o]];
  return { taps, weights };
}

export function upsampleWasmKernels(rt: WasmRuntime): UpsampleKernels {
  /** Runs the forward (x → y) or the backward (dy → dx, zeroed first) of g; returns the output. */
  function run(input: Tensor, g: UpsampleGeometry, backward: boolean): Tensor {
    const { N, C, H, W, OH, OW } = g;
    const outSize = backward ? N * C * H * W : N * C * OH * OW;
    rt.reset();
    const pOut = backward ? rt.keepZeros(outSize) : rt.keep(outSize * 4);
    const pIn = rt.input(input.data as Float32Array);
    const head = [N * C, H, W, OH, OW, pIn, pOut];
    if (g.mode === 'nearest') {
      const cols = nearestIndices(W, OW, g.scaleW);
      const doubled = OW === 2 * W && cols.every((w, ow) => w === ow >> 1) ? 1 : 0;
      const desc = rt.writeJob([...head, rt.putInt32(nearestIndices(H, OH, g.scaleH)), rt.putInt32(cols), doubled]);
      if (backward) rt.exports.upsampleNearestBackwardPlanes(desc);
      else rt.exports.upsampleNearestPlanes(desc);
    } else {
      const rows = interleave(linearTaps(H, OH, g.alignCorners, g.scaleH));
      const cols = interleave(linearTaps(W, OW, g.alignCorners, g.scaleW));
      const tables = [rt.putInt32(rows.taps), rt.put(rows.weights), rt.putInt32(cols.taps), rt.put(cols.weights), rt.alloc(W * 4)];
      const desc = rt.writeJob([...head, ...tables]);
      if (backward) rt.exports.upsampleBilinearBackwardPlanes(desc);
      else rt.exports.upsampleBilinearPlanes(desc);
    }
    return new Tensor(rt.take(pOut, outSize), backward ? [N, C, H, W] : [N, C, OH, OW]);
  }

  return {
    // (Another dtype, or a size the geometry does not give, goes to the reference, which refuses the size.)
    upsample2d: (x, g) => (x.data instanceof Float32Array && x.size === g.N * g.C * g.H * g.W ? run(x, g, false) : refKernels.upsample2d(x, g)),
    upsample2dBackward: (dy, g) => (dy.data instanceof Float32Array && dy.size === g.N * g.C * g.OH * g.OW ? run(dy, g, true)
      : refKernels.upsample2dBackward(dy, g)),
  };
}
