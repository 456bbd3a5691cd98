// SPDX-License-Identifier: MIT
// A small U-Net (encoder, a decoder going up by ConvTranspose2d or by bilinear Upsample + 3×3 conv,
// skip Concats; a Graph written as a JSON spec with every channel count after the first inferred) and a synthetic segmentation task made from the
// embedded MNIST digits: each pixel is background (0), a stroke of a digit 0–4 (1) or a stroke of
// a digit 5–9 (2). Telling strokes apart needs the whole digit, so the decoder must use what the
// encoder saw; "all background" scores about 81% pixel accuracy, thresholding alone about 90%.
// Used by examples/unet/train.ts (the runnable example) and test/train/unet.test.ts.
import { ImageDataset } from '../../src/data/dataset.js';
import type { LayerSpec } from '../../src/layers/layer.js';

/** Raw intensity (0..1) above which a pixel counts as stroke. */
export const STROKE_THRESHOLD = 0.5;

/** How the decoder doubles the resolution: a learnt 2×2 stride-2 transposed conv, or bilinear ×2 then a 3×3 conv (resize-convolution). */
export type UpStep = 'transposed' | 'bilinear';

/** The U-Net spec for [1, 28, 28] inputs, `width` channels at full resolution, `classes` logits per pixel. */
export function unetSpec(width = 8, classes = 3, upStep: UpStep = 'transposed'): LayerSpec {
  const conv = (name: string, outChannels: number, inputs?: string[]): LayerSpec => ({
    name,
    ...(inputs ? { inputs } : {}),
    type: 'Sequential',
    layers: [{ type: 'Conv2d', outChannels, kernelSize: 3, padding: 1 }, { type: 'BatchNorm2d' }, { type: 'ReLU' }],
  });
  const up = (name: string, outChannels: number): LayerSpec => (upStep === 'transposed'
    ? { name, type: 'ConvTranspose2d', outChannels, kernelSize: 2, stride: 2 }
    : { name, type: 'Sequential', layers: [{ type: 'Upsample', scaleFactor: 2, mode: 'bilinear' }, { type: 'Conv2d', outChannels, kernelSize: 3, padding: 1 }] });
  return {
    type: 'Graph',
    nodes: [
      conv('enc1', width), // [w, 28, 28]
      { name: 'pool1', type: 'MaxPool2d', kernelSize: 2 },
      conv('enc2', 2 * width), // [2w, 14, 14]
      { name: 'pool2', type: 'MaxPool2d', kernelSize: 2 },
      conv('bottom', 4 * width), // [4w, 7, 7]
      up('up2', 2 * width), // [2w, 14, 14]
      { name: 'cat2', inputs: ['up2', 'enc2'], type: 'Concat' },
      conv('dec2', 2 * width),
      up('up1', width), // [w, 28, 28]
      { name: 'cat1', inputs: ['up1', 'enc1'], type: 'Concat' },
      conv('dec1', width),
      { name: 'head', type: 'Conv2d', outChannels: classes, kernelSize: 1 }, // [classes, 28, 28]
    ],
  };
}

/** The segmentation dataset of a digit dataset: same images, label maps [28, 28] with 3 classes. */
export function digitSegmentation(digits: ImageDataset, name = `${digits.name} segmentation`): ImageDataset {
  const [, H, W] = digits.imageShape;
  const labels = new Int32Array(digits.length * H * W);
  for (let n = 0; n < digits.length; n++) {
    const strokeClass = digits.labels[n] < 5 ? 1 : 2;
    for (let p = 0; p < H * W; p++) {
      const raw = digits.images[n * H * W + p] * digits.std + digits.mean; // undo the normalisation
      labels[n * H * W + p] = raw > STROKE_THRESHOLD ? strokeClass : 0;
    }
  }
  return new ImageDataset({
    name, images: digits.images, labels, imageShape: digits.imageShape, numClasses: 3, labelShape: [H, W],
    classNames: ['background', 'digit 0–4', 'digit 5–9'], mean: digits.mean, std: digits.std,
  });
}

/** Fraction of background pixels: the pixel accuracy of predicting background everywhere. */
export function backgroundFraction(data: ImageDataset): number {
  let background = 0;
  for (const y of data.labels) if (y === 0) background++;
  return background / data.labels.length;
}
