// SPDX-License-Identifier: MIT
// The wasm backend against the reference: GEMM in every transposition over sizes on both sides
// of the SIMD width and the 6×8 register tile, convolution forward and backward over stride,
// padding, dilation, groups, depthwise and 1×1, each with 1 and 2 threads; backend selection;
// and a rebuild of nabla.wasm from source that must match the committed build byte for byte.
// The shared kernel suite and the PyTorch golden layer cases run on both thread counts too, and
// a headless Chromium (when installed) runs the backend in a page, with and without threads.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectClose } from '../helpers/close.js';
import { absTensor, elementwiseTolerance, maxAbs, randomTensor, reductionTolerance, shapeName } from './util.js';
import { createWasmKernels, type WasmKernels } from '../../src/kernels/wasm/index.js';
import type { Activation } from '../../src/kernels/backend.js';
import { initBackend, kernels, refKernels, setKernels } from '../../src/kernels/index.js';
import { conv2dGeometry, pool2dGeometry, type Conv2dOptions } from '../../src/kernels/geometry.js';
import { Rng } from '../../src/tensor/rng.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { runKernelSuite } from './suite.js';
import { convSuite } from './suite-conv.js';
import { epilogueSuite } from './suite-epilogue.js';
import { runGoldenSuite } from '../golden/suite.js';

const GEMM_SIZES = [1, 3, 4, 5, 6, 7, 8, 12, 13, 17, 64, 65];

// The shared suites register their tests synchronously, so these backends load first.
const suiteBackends = [await createWasmKernels({ threads: 1 }), await createWasmKernels({ threads: 2 })];
for (const backend of suiteBackends) {
  runKernelSuite(backend);
  runGoldenSuite({ backend });
  runGoldenSuite({ backend, framed: true }); // tensors resident in the arena, as in a training step
}
// Each Winograd tile on its own (by default F(4×4) takes most of the suites' 3×3 cases and F(2×2)
// only outputs of about 4×4 and less): the convolution suites, fused epilogues included.
const tileBackends: WasmKernels[] = [];
for (const winograd of [2, 4] as const) {
  for (const threads of [1, 2]) {
    const backend = await createWasmKernels({ threads, winograd });
    tileBackends.push(backend);
    convSuite(backend);
    epilogueSuite(backend);
  }
}
after(() => [...suiteBackends, ...tileBackends].forEach((backend) => backend.close()));

/** |op(A)|·|op(B)| (+ |C| when accumulating): the magnitude each output's rounding error scales with. */
function gemmMagnitude(a: Tensor, b: Tensor, transA: boolean, transB: boolean, c: Tensor | null): number {
  const m = refKernels.matmul(absTensor(a), absTensor(b), { transA, transB });
  return maxAbs(m.data) + (c ? maxAbs(c.data) : 0);
}

function checkGemm(k: WasmKernels, rng: Rng, M: number, N: number, K: number, transA: boolean, transB: boolean, accumulate: boolean): void {
  const a = randomTensor(rng, transA ? [K, M] : [M, K], 'float32');
  const b = randomTensor(rng, transB ? [N, K] : [K, N], 'float32');
  const c0 = accumulate ? randomTensor(rng, [M, N], 'float32') : null;
  const name = `matmul M=${M} N=${N} K=${K} transA=${transA} transB=${transB} accumulate=${accumulate} (${k.name})`;
  const expected = refKernels.matmul(a, b, { transA, transB, out: c0?.clone(), accumulate });
  const out = c0 ? c0.clone() : Tensor.full([M, N], Number.NaN); // NaN: every entry must be written
  const actual = k.matmul(a, b, { transA, transB, out, accumulate });
  assert.equal(actual, out, `${name}: must write into out`);
  expectClose(actual.data, expected.data, reductionTolerance('float32', K, gemmMagnitude(a, b, transA, transB, c0), name));
}

interface ConvCase {
  x: [number, number, number, number];
  options: Conv2dOptions;
  hasBias: boolean;
}

const CONV_CASES: ConvCase[] = [
  { x: [2, 1, 28, 28], options: { outChannels: 6, kernelSize: 5, padding: 2 }, hasBias: true }, // LeNet conv1
  // Padding only after the last row (ONNX's pads, end side): im2col read past each plane instead of zeros.
  { x: [2, 3, 9, 7], options: { outChannels: 4, kernelSize: [4, 1], padding: [0, 0, 3, 0] }, hasBias: true },
  { x: [1, 5, 6, 8], options: { outChannels: 3, kernelSize: 3, padding: [0, 0, 1, 2] }, hasBias: false },
  // The direct path for few input channels (conv-direct.ts): 3 and 2 channels, odd output channels,
  // rows of outputs that end in a partial tile of five and of one.
  { x: [3, 3, 13, 11], options: { outChannels: 7, kernelSize: [5, 4], padding: [1, 2] }, hasBias: true },
  { x: [2, 2, 9, 17], options: { outChannels: 13, kernelSize: 3, padding: [0, 1] }, hasBias: false },
  { x: [3, 6, 14, 14], options: { outChannels: 16, kernelSize: 5 }, hasBias: true }, // LeNet conv2
  { x: [2, 3, 7, 7], options: { outChannels: 5, kernelSize: 3, stride: 2, padding: 1 }, hasBias: true },
  { x: [2, 4, 9, 8], options: { outChannels: 6, kernelSize: [3, 2], stride: [1, 3], padding: [2, 1], dilation: [2, 1] }, hasBias: false },
  { x: [3, 4, 6, 6], options: { outChannels: 6, kernelSize: 3, groups: 2, padding: 1 }, hasBias: true },
  { x: [2, 8, 5, 7], options: { outChannels: 8, kernelSize: 3, groups: 8, padding: 1 }, hasBias: true }, // depthwise
  // The direct depthwise path (conv-depthwise.ts): MobileNetV3's 5×5, a 2×2 map under a 5×5 kernel, stride 2,
  // stride 3 with dilation, uneven padding and two kernels a channel, 1×1 maps and kernels, and two past the threaded size.
  { x: [2, 6, 9, 9], options: { outChannels: 6, kernelSize: 5, padding: 2, groups: 6 }, hasBias: true },
  { x: [3, 4, 2, 2], options: { outChannels: 4, kernelSize: 5, padding: 2, groups: 4 }, hasBias: true },
  { x: [2, 5, 11, 10], options: { outChannels: 5, kernelSize: 3, stride: 2, padding: 1, groups: 5 }, hasBias: false },
  { x: [2, 3, 13, 12], options: { outChannels: 6, kernelSize: [3, 2], stride: 3, padding: [2, 0, 1, 1], dilation: [2, 1], groups: 3 }, hasBias: true },
  { x: [2, 4, 1, 1], options: { outChannels: 4, kernelSize: 3, padding: 1, groups: 4 }, hasBias: true },
  { x: [2, 6, 5, 5], options: { outChannels: 6, kernelSize: 1, groups: 6 }, hasBias: false },
  { x: [4, 32, 20, 20], options: { outChannels: 32, kernelSize: 3, padding: 1, groups: 32 }, hasBias: true },
  // Several kernels a channel at stride 1: dx gathered over each in turn (a narrow map by the flattened run, a wide one by rows).
  { x: [2, 4, 6, 5], options: { outChannels: 8, kernelSize: 3, padding: 1, groups: 4 }, hasBias: true },
  { x: [2, 2, 5, 20], options: { outChannels: 6, kernelSize: [3, 5], padding: [1, 2], groups: 2 }, hasBias: false },
  { x: [3, 16, 24, 23], options: { outChannels: 32, kernelSize: 5, stride: 2, padding: 2, groups: 16 }, hasBias: true },
  { x: [4, 17, 5, 3], options: { outChannels: 9, kernelSize: 1 }, hasBias: true }, // pointwise: no im2col
  { x: [2, 5, 6, 6], options: { outChannels: 3, kernelSize: 1, stride: 2 }, hasBias: false },
  { x: [5, 3, 12, 13], options: { outChannels: 65, kernelSize: 3, dilation: 2, padding: 3 }, hasBias: true },
  // Winograd F(2×2, 3×3): a resnet block's shape, and samples of few tiles grouped into one GEMM.
  { x: [4, 32, 14, 14], options: { outChannels: 64, kernelSize: 3, padding: 1 }, hasBias: false },
  { x: [11, 24, 5, 3], options: { outChannels: 16, kernelSize: 3, padding: 1 }, hasBias: true },
  // More channels than one k-block of the GEMM (256): the packed transformed kernels span two.
  { x: [2, 260, 5, 4], options: { outChannels: 17, kernelSize: 3, padding: 1 }, hasBias: true },
  { x: [2, 16, 4, 5], options: { outChannels: 270, kernelSize: 3, padding: 1 }, hasBias: false },
  // The stride-2 Winograd forward and input gradient (winograd-s2.ts): resnet's downsampling shapes, and a
  // second k-block of the forward's GEMMs (260 input channels) and of the input gradient's (270 output channels).
  { x: [4, 32, 28, 28], options: { outChannels: 64, kernelSize: 3, stride: 2, padding: 1 }, hasBias: false },
  { x: [5, 64, 14, 14], options: { outChannels: 128, kernelSize: 3, stride: 2, padding: 1 }, hasBias: true },
  // (Batches of at least 48 tiles: fewer go by im2col.)
  { x: [6, 260, 9, 9], options: { outChannels: 17, kernelSize: 3, stride: 2, padding: 1 }, hasBias: true },
  { x: [8, 16, 9, 8], options: { outChannels: 270, kernelSize: 3, stride: 2, padding: 1 }, hasBias: false },
];

