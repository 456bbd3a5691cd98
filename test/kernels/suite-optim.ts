// SPDX-License-Identifier: MIT
// Kernel suite, optimizer updates: SGD (plain, weight decay, momentum on the first and a later
// step, dampening, Nesterov) and Adam (plain, L2 decay, AdamW's decoupled decay, AMSGrad) against
// scalar definitions written out here in float64 with a rounding to the dtype at each store, bit
// for bit (every backend computes in float64 and rounds at the same points), over sizes on both
// sides of the SIMD width; and the reference's error for mixed dtypes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AdamCoefficients, Kernels, SgdCoefficients } from '../../src/kernels/backend.js';
import { Rng } from '../../src/tensor/rng.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { DTYPES, randomTensor } from './util.js';

const SIZES = [1, 2, 3, 4, 5, 8, 17, 65];

function sgdCases(): SgdCoefficients[] {
  const base = { lr: 0.05, momentum: 0, dampening: 0, nesterov: false, weightDecay: 0, first: false };
  return [
    base,
    { ...base, weightDecay: 0.01 },
    { ...base, momentum: 0.9, first: true },
    { ...base, momentum: 0.9, dampening: 0.1, weightDecay: 0.001 },
    { ...base, momentum: 0.8, nesterov: true, weightDecay: 0.01 },
    { ...base, momentum: 0.8, nesterov: true, first: true },
  ];
}

function adamCases(): AdamCoefficients[] {
  const base = { beta1: 0.9, beta2: 0.999, eps: 1e-8, stepSize: 0.001 / (1 - 0.9 ** 3), biasCorrection2Sqrt: Math.sqrt(1 - 0.999 ** 3), l2: 0, decay: 1 };
  return [base, { ...base, l2: 0.01 }, { ...base, decay: 1 - 0.001 * 0.01 }, { ...base, eps: 1e-3, decay: 0.99 }];
}

/** The SGD step entry by entry (θ, g, b as plain arrays of doubles; `round` is the dtype's store). */
function sgdExpected(theta: number[], g: number[], b: number[] | null, c: SgdCoefficients, round: (v: number) => number): void {
  theta.forEach((t, k) => {
    let d = c.weightDecay === 0 ? g[k] : g[k] + c.weightDecay * t;
    if (b) {
      b[k] = round(c.first ? d : c.momentum * b[k] + (1 - c.dampening) * d);
      d = c.nesterov ? d + c.momentum * b[k] : b[k];
    }
    theta[k] = round(t - c.lr * d);
  });
}

function adamExpected(theta: number[], g: number[], m: number[], v: number[], vMax: number[] | null, c: AdamCoefficients,
  round: (v: number) => number): void {
  theta.forEach((_, k) => {
    if (c.decay !== 1) theta[k] = round(theta[k] * c.decay);
    const gk = c.l2 === 0 ? g[k] : g[k] + c.l2 * theta[k];
    m[k] = round(c.beta1 * m[k] + (1 - c.beta1) * gk);
    v[k] = round(c.beta2 * v[k] + (1 - c.beta2) * gk * gk);
    if (vMax && v[k] > vMax[k]) vMax[k] = v[k];
    const second = vMax ? vMax[k] : v[k];
    theta[k] = round(theta[k] - (c.stepSize * m[k]) / (Math.sqrt(second) / c.biasCorrection2Sqrt + c.eps));
  });
}

const plain = (t: Tensor | null): number[] | null => (t ? Array.from(t.data) : null);

export function optimSuite(k: Kernels): void {
  describe(`${k.name}: optimizer kernels`, () => {
    it('sgdStep updates θ and the momentum buffer bit for bit as the float64 definition', () => {
      const rng = new Rng(1201);
      for (const dtype of DTYPES) {
        const round = dtype === 'float32' ? Math.fround : (x: number) => x;
        for (const n of SIZES) {
          for (const c of sgdCases()) {
            const name = `sgdStep n=${n} ${JSON.stringify(c)} ${dtype}`;
            const theta = randomTensor(rng, [n], dtype), g = randomTensor(rng, [n], dtype);
            const buf = c.momentum === 0 ? null : c.first ? Tensor.zeros([n], dtype) : randomTensor(rng, [n], dtype);
            const [t, b] = [plain(theta)!, plain(buf)];
            sgdExpected(t, plain(g)!, b, c, round);
            k.sgdStep(theta, g, buf, c);
            assert.deepEqual(Array.from(theta.data), t, `${name}: θ`);
            if (buf) assert.deepEqual(Array.from(buf.data), b, `${name}: momentum buffer`);
          }
        }
      }
    });

    it('adamStep updates θ, m, v and vMax bit for bit as the float64 definition', () => {
      const rng = new Rng(1202);
      for (const dtype of DTYPES) {
        const round = dtype === 'float32' ? Math.fround : (x: number) => x;
        for (const n of SIZES) {
          for (const c of adamCases()) {
            for (const amsgrad of [false, true]) {
              const name = `adamStep n=${n} amsgrad=${amsgrad} ${JSON.stringify(c)} ${dtype}`;
              const theta = randomTensor(rng, [n], dtype), g = randomTensor(rng, [n], dtype);
              const m = randomTensor(rng, [n], dtype, 0.1);
              const v = randomTensor(rng, [n], dtype, 0.1);
              v.data.forEach((x, i) => (v.data[i] = Math.abs(x)));
              const vMax = amsgrad ? v.clone() : null;
              vMax?.data.forEach((x, i) => (vMax.data[i] = i % 2 ? x * 2 : x / 2)); // some entries above v, some below
              const [t, mm, vv, vm] = [theta, m, v, vMax].map(plain);
              adamExpected(t!, plain(g)!, mm!, vv!, vm, c, round);
              k.adamStep(theta, g, m, v, vMax, c);
              assert.deepEqual(Array.from(theta.data), t, `${name}: θ`);
              assert.deepEqual(Array.from(m.data), mm, `${name}: m`);
              assert.deepEqual(Array.from(v.data), vv, `${name}: v`);
              if (vMax) assert.deepEqual(Array.from(vMax.data), vm, `${name}: vMax`);
            }
          }
        }
      }
    });

    it('refuse mixed dtypes', () => {
      const c = sgdCases()[0];
      assert.throws(() => k.sgdStep(Tensor.zeros([3], 'float64'), Tensor.zeros([3], 'float32'), null, c), /sgdStep/);
    });
  });
}
