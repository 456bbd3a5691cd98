// SPDX-License-Identifier: MIT
// The JSON form of a Graph and of Residual, and their registry entries:
//   {"type": "Graph", "input": "x", "output": "relu2", "nodes": [
//     {"name": "conv1", "inputs": ["x"], "type": "Conv2d", "outChannels": 64, "kernelSize": 3},
//     {"name": "add", "inputs": ["bn2", "x"], "type": "Add"}, …]}
// `inputs` defaults to the node listed before (the input for the first), `input` to 'input',
// `output` to the last node. Nodes may be listed in any order; unknown names, cycles, nodes that
// do not lead to the output and shapes that do not fit are errors naming the node.
import { apply, checkNodeName, Graph, input, type GraphNodeEntry } from './graph.js';
import { isMerge, type Layer, type LayerSpec, type Merge } from './layer.js';
import { Add } from './merge.js';
import type { BuildContext, LayerDef } from './registry.js';
import type { SpecReader } from './spec-reader.js';
import { withContext } from './container.js';
import { preview } from './preview.js';

interface NodeSpec {
  name: string;
  inputs: string[];
  layer: LayerSpec;
}

/** Reads the node list: names, inputs, layer specs; every error names the node. */
function readNodes(r: SpecReader, inputName: string): NodeSpec[] {
  const raw = r.spec.nodes;
  if (!Array.isArray(raw)) r.fail(`'nodes' must be an array of node specs like {"name": "conv1", "inputs": ["input"], "type": "Conv2d", ...}`);
  const names = new Set<string>([inputName]);
  return (raw as unknown[]).map((item, i) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) r.fail(`node ${i} must be an object, got ${preview(item)}`);
    const { name, inputs, ...layer } = item as Record<string, unknown>;
    try {
      checkNodeName(name);
    } catch {
      r.fail(`node ${i} needs a 'name': a non-empty string without '.' or '/', got ${preview(name)}`);
    }
    if (names.has(name)) r.fail(name === inputName ? `node ${i} is named '${name}', the graph's input name` : `two nodes are named '${name}'`);
    names.add(name);
    let list: string[];
    if (inputs === undefined) list = [i === 0 ? inputName : String((raw[i - 1] as { name?: unknown }).name)];
    else if (Array.isArray(inputs) && inputs.length > 0 && inputs.every((x) => typeof x === 'string')) list = inputs as string[];
    else r.fail(`node '${name}': 'inputs' must be a non-empty list of node names, got ${preview(inputs)}`);
    return { name, inputs: list, layer: layer as LayerSpec };
  });
}

/** The nodes in a topological order (listed order where free); throws on unknown names and cycles. */
function sortNodes(r: SpecReader, nodes: NodeSpec[], inputName: string): NodeSpec[] {
  const byName = new Map(nodes.map((n) => [n.name, n]));
  for (const node of nodes) {
    for (const name of node.inputs) {
      if (name !== inputName && !byName.has(name)) {
        r.fail(`node '${node.name}' reads '${name}', which is neither the input '${inputName}' nor a node (nodes: ${nodes.map((n) => n.name).join(', ')})`);
      }
    }
  }
  const done = new Set<string>([inputName]);
  const order: NodeSpec[] = [];
  while (order.length < nodes.length) {
    const ready = nodes.find((n) => !done.has(n.name) && n.inputs.every((x) => done.has(x)));
    if (!ready) r.fail(`nodes form a cycle: ${findCycle(nodes, done).join(' → ')}`);
    done.add(ready.name);
    order.push(ready);
  }
  return order;
}

/** A cycle among the nodes not yet placed, as a list of names ending where it starts. */
function findCycle(nodes: NodeSpec[], done: Set<string>): string[] {
  const byName = new Map(nodes.map((n) => [n.name, n]));
  let node = nodes.find((n) => !done.has(n.name))!;
  const path: string[] = [];
  while (!path.includes(node.name)) {
    path.push(node.name);
    node = byName.get(node.inputs.find((x) => !done.has(x))!)!;
  }
  return [...path.slice(path.indexOf(node.name)), node.name];
}