function checkConv(k: WasmKernels, rng: Rng, c: ConvCase): void {
  const g = conv2dGeometry('test', c.x, c.options);
  const name = `conv2d x=${shapeName(c.x)} ${JSON.stringify(c.options)} (${k.name})`;
  const x = randomTensor(rng, c.x, 'float32');
  const w = randomTensor(rng, [g.outC, g.C / g.groups, g.kH, g.kW], 'float32');
  const b = c.hasBias ? randomTensor(rng, [g.outC], 'float32') : null;
  const K = (g.C / g.groups) * g.kH * g.kW;
  const yMagnitude = maxAbs(refKernels.conv2d(absTensor(x), absTensor(w), b && absTensor(b), g).data);
  expectClose(k.conv2d(x, w, b, g).data, refKernels.conv2d(x, w, b, g).data, reductionTolerance('float32', K, yMagnitude, `${name} y`));

  const dy = randomTensor(rng, [g.N, g.outC, g.OH, g.OW], 'float32');
  const dW0 = randomTensor(rng, w.shape, 'float32');
  const db0 = randomTensor(rng, [g.outC], 'float32');
  const expectedGrads = { dW: dW0.clone(), db: db0.clone(), needDx: true };
  const actualGrads = { dW: dW0.clone(), db: db0.clone(), needDx: true };
  const dxExpected = refKernels.conv2dBackward(x, w, dy, g, expectedGrads)!;
  const dxActual = k.conv2dBackward(x, w, dy, g, actualGrads)!;
  // dW sums N·OH·OW products of |dy|·|x|; dx sums outC/groups·kH·kW products of |w|·|dy|.
  const absGrads = { dW: absTensor(dW0), db: null, needDx: true };
  const dxMagnitude = maxAbs(refKernels.conv2dBackward(absTensor(x), absTensor(w), absTensor(dy), g, absGrads)!.data);
  const dWMagnitude = maxAbs(absGrads.dW.data);
  const reduction = g.N * g.OH * g.OW;
  expectClose(actualGrads.dW.data, expectedGrads.dW.data, reductionTolerance('float32', reduction, dWMagnitude, `${name} dW`));
  expectClose(actualGrads.db.data, expectedGrads.db.data, reductionTolerance('float32', reduction, maxAbs(dy.data) * reduction + maxAbs(db0.data), `${name} db`));
  expectClose(dxActual.data, dxExpected.data, reductionTolerance('float32', (g.outC / g.groups) * g.kH * g.kW, dxMagnitude, `${name} dx`));

  // A frozen weight (no dW): the samples are split differently (by Winograd, groups of samples
  // instead of one piece per thread), yet each sample's dx is summed the same way, bit for bit.
  const frozen = k.conv2dBackward(x, w, dy, g, { dW: null, db: null, needDx: true })!;
  assert.ok(frozen.data.every((v, i) => Object.is(v, dxActual.data[i])), `${name}: dx without dW differs from dx with it`);

  const noDx = { dW: dW0.clone(), db: null, needDx: false };
  assert.equal(k.conv2dBackward(x, w, dy, g, noDx), null, `${name}: needDx false returns null`);
  expectClose(noDx.dW.data, expectedGrads.dW.data, reductionTolerance('float32', reduction, dWMagnitude, `${name} dW (no dx)`));
}

