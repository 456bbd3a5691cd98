// SPDX-License-Identifier: MIT
// Global average pooling: the mean of each channel's plane, the head of ResNet and MobileNet.
import { kernels } from '../kernels/index.js';
import { checkShape, requireSaved } from '../tensor/shape.js';
import type { Buffer, Parameter, Tensor } from '../tensor/tensor.js';
import type { Layer, LayerSpec, Mode } from './layer.js';
import { checkImage } from './pool-common.js';
import type { LayerDef } from './registry.js';

/**
 * GlobalAvgPool2d: y[n, c, 0, 0] = (1/(H·W)) Σ_{h, w} x[n, c, h, w], which is AdaptiveAvgPool2d(1)
 * (PyTorch has no class of this name; torchvision writes nn.AdaptiveAvgPool2d(1)).
 * Shapes: x [N, C, H, W] → y [N, C, 1, 1]: kept 4-D, not flattened, so a Flatten follows as in
 * torchvision, a Mul can gate [N, C, H, W] with it (squeeze-and-excitation), and it exports as
 * ONNX's GlobalAveragePool, which keeps the 1×1 too.
 * Backward: dx[n, c, h, w] = dy[n, c, 0, 0] / (H·W).
 * Derivation: docs/math/pooling.md#adaptive-average-pooling
 */
export class GlobalAvgPool2d implements Layer {
  readonly name = 'GlobalAvgPool2d';
  private inputShape: readonly number[] | null = null; // all backward needs

  outputShape(inputShape: readonly number[]): number[] {
    checkImage('GlobalAvgPool2d', inputShape);
    return [inputShape[0], inputShape[1], 1, 1];
  }

  forward(x: Tensor, _mode: Mode): Tensor {
    this.outputShape(x.shape);
    this.inputShape = x.shape;
    return kernels().adaptiveAvgPool2d(x, 1, 1);
  }

  readonly backwardReadsInput = false; // the input's shape only (see Module)
  readonly backwardReadsOutput = false;

  backward(dy: Tensor): Tensor {
    const shape = requireSaved('GlobalAvgPool2d', this.inputShape);
    checkShape('GlobalAvgPool2d', dy, this.outputShape(shape), 'dy');
    return kernels().adaptiveAvgPool2dBackward(dy, shape); // dx = dy / (H·W)
  }

  parameters(): Parameter[] {
    return [];
  }

  buffers(): Buffer[] {
    return [];
  }

  toSpec(): LayerSpec {
    return { type: 'GlobalAvgPool2d' };
  }
}

export const globalAvgPool2dDef: LayerDef<GlobalAvgPool2d> = {
  type: 'GlobalAvgPool2d',
  options: [],
  fromSpec: () => new GlobalAvgPool2d(),
  toOnnx: (e, _layer, path, [x]) => e.node('GlobalAveragePool', `${path}.GlobalAveragePool`, [x]),
};
