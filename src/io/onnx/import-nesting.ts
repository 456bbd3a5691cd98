// SPDX-License-Identifier: MIT
// The imported layers arranged as the file's modules. PyTorch names each node after its module
// ('/layer1/layer1.0/conv1/Conv'), so the nodes of one module (a residual block, a stage) become
// one child container under PyTorch's name, and every parameter's name is the state-dict key
// ('layer1.0.conv1.weight'). A module becomes a container when its nodes read one value from
// outside and give one value back, as every torchvision block does; otherwise its nodes stay in
// the parent under joined names ('layer1_0_conv1'). A container is a Sequential when its children
// are named 0, 1, 2, … in a chain (an nn.Sequential), else a Graph that keeps the names. The whole
// model is a Sequential whenever its layers form a chain with index names or none (a chain with
// a dropped Dropout renumbers the layers after it).
import { Graph } from '../../layers/graph.js';
import type { Container, Layer, Merge } from '../../layers/layer.js';
import { Sequential } from '../../layers/sequential.js';
import { layerFromSpec } from '../../layers/spec.js';
import { WeightsToLoad } from '../../tensor/rng.js';
import type { BuiltNode } from './import-builder.js';

/** A node with its full module path (unique, never a prefix of another node's path). */
interface Item {
  path: string[];
  named: boolean;
  /** The flat Nabla value it computes. */
  value: string;
  module: Layer | Merge;
  inputs: string[];
}

/** A child of the container being built: a leaf layer or a nested module. */
interface Child {
  name: string;
  named: boolean;
  module: Layer | Merge;
  inputs: string[];
  value: string;
}

/** The model of the imported nodes, nested by module path; `output` is the flat output value. */
export function buildModel(nodes: readonly BuiltNode[], output: string): Container {
  return nest(placePaths(nodes), 'input', output, 0, true);
}

/**
 * Full paths: a node's module path, with its op name added where other nodes sit below that path
 * (the Add of block 'layer1.0' becomes 'layer1.0.Add'), and '_k' where two paths are the same.
 */
function placePaths(nodes: readonly BuiltNode[]): Item[] {
  const paths = nodes.map((n) => n.path ?? [n.name]);
  const prefixes = new Set(paths.flatMap((p) => p.slice(0, -1).map((_, k) => p.slice(0, k + 1).join('.'))));
  const taken = new Set<string>();
  return nodes.map((n, i) => {
    let path = prefixes.has(paths[i].join('.')) ? [...paths[i], n.op] : paths[i];
    const base = path[path.length - 1];
    for (let k = 1; taken.has(path.join('.')) || prefixes.has(path.join('.')); k++) path = [...path.slice(0, -1), `${base}_${k}`];
    taken.add(path.join('.'));
    return { path, named: n.path !== null, value: n.name, module: n.module, inputs: n.inputs };
  });
}

/** The container of `items` (all below the same path, `depth` segments long) from `input` to `output`. */
function nest(items: Item[], input: string, output: string, depth: number, top: boolean): Container {
  const groups = new Map<string, Item[]>();
  for (const item of items) {
    const key = item.path[depth];
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const children: Child[] = [];
  const taken = new Set(['input']);
  const unique = (base: string) => {
    let name = base;
    for (let k = 1; taken.has(name); k++) name = `${base}_${k}`;
    taken.add(name);
    return name;
  };
  const boundaries = new Map<string, { input: string; output: string } | null>();
  for (const [key, group] of groups) {
    const isLeaf = group.length === 1 && group[0].path.length === depth + 1;
    boundaries.set(key, isLeaf ? null : boundary(group, items, output));
  }
  for (const item of items) {
    const key = item.path[depth];
    const group = groups.get(key)!;
    const io = boundaries.get(key);
    if (!io) {
      const module = item.path.length - depth > 1 ? flattened(item, depth) : item.module;
      children.push({ name: unique(item.path.slice(depth).join('_')), named: item.named, module, inputs: item.inputs, value: item.value });
    } else if (item === group[group.length - 1]) {
      // A module's nodes run where its last one did: every reader of its output comes after it.
      const module = nest(group, io.input, io.output, depth + 1, false);
      children.push({ name: unique(key), named: true, module, inputs: [io.input], value: io.output });
    }
  }
  return container(children, input, output, top);
}

/**
 * A layer left flat under a joined name ('denselayer1_conv1'): a conv's folded BatchNorm is named
 * as flat ('denselayer1_bn1'), so that the state-dict keys of its siblings stay distinct.
 */
function flattened(item: Item, depth: number): Layer | Merge {
  const spec = item.module.toSpec();
  if (typeof spec.foldedBatchNorm !== 'string') return item.module;
  const renamed = layerFromSpec({ ...spec, foldedBatchNorm: [...item.path.slice(depth, -1), spec.foldedBatchNorm].join('_') }, new WeightsToLoad(0), item.value);
  const source = item.module.parameters();
  renamed.parameters().forEach((p, i) => p.value.adopt(source[i].value.data)); // the layer it replaces is dropped: its arrays move over
  return renamed;
}

/** The one value `group` reads from outside and the one it gives back, or null when it has more. */
function boundary(group: Item[], items: Item[], output: string): { input: string; output: string } | null {
  const inside = new Set(group.map((g) => g.value));
  const reads = new Set(group.flatMap((g) => g.inputs).filter((v) => !inside.has(v)));
  const gives = new Set(items.filter((i) => !inside.has(i.value)).flatMap((i) => i.inputs).filter((v) => inside.has(v)));
  if (inside.has(output)) gives.add(output);
  return reads.size === 1 && gives.size === 1 ? { input: [...reads][0], output: [...gives][0] } : null;
}

function container(children: Child[], input: string, output: string, top: boolean): Container {
  const isChain = children.every((c, i) => c.inputs.length === 1 && c.inputs[0] === (i === 0 ? input : children[i - 1].value)) &&
    output === (children.length === 0 ? input : children[children.length - 1].value);
  const isIndexed = top ? children.every((c) => !c.named || /^\d+$/.test(c.name)) : children.every((c, i) => c.name === String(i));
  if (isChain && isIndexed) return new Sequential(children.map((c) => c.module as Layer));
  const local = new Map<string, string>([[input, 'input'], ...children.map((c) => [c.value, c.name] as [string, string])]);
  return new Graph({
    input: 'input',
    nodes: children.map((c) => ({ name: c.name, module: c.module, inputs: c.inputs.map((v) => local.get(v)!) })),
    output: local.get(output)!,
  });
}
