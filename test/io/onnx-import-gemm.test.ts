// SPDX-License-Identifier: MIT
// importOnnx of Gemm with transA = 1 and of Gemm with the model's value as B, each against ONNX
// Runtime on the same hand-built file: Transpose(x) → Gemm(transA = 1) is a Linear on x; Gemm(A, x,
// transB = 1) → Transpose is a Linear whose weight is op(A)ᵀ (transA folded into it), with C as
// [out, 1] or one value, α and β. The refusals name the node: transA = 1 on the model's value as it
// is, a constant A without the Transpose after it or with transB = 0, a C that does not fit.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readOnnx } from '../../src/io/onnx/import.js';
import { attr } from '../../src/io/onnx/proto.js';
import { build, importMatchesOrt, node, weight } from './onnx-hand-built.js';

const transpose = (from: string, to: string) => node('Transpose', [from], [to], [attr.ints('perm', [1, 0])], `t_${to}`);

describe('importOnnx of Gemm with transA = 1 or the model\'s value as B, against ONNX Runtime', () => {
  it('Transpose(x) → Gemm(transA = 1, B, C): a Linear on x (transB 0 and 1, α, β)', async () => {
    for (const transB of [0, 1]) {
      const bytes = build([
        transpose('x', 'xt'),
        node('Gemm', ['xt', 'B', 'C'], ['y'], [attr.int('transA', 1), attr.int('transB', transB), attr.float('alpha', 0.5), attr.float('beta', 2)], 'fc'),
      ], [3, 5], [weight('B', transB ? [4, 5] : [5, 4], 1), weight('C', [4], 2)]);
      const specs = await importMatchesOrt(bytes, [3, 5], `transA = 1, transB = ${transB}`, false);
      assert.deepEqual(specs, [{ type: 'Linear', inFeatures: 5, outFeatures: 4 }]);
    }
  });

  it('Gemm(A, x, transB = 1) → Transpose: a Linear with weight op(A)ᵀ; C as [out, 1] or one value', async () => {
    for (const transA of [0, 1]) {
      for (const C of [weight('C', [4, 1], 3), weight('C', [1], 4)]) {
        const bytes = build([
          node('Gemm', ['A', 'x', 'C'], ['yt'], [attr.int('transA', transA), attr.int('transB', 1), attr.float('alpha', 1.5)], 'fc'),
          transpose('yt', 'y'),
        ], [3, 5], [weight('A', transA ? [5, 4] : [4, 5], 5), C]);
        const specs = await importMatchesOrt(bytes, [3, 5], `A constant, transA = ${transA}, C [${C.dims}]`, false);
        assert.deepEqual(specs, [{ type: 'Linear', inFeatures: 5, outFeatures: 4 }]);
      }
    }
  });
});

describe('importOnnx refuses the Gemms that are no Linear on the batch, naming the node', () => {
  const cases: [string, Uint8Array, RegExp][] = [
    ['transA = 1 on the model\'s value', build([node('Gemm', ['x', 'B'], ['y'], [attr.int('transA', 1)], 'fc')], [5, 3], [weight('B', [5, 4], 1)]),
      /node 'fc' \(Gemm\): attribute transA = 1 would make the model's input \[features, batch\]/],
    ['a constant A without a Transpose after it', build([node('Gemm', ['A', 'x'], ['y'], [attr.int('transB', 1)], 'fc')], [3, 5], [weight('A', [4, 5], 1)]),
      /node 'fc' \(Gemm\): input B is the model's value and A a constant; only supported with transB = 1 and a Transpose after it/],
    ['a constant A with transB = 0 (a sum over the batch)', build([node('Gemm', ['A', 'x'], ['yt'], [], 'fc'), transpose('yt', 'y')], [3, 5], [weight('A', [4, 3], 1)]),
      /node 'fc' \(Gemm\): input B is the model's value/],
    ['C of [out] added to [out, N]', build([node('Gemm', ['A', 'x', 'C'], ['yt'], [attr.int('transB', 1)], 'fc'), transpose('yt', 'y')], [3, 5], [weight('A', [4, 5], 1), weight('C', [4], 2)]),
      /node 'fc' \(Gemm\): C has dims \[4\]; with the model's value as B only \[4, 1\] or one value is supported/],
  ];
  for (const [what, bytes, message] of cases) it(what, () => assert.throws(() => readOnnx(bytes), message));
});
