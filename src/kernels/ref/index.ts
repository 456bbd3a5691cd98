// SPDX-License-Identifier: MIT
// The reference backend: plain TypeScript loops, one file per kernel family. It defines the
// behaviour every other backend must match, and runs training when WebAssembly is unavailable.
import type { Kernels } from '../backend.js';
import { addBias, addChannelSums } from './bias.js';
import { activation, activationBackward, mul } from './elementwise.js';
import { matmul } from './gemm.js';
import { mse, softmax, softmaxCrossEntropy } from './softmax.js';

function notYet(kernel: string): never {
  throw new Error(`ref backend: ${kernel} is being written (see src/kernels/ref/)`);
}

export const refKernels: Kernels = {
  name: 'ref',
  matmul,
  addBias,
  addChannelSums,
  im2col: () => notYet('im2col'),
  col2im: () => notYet('col2im'),
  conv2d: () => notYet('conv2d'),
  conv2dBackward: () => notYet('conv2dBackward'),
  maxPool2d: () => notYet('maxPool2d'),
  maxPool2dBackward: () => notYet('maxPool2dBackward'),
  avgPool2d: () => notYet('avgPool2d'),
  avgPool2dBackward: () => notYet('avgPool2dBackward'),
  activation,
  activationBackward,
  mul,
  batchNormStats: () => notYet('batchNormStats'),
  batchNormForward: () => notYet('batchNormForward'),
  batchNormBackward: () => notYet('batchNormBackward'),
  softmax,
  softmaxCrossEntropy,
  mse,
};
