// SPDX-License-Identifier: MIT
// The residual presets as Graph specs, named as torchvision names its modules (conv1, bn1,
// layer1.0.conv1, layer2.0.downsample.0, fc), so state dicts line up with PyTorch's:
//   resnet:    a small ResNet for 28×28 inputs: a 3×3 stem, three stages of basic blocks
//              (widths 32, 64, 128; the second and third halve H and W), global average pooling.
// Sizes the input fixes are left out (inferred when the model is built for its input shape).
import type { LayerSpec } from '../layers/layer.js';

export interface ResNetOptions {
  /** Channels of each stage (default [32, 64, 128]). */
  widths?: readonly number[];
  /** Basic blocks per stage (default 1 each). */
  blocks?: readonly number[];
  numClasses?: number;
}

/** ResNet's basic block: conv-BN-ReLU-conv-BN, plus the input (or a 1×1 conv-BN when the shape changes), ReLU. */
export function basicBlockSpec(inC: number, outC: number, stride: number): LayerSpec {
  const conv = (out: number, k: number, s: number, p: number): LayerSpec => ({ type: 'Conv2d', outChannels: out, kernelSize: k, stride: s, padding: p, bias: false });
  const nodes: LayerSpec[] = [
    { name: 'conv1', inputs: ['input'], ...conv(outC, 3, stride, 1) },
    { name: 'bn1', type: 'BatchNorm2d' },
    { name: 'relu', type: 'ReLU' },
    { name: 'conv2', ...conv(outC, 3, 1, 1) },
    { name: 'bn2', type: 'BatchNorm2d' },
  ];
  let shortcut = 'input';
  if (stride !== 1 || inC !== outC) {
    nodes.push({ name: 'downsample', inputs: ['input'], type: 'Sequential', layers: [conv(outC, 1, stride, 0), { type: 'BatchNorm2d' }] });
    shortcut = 'downsample';
  }
  nodes.push({ name: 'add', inputs: ['bn2', shortcut], type: 'Add' }, { name: 'relu2', type: 'ReLU' });
  return { type: 'Graph', nodes };
}

/** The `resnet` preset's spec for inputs of [C, H, W] (any H, W: global average pooling takes whatever size the last stage gives). */
export function resnetSpec(_inputShape: readonly [number, number, number], options: ResNetOptions = {}): LayerSpec {
  const widths = options.widths ?? [32, 64, 128];
  const blocks = options.blocks ?? widths.map(() => 1);
  const nodes: LayerSpec[] = [
    { name: 'conv1', type: 'Conv2d', outChannels: widths[0], kernelSize: 3, padding: 1, bias: false },
    { name: 'bn1', type: 'BatchNorm2d' },
    { name: 'relu', type: 'ReLU' },
  ];
  let channels = widths[0];
  widths.forEach((width, stage) => {
    const stride = stage === 0 ? 1 : 2;
    const layers = Array.from({ length: blocks[stage] }, (_, b) => basicBlockSpec(b === 0 ? channels : width, width, b === 0 ? stride : 1));
    nodes.push({ name: `layer${stage + 1}`, type: 'Sequential', layers });
    channels = width;
  });
  nodes.push(
    { name: 'avgpool', type: 'GlobalAvgPool2d' }, // torchvision's AdaptiveAvgPool2d((1, 1)): [N, C, 1, 1]
    { name: 'flatten', type: 'Flatten' },
    { name: 'fc', type: 'Linear', outFeatures: options.numClasses ?? 10 },
  );
  return { type: 'Graph', nodes };
}
