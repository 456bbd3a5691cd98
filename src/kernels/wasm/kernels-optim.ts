// SPDX-License-Identifier: MIT
// The wasm backend's optimizer updates: one pass per parameter over θ, its gradient and the
// optimizer's state, in float64 lanes with the reference's operations in its order
// (assembly/optim.ts), so they give the reference's bits; the copies into and out of the arena
// cost less than the reference loop's float64 arithmetic in JS (docs/performance.md, third round).
// float64 tensors and mismatched sizes go to the reference kernels.
import type { AdamCoefficients, Kernels, SgdCoefficients } from '../backend.js';
import { refKernels } from '../ref/index.js';
import type { Tensor } from '../../tensor/tensor.js';
import type { WasmRuntime } from './runtime.js';

type OptimKernels = Pick<Kernels, 'sgdStep' | 'adamStep'>;

/** Flags of assembly/optim.ts. */
const SGD_WEIGHT_DECAY = 1, SGD_MOMENTUM = 2, SGD_FIRST = 4, SGD_NESTEROV = 8;
const ADAM_DECAY = 1, ADAM_L2 = 2, ADAM_AMSGRAD = 4;

/** Whether every tensor is float32 with theta's size. */
function fits(theta: Tensor, ...others: readonly (Tensor | null)[]): boolean {
  return [theta, ...others].every((t) => !t || (t.data instanceof Float32Array && t.size === theta.size));
}

export function optimWasmKernels(rt: WasmRuntime): OptimKernels {
  // θ and the state are updated where they lie when resident (Kernels.keepResident), else copied in and out.
  const put = (t: Tensor | null): number => (t ? rt.inOut(t.data as Float32Array) : 0);
  const back = (t: Tensor | null, ptr: number): void => void (t && rt.writeBack(t.data as Float32Array, ptr));

  function sgdStep(theta: Tensor, g: Tensor, buf: Tensor | null, c: SgdCoefficients): void {
    if (!fits(theta, g, buf)) return refKernels.sgdStep(theta, g, buf, c);
    rt.reset();
    const [pTheta, pg] = [put(theta), rt.input(g.data as Float32Array)];
    const pBuf = c.first && !(buf && rt.holds(buf.data as Float32Array)) ? rt.alloc(theta.size * 4) : put(buf); // first: written, not read
    const flags = (c.weightDecay !== 0 ? SGD_WEIGHT_DECAY : 0) | (buf ? SGD_MOMENTUM : 0) | (c.first ? SGD_FIRST : 0) |
      (c.nesterov ? SGD_NESTEROV : 0);
    rt.exports.sgdStepSimd(pTheta, pg, pBuf, theta.size, c.lr, c.momentum, 1 - c.dampening, c.weightDecay, flags);
    back(theta, pTheta);
    back(buf, pBuf);
  }

  function adamStep(theta: Tensor, g: Tensor, m: Tensor, v: Tensor, vMax: Tensor | null, c: AdamCoefficients): void {
    if (!fits(theta, g, m, v, vMax)) return refKernels.adamStep(theta, g, m, v, vMax, c);
    rt.reset();
    const [pTheta, pg, pm, pv, pvMax] = [theta, g, m, v, vMax].map(put);
    const flags = (c.decay !== 1 ? ADAM_DECAY : 0) | (c.l2 !== 0 ? ADAM_L2 : 0) | (vMax ? ADAM_AMSGRAD : 0);
    rt.exports.adamStepSimd(pTheta, pg, pm, pv, pvMax, theta.size, c.beta1, 1 - c.beta1, c.beta2, 1 - c.beta2, c.eps,
      c.stepSize, c.biasCorrection2Sqrt, c.l2, c.decay, flags);
    [theta, m, v, vMax].forEach((t, i) => back(t, [pTheta, pm, pv, pvMax][i]));
  }

  return { sgdStep, adamStep };
}
