// SPDX-License-Identifier: MIT
// The reference backend: plain TypeScript loops, one file per kernel family. It defines the
// behaviour every other backend must match, and runs training when WebAssembly is unavailable.
import type { Kernels } from '../backend.js';
import { batchNormBackward, batchNormForward, batchNormStats } from './batch-norm.js';
import { addBias, addChannelSums } from './bias.js';
import { col2im, conv2d, conv2dBackward, convTranspose2d, im2col } from './conv.js';
import { activation, activationBackward, mul } from './elementwise.js';
import { embedding, embeddingBackward } from './embedding.js';
import { matmul } from './gemm.js';
import { groupNormBackward, groupNormForward } from './group-norm.js';
import { add, channelShuffle, concat, mulBroadcast, padAxis, sliceAxis, sumToShape } from './merge.js';
import { avgPool2d, avgPool2dBackward, maxPool2d, maxPool2dBackward } from './pool.js';
import { mse } from './mse.js';
import { linear, linearBackward } from './linear.js';
import { adamStep, sgdStep } from './optim.js';
import { softmax, softmaxCrossEntropy } from './softmax.js';
import { adaptiveAvgPool2d, adaptiveAvgPool2dBackward } from './adaptive-pool.js';
import { upsample2d, upsample2dBackward } from './upsample.js';

export const refKernels: Kernels = {
  name: 'ref',
  matmul,
  linear,
  linearBackward,
  addBias,
  addChannelSums,
  im2col,
  col2im,
  conv2d,
  conv2dBackward,
  convTranspose2d,
  maxPool2d,
  maxPool2dBackward,
  avgPool2d,
  avgPool2dBackward,
  activation,
  activationBackward,
  mul,
  add,
  mulBroadcast,
  sumToShape,
  concat,
  sliceAxis,
  padAxis,
  channelShuffle,
  embedding,
  embeddingBackward,
  batchNormStats,
  batchNormForward,
  batchNormBackward,
  softmax,
  softmaxCrossEntropy,
  mse,
  adaptiveAvgPool2d,
  adaptiveAvgPool2dBackward,
  upsample2d,
  upsample2dBackward,
  groupNormForward,
  groupNormBackward,
  sgdStep,
  adamStep,
};
