// SPDX-License-Identifier: MIT
// Model specs in the page: how the spec box shows one, and the models the playground offers next
// to the library's presets, chosen to show something in the backprop inspector rather than to score well.
import type { LayerSpec } from 'nabla';

/** One layer (or graph node) per line: easy to edit, and the same JSON the CLI reads. */
export function formatSpec(spec: LayerSpec[] | LayerSpec): string {
  if (Array.isArray(spec)) return '[\n' + spec.map((layer) => '  ' + JSON.stringify(layer)).join(',\n') + '\n]';
  const { nodes, ...rest } = spec;
  if (!Array.isArray(nodes)) return JSON.stringify(spec, null, 2);
  const head = JSON.stringify(rest).slice(0, -1);
  return `${head}${head.length > 1 ? ', ' : ''}"nodes": [\n` + nodes.map((node) => '  ' + JSON.stringify(node)).join(',\n') + '\n]}';
}

export interface Example {
  name: string;
  description: string;
  /** The spec for the data's image shape [C, H, W] and class count (as a preset is rebuilt for them). */
  spec: (imageShape: readonly number[], numClasses: number) => LayerSpec[];
}

function deepSigmoid(depth: number, width: number, imageShape: readonly number[], numClasses: number): LayerSpec[] {
  const inputs = imageShape.reduce((n, d) => n * d, 1);
  const layers: LayerSpec[] = [{ type: 'Flatten' }, { type: 'Linear', inFeatures: inputs, outFeatures: width }, { type: 'Sigmoid' }];
  for (let i = 1; i < depth; i++) layers.push({ type: 'Linear', inFeatures: width, outFeatures: width }, { type: 'Sigmoid' });
  layers.push({ type: 'Linear', inFeatures: width, outFeatures: numClasses });
  return layers;
}

export const EXAMPLES: Example[] = [
  {
    name: 'deep-sigmoid',
    // σ'(z) ≤ 1/4, so each Sigmoid layer shrinks dL/dx on the way back (try SGD, lr 0.1).
    description: 'vanishing gradients: 8 Sigmoid layers of 64 units; watch ‖∂L/∂W‖ shrink towards the input',
    spec: (imageShape, numClasses) => deepSigmoid(8, 64, imageShape, numClasses),
  },
];