for (const threads of [1, 2]) {
  describe(`wasm backend, ${threads} thread${threads === 1 ? '' : 's'}`, () => {
    let k: WasmKernels;
    before(async () => {
      k = await createWasmKernels({ threads });
    });
    after(() => k.close());

    it('uses the requested threads and relaxed SIMD where the runtime has it', () => {
      assert.equal(k.runtime.threads, threads);
      assert.equal(k.runtime.variant.startsWith('relaxed'), k.runtime.features.relaxedSimd);
    });

    it('matmul matches the reference for every transposition across tile sizes', () => {
      const rng = new Rng(threads);
      for (const transA of [false, true]) {
        for (const transB of [false, true]) {
          for (const M of GEMM_SIZES) {
            // N and K cycle through the sizes too, without the full cube.
            const N = GEMM_SIZES[(M * 3 + 1) % GEMM_SIZES.length];
            const K = GEMM_SIZES[(M * 5 + 2) % GEMM_SIZES.length];
            checkGemm(k, rng, M, N, K, transA, transB, M % 2 === 0);
            checkGemm(k, rng, N, M, K, transA, transB, M % 2 === 1);
          }
        }
      }
    });

    it('matmul matches the reference across cache blocks and thread splits', () => {
      const rng = new Rng(10 + threads);
      // K > 256 (two k-blocks), N > 1024 (two column blocks), M > 128 (two row blocks); both split directions.
      // On 2 threads the first two (past 2^23 multiply-adds) share one packed operand: op(A), then op(B).
      checkGemm(k, rng, 130, 1030, 300, false, false, true);
      checkGemm(k, rng, 301, 77, 555, true, true, false);
      checkGemm(k, rng, 257, 33, 513, true, false, false);
      checkGemm(k, rng, 70, 200, 129, false, true, false);
      checkGemm(k, rng, 200, 70, 129, true, true, true);
      checkGemm(k, rng, 64, 64, 0, false, false, false);
    });

    it('conv2d and conv2dBackward match the reference (stride, padding, dilation, groups, depthwise, 1×1)', () => {
      const rng = new Rng(20 + threads);
      for (const c of CONV_CASES) checkConv(k, rng, c);
    });

    it('Winograd F(2×2, 3×3) and F(4×4, 3×3) each match the reference, and are two different computations', async () => {
      const tiles = [await createWasmKernels({ threads, winograd: 2 }), await createWasmKernels({ threads, winograd: 4 })];
      try {
        const rng = new Rng(30 + threads);
        for (const c of CONV_CASES.filter((c) => c.options.kernelSize === 3 && !c.options.stride && !c.options.groups && !c.options.dilation)) {
          for (const backend of tiles) checkConv(backend, rng, c);
        }
        // The option reaches the kernels: the two round differently (were both one path, they would agree bit for bit).
        const g = conv2dGeometry('test', [2, 16, 9, 10], { outChannels: 16, kernelSize: 3, padding: 1 });
        const x = randomTensor(rng, [2, 16, 9, 10], 'float32');
        const w = randomTensor(rng, [16, 16, 3, 3], 'float32');
        const [y2, y4] = tiles.map((backend) => backend.conv2d(x, w, null, g).data);
        assert.ok(y2.some((v, i) => v !== y4[i]), 'F(2×2) and F(4×4) give bit-identical outputs');
        // Left to choose, the backend takes F(4×4) on a 4×4 map only with 64 of its tiles in the batch (one a sample), F(2×2)
        // from 48 of its tiles (12 samples), and below that im2col, its GEMM over several samples (without that batching: F(2×2)).
        const im2col = await createWasmKernels({ threads, winograd: false });
        const unbatched = await createWasmKernels({ threads, batchSamples: false });
        try {
          for (const [N, want] of [[64, 'F(4×4)'], [32, 'F(2×2)'], [12, 'F(2×2)'], [3, 'im2col']] as const) {
            const small = conv2dGeometry('test', [N, 16, 4, 4], { outChannels: 16, kernelSize: 3, padding: 1 });
            const xs = randomTensor(rng, [N, 16, 4, 4], 'float32');
            const [chosen, f2, f4, byIm2col, old] = [k, ...tiles, im2col, unbatched].map((backend) => Array.from(backend.conv2d(xs, w, null, small).data));
            assert.deepEqual(chosen, want === 'F(4×4)' ? f4 : want === 'F(2×2)' ? f2 : byIm2col, `a batch of ${N} 4×4 maps: not by ${want}`);
            if (N === 3) assert.deepEqual(old, f2, 'without batching, 3 4×4 maps by F(2×2)');
          }
        } finally {
          im2col.close();
          unbatched.close();
        }
      } finally {
        tiles.forEach((backend) => backend.close());
      }
    });

    it('the stride-2 Winograd forward and input gradient match the reference, and are not the im2col computation', async () => {
      const im2col = await createWasmKernels({ threads, winograd: false });
      try {
        const rng = new Rng(40 + threads);
        for (const c of CONV_CASES.filter((c) => c.options.kernelSize === 3 && c.options.stride === 2 && c.x[1] >= 16)) {
          checkConv(k, rng, c);
          checkConv(im2col, rng, c);
        }
        // The two paths round differently: were stride 2 not by Winograd, they would agree bit for bit.
        // A batch of 30 (270 tiles of 2×2 outputs) goes by Winograd; one of 6 (54 tiles, under the 256 from which it beats
        // im2col's GEMM over several samples) or 2 (18) by im2col.
        for (const N of [30, 6, 2]) {
          const g = conv2dGeometry('test', [N, 16, 9, 10], { outChannels: 16, kernelSize: 3, stride: 2, padding: 1 });
          const x = randomTensor(rng, [N, 16, 9, 10], 'float32');
          const w = randomTensor(rng, [16, 16, 3, 3], 'float32');
          const [ys, yc] = [k, im2col].map((backend) => backend.conv2d(x, w, null, g).data);
          const dy = randomTensor(rng, [N, 16, g.OH, g.OW], 'float32');
          const [dxs, dxc] = [k, im2col].map((backend) => backend.conv2dBackward(x, w, dy, g, { dW: null, db: null, needDx: true })!.data);
          if (N === 30) {
            assert.ok(ys.some((v, i) => v !== yc[i]), 'the stride-2 forward gives the im2col outputs bit for bit');
            assert.ok(dxs.some((v, i) => v !== dxc[i]), 'the stride-2 input gradient gives the col2im dx bit for bit');
          } else {
            assert.deepEqual(Array.from(ys), Array.from(yc), 'a batch of few tiles: the stride-2 forward is not im2col\'s');
            assert.deepEqual(Array.from(dxs), Array.from(dxc), 'a batch of few tiles: the stride-2 input gradient is not col2im\'s');
          }
        }
      } finally {
        im2col.close();
      }
    });

    it('seeded random Winograd geometries (3×3, stride 1 and 2, ≥ 16 channels, any padding ≤ 2) match the reference', () => {
      const rng = new Rng(60 + threads);
      const pick = <T>(items: readonly T[]): T => items[rng.int(items.length)];
      let checked = 0;
      while (checked < 16) {
        const stride = checked % 2 === 0 ? 2 : 1;
        const x: [number, number, number, number] = [pick([1, 2, 3, 5]), 16 + rng.int(20), 1 + rng.int(19), 1 + rng.int(19)];
        const padding: [number, number, number, number] = [rng.int(3), rng.int(3), rng.int(3), rng.int(3)];
        if (x[2] + padding[0] + padding[2] < 3 || x[3] + padding[1] + padding[3] < 3) continue; // the kernel must fit
        checkConv(k, rng, { x, options: { outChannels: 16 + rng.int(20), kernelSize: 3, stride, padding }, hasBias: rng.int(2) === 1 });
        checked++;
      }
    });

    it('seeded random geometries of every path (kernels 1–5, strides 1–3, dilation, four-sided padding, 8–47 channels, depthwise) match the reference', () => {
      // As the fuzz that found the 1×1 kernel padded only after its input taking the pointwise path.
      const rng = new Rng(120 + threads);
      const pick = <T>(items: readonly T[]): T => items[rng.int(items.length)];
      let checked = 0;
      while (checked < 20) {
        const depthwise = rng.int(5) === 0;
        const C = 8 + rng.int(40);
        const x: [number, number, number, number] = [1 + rng.int(9), C, 1 + rng.int(20), 1 + rng.int(20)];
        const ks = pick([1, 1, 2, 3, 3, 5]);
        const s = pick([1, 1, 2, 3]);
        const padding: [number, number, number, number] = [rng.int(3), rng.int(3), rng.int(3), rng.int(3)];
        const dilation = rng.int(6) === 0 ? 2 : 1;
        const span = dilation * (ks - 1) + 1;
        if (x[2] + padding[0] + padding[2] < span || x[3] + padding[1] + padding[3] < span) continue;
        const options = { outChannels: depthwise ? C * (1 + rng.int(2)) : 8 + rng.int(40), kernelSize: ks, stride: s, padding, dilation, ...(depthwise ? { groups: C } : {}) };
        checkConv(k, rng, { x, options, hasBias: rng.int(2) === 1 });
        checked++;
      }
    });

    it('seeded random geometries of the direct path (≤ 4 input channels, stride 1) match the reference; its forward gives im2col\'s bits', async () => {
      const im2col = await createWasmKernels({ threads, direct: false });
      try {
        const rng = new Rng(90 + threads);
        let checked = 0;
        while (checked < 24) {
          const x: [number, number, number, number] = [1 + rng.int(4), 1 + rng.int(4), 1 + rng.int(33), 1 + rng.int(33)];
          const kernelSize: [number, number] = [1 + rng.int(7), 1 + rng.int(7)];
          const padding: [number, number, number, number] = [rng.int(4), rng.int(4), rng.int(4), rng.int(4)];
          // A 1×1 kernel and output rows shorter than 8 go by im2col; the kernel must fit.
          if (kernelSize[0] * kernelSize[1] === 1 || x[2] + padding[0] + padding[2] < kernelSize[0] ||
            x[3] + padding[1] + padding[3] - kernelSize[1] + 1 < 8) continue;
          const c = { x, options: { outChannels: 1 + rng.int(40), kernelSize, padding }, hasBias: rng.int(2) === 1 };
          checkConv(k, rng, c);
          const g = conv2dGeometry('test', c.x, c.options);
          const xs = randomTensor(rng, c.x, 'float32');
          const w = randomTensor(rng, [g.outC, g.C, g.kH, g.kW], 'float32');
          const b = c.hasBias ? randomTensor(rng, [g.outC], 'float32') : null;
          for (const relu of [false, true]) {
            const [direct, columns] = [k, im2col].map((backend) => backend.conv2d(xs, w, b, g, { relu }).data);
            assert.ok(direct.every((v, i) => Object.is(v, columns[i])), `conv2d x=${shapeName(c.x)} ${JSON.stringify(c.options)} relu=${relu}: y differs from im2col's`);
          }
          checked++;
        }
        // The weight gradient is a different summation (four partial sums a lane): were LeNet's
        // first layer not on the direct path, the two would agree bit for bit.
        const g = conv2dGeometry('test', [4, 1, 28, 28], { outChannels: 6, kernelSize: 5, padding: 2 });
        const xs = randomTensor(rng, [4, 1, 28, 28], 'float32');
        const w = randomTensor(rng, [6, 1, 5, 5], 'float32');
        const dy = randomTensor(rng, [4, 6, 28, 28], 'float32');
        const [dWd, dWc] = [k, im2col].map((backend) => {
          const dW = Tensor.zeros(w.shape);
          backend.conv2dBackward(xs, w, dy, g, { dW, db: null, needDx: false });
          return dW.data;
        });
        assert.ok(dWd.some((v, i) => v !== dWc[i]), 'the direct weight gradient gives im2col\'s bits: did it run?');
      } finally {
        im2col.close();
      }
    });

    it('the direct path lets an infinite input reach only the outputs and weight gradients the reference does', () => {
      const rng = new Rng(95 + threads);
      // OW = 26 (a row's last tile is partial) and an infinity in the input's last column, which the
      // direct kernels' dropped lanes read: it must not turn into NaN where the reference stays finite.
      const g = conv2dGeometry('test', [2, 1, 28, 28], { outChannels: 5, kernelSize: [5, 3], padding: [2, 0] });
      const x = randomTensor(rng, [2, 1, 28, 28], 'float32');
      x.data[28 * 5 + 27] = Number.POSITIVE_INFINITY;
      x.data[28 * 28 + 28 * 9 + 27] = Number.NEGATIVE_INFINITY;
      const w = randomTensor(rng, [5, 1, 5, 3], 'float32');
      const dy = randomTensor(rng, [2, 5, g.OH, g.OW], 'float32');
      const finite = (data: ArrayLike<number>): boolean[] => Array.from(data, (v) => Number.isFinite(v));
      assert.deepEqual(finite(k.conv2d(x, w, null, g).data), finite(refKernels.conv2d(x, w, null, g).data), 'y');
      const [actual, expected] = [k, refKernels].map((backend) => {
        const dW = Tensor.zeros(w.shape);
        backend.conv2dBackward(x, w, dy, g, { dW, db: null, needDx: false });
        return dW.data;
      });
      assert.deepEqual(finite(actual), finite(expected), 'dW');
      assert.ok(finite(expected).some((f) => f), 'some dW entries stay finite');
    });

    it('maxPool2d matches the reference exactly, ties and NaN included', () => {
      const rng = new Rng(50 + threads);
      const cases: { x: number[]; kernelSize: number; stride?: number; padding?: number; dilation?: number }[] = [
        ...[2, 3, 7, 8, 9, 16, 17, 28, 35].map((W) => ({ x: [2, 3, 6, W], kernelSize: 2 })),
        { x: [2, 2, 7, 9], kernelSize: 3, stride: 2, padding: 1 },
        { x: [1, 3, 9, 9], kernelSize: 2, stride: 1, dilation: 2 },
      ];
      for (const c of cases) {
        const g = pool2dGeometry('test', c.x, c);
        const name = `maxPool2d x=${shapeName(c.x)} k=${c.kernelSize} s=${c.stride ?? c.kernelSize} p=${c.padding ?? 0}`;
        // Few distinct values force ties; a few NaNs must win their windows.
        const x = Tensor.zeros(c.x);
        for (let i = 0; i < x.size; i++) x.data[i] = rng.int(5) - 2;
        for (let i = 0; i < 3; i++) x.data[rng.int(x.size)] = Number.NaN;
        const expected = refKernels.maxPool2d(x, g);
        const actual = k.maxPool2d(x, g);
        assert.deepEqual(Array.from(actual.argmax), Array.from(expected.argmax), `${name}: argmax`);
        assert.deepEqual(Array.from(actual.y.data), Array.from(expected.y.data), `${name}: y`);
        assert.deepEqual(actual.y.shape, expected.y.shape, `${name}: shape`);
      }
    });

    it('relu and its backward match the reference exactly (NaN and −0 inputs included)', () => {
      const rng = new Rng(60);
      for (const size of [1, 3, 4, 5, 17, 65]) {
        const x = randomTensor(rng, [size], 'float32');
        x.data[0] = -0;
        if (size > 2) x.data[2] = Number.NaN;
        const dy = randomTensor(rng, [size], 'float32');
        if (size > 4) dy.data[4] = Number.NaN;
        const relu = { kind: 'relu' } as const;
        const y = k.activation(relu, x);
        assert.deepEqual(Array.from(y.data), Array.from(refKernels.activation(relu, x).data), `relu size ${size}`);
        const dx = k.activationBackward(relu, x, y, dy);
        assert.deepEqual(Array.from(dx.data), Array.from(refKernels.activationBackward(relu, x, y, dy).data), `relu backward size ${size}`);
      }
    });

    it('sigmoid, tanh, leaky ReLU, GELU and softplus run in wasm: the reference\'s values to a few ulps (GELU to 1e-5), tiny, huge, ±0, ±∞ and NaN inputs included', () => {
      const rng = new Rng(63);
      const specials = [0, -0, 1e-30, -1e-30, 1e-7, -3e-5, 0.25, -0.5, 0.2499, 5, -9, 17, -44, 88, -88, 100, -100, Infinity, -Infinity, Number.NaN];
      const x = Tensor.from([...specials, ...Array.from({ length: 203 }, () => rng.normal(0, 4))], [specials.length + 203], 'float32');
      const dy = randomTensor(rng, x.shape, 'float32');
      for (const f of [{ kind: 'sigmoid' }, { kind: 'tanh' }, { kind: 'leakyRelu', negativeSlope: 0.1 }, { kind: 'leakyRelu', negativeSlope: -2 }, { kind: 'gelu' },
        { kind: 'softplus', beta: 1, threshold: 20 }, { kind: 'softplus', beta: 0.5, threshold: 5 }] as const) {
        // GELU's Φ by a Chebyshev fit of erfc (fractional error < 1.2e-7) in float32: 1.4e-6 relative where |y| > 1e-3, 8.1e-6 in
        // the far left tail (z² rounded), measured over [−12, 12] (scratch); PyTorch's own float32 GELU is only absolutely accurate there.
        // Softplus: 2 ulps measured over [−40, 40] for β = 0.5, 1, 2 (relative, the far left tail included).
        const rtol = f.kind === 'gelu' ? 1e-5 : f.kind === 'softplus' ? 8 * 2 ** -24 : 4 * 2 ** -24;
        const [y, dx] = k.frame!(() => {
          const y = k.activation(f, x);
          const dx = k.activationBackward(f, x, y, dy);
          assert.ok(k.runtime.holds(y.data as Float32Array) && k.runtime.holds(dx.data as Float32Array), `${f.kind}: not the wasm kernels' views`);
          return [Array.from(y.data), Array.from(dx.data)];
        });
        const yRef = refKernels.activation(f, x), dxRef = refKernels.activationBackward(f, x, yRef, dy);
        y.forEach((v, i) => {
          const e = yRef.data[i];
          if (Number.isNaN(e)) return assert.ok(Number.isNaN(v), `${f.kind}(${x.data[i]}) = ${v}, expected NaN`);
          assert.ok(Object.is(v, e) || Math.abs(v - e) <= rtol * Math.abs(e) + 1e-37, `${f.kind}(${x.data[i]}) = ${v}, expected ${e}`);
        });
        dx.forEach((v, i) => {
          const e = dxRef.data[i];
          if (Number.isNaN(e)) return assert.ok(Number.isNaN(v), `${f.kind}' at ${x.data[i]}: ${v}, expected NaN`);
          // From y (sigmoid, tanh): y(1 − y) and 1 − y² in float32 against the reference's float64, a few ulps of the larger term.
          assert.ok(Math.abs(v - e) <= 8 * 2 ** -24 * Math.abs(dy.data[i]) + 1e-37, `${f.kind}' at ${x.data[i]}: ${v}, expected ${e}`);
        });
      }
    });

    it('mul matches the reference exactly (NaN, ∞ and −0 included), inside a frame too', () => {
      const rng = new Rng(61);
      for (const size of [1, 3, 4, 5, 17, 65, 70_000]) { // the last past the threaded size
        const [a, b] = [randomTensor(rng, [size], 'float32'), randomTensor(rng, [size], 'float32')];
        a.data[0] = -0;
        if (size > 4) [a.data[2], b.data[3], a.data[4], b.data[4]] = [Number.NaN, Infinity, Infinity, 0];
        const expected = Array.from(refKernels.mul(a, b).data);
        assert.deepEqual(Array.from(k.mul(a, b).data), expected, `mul size ${size}`);
        assert.deepEqual(k.frame!(() => Array.from(k.mul(a, b).data)), expected, `mul size ${size} in a frame`);
      }
      const [a, b] = [randomTensor(rng, [2, 3], 'float32'), randomTensor(rng, [3, 2], 'float32')];
      assert.throws(() => k.mul(a, b), /mul/); // the reference's shape error
    });

    it('the copy kernels (concat, sliceAxis, padAxis, channelShuffle, embedding) give the reference\'s bits, their outputs the frame\'s views', () => {
      const rng = new Rng(62);
      const special = (t: Tensor): Tensor => { // −0 and NaN must come through as they are
        t.data[0] = -0;
        if (t.size > 2) t.data[2] = Number.NaN;
        return t;
      };
      /** Each case: the call on a backend and its inputs (the same inputs for both backends). */
      const cases: [string, Tensor[], (b: typeof refKernels | WasmKernels, xs: Tensor[]) => Tensor][] = [];
      for (const shape of [[7], [3, 5], [2, 3, 4], [2, 5, 3, 4], [4, 16, 9, 9]]) {
        for (let axis = 0; axis < shape.length; axis++) {
          const parts = [1, 3, shape[axis]].map((d) => shape.map((s, i) => (i === axis ? d : s)));
          const xs = parts.map((p) => special(randomTensor(rng, p, 'float32')));
          cases.push([`concat ${parts.map(shapeName).join(' + ')} axis ${axis}`, xs, (b, t) => b.concat(t, axis)]);
          cases.push([`concat of one ${shapeName(shape)} axis ${axis}`, [xs[2]], (b, t) => b.concat(t, axis)]);
          const x = special(randomTensor(rng, shape, 'float32'));
          for (const [start, size] of [[0, shape[axis]], [0, 1], [shape[axis] - 1, 1], [Math.floor(shape[axis] / 3), Math.ceil(shape[axis] / 2)]]) {
            cases.push([`sliceAxis ${shapeName(shape)} axis ${axis} from ${start} size ${size}`, [x], (b, t) => b.sliceAxis(t[0], axis, start, size)]);
          }
          for (const [before, after] of [[0, 0], [1, 0], [0, 2], [3, 1]]) {
            cases.push([`padAxis ${shapeName(shape)} axis ${axis} by ${before}, ${after}`, [x], (b, t) => b.padAxis(t[0], axis, before, after)]);
          }
        }
        if (shape.length >= 2) {
          for (const groups of [1, shape[1]].concat(shape[1] % 4 === 0 ? [4] : [])) {
            const x = special(randomTensor(rng, shape, 'float32'));
            cases.push([`channelShuffle ${shapeName(shape)} in ${groups} groups`, [x], (b, t) => b.channelShuffle(t[0], groups)]);
          }
        }
      }
      const weight = special(randomTensor(rng, [11, 6], 'float32'));
      for (const shape of [[1], [5], [3, 4]]) {
        const indices = Tensor.zeros(shape, 'float32');
        indices.data.forEach((_, i) => { indices.data[i] = (i * 7) % 11; });
        cases.push([`embedding of ${shapeName(shape)} indices`, [indices, weight], (b, t) => b.embedding(t[0], t[1])]);
      }
      // A frame run first leaves the arena full of numbers, so a padding the kernel forgot to zero shows.
      const dirty = randomTensor(rng, [70_000], 'float32');
      for (const [name, inputs, call] of cases) {
        const expected = call(refKernels, inputs);
        const plain = call(k, inputs);
        assert.deepEqual(plain.shape, expected.shape, name);
        assert.deepEqual(Array.from(plain.data), Array.from(expected.data), `${name}, outside a frame`);
        k.frame!(() => k.mul(dirty, dirty));
        const framed = k.frame!(() => {
          const resident = inputs.map((t) => new Tensor(k.runtime.resident(t.data as Float32Array), t.shape)); // as a kernel's outputs
          for (const xs of [inputs, resident]) {
            const y = call(k, xs);
            assert.ok(k.runtime.holds(y.data as Float32Array), `${name}: the output is not a view of the frame`);
            assert.deepEqual(Array.from(y.data), Array.from(expected.data), `${name}, in a frame`);
          }
          return call(k, resident).shape;
        });
        assert.deepEqual(framed, expected.shape, name);
      }
      // float64 takes the reference kernel; a view from a finished frame is refused.
      const x64 = randomTensor(rng, [2, 3], 'float64');
      assert.deepEqual(Array.from(k.frame!(() => k.concat([x64, x64], 1).data)), Array.from(refKernels.concat([x64, x64], 1).data));
      const stale = k.frame!(() => k.sliceAxis(randomTensor(rng, [4, 4], 'float32'), 0, 1, 2));
      assert.throws(() => k.frame!(() => k.padAxis(stale, 1, 1, 1)), /finished training step/);
    });

    it('softmaxCrossEntropy gives the reference\'s loss and gradient (weights, smoothing, ignored targets, spatial, both reductions)', () => {
      const rng = new Rng(62);
      let cases = 0, gradDiffs = 0, floats = 0;
      for (let trial = 0; trial < 60; trial++) {
        const N = 1 + rng.int(9), K = 1 + rng.int(13);
        const spatial = trial % 3 === 2 ? [1 + rng.int(5), 1 + rng.int(4)] : [];
        const logits = randomTensor(rng, [N, K, ...spatial], 'float32');
        const scale = [1, 10, 1e4][trial % 3];
        for (let i = 0; i < logits.size; i++) logits.data[i] *= scale;
        const positions = logits.size / K;
        const ignoreIndex = [null, -100, 0][trial % 4 === 3 ? 2 : trial % 2];
        const targets = Int32Array.from({ length: positions }, () => (rng.int(5) === 0 && ignoreIndex !== null ? ignoreIndex : rng.int(K)));
        if (trial === 7) targets.fill(ignoreIndex ?? 0); // every position ignored with 'mean': 0/0
        const weight = trial % 5 < 2 ? null : Tensor.from(Array.from({ length: K }, () => rng.uniform(0.1, 3)), [K], 'float32');
        const options = { weight, labelSmoothing: [0, 0.1, 1][trial % 3], reduction: trial % 4 === 1 ? 'sum' as const : 'mean' as const, ignoreIndex };
        const name = `trial ${trial} ${shapeName(logits.shape)} ${JSON.stringify({ ...options, weight: !!weight })}`;
        const expected = refKernels.softmaxCrossEntropy(logits, targets, options);
        for (const framed of [false, true]) {
          const [loss, grad] = (framed ? k.frame!.bind(k) : (fn: () => [number, number[]]) => fn())(() => {
            const r = k.softmaxCrossEntropy(logits, targets, options);
            if (framed) assert.ok(k.runtime.holds(r.grad.data as Float32Array), `${name}: the gradient is not the wasm kernel's view`);
            return [r.loss, Array.from(r.grad.data)] as [number, number[]];
          });
          if (Number.isNaN(expected.loss)) assert.ok(Number.isNaN(loss), `${name}: loss ${loss}, expected NaN`);
          else assert.ok(Math.abs(loss - expected.loss) <= 1e-12 * Math.max(1, Math.abs(expected.loss)), `${name}: loss ${loss} vs ${expected.loss}`);
          // float64 exp and log differ from V8's in the last bits at most: a float32 entry is the same or one ulp off.
          grad.forEach((g, i) => {
            const e = expected.grad.data[i];
            if (g !== e || Object.is(g, -0) !== Object.is(e, -0)) gradDiffs++;
            assert.ok(Math.abs(g - e) <= Math.abs(e) * 2 ** -23 + 1e-45, `${name}${framed ? ' framed' : ''}: grad[${i}] ${g} vs ${e}`);
          });
          floats += grad.length;
        }
        cases++;
      }
      assert.equal(cases, 60);
      assert.ok(gradDiffs <= floats / 1000, `${gradDiffs} of ${floats} gradient floats differ from the reference's`);
    });

    it('softmaxCrossEntropy keeps NaN and ∞ logits as the reference does, and leaves bad targets to it', () => {
      const logits = Tensor.from([0, Number.NaN, 1, Infinity, 2, 3, 1, 2, -Infinity, 4, 5, 6], [4, 3], 'float32');
      const targets = Int32Array.from([0, 1, 2, 2]);
      const options = { weight: null, labelSmoothing: 0, reduction: 'sum' as const, ignoreIndex: null };
      const expected = refKernels.softmaxCrossEntropy(logits, targets, options);
      const got = k.softmaxCrossEntropy(logits, targets, options);
      assert.ok(Number.isNaN(got.loss) && Number.isNaN(expected.loss));
      assert.deepEqual(Array.from(got.grad.data), Array.from(expected.grad.data));
      // A target outside [0, K) reaches the reference kernel (which reads no memory past a row).
      const bad = Int32Array.from([0, 3, 1, -1]);
      const r = k.softmaxCrossEntropy(logits, bad, options), ref = refKernels.softmaxCrossEntropy(logits, bad, options);
      assert.deepEqual(Array.from(r.grad.data), Array.from(ref.grad.data));
      assert.throws(() => k.softmaxCrossEntropy(logits, Int32Array.from([0, 1]), options), /4 positions of logits but 2 targets/);
    });

    it('leaves float64 to the reference kernels', () => {
      const rng = new Rng(30);
      const a = randomTensor(rng, [5, 7], 'float64');
      const b = randomTensor(rng, [7, 3], 'float64');
      const c = k.matmul(a, b);
      assert.equal(c.dtype, 'float64');
      assert.deepEqual(Array.from(c.data), Array.from(refKernels.matmul(a, b).data));
    });

    it('shares items between threads without losing or repeating one, job after job', () => {
      // Back-to-back parallel jobs with different item counts, serial jobs in between: an item run
      // twice or skipped would show in the accumulated dW.
      const rng = new Rng(70 + threads);
      for (let round = 0; round < 40; round++) {
        const N = 2 + (round % 7);
        checkConv(k, rng, { x: [N, 4, 16, 16], options: { outChannels: 8, kernelSize: 3 }, hasBias: true });
        checkGemm(k, rng, 3, 5, 7, false, false, true);
      }
    });

    it('refuses a call that needs more than the 2 GiB of wasm memory, naming the sizes', () => {
      // y alone would be 600 × 1000 × 1000 floats (2.4 GB): refused when the arena reserves it, before x is
      // copied in and before the memory grows.
      const g = conv2dGeometry('test', [1, 1, 1000, 1000], { outChannels: 600, kernelSize: 5, padding: 2 });
      const bytes = k.runtime.memory.buffer.byteLength;
      assert.throws(() => k.conv2d(Tensor.zeros([1, 1, 1000, 1000]), Tensor.zeros([600, 1, 5, 5]), null, g),
        /needs \d+ bytes of wasm memory, more than the 2147483648-byte limit/);
      assert.equal(k.runtime.memory.buffer.byteLength, bytes);
    });

    it('keeps the arena steady across repeated calls', () => {
      const rng = new Rng(40);
      const a = randomTensor(rng, [65, 129], 'float32');
      const b = randomTensor(rng, [129, 33], 'float32');
      k.matmul(a, b);
      const bytes = k.runtime.memory.buffer.byteLength;
      const highWater = k.runtime.highWater;
      for (let i = 0; i < 5; i++) k.matmul(a, b);
      assert.equal(k.runtime.memory.buffer.byteLength, bytes);
      assert.equal(k.runtime.highWater, highWater);
    });
  });
}

