// SPDX-License-Identifier: MIT
// The kernel test suite, written once and run per backend (ref.test.ts, wasm.test.ts): every kernel
// against independent naive definitions (naive.ts, naive-conv.ts) on seeded random shapes on both
// sides of the SIMD width, in float32 and float64, plus properties (adjointness, linearity, softmax
// invariants, finite ±1e4 losses) and errors. PyTorch's own numbers are checked in test/golden/.
import type { Kernels } from '../../src/kernels/backend.js';
import { batchNormSuite } from './suite-batch-norm.js';
import { convSuite } from './suite-conv.js';
import { convTransposeSuite } from './suite-conv-transpose.js';
import { elementwiseSuite } from './suite-elementwise.js';
import { gemmSuite } from './suite-gemm.js';
import { groupNormSuite } from './suite-group-norm.js';
import { inputsSuite } from './suite-inputs.js';
import { poolSuite } from './suite-pool.js';
import { softmaxSuite } from './suite-softmax.js';
import { adaptivePoolSuite } from './suite-adaptive-pool.js';
import { mergeSuite } from './suite-merge.js';
import { epilogueSuite } from './suite-epilogue.js';
import { optimSuite } from './suite-optim.js';
import { embeddingSuite } from './suite-embedding.js';
import { upsampleSuite } from './suite-upsample.js';

/** Registers describe/it blocks, named with k.name, that check every kernel of backend k. */
export function runKernelSuite(k: Kernels): void {
  gemmSuite(k);
  convSuite(k);
  convTransposeSuite(k);
  poolSuite(k);
  elementwiseSuite(k);
  batchNormSuite(k);
  softmaxSuite(k);
  inputsSuite(k);
  adaptivePoolSuite(k);
  mergeSuite(k);
  epilogueSuite(k);
  groupNormSuite(k);
  optimSuite(k);
  embeddingSuite(k);
  upsampleSuite(k);
}
