// SPDX-License-Identifier: MIT
// The golden PyTorch cases (test/golden/suite.ts) under the reference kernels.
import { refKernels } from '../../src/kernels/index.js';
import { runGoldenSuite } from './suite.js';

runGoldenSuite({ backend: refKernels });