describe('wasm softmax cross-entropy past the threaded size', () => {
  // From 65,536 logits on, ranges of samples are a job's items (a U-Net's per-pixel loss); the 60
  // random cases above stay below. The split depends on the shape alone, so 1 and 2 threads must
  // give the same bits, and the reference's loss and gradient (each float within one ulp).
  it('gives the same loss and gradient on 1 and 2 threads, and the reference\'s (weights, smoothing, ignored targets, uneven items)', async () => {
    const backends = [await createWasmKernels({ threads: 1 }), await createWasmKernels({ threads: 2 })];
    try {
      const rng = new Rng(78);
      // [N, K, …]: 8 even items; 5 items of 2, 2, 2, 2, 1 samples; one sample an item; 9 items of 8,192 one-class rows; 12 of 9 rows
      const shapes = [[32, 3, 28, 28], [9, 10, 100, 80], [2, 1000, 40], [70_000, 1], [100, 1000]];
      shapes.forEach((shape, trial) => {
        const logits = randomTensor(rng, shape, 'float32', [1, 10, 3][trial % 3]);
        const K = shape[1], positions = logits.size / K;
        const ignoreIndex = trial % 2 === 0 ? -100 : null;
        const targets = Int32Array.from({ length: positions }, () => (ignoreIndex !== null && rng.int(7) === 0 ? ignoreIndex : rng.int(K)));
        const weight = trial === 1 || trial === 4 ? Tensor.from(Array.from({ length: K }, () => rng.uniform(0.1, 3)), [K], 'float32') : null;
        const options = { weight, labelSmoothing: trial === 0 || trial === 4 ? 0.1 : 0, reduction: trial === 2 ? 'sum' as const : 'mean' as const, ignoreIndex };
        const name = `${shapeName(shape)} ${JSON.stringify({ ...options, weight: !!weight })}`;
        const expected = refKernels.softmaxCrossEntropy(logits, targets, options);
        const results = backends.map((k) => k.frame!(() => {
          const r = k.softmaxCrossEntropy(logits, targets, options);
          assert.ok(k.runtime.holds(r.grad.data as Float32Array), `${name}: the gradient is not the wasm kernel's view`);
          return { loss: r.loss, grad: Float32Array.from(r.grad.data) };
        }));
        assert.equal(results[1].loss, results[0].loss, `${name}: the loss on 2 threads`);
        assert.deepEqual(results[1].grad, results[0].grad, `${name}: the gradient on 2 threads`);
        const { loss, grad } = results[0];
        assert.ok(Math.abs(loss - expected.loss) <= 1e-12 * Math.max(1, Math.abs(expected.loss)), `${name}: loss ${loss} vs ${expected.loss}`);
        let differ = 0;
        grad.forEach((g, i) => {
          const e = expected.grad.data[i];
          if (g !== e) differ++;
          assert.ok(Math.abs(g - e) <= Math.abs(e) * 2 ** -23 + 1e-45, `${name}: grad[${i}] ${g} vs ${e}`);
        });
        assert.ok(differ <= grad.length / 1000, `${name}: ${differ} of ${grad.length} gradient floats differ from the reference's`);
      });
    } finally {
      backends.forEach((k) => k.close());
    }
  });
});

