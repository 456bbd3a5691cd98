// SPDX-License-Identifier: MIT
// The kernel suite run against the reference backend.
import { refKernels } from '../../src/kernels/ref/index.js';
import { runKernelSuite } from './suite.js';

runKernelSuite(refKernels);
