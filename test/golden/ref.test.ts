// SPDX-License-Identifier: MIT
// The golden PyTorch cases (test/golden/suite.ts) under the reference kernels, in float32 (the
// issue's bound) and in float64 (tight: only rounding may differ from PyTorch's float64).
import { refKernels } from '../../src/kernels/index.js';
import { runGoldenSuite } from './suite.js';

runGoldenSuite({ backend: refKernels });
runGoldenSuite({ backend: refKernels, dtype: 'float64' });