describe('wasm batch norm and channel sums past the threaded size', () => {
  // The kernel suites' shapes stay below the 65,536 floats where batch norm shares its channels
  // between threads; these do not. Channels are independent, so 1 and 2 threads give the same bits.
  it('statistics, forward and backward (with and without the ReLU mask) give the same bits on 1 and 2 threads, and the reference\'s values', async () => {
    const backends = [await createWasmKernels({ threads: 1 }), await createWasmKernels({ threads: 2 })];
    try {
      const rng = new Rng(77);
      for (const shape of [[6, 37, 19, 21], [3, 5, 67, 71], [40, 1700]]) {
        const name = shapeName(shape);
        const C = shape[1];
        const x = randomTensor(rng, shape, 'float32', 2);
        for (let i = 0; i < x.size; i++) x.data[i] += 3; // off zero: the deviations are not the values
        const dy = randomTensor(rng, shape, 'float32');
        const gamma = randomTensor(rng, [C], 'float32'), beta = randomTensor(rng, [C], 'float32');
        const results = backends.map((k) => {
          const { mean, variance } = k.batchNormStats(x);
          const invStd = Tensor.from(Array.from(variance.data, (v) => 1 / Math.sqrt(v + 1e-5)), [C], 'float32');
          const y = k.batchNormForward(x, mean, invStd, gamma, beta, { relu: true });
          const out: number[][] = [mean, variance, y].map((t) => Array.from(t.data));
          for (const relu of [null, y]) {
            const dGamma = Tensor.zeros([C], 'float32'), dBeta = Tensor.full([C], 0.5, 'float32');
            const dx = k.batchNormBackward(dy, x, mean, invStd, gamma, dGamma, dBeta, relu);
            out.push(Array.from(dx.data), Array.from(dGamma.data), Array.from(dBeta.data));
            const ref = [Tensor.zeros([C], 'float32'), Tensor.full([C], 0.5, 'float32')];
            const dxRef = refKernels.batchNormBackward(dy, x, mean, invStd, gamma, ref[0], ref[1], relu);
            expectClose(dx.data, dxRef.data, { rtol: 1e-4, atol: 1e-5, name: `${name} dx relu=${!!relu}` });
            expectClose(dGamma.data, ref[0].data, { rtol: 1e-5, atol: 1e-3, name: `${name} dGamma relu=${!!relu}` });
            expectClose(dBeta.data, ref[1].data, { rtol: 1e-5, atol: 1e-3, name: `${name} dBeta relu=${!!relu}` });
          }
          const sums = Tensor.full([C], 1, 'float32');
          k.addChannelSums(dy, sums);
          const sumsRef = Tensor.full([C], 1, 'float32');
          refKernels.addChannelSums(dy, sumsRef);
          assert.deepEqual(Array.from(sums.data), Array.from(sumsRef.data), `${name} channel sums (float64, rounded once)`);
          const refStats = refKernels.batchNormStats(x);
          expectClose(mean.data, refStats.mean.data, { rtol: 1e-6, atol: 1e-6, name: `${name} mean` });
          expectClose(variance.data, refStats.variance.data, { rtol: 1e-5, atol: 1e-6, name: `${name} variance` });
          return out;
        });
        results[0].forEach((values, i) => assert.deepEqual(results[1][i], values, `${name}: result ${i} differs between 1 and 2 threads`));
      }
    } finally {
      backends.forEach((k) => k.close());
    }
  });
});