/** Throws unless every node leads to the output (a dangling node is almost always a typo). */
function checkAllUsed(r: SpecReader, nodes: NodeSpec[], outputName: string): void {
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const used = new Set<string>();
  const stack = [outputName];
  while (stack.length > 0) {
    const name = stack.pop()!;
    if (used.has(name)) continue;
    used.add(name);
    stack.push(...(byName.get(name)?.inputs ?? []));
  }
  const unused = nodes.filter((n) => !used.has(n.name)).map((n) => n.name);
  if (unused.length > 0) r.fail(`node${unused.length > 1 ? 's' : ''} ${unused.map((n) => `'${n}'`).join(', ')} ${unused.length > 1 ? 'do' : 'does'} not lead to the output '${outputName}'`);
}

function buildGraph(r: SpecReader, ctx: BuildContext): Graph {
  const inputName = r.string('input') ?? 'input';
  checkNodeName(inputName);
  const listed = readNodes(r, inputName);
  const outputName = r.string('output') ?? listed.at(-1)?.name ?? inputName;
  if (outputName !== inputName && !listed.some((n) => n.name === outputName)) r.fail(`the output '${outputName}' is not a node`);
  const sorted = sortNodes(r, listed, inputName);
  checkAllUsed(r, listed, outputName);
  const shapes = new Map<string, readonly number[] | null>([[inputName, ctx.inputShapes[0] ?? null]]);
  const prefix = ctx.path === '' ? '' : `${ctx.path}.`;
  const entries: GraphNodeEntry[] = sorted.map((node) => {
    const inputShapes = node.inputs.map((x) => shapes.get(x) ?? null);
    const module = ctx.build(node.layer, `${prefix}${node.name}`, inputShapes) as Layer | Merge;
    const where = `model spec: node '${prefix}${node.name}' (${module.name})`;
    if (!isMerge(module) && node.inputs.length !== 1) {
      throw new Error(`${where}: takes one input, got ${node.inputs.length} (${node.inputs.join(', ')}); merge with Add, Concat or Mul`);
    }
    let shape: readonly number[] | null = null;
    if (inputShapes.every((s) => s !== null)) {
      const known = inputShapes as (readonly number[])[];
      shape = withContext(where, () => (isMerge(module) ? module.outputShape(known) : module.outputShape(known[0])));
    }
    shapes.set(node.name, shape);
    return { name: node.name, module, inputs: node.inputs };
  });
  return new Graph({ input: inputName, nodes: entries, output: outputName });
}

export const graphDef: LayerDef<Graph> = {
  type: 'Graph',
  options: ['input', 'nodes', 'output'],
  fromSpec: buildGraph,
};

/**
 * Residual: y = body(x) + shortcut(x) (shortcut = the identity when absent), the sum of ResNet's
 * blocks. A Graph of three nodes, 'body', 'shortcut' (when given) and 'add', so its tensors are
 * named 'body.…' and 'shortcut.…'.
 * Derivation: docs/math/graph.md
 */
export class Residual extends Graph {
  override readonly name = 'Residual';

  constructor(
    readonly body: Layer,
    readonly shortcut: Layer | null = null,
  ) {
    const x = input();
    const main = x.then(body, 'body');
    const side = shortcut ? x.then(shortcut, 'shortcut') : x;
    super(x, apply(new Add(), [main, side], 'add'));
  }

  override toSpec(): LayerSpec {
    const spec: LayerSpec = { type: 'Residual', body: this.body.toSpec() };
    if (this.shortcut) spec.shortcut = this.shortcut.toSpec();
    return spec;
  }
}

export const residualDef: LayerDef<Residual> = {
  type: 'Residual',
  options: ['body', 'shortcut'],
  fromSpec(r, ctx) {
    if (!r.has('body')) r.fail(`missing 'body' (a layer spec, e.g. a Sequential)`);
    const prefix = ctx.path === '' ? '' : `${ctx.path}.`;
    const body = ctx.build(r.spec.body, `${prefix}body`, ctx.inputShapes) as Layer;
    const shortcut = r.has('shortcut') ? (ctx.build(r.spec.shortcut, `${prefix}shortcut`, ctx.inputShapes) as Layer) : null;
    if (isMerge(body) || (shortcut && isMerge(shortcut))) r.fail('body and shortcut must be one-input layers');
    return new Residual(body, shortcut);
  },
};
