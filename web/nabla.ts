// SPDX-License-Identifier: MIT
// What the page imports as `nabla`: the public API (src/index.ts), plus the training helpers
// (presets, evaluate, predict) until src/index.ts exports them.
export * from '../src/index.js';
export * from '../src/train/presets.js';
export { evaluate, predict } from '../src/train/metrics.js';