describe('wasm convolution weights packed once a batch', () => {
  // A one-group im2col convolution of several samples packs w (wᵀ for dx and the transposed
  // convolution) once for all of them; one sample packs its own. The panels are the same, so each
  // sample of a batch must get the bits it gets alone.
  it('each sample of a batch gets the bits it gets alone (forward, dx, the transposed convolution), on 1 and 2 threads', async () => {
    const backends = [await createWasmKernels({ threads: 1 }), await createWasmKernels({ threads: 2 })];
    try {
      const rng = new Rng(84);
      const cases: [number[], Conv2dOptions][] = [
        [[3, 24, 5, 5], { outChannels: 40, kernelSize: 1 }], // pointwise
        [[3, 8, 6, 7], { outChannels: 12, kernelSize: 3, padding: 1 }], // 3×3 by im2col (under Winograd's 16 channels)
        [[4, 20, 9, 9], { outChannels: 300, kernelSize: 3, stride: 2 }], // a stride-2 layer of few tiles, past the threaded size
      ];
      for (const k of backends) {
        for (const [shape, options] of cases) {
          const g = conv2dGeometry('test', shape, options);
          const one = conv2dGeometry('test', [1, ...shape.slice(1)], options);
          const x = randomTensor(rng, shape, 'float32'), w = randomTensor(rng, [g.outC, g.C, g.kH, g.kW], 'float32');
          const dy = randomTensor(rng, [g.N, g.outC, g.OH, g.OW], 'float32');
          const y = k.conv2d(x, w, null, g).data;
          const dx = k.conv2dBackward(x, w, dy, g, { dW: null, db: null, needDx: true })!.data;
          const t = k.convTranspose2d(dy, w, null, g).data; // the transposed convolution of dy: conv's dx by another door
          const name = `${shapeName(shape)} ${JSON.stringify(options)} on ${k.runtime.threads} thread(s)`;
          const [xs, ys, dys] = [x.size / g.N, y.length / g.N, dy.size / g.N];
          for (let n = 0; n < g.N; n++) {
            const xn = Tensor.from(x.data.slice(n * xs, (n + 1) * xs), [1, ...shape.slice(1)], 'float32');
            const dyn = Tensor.from(dy.data.slice(n * dys, (n + 1) * dys), [1, g.outC, g.OH, g.OW], 'float32');
            assert.deepEqual(Array.from(k.conv2d(xn, w, null, one).data), Array.from(y.slice(n * ys, (n + 1) * ys)), `${name}: y of sample ${n}`);
            const dxn = k.conv2dBackward(xn, w, dyn, one, { dW: null, db: null, needDx: true })!.data;
            assert.deepEqual(Array.from(dxn), Array.from(dx.slice(n * xs, (n + 1) * xs)), `${name}: dx of sample ${n}`);
            assert.deepEqual(Array.from(k.convTranspose2d(dyn, w, null, one).data), Array.from(t.slice(n * xs, (n + 1) * xs)), `${name}: transposed, sample ${n}`);
          }
          expectClose(y, refKernels.conv2d(x, w, null, g).data, reductionTolerance('float32', g.C * g.kH * g.kW, maxAbs(refKernels.conv2d(absTensor(x), absTensor(w), null, g).data), `${name} y`));
        }
      }
    } finally {
      backends.forEach((k) => k.close());
    }
  });

  // A one-group im2col convolution of small maps runs several samples' columns as one GEMM,
  // forward and for dx (batchSamples): every output is the same dot product in the same order as
  // sample by sample, so the bits must be those of a backend that runs one sample a GEMM.
  it('several samples a GEMM (small maps) give the bits of one sample a GEMM: forward, dx, dW, a fused ReLU, the transposed convolution', async () => {
    const batched = [await createWasmKernels({ threads: 1, winograd: false }), await createWasmKernels({ threads: 2, winograd: false })];
    const single = [await createWasmKernels({ threads: 1, winograd: false, batchSamples: false }),
      await createWasmKernels({ threads: 2, winograd: false, batchSamples: false })];
    try {
      const rng = new Rng(85);
      const cases: [number[], Conv2dOptions][] = [
        [[8, 40, 4, 4], { outChannels: 24, kernelSize: 3, padding: 1 }], // 360 rows: more than one k-block (256)
        [[13, 6, 7, 7], { outChannels: 9, kernelSize: 3, padding: 1 }], // a last batch of fewer samples
        [[5, 24, 3, 3], { outChannels: 16, kernelSize: 1 }], // pointwise: x's planes copied side by side
        [[6, 8, 9, 9], { outChannels: 300, kernelSize: 3, stride: 2, padding: [0, 1] }], // stride 2, uneven padding, 4 × 5 outputs
        [[7, 5, 6, 6], { outChannels: 7, kernelSize: 2, dilation: 2, padding: 1 }], // dilation
        [[9, 3, 2, 2], { outChannels: 4, kernelSize: 3, padding: 2 }], // 4 × 4 outputs from 2 × 2 maps
        [[4, 16, 12, 12], { outChannels: 8, kernelSize: 3, padding: 1 }], // 144 outputs: one sample a GEMM in both
      ];
      for (let t = 0; t < 2; t++) {
        const [kb, ks] = [batched[t], single[t]];
        for (const [shape, options] of cases) {
          const g = conv2dGeometry('test', shape, options);
          const name = `${shapeName(shape)} ${JSON.stringify(options)} on ${t + 1} thread(s)`;
          const x = randomTensor(rng, shape, 'float32'), w = randomTensor(rng, [g.outC, g.C, g.kH, g.kW], 'float32');
          const b = randomTensor(rng, [g.outC], 'float32'), bt = randomTensor(rng, [g.C], 'float32');
          const dy = randomTensor(rng, [g.N, g.outC, g.OH, g.OW], 'float32');
          const bits = (k: WasmKernels) => {
            const y = k.conv2d(x, w, b, g, { relu: true });
            const dW = Tensor.zeros(w.shape), db = Tensor.zeros([g.outC]);
            const dx = k.conv2dBackward(x, w, dy, g, { dW, db, needDx: true, reluOutput: y })!;
            const dxAlone = k.conv2dBackward(x, w, dy, g, { dW: null, db: null, needDx: true })!; // no dW: items of samples
            const t2 = k.convTranspose2d(dy, w, bt, g); // its bias has one value per channel of its output: C
            return [y, dx, dW, db, dxAlone, t2].map((v) => Array.from(v.data));
          };
          const [got, want] = [bits(kb), bits(ks)];
          ['y', 'dx', 'dW', 'db', 'dx without dW', 'transposed'].forEach((what, i) => assert.deepEqual(got[i], want[i], `${name}: ${what}`));
          // And in a frame, on views.
          const framed = kb.frame!(() => bits(kb));
          framed.forEach((v, i) => assert.deepEqual(v, want[i], `${name}: in a frame, output ${i}`));
        }
      }
      // The reference agrees within its tolerance (the batched path's own check, not only its twin's).
      const g = conv2dGeometry('test', [8, 40, 4, 4], { outChannels: 24, kernelSize: 3, padding: 1 });
      const x = randomTensor(rng, [8, 40, 4, 4], 'float32'), w = randomTensor(rng, [24, 40, 3, 3], 'float32');
      const dy = randomTensor(rng, [8, 24, 4, 4], 'float32');
      const grad = (k: typeof refKernels, a: Tensor, b: Tensor, d: Tensor) => k.conv2dBackward(a, b, d, g, { dW: null, db: null, needDx: true })!;
      expectClose(batched[1].conv2d(x, w, null, g).data, refKernels.conv2d(x, w, null, g).data,
        reductionTolerance('float32', 360, maxAbs(refKernels.conv2d(absTensor(x), absTensor(w), null, g).data), 'batched y'));
      expectClose(grad(batched[1], x, w, dy).data, grad(refKernels, x, w, dy).data,
        reductionTolerance('float32', 216, maxAbs(grad(refKernels, absTensor(x), absTensor(w), absTensor(dy)).data), 'batched dx'));
      // A bias (or weight) of another size than the geometry's is refused with the reference's error, not read past its end.
      const small = conv2dGeometry('test', [2, 4, 3, 3], { outChannels: 3, kernelSize: 3, padding: 1 });
      const [xs, ws, ys] = [Tensor.zeros([2, 4, 3, 3]), Tensor.zeros([3, 4, 3, 3]), Tensor.zeros([2, 3, 3, 3])];
      assert.throws(() => batched[0].conv2d(xs, ws, Tensor.zeros([4]), small), /conv2d: b has shape \[4\] \(4 values\); the geometry needs \[3\]/);
      assert.throws(() => batched[0].convTranspose2d(ys, ws, Tensor.zeros([3]), small), /convTranspose2d: b has shape \[3\].*needs \[4\]/);
      assert.throws(() => batched[0].conv2d(xs, Tensor.zeros([3, 4, 2, 2]), null, small), /conv2d: w has shape \[3, 4, 2, 2\].*needs \[3, 4, 3, 3\]/);
      // Larger than the geometry's is refused too (it was read in part, silently).
      assert.throws(() => batched[0].conv2d(Tensor.zeros([3, 4, 3, 3]), ws, null, small), /conv2d: x has shape \[3, 4, 3, 3\]/);
      assert.throws(() => batched[0].conv2dBackward(xs, ws, ys, small, { dW: Tensor.zeros([3, 4, 3, 3]), db: Tensor.zeros([5]), needDx: true }),
        /conv2dBackward: db has shape \[5\]/);
    } finally {
      [...batched, ...single].forEach((k) => k.close());
    }
  });
});

describe('wasm softmax and mean squared error', () => {
  it('mse gives the reference\'s loss and gradient bit for bit, softmax its probabilities within one ulp; views in a frame', async () => {
    const k = await createWasmKernels({ threads: 2 });
    try {
      const rng = new Rng(83);
      for (const shape of [[1], [7, 3], [64, 10], [5, 2, 3, 4]]) {
        const p = randomTensor(rng, shape, 'float32', 3), t = randomTensor(rng, shape, 'float32');
        for (const reduction of ['mean', 'sum'] as const) {
          const expected = refKernels.mse(p, t, reduction);
          const name = `mse ${shapeName(shape)} ${reduction}`;
          const got = k.frame!(() => {
            const r = k.mse(p, t, reduction);
            assert.ok(k.runtime.holds(r.grad.data as Float32Array), `${name}: the gradient is not a view of the frame`);
            return { loss: r.loss, grad: Array.from(r.grad.data) };
          });
          assert.equal(got.loss, expected.loss, name);
          assert.deepEqual(got.grad, Array.from(expected.grad.data), name);
        }
      }
      let differ = 0, floats = 0;
      for (const [N, K] of [[1, 1], [3, 10], [64, 1000], [2, 5]]) {
        const x = randomTensor(rng, [N, K], 'float32', N === 2 ? 1e4 : 4); // ±1e4: the row max keeps e^x finite
        const expected = refKernels.softmax(x);
        const got = k.frame!(() => {
          const y = k.softmax(x);
          assert.ok(k.runtime.holds(y.data as Float32Array), 'softmax: not a view of the frame');
          return Array.from(y.data);
        });
        got.forEach((v, i) => {
          const e = expected.data[i];
          if (v !== e) differ++;
          assert.ok(Math.abs(v - e) <= Math.abs(e) * 2 ** -23 + 1e-45, `softmax [${N}, ${K}] [${i}]: ${v} vs ${e}`);
        });
        floats += got.length;
      }
      assert.ok(differ <= floats / 1000, `${differ} of ${floats} probabilities differ from the reference's`);
      // Bad shapes get the reference's errors; float64 its numbers.
      assert.throws(() => k.mse(Tensor.zeros([2, 3]), Tensor.zeros([3, 2]), 'mean'), /must have the same shape/);
      assert.throws(() => k.softmax(Tensor.zeros([2, 3, 4])), /expected \[N, K\]/);
      const x64 = randomTensor(rng, [3, 4], 'float64');
      assert.deepEqual(Array.from(k.softmax(x64).data), Array.from(refKernels.softmax(x64).data));
    } finally {
      k.close();
    }
  });
});

describe('wasm broadcast product and sum to shape', () => {
  // A Graph's Mul with broadcasting (a squeeze-and-excitation gate) and its backward's sums, below
  // and past the 65,536 floats where their rows are shared between threads.
  it('mulBroadcast gives the reference\'s bits, sumToShape its float64 sums; the same bits on 1 and 2 threads, views in a frame', async () => {
    const backends = [await createWasmKernels({ threads: 1 }), await createWasmKernels({ threads: 2 })];
    try {
      const rng = new Rng(79);
      // [a, b]: the gate and its reverse, a per-channel scale, rows and columns, several broadcast dims at once, scalars, rank 1 and 5
      const pairs: number[][][] = [
        [[16, 96, 28, 28], [16, 96, 1, 1]], [[8, 40, 1, 1], [8, 40, 9, 9]], [[3, 24, 50, 50], [1, 24, 1, 1]],
        [[70_000, 2], [70_000, 1]], [[3, 70_000], [1, 70_000]], [[2, 1, 300, 7], [1, 5, 1, 7]],
        [[1, 1, 1], [4, 5, 6]], [[1], [9]], [[7], [7]], [[2, 3, 1, 4, 5], [2, 1, 6, 4, 1]], [[1, 1], [1, 1]],
        [[0, 3, 1], [1, 3, 4]], // an empty batch: a dim of 1 takes the other's 0, as in PyTorch
      ];
      for (const [aShape, bShape] of pairs) {
        const out = aShape.map((d, i) => (d === 1 ? bShape[i] : d));
        const a = randomTensor(rng, aShape, 'float32'), b = randomTensor(rng, bShape, 'float32');
        a.data[0] = -0;
        if (b.size > 1) b.data[1] = Number.NaN;
        const dy = randomTensor(rng, out, 'float32', 3);
        const name = `${shapeName(aShape)} ⊙ ${shapeName(bShape)}`;
        const expected = refKernels.mulBroadcast(a, b);
        const sumsRef = [aShape, bShape].map((s) => refKernels.sumToShape(dy, s));
        const results = backends.map((k) => {
          const plain = k.mulBroadcast(a, b);
          assert.deepEqual(plain.shape, out, name);
          assert.deepEqual(Array.from(plain.data), Array.from(expected.data), `${name}, outside a frame`);
          return k.frame!(() => {
            const y = k.mulBroadcast(a, b);
            if (y.size > 0) assert.ok(k.runtime.holds(y.data as Float32Array), `${name}: the product is not a view of the frame`);
            assert.deepEqual(Array.from(y.data), Array.from(expected.data), `${name}, in a frame`);
            const resident = new Tensor(k.runtime.resident(dy.data as Float32Array), dy.shape); // as a kernel's output
            return [aShape, bShape].map((s, i) => {
              const sum = k.sumToShape(i === 0 ? dy : resident, s);
              if (dy.size > 0) assert.ok(k.runtime.holds(sum.data as Float32Array), `${name}: the sum to ${shapeName(s)} is not a view of the frame`);
              assert.deepEqual(sum.shape, s, name);
              // Both sum in float64 and round once; only the order differs (lanes here, one by one there).
              const reduced = dy.size / sum.size;
              sum.data.forEach((v, j) => {
                const e = sumsRef[i].data[j];
                assert.ok(Math.abs(v - e) <= Math.abs(e) * 2 ** -23 + reduced * 3 * 2 ** -50, `${name}: sum to ${shapeName(s)} [${j}] ${v} vs ${e}`);
              });
              return Array.from(sum.data);
            });
          });
        });
        assert.deepEqual(results[1], results[0], `${name}: the sums differ between 1 and 2 threads`);
      }
      // float64 takes the reference; shapes that do not broadcast get its error; a stale view is refused.
      const k = backends[1];
      const a64 = randomTensor(rng, [2, 3], 'float64'), b64 = randomTensor(rng, [2, 1], 'float64');
      assert.deepEqual(Array.from(k.mulBroadcast(a64, b64).data), Array.from(refKernels.mulBroadcast(a64, b64).data));
      assert.deepEqual(Array.from(k.sumToShape(a64, [1, 3]).data), Array.from(refKernels.sumToShape(a64, [1, 3]).data));
      const stale = k.frame!(() => k.mulBroadcast(randomTensor(rng, [4, 4], 'float32'), randomTensor(rng, [4, 1], 'float32')));
      assert.throws(() => k.frame!(() => k.sumToShape(stale, [1, 4])), /finished training step/);
    } finally {
      backends.forEach((k) => k.close());
    }
  });
});

