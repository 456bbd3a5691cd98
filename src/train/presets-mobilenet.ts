// SPDX-License-Identifier: MIT
// The `mobilenet` preset as a Graph spec: MobileNetV2's inverted residual blocks (Sandler et al.,
// 2018) sized for 28×28 inputs, named as torchvision names MobileNetV2's modules (features.0.0,
// features.1.conv.0.0, features.2.conv.1.1, classifier.1), so state dicts line up with PyTorch's.
//   block: 1×1 expand (t·C channels) BN ReLU6, 3×3 depthwise (Conv2d groups = channels) BN ReLU6,
//          1×1 project BN (linear: no activation), plus the input when stride is 1 and the
//          channels stay the same. With t = 1 the expansion is left out, as torchvision does.
// Sizes the input fixes are left out (inferred when the model is built for its input shape).
import type { LayerSpec } from '../layers/layer.js';

/** One stage of blocks: expansion t, output channels c, n blocks, the first with stride s (MobileNetV2's table). */
export type InvertedResidualSetting = readonly [t: number, c: number, n: number, s: number];

export interface MobileNetOptions {
  /** Stages (default: 16 channels at t=1, then 24 and 32 halving H, W, then 64, all t=4). */
  settings?: readonly InvertedResidualSetting[];
  /** Channels of the 3×3 stem (default 16; stride 1, a 28×28 image is small already). */
  stemChannels?: number;
  /** Channels of the last 1×1 conv before pooling (default 128). */
  lastChannels?: number;
  /** Dropout before the classifier (default 0.2, as torchvision). */
  dropout?: number;
  numClasses?: number;
}

/** 28×28 → 28 (stem, stage 1), 14, 7, 7. */
export const MOBILENET_SETTINGS_28: readonly InvertedResidualSetting[] = [
  [1, 16, 1, 1],
  [4, 24, 2, 2],
  [4, 32, 2, 2],
  [4, 64, 2, 1],
];

/** Conv (bias false, BN follows), BN, ReLU6: torchvision's Conv2dNormActivation, children 0, 1, 2. */
function convBnRelu6(outC: number, kernelSize: number, stride: number, groups = 1): LayerSpec {
  const conv: LayerSpec = { type: 'Conv2d', outChannels: outC, kernelSize, stride, padding: (kernelSize - 1) / 2, bias: false };
  if (groups !== 1) conv.groups = groups;
  return { type: 'Sequential', layers: [conv, { type: 'BatchNorm2d' }, { type: 'ReLU6' }] };
}

/** MobileNetV2's inverted residual block from inC to outC channels: a Graph whose 'conv' node is torchvision's `conv`. */
export function invertedResidualSpec(inC: number, outC: number, stride: number, expandRatio: number): LayerSpec {
  const hidden = inC * expandRatio;
  const layers: LayerSpec[] = [];
  if (expandRatio !== 1) layers.push(convBnRelu6(hidden, 1, 1)); // 1×1 expand
  layers.push(
    convBnRelu6(hidden, 3, stride, hidden), // 3×3 depthwise
    { type: 'Conv2d', outChannels: outC, kernelSize: 1, bias: false }, // 1×1 project, linear
    { type: 'BatchNorm2d' },
  );
  const nodes: LayerSpec[] = [{ name: 'conv', inputs: ['input'], type: 'Sequential', layers }];
  if (stride === 1 && inC === outC) nodes.push({ name: 'add', inputs: ['input', 'conv'], type: 'Add' });
  return { type: 'Graph', nodes };
}

/** The `mobilenet` preset's spec (any H, W: global average pooling takes whatever size the last stage gives). */
export function mobilenetSpec(options: MobileNetOptions = {}): LayerSpec {
  const stem = options.stemChannels ?? 16;
  const last = options.lastChannels ?? 128;
  const features: LayerSpec[] = [convBnRelu6(stem, 3, 1)];
  let channels = stem;
  for (const [t, c, n, s] of options.settings ?? MOBILENET_SETTINGS_28) {
    for (let i = 0; i < n; i++) {
      features.push(invertedResidualSpec(channels, c, i === 0 ? s : 1, t));
      channels = c;
    }
  }
  features.push(convBnRelu6(last, 1, 1));
  return {
    type: 'Graph',
    nodes: [
      { name: 'features', type: 'Sequential', layers: features },
      { name: 'avgpool', type: 'GlobalAvgPool2d' }, // torchvision: adaptive_avg_pool2d(x, (1, 1))
      { name: 'flatten', type: 'Flatten' },
      { name: 'classifier', type: 'Sequential', layers: [{ type: 'Dropout', p: options.dropout ?? 0.2 }, { type: 'Linear', outFeatures: options.numClasses ?? 10 }] },
    ],
  };
}
