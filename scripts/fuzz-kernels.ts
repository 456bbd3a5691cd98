// SPDX-License-Identifier: MIT
// Differential fuzz of the wasm convolutions against the reference kernels: random geometries with
// 8–47 channels (so Winograd F(2×2)/F(4×4)/stride 2, several samples a GEMM, the depthwise and
// direct paths all run), kernels 1–5, strides 1–3, dilation, four-sided padding, a fused ReLU; the
// forward pass, dx, dW, db and the transposed convolution, in and out of frames, 1 and 2 threads,
// with several samples a GEMM on and off. A case fails when any output differs from the
// reference by more than 1e-4 of its largest value, or one backend throws. It found the 1×1
// kernel padded only after its input taking the pointwise path (fifteenth round).
//   node --import tsx scripts/fuzz-kernels.ts [seed=11] [cases per backend=120]
import { createWasmKernels } from '../src/kernels/wasm/index.js';
import { refKernels } from '../src/kernels/index.js';
import { conv2dGeometry } from '../src/kernels/geometry.js';
import { Rng } from '../src/tensor/rng.js';
import { Tensor } from '../src/tensor/tensor.js';
const rng = new Rng(Number(process.argv[2] ?? 11));
const cases = Number(process.argv[3] ?? 120);
const rnd = (s: number[]) => { const t = Tensor.zeros(s); for (let i = 0; i < t.size; i++) t.data[i] = rng.normal(0, 1); return t; };
const rel = (a: Tensor, b: Tensor) => { if (a.size !== b.size) return Infinity; let d = 0, m = 0; for (let i = 0; i < a.size; i++) { const x = a.data[i], y = b.data[i]; if (!Number.isFinite(x)) return Infinity; d = Math.max(d, Math.abs(x - y)); m = Math.max(m, Math.abs(y)); } return m === 0 ? d : d / m; };
let worst = 0, n = 0, bad = 0;
for (const threads of [1, 2]) {
  for (const opts of [{}, { batchSamples: false }]) {
    const k: any = await createWasmKernels({ threads, ...opts });
    for (let c = 0; c < cases; c++) {
      const depthwise = rng.int(6) === 0;
      const C = 8 + rng.int(40), O = depthwise ? C * (1 + rng.int(2)) : 8 + rng.int(40);
      const groups = depthwise ? C : 1;
      const N = 1 + rng.int(9), H = 1 + rng.int(24), W = 1 + rng.int(24);
      const ks = [3, 3, 3, 1, 2, 5][rng.int(6)];
      const kernelSize = [ks, ks];
      const s = [1, 1, 2, 2, 3][rng.int(5)];
      const stride = [s, s];
      const dil = rng.int(8) === 0 ? 2 : 1;
      const dilation = [dil, dil];
      const padding = [rng.int(3), rng.int(3), rng.int(3), rng.int(3)];
      let g;
      try { g = conv2dGeometry('f', [N, C, H, W], { outChannels: O, kernelSize, stride, dilation, padding, groups } as any); } catch { continue; }
      if (g.OH < 1 || g.OW < 1) continue;
      const x = rnd([N, C, H, W]), w = rnd([O, C / groups, ks, ks]), b = rnd([O]), dy = rnd([N, O, g.OH, g.OW]);
      const relu = rng.int(2) === 1;
      const inFrame = rng.int(2) === 1;
      const info = { threads, opts, x: [N, C, H, W], O, ks, s, dil, padding, groups, relu, inFrame };
      const run = () => {
        const y = k.conv2d(x, w, b, g, { relu });
        const gA = { dW: Tensor.zeros(w.shape), db: Tensor.zeros([O]), needDx: true };
        const dx = k.conv2dBackward(x, w, dy, g, gA)!;
        // transposed convolution: input dy-shaped, output x-shaped
        const yt = groups === 1 ? k.convTranspose2d(dy, w, null, g) : null;
        return [y.clone(), dx.clone(), gA.dW.clone(), gA.db.clone(), yt?.clone()];
      };
      let got: any[];
      try { got = inFrame ? k.frame(run) : run(); } catch (e) { bad++; console.log('THROW', JSON.stringify(info), String(e).slice(0, 200)); continue; }
      let yR; try { yR = refKernels.conv2d(x, w, b, g, { relu }); } catch (e) { console.log('REFTHROW', JSON.stringify(info), String(e).slice(0, 200)); bad++; continue; }
      const gR = { dW: Tensor.zeros(w.shape), db: Tensor.zeros([O]), needDx: true };
      const dxR = refKernels.conv2dBackward(x, w, dy, g, gR)!;
      const e = [rel(got[0], yR), rel(got[1], dxR), rel(got[2], gR.dW), rel(got[3], gR.db)];
      if (got[4]) e.push(rel(got[4], refKernels.convTranspose2d(dy, w, null, g)));
      const m = Math.max(...e);
      n++;
      if (!(m < 1e-4)) { bad++; if (bad < 25) console.log('BAD', JSON.stringify(info), e.map((v) => v.toExponential(1))); }
      worst = Math.max(worst, m);
    }
    k.close();
  }
}
console.log(`${n} cases, ${bad} bad, worst rel ${worst.toExponential(2)}`);
process.exit(bad > 0 ? 1 : 0);