describe('wasm activations with e^x past the threaded size', () => {
  // From 32,768 floats on, SiLU, sigmoid, tanh, GELU, ELU, Mish, softplus and leaky ReLU (and their
  // derivatives) run in ranges shared with the workers; the last range has the tail.
  it('give the same bits on 1 and 2 threads, views in a frame, and the reference\'s values', async () => {
    const backends = [await createWasmKernels({ threads: 1 }), await createWasmKernels({ threads: 2 })];
    try {
      const rng = new Rng(82);
      const functions: Activation[] = [{ kind: 'silu' }, { kind: 'sigmoid' }, { kind: 'tanh' }, { kind: 'gelu' }, { kind: 'geluTanh' },
        { kind: 'elu', alpha: 0.3 }, { kind: 'mish' }, { kind: 'softplus', beta: 2, threshold: 5 }, { kind: 'leakyRelu', negativeSlope: 0.1 }];
      for (const size of [70_003, 32_768]) {
        const x = randomTensor(rng, [size], 'float32', 6);
        const dy = randomTensor(rng, [size], 'float32');
        for (const f of functions) {
          const name = `${f.kind} of ${size}`;
          const y = refKernels.activation(f, x);
          const expected = [y, refKernels.activationBackward(f, x, y, dy)];
          const results = backends.map((k) => k.frame!(() => {
            const yw = k.activation(f, x);
            const dx = k.activationBackward(f, x, yw, dy);
            for (const t of [yw, dx]) assert.ok(k.runtime.holds(t.data as Float32Array), `${name}: not a view of the frame`);
            return [Float32Array.from(yw.data), Float32Array.from(dx.data)];
          }));
          results[0].forEach((values, i) => {
            assert.deepEqual(results[1][i], values, `${name}: ${i ? 'backward' : 'forward'} differs between 1 and 2 threads`);
            expectClose(values, expected[i].data, i ? { rtol: 1e-5, atol: 1e-6, name: `${name} backward` } : elementwiseTolerance('float32', name));
          });
        }
      }
    } finally {
      backends.forEach((k) => k.close());
    }
  });
});

describe('wasm depthwise convolution', () => {
  // The direct path's order is fixed: y = b, then + w·x tap by tap in (i, j) order (padding read as
  // zeros); at stride 1 dx is gathered the same way with the flipped kernel, at other strides
  // scattered row by row and tap by tap, output channel after output channel of the group. A
  // float32 replay of that order must give its bits, so a fall back to im2col (or another order) fails.
  function replay(x: Tensor, w: Tensor, b: Tensor | null, dy: Tensor, g: ReturnType<typeof conv2dGeometry>, relu: boolean) {
    const f = Math.fround, mult = g.outC / g.C;
    const y = new Float32Array(g.N * g.outC * g.OH * g.OW), dx = new Float32Array(x.size);
    const at = (n: number, c: number, ih: number, iw: number) => (ih < 0 || ih >= g.H || iw < 0 || iw >= g.W ? -1 : ((n * g.C + c) * g.H + ih) * g.W + iw);
    for (let n = 0; n < g.N; n++) {
      for (let oc = 0; oc < g.outC; oc++) {
        const c = Math.floor(oc / mult), plane = (n * g.outC + oc) * g.OH * g.OW;
        for (let oh = 0; oh < g.OH; oh++) {
          for (let ow = 0; ow < g.OW; ow++) {
            let acc = b ? b.data[oc] : 0;
            for (let i = 0; i < g.kH; i++) {
              for (let j = 0; j < g.kW; j++) {
                const p = at(n, c, oh * g.strideH + i * g.dilationH - g.padH, ow * g.strideW + j * g.dilationW - g.padW);
                acc = f(acc + f(w.data[(oc * g.kH + i) * g.kW + j] * (p < 0 ? 0 : x.data[p])));
              }
            }
            y[plane + oh * g.OW + ow] = relu ? Math.max(acc, 0) + 0 : acc;
          }
        }
      }
      for (let c = 0; c < g.C; c++) {
        for (let oc = c * mult; oc < (c + 1) * mult; oc++) {
          if (g.strideH === 1 && g.strideW === 1) {
            // A gather: each dx entry adds its taps in reverse (i, j) order (the flipped kernel), padding as zeros.
            for (let ih = 0; ih < g.H; ih++) {
              for (let iw = 0; iw < g.W; iw++) {
                const p = at(n, c, ih, iw);
                let acc = oc === c * mult ? 0 : dx[p];
                for (let i = g.kH - 1; i >= 0; i--) {
                  for (let j = g.kW - 1; j >= 0; j--) {
                    const oh = ih + g.padH - i * g.dilationH, ow = iw + g.padW - j * g.dilationW;
                    const v = oh < 0 || oh >= g.OH || ow < 0 || ow >= g.OW ? 0 : dy.data[((n * g.outC + oc) * g.OH + oh) * g.OW + ow];
                    acc = f(acc + f(w.data[(oc * g.kH + i) * g.kW + j] * v));
                  }
                }
                dx[p] = acc;
              }
            }
            continue;
          }
          for (let oh = 0; oh < g.OH; oh++) {
            for (let i = 0; i < g.kH; i++) {
              for (let j = 0; j < g.kW; j++) {
                for (let ow = 0; ow < g.OW; ow++) {
                  const p = at(n, c, oh * g.strideH + i * g.dilationH - g.padH, ow * g.strideW + j * g.dilationW - g.padW);
                  if (p >= 0) dx[p] = f(dx[p] + f(w.data[(oc * g.kH + i) * g.kW + j] * dy.data[((n * g.outC + oc) * g.OH + oh) * g.OW + ow]));
                }
              }
            }
          }
        }
      }
    }
    return { y, dx };
  }

  it('forward (with its ReLU) and dx give the bits of a replay of their order, dW and db the reference\'s; 1 and 2 threads agree, views in a frame', async () => {
    const backends = [await createWasmKernels({ threads: 1 }), await createWasmKernels({ threads: 2 })];
    try {
      const rng = new Rng(81);
      for (const c of CONV_CASES.filter((c) => c.options.groups !== undefined && c.options.groups === c.x[1])) {
        const g = conv2dGeometry('test', c.x, c.options);
        const name = `depthwise x=${shapeName(c.x)} ${JSON.stringify(c.options)}`;
        const x = randomTensor(rng, c.x, 'float32');
        const w = randomTensor(rng, [g.outC, 1, g.kH, g.kW], 'float32');
        const b = c.hasBias ? randomTensor(rng, [g.outC], 'float32') : null;
        const dy = randomTensor(rng, [g.N, g.outC, g.OH, g.OW], 'float32');
        for (const relu of [false, true]) {
          const expected = replay(x, w, b, dy, g, relu);
          const results = backends.map((k) => k.frame!(() => {
            const y = k.conv2d(x, w, b, g, { relu });
            assert.ok(k.runtime.holds(y.data as Float32Array), `${name}: y is not a view of the frame`);
            assert.deepEqual(Array.from(y.data), Array.from(expected.y), `${name} relu=${relu}: y on ${k.runtime.threads} thread(s)`);
            const grads = { dW: Tensor.full(w.shape, 0.25, 'float32'), db: Tensor.full([g.outC], -0.5, 'float32'), needDx: true, reluOutput: relu ? y : null };
            const dx = k.conv2dBackward(x, w, dy, g, grads)!;
            const masked = relu ? Tensor.from(dy.data.map((v, i) => (y.data[i] > 0 ? v : 0)), dy.shape, 'float32') : dy;
            if (!relu) assert.deepEqual(Array.from(dx.data), Array.from(expected.dx), `${name}: dx on ${k.runtime.threads} thread(s)`);
            const ref = { dW: Tensor.full(w.shape, 0.25, 'float32'), db: Tensor.full([g.outC], -0.5, 'float32'), needDx: true };
            const dxRef = refKernels.conv2dBackward(x, w, masked, g, ref)!;
            const reduction = g.N * g.OH * g.OW;
            expectClose(dx.data, dxRef.data, reductionTolerance('float32', (g.outC / g.C) * g.kH * g.kW, maxAbs(dxRef.data) + 1, `${name} relu=${relu} dx`));
            expectClose(grads.dW.data, ref.dW.data, reductionTolerance('float32', reduction, reduction * maxAbs(x.data) * maxAbs(dy.data), `${name} relu=${relu} dW`));
            expectClose(grads.db.data, ref.db.data, reductionTolerance('float32', reduction, reduction * maxAbs(dy.data), `${name} relu=${relu} db`));
            // A frozen weight without db or dx: nothing returned, nothing written.
            assert.equal(k.conv2dBackward(x, w, dy, g, { dW: null, db: null, needDx: false }), null, name);
            return [y, dx, grads.dW, grads.db].map((t) => Array.from(t.data));
          }));
          results[1].forEach((v, i) => assert.deepEqual(v, results[0][i], `${name} relu=${relu}: output ${i} differs between 1 and 2 threads`));
        }
      }
    } finally {
      backends.forEach((k) => k.close());
    }
  });
});

