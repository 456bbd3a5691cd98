// SPDX-License-Identifier: MIT
// Channel shuffle: ShuffleNet's mixing of the channels of grouped (or split) branches, the
// channels seen as a [groups, C/groups] grid and read out column by column. PyTorch's
// nn.ChannelShuffle(groups); torchvision writes it as view → transpose(1, 2) → view.
import { kernels } from '../kernels/index.js';
import { checkShape, requireSaved, ShapeError } from '../tensor/shape.js';
import { formatShape, type Buffer, type Parameter, type Tensor } from '../tensor/tensor.js';
import { checkInteger } from './common.js';
import type { Layer, LayerSpec, Mode } from './layer.js';
import type { LayerDef } from './registry.js';

/**
 * ChannelShuffle: with C = G·K (G = groups), y[n, k·G + g, …] = x[n, g·K + k, …] for g < G, k < K.
 * Shapes: x [N, C, *] (rank ≥ 3) → y of the same shape.
 * Backward: the inverse permutation, dx[n, g·K + k, …] = dy[n, k·G + g, …]: the shuffle in K groups.
 * Derivation: docs/math/channel-shuffle.md
 */
export class ChannelShuffle implements Layer {
  readonly name = 'ChannelShuffle';
  readonly groups: number;
  private inputShape: readonly number[] | null = null; // all backward needs

  constructor(groups: number) {
    checkInteger('ChannelShuffle', 'groups', groups);
    this.groups = groups;
  }

  outputShape(inputShape: readonly number[]): number[] {
    if (inputShape.length < 3) {
      throw new ShapeError(`ChannelShuffle: expected input of shape [N, C, *] (rank ≥ 3), got ${formatShape(inputShape)}`);
    }
    if (inputShape[1] % this.groups !== 0) {
      throw new ShapeError(`ChannelShuffle: ${inputShape[1]} channels (input ${formatShape(inputShape)}) do not divide into ${this.groups} groups`);
    }
    return [...inputShape];
  }

  forward(x: Tensor, _mode: Mode): Tensor {
    this.outputShape(x.shape);
    this.inputShape = x.shape;
    return kernels().channelShuffle(x, this.groups);
  }

  backward(dy: Tensor): Tensor {
    const shape = requireSaved('ChannelShuffle', this.inputShape);
    checkShape('ChannelShuffle', dy, shape, 'dy');
    return kernels().channelShuffle(dy, shape[1] / this.groups); // dx = dy shuffled in K = C/G groups
  }

  parameters(): Parameter[] {
    return [];
  }

  buffers(): Buffer[] {
    return [];
  }

  toSpec(): LayerSpec {
    return { type: 'ChannelShuffle', groups: this.groups };
  }
}

export const channelShuffleDef: LayerDef<ChannelShuffle> = {
  type: 'ChannelShuffle',
  options: ['groups'],
  fromSpec: (r) => new ChannelShuffle(r.int('groups', 1)),
  /**
   * As torchvision's export: Reshape to [N, G, K, *], Transpose swapping axes 1 and 2, Reshape
   * back to [N, C, *] (0 in a Reshape shape keeps the batch). importOnnx reads the triple back.
   */
  toOnnx(e, layer, path, [x], [shape]) {
    const [C, rest] = [shape[1], shape.slice(2)];
    const G = layer.groups;
    const grid = e.node('Reshape', `${path}.Reshape`, [x, e.int64s(`${path}.grouped_shape`, [0, G, C / G, ...rest])]);
    const perm = [0, 2, 1, ...rest.map((_, i) => i + 3)];
    const transposed = e.node('Transpose', `${path}.Transpose`, [grid], { perm: { ints: perm } });
    return e.node('Reshape', `${path}.Reshape_back`, [transposed, e.int64s(`${path}.shape`, [0, C, ...rest])]);
  },
};
