// SPDX-License-Identifier: MIT
// Reference group normalisation, which is also layer normalisation: x viewed as [N, C, S], each of
// the N·groups blocks of K = (C/groups)·S contiguous entries normalised by its own mean and biased
// variance, then scaled and shifted per channel. LayerNorm is the view [rows, M, 1] with one group.
// Sums run in float64.
import type { GroupNormResult, GroupNormView } from '../backend.js';
import { formatShape, Tensor } from '../../tensor/tensor.js';
import { commonDtype } from './common.js';

/** Throws naming the kernel unless x has N·C·S entries and gamma, beta (and more) have C. */
function checkView(kernel: string, x: Tensor, view: GroupNormView, perChannel: Record<string, Tensor>): void {
  const { N, C, S, groups } = view;
  if (!(groups >= 1 && C % groups === 0)) throw new Error(`${kernel}: ${C} channels do not split into ${groups} groups`);
  if (x.size !== N * C * S) throw new Error(`${kernel}: x ${formatShape(x.shape)} is not [N=${N}, C=${C}, S=${S}]`);
  for (const [what, t] of Object.entries(perChannel)) {
    if (t.size !== C) throw new Error(`${kernel}: ${what} must have ${C} entries, got ${formatShape(t.shape)}`);
  }
}

/**
 * Per block b = (n, g): μ_b = mean, σ²_b = biased variance (two passes), invStd_b = 1/√(σ²_b + ε),
 * xHat = (x − μ_b)·invStd_b, y = gamma[c]·xHat + beta[c].
 */
export function groupNormForward(x: Tensor, view: GroupNormView, eps: number, gamma: Tensor, beta: Tensor): GroupNormResult {
  const dtype = commonDtype('groupNormForward', x, gamma, beta);
  checkView('groupNormForward', x, view, { gamma, beta });
  const { N, C, S, groups } = view;
  const channelsPerGroup = C / groups;
  const K = channelsPerGroup * S;
  const y = Tensor.zeros(x.shape, dtype);
  const xHat = Tensor.zeros(x.shape, dtype);
  const invStd = Tensor.zeros([N * groups], dtype);
  for (let b = 0; b < N * groups; b++) {
    const base = b * K;
    let sum = 0;
    for (let k = 0; k < K; k++) sum += x.data[base + k];
    const mean = sum / K;
    let squares = 0;
    for (let k = 0; k < K; k++) squares += (x.data[base + k] - mean) ** 2;
    const inv = 1 / Math.sqrt(squares / K + eps);
    invStd.data[b] = inv;
    const firstChannel = (b % groups) * channelsPerGroup;
    for (let k = 0; k < K; k++) {
      const c = firstChannel + Math.floor(k / S);
      const normalised = (x.data[base + k] - mean) * inv;
      xHat.data[base + k] = normalised;
      y.data[base + k] = gamma.data[c] * normalised + beta.data[c];
    }
  }
  return { y, xHat, invStd };
}

/**
 * dGamma[c] += Σ dy⊙xHat, dBeta[c] += Σ dy (over n and s), and with dxHat = gamma[c]·dy,
 * dx = invStd_b·(dxHat − mean_b(dxHat) − xHat·mean_b(dxHat⊙xHat)), means over the K entries of block b.
 */
export function groupNormBackward(
  dy: Tensor,
  xHat: Tensor,
  invStd: Tensor,
  view: GroupNormView,
  gamma: Tensor,
  dGamma: Tensor,
  dBeta: Tensor,
): Tensor {
  const dtype = commonDtype('groupNormBackward', dy, xHat, invStd, gamma, dGamma, dBeta);
  checkView('groupNormBackward', dy, view, { gamma, dGamma, dBeta });
  const { N, C, S, groups } = view;
  if (xHat.size !== dy.size || invStd.size !== N * groups) {
    throw new Error(`groupNormBackward: xHat ${formatShape(xHat.shape)} and invStd ${formatShape(invStd.shape)} do not fit dy ${formatShape(dy.shape)}`);
  }
  const channelsPerGroup = C / groups;
  const K = channelsPerGroup * S;
  const dx = Tensor.zeros(dy.shape, dtype);
  const sumDyXHat = new Float64Array(C);
  const sumDy = new Float64Array(C);
  for (let b = 0; b < N * groups; b++) {
    const base = b * K;
    const firstChannel = (b % groups) * channelsPerGroup;
    let sumDxHat = 0;
    let sumDxHatXHat = 0;
    for (let k = 0; k < K; k++) {
      const c = firstChannel + Math.floor(k / S);
      const g = dy.data[base + k];
      sumDyXHat[c] += g * xHat.data[base + k];
      sumDy[c] += g;
      sumDxHat += gamma.data[c] * g;
      sumDxHatXHat += gamma.data[c] * g * xHat.data[base + k];
    }
    const inv = invStd.data[b];
    for (let k = 0; k < K; k++) {
      const c = firstChannel + Math.floor(k / S);
      const dxHat = gamma.data[c] * dy.data[base + k];
      dx.data[base + k] = inv * (dxHat - sumDxHat / K - xHat.data[base + k] * (sumDxHatXHat / K));
    }
  }
  for (let c = 0; c < C; c++) {
    dGamma.data[c] += sumDyXHat[c];
    dBeta.data[c] += sumDy[c];
  }
  return dx;
}