describe('wasm average pooling', () => {
  // The reference's float64 window sums and shares: the same bits for every geometry, below and
  // past the size where the planes are shared between threads.
  it('forward and backward give the reference\'s bits (padding, ceil mode, count_include_pad, divisor override), views in a frame', async () => {
    const backends = [await createWasmKernels({ threads: 1 }), await createWasmKernels({ threads: 2 })];
    try {
      const rng = new Rng(80);
      const cases: [number[], Parameters<typeof pool2dGeometry>[2]][] = [
        [[2, 3, 8, 8], { kernelSize: 2 }], // DenseNet's transition
        [[4, 64, 32, 32], { kernelSize: 2 }], // past the threaded size
        [[2, 5, 9, 7], { kernelSize: 3, stride: 1, padding: 1 }], // Inception's branch pool
        [[1, 2, 5, 5], { kernelSize: 2, ceilMode: true }], // ragged last windows
        [[1, 3, 6, 6], { kernelSize: 3, stride: 2, padding: 1, ceilMode: true }],
        [[3, 2, 7, 10], { kernelSize: [3, 2], stride: [2, 3], padding: [1, 0] }],
        [[2, 40, 30, 30], { kernelSize: 5, stride: 3, padding: 2 }], // overlapping windows, threaded
        [[1, 1, 1, 1], { kernelSize: 1 }],
      ];
      for (const [shape, options] of cases) {
        const g = pool2dGeometry('test', shape, options);
        const x = randomTensor(rng, shape, 'float32', 2);
        const dy = randomTensor(rng, [g.N, g.C, g.OH, g.OW], 'float32');
        for (const [countIncludePad, divisorOverride] of [[true, undefined], [false, undefined], [true, 3]] as const) {
          const name = `${shapeName(shape)} ${JSON.stringify(options)} countIncludePad=${countIncludePad} divisor=${divisorOverride}`;
          const expected = [refKernels.avgPool2d(x, g, countIncludePad, divisorOverride), refKernels.avgPool2dBackward(dy, g, countIncludePad, divisorOverride)];
          for (const k of backends) {
            const plain = [k.avgPool2d(x, g, countIncludePad, divisorOverride), k.avgPool2dBackward(dy, g, countIncludePad, divisorOverride)];
            const framed = k.frame!(() => {
              const resident = [x, dy].map((t) => new Tensor(k.runtime.resident(t.data as Float32Array), t.shape)); // as a kernel's outputs
              const outs = [k.avgPool2d(resident[0], g, countIncludePad, divisorOverride), k.avgPool2dBackward(resident[1], g, countIncludePad, divisorOverride)];
              outs.forEach((t) => assert.ok(k.runtime.holds(t.data as Float32Array), `${name}: an output is not a view of the frame`));
              return outs.map((t) => ({ shape: t.shape, data: Array.from(t.data) }));
            });
            for (const [i, pass] of ['forward', 'backward'].entries()) {
              assert.deepEqual(plain[i].shape, expected[i].shape, `${name} ${pass}`);
              assert.deepEqual(Array.from(plain[i].data), Array.from(expected[i].data), `${name} ${pass} on ${k.runtime.threads} thread(s)`);
              assert.deepEqual(framed[i].data, Array.from(expected[i].data), `${name} ${pass} in a frame`);
            }
          }
        }
      }
      // Dilation gets the reference's error; float64 the reference's numbers.
      const dilated = pool2dGeometry('test', [1, 1, 6, 6], { kernelSize: 2, dilation: 2 });
      assert.throws(() => backends[0].avgPool2d(randomTensor(rng, [1, 1, 6, 6], 'float32'), dilated, true), /no dilation/);
      const g = pool2dGeometry('test', [1, 2, 4, 4], { kernelSize: 2 });
      const x64 = randomTensor(rng, [1, 2, 4, 4], 'float64');
      assert.deepEqual(Array.from(backends[1].avgPool2d(x64, g, true).data), Array.from(refKernels.avgPool2d(x64, g, true).data));
    } finally {
      backends.forEach((k) => k.close());
    }
  });
});

describe('wasm backend, plain SIMD128 build (no relaxed SIMD)', () => {
  for (const threads of [1, 2]) {
    it(`matches the reference on ${threads} thread${threads === 1 ? '' : 's'}`, async () => {
      const k = await createWasmKernels({ threads, relaxedSimd: false });
      try {
        assert.match(k.name, /^wasm \(simd/);
        const rng = new Rng(80 + threads);
        for (const [M, N, K] of [[13, 17, 5], [65, 130, 300], [200, 70, 129], [301, 77, 555], [77, 301, 555]]) {
          checkGemm(k, rng, M, N, K, false, false, true);
          checkGemm(k, rng, M, N, K, true, true, false);
        }
        for (const c of CONV_CASES) checkConv(k, rng, c);
      } finally {
        k.close();
      }
    });
  }
});

describe('initBackend', () => {
  after(() => setKernels(refKernels));

  it('installs the backend it was asked for', async () => {
    assert.equal(await initBackend({ backend: 'ref' }), refKernels);
    assert.equal(kernels(), refKernels);
    const k = (await initBackend({ backend: 'wasm', threads: 1 })) as WasmKernels;
    assert.match(k.name, /^wasm/);
    assert.equal(kernels(), k);
    k.close();
  });

  it('rejects bad options with a clear message', async () => {
    await assert.rejects(initBackend({ threads: 0 }), /threads must be a positive integer, got 0/);
    await assert.rejects(initBackend({ backend: 'gpu' as 'ref' }), /backend must be 'auto', 'wasm' or 'ref', got 'gpu'/);
  });
});

describe('nabla.wasm build', () => {
  it('rebuilding from assembly/*.ts reproduces the committed build byte for byte', async () => {
    const { buildWasm } = (await import('../../src/kernels/wasm/build-wasm.mjs' as string)) as {
      buildWasm(outDir: string): Promise<string[]>;
    };
    const committed = join(import.meta.dirname, '../../src/kernels/wasm/build');
    const fresh = mkdtempSync(join(tmpdir(), 'nabla-wasm-'));
    try {
      await buildWasm(fresh);
      const names = readdirSync(fresh).sort();
      assert.deepEqual(readdirSync(committed).sort(), names);
      for (const name of names) {
        assert.ok(readFileSync(join(fresh, name)).equals(readFileSync(join(committed, name))),
          `${name} differs from a fresh build: run npm run build:wasm and commit src/kernels/wasm/build`);
      }
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});

/** What the page reports: the backend it got and, per kernel, the largest |wasm − ref| and the sums' magnitude. */
interface PageResult {
  name: string;
  threads: number;
  relaxedSimd: boolean;
  checks: { kernel: string; K: number; maxDiff: number; magnitude: number }[];
  error?: string;
}

const PAGE_SOURCE = `
import { createWasmKernels } from '../../src/kernels/wasm/index.js';
import { refKernels } from '../../src/kernels/ref/index.js';
import { conv2dGeometry } from '../../src/kernels/geometry.js';
import { Rng } from '../../src/tensor/rng.js';
import { Tensor } from '../../src/tensor/tensor.js';
function random(rng, shape) {
  const t = Tensor.zeros(shape);
  for (let i = 0; i < t.size; i++) t.data[i] = rng.normal(0, 1);
  return t;
}
function abs(t) {
  return new Tensor(t.data.map(Math.abs), t.shape);
}
function maxDiff(x, y) {
  let m = 0;
  for (let i = 0; i < x.size; i++) m = Math.max(m, Math.abs(x.data[i] - y.data[i]));
  return m;
}
function maxAbs(t) {
  return t.data.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
}
async function main() {
  const k = await createWasmKernels({ threads: 2 });
  const rng = new Rng(1);
  const a = random(rng, [130, 300]), b = random(rng, [300, 200]);
  const g = conv2dGeometry('page', [8, 3, 20, 20], { outChannels: 16, kernelSize: 3, padding: 1 });
  const x = random(rng, [8, 3, 20, 20]), w = random(rng, [16, 3, 3, 3]);
  return {
    name: k.name, threads: k.runtime.threads, relaxedSimd: k.runtime.features.relaxedSimd,
    checks: [
      { kernel: 'matmul', K: 300, maxDiff: maxDiff(k.matmul(a, b), refKernels.matmul(a, b)), magnitude: maxAbs(refKernels.matmul(abs(a), abs(b))) },
      { kernel: 'conv2d', K: 27, maxDiff: maxDiff(k.conv2d(x, w, null, g), refKernels.conv2d(x, w, null, g)), magnitude: maxAbs(refKernels.conv2d(abs(x), abs(w), null, g)) },
    ],
  };
}
window.result = main().catch((error) => ({ error: String(error && error.stack || error) }));
`;

const CHROMIUM = '/usr/bin/chromium';

describe('wasm backend in a browser page (headless Chromium)', { skip: existsSync(CHROMIUM) ? false : `no ${CHROMIUM}` }, () => {
  it('runs with worker threads when cross-origin isolated and on one thread otherwise', async () => {
    const esbuild = await import('esbuild');
    const { chromium } = await import('playwright-core');
    const bundle = await esbuild.build({
      stdin: { contents: PAGE_SOURCE, resolveDir: import.meta.dirname, loader: 'ts' },
      bundle: true, format: 'esm', write: false, logLevel: 'silent',
    });
    const script = bundle.outputFiles[0].contents;
    // /isolated/ sends the COOP/COEP headers that make SharedArrayBuffer available; /plain/ does not.
    const server = createServer((request, response) => {
      const headers: Record<string, string> = request.url?.startsWith('/isolated/')
        ? { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' }
        : {};
      const isScript = request.url?.endsWith('/page.js');
      response.writeHead(200, { 'Content-Type': isScript ? 'text/javascript' : 'text/html', ...headers });
      response.end(isScript ? script : '<script type="module" src="page.js"></script>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      for (const [path, threads] of [['/isolated/', 2], ['/plain/', 1]] as const) {
        const page = await browser.newPage();
        await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`);
        await page.waitForFunction(() => (window as unknown as { result?: unknown }).result !== undefined);
        const result = (await page.evaluate(() => (window as unknown as { result: unknown }).result)) as PageResult;
        assert.equal(result.error, undefined, `${path}: ${result.error}`);
        assert.equal(result.threads, threads, `${path}: ${result.name}`);
        assert.match(result.name, new RegExp(`^wasm \\(${result.relaxedSimd ? 'relaxed' : 'simd'}`));
        for (const check of result.checks) {
          const { atol } = reductionTolerance('float32', check.K, check.magnitude, check.kernel);
          assert.ok(check.maxDiff <= atol!, `${path} ${check.kernel}: |wasm − ref| = ${check.maxDiff} > ${atol}`);
        }
        await page.close();
      }
    } finally {
      await browser.close();
      server.close();
    }
  });
});
