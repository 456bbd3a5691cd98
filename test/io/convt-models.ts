// SPDX-License-Identifier: MIT
// Models of the convt layers for the export and PyTorch round-trip tests: a decoder with every
// ConvTranspose2d option (stride with outputPadding, groups, dilation with outputPadding ≥ stride,
// rectangular kernels, no bias), and a decoder of Upsamples (every mode, a factor, a size).
import { Conv2d } from '../../src/layers/conv2d.js';
import { ConvTranspose2d } from '../../src/layers/conv-transpose2d.js';
import { ReLU } from '../../src/layers/activations.js';
import { Sequential } from '../../src/layers/sequential.js';
import { Upsample } from '../../src/layers/upsample.js';
import { Rng } from '../../src/tensor/rng.js';

export function decoderEveryConvTranspose(): { model: Sequential; inputShape: number[] } {
  const rng = new Rng(23);
  const model = new Sequential([
    new Conv2d(2, 4, 3, { rng, padding: 1 }),
    new ConvTranspose2d(4, 6, 3, { rng, stride: 2, padding: 1, outputPadding: 1, groups: 2 }), // 5×4 → 10×8
    new ReLU(),
    new ConvTranspose2d(6, 3, [2, 3], { rng, stride: [1, 2], padding: [0, 1], dilation: [3, 1], outputPadding: [2, 0] }), // → 14×15
    new ConvTranspose2d(3, 2, 1, { rng, bias: false }),
  ]);
  return { model, inputShape: [2, 2, 5, 4] };
}

/** Convs between Upsamples: bilinear ×2, nearest to a size, bilinear with alignCorners by [1.5, 2], nearest ×[2, 1]. */
export function decoderUpsample(): { model: Sequential; inputShape: number[] } {
  const rng = new Rng(29);
  const model = new Sequential([
    new Conv2d(2, 3, 3, { rng, padding: 1 }),
    new Upsample({ scaleFactor: 2, mode: 'bilinear' }), // 3×4 → 6×8
    new ReLU(),
    new Conv2d(3, 3, 3, { rng, padding: 1 }),
    new Upsample({ size: [9, 11] }),
    new Upsample({ scaleFactor: [1.5, 2], mode: 'bilinear', alignCorners: true }), // → 13×22
    new Conv2d(3, 2, 1, { rng }),
    new Upsample({ scaleFactor: [2, 1] }),
  ]);
  return { model, inputShape: [2, 2, 3, 4] };
}
