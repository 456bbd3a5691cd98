// SPDX-License-Identifier: MIT
// Graph: a model whose layers form a DAG of named nodes (ResNet's shortcuts, DenseNet's and
// U-Net's concatenations, squeeze-and-excitation gates), itself a Layer with one input and one
// output, so it nests in a Sequential and trains, saves and exports like one. Written in code with
// symbolic nodes (input(), node.then(layer, name), apply(merge, [a, b], name)), or read from a
// JSON spec (graph-spec.ts).
import { kernels } from '../kernels/index.js';
import type { Buffer, Parameter, Tensor } from '../tensor/tensor.js';
import { checkDistinct, ChildTensors, withContext } from './container.js';
import { asMergeReLUEpilogue, asReLUEpilogue, fusedReLUOutput, fusesWithReLU } from './fusion.js';
import { hasReLUBackwardFusion, isMerge, type BackwardOptions, type Child, type Container, type Layer, type LayerSpec, type Merge, type Mode, type TraceEntry } from './layer.js';
import { summarize, type ModelSummary } from './summary.js';
import { preview } from './preview.js';

let nextId = 0;

/** A symbolic value while a graph is written: the graph's input, or a layer applied to nodes. */
export class GraphNode {
  /** Creation order: a node is always created after its inputs, so this is a topological order. */
  readonly id = nextId++;

  constructor(
    /** The layer that computes it; null for the graph's input. */
    readonly module: Layer | Merge | null,
    readonly inputs: readonly GraphNode[],
    /** Its name in the graph (and the prefix of its tensors' names); given or derived from the type. */
    readonly name: string | undefined,
  ) {}

  /** This node fed through a one-input layer: `x.then(new ReLU(), 'relu')`. */
  then(layer: Layer, name?: string): GraphNode {
    return apply(layer, [this], name);
  }
}

/** The graph's input (its name is how nodes and specs refer to it; default 'input'). */
export function input(name = 'input'): GraphNode {
  return new GraphNode(null, [], name);
}

/** A layer applied to nodes: one input for a Layer, several for a Merge (Add, Concat, Mul). */
export function apply(module: Layer | Merge, inputs: GraphNode | readonly GraphNode[], name?: string): GraphNode {
  const list = inputs instanceof GraphNode ? [inputs] : [...inputs];
  if (!module || typeof module.forward !== 'function') throw new Error(`apply: expected a layer, got ${String(module)}`);
  if (list.length === 0 || list.some((x) => !(x instanceof GraphNode))) {
    throw new Error(`apply: ${module.name}${name ? ` '${name}'` : ''} needs graph nodes as inputs`);
  }
  if (!isMerge(module) && list.length !== 1) {
    throw new Error(`apply: ${module.name}${name ? ` '${name}'` : ''} takes one input, got ${list.length} (merge with Add, Concat or Mul)`);
  }
  return new GraphNode(module, list, name);
}

/** A graph as data: its input's name, its nodes in topological order, the node it returns. */
export interface GraphDefinition {
  readonly input: string;
  readonly nodes: readonly GraphNodeEntry[];
  readonly output: string;
}

/** One node of a built graph. */
export interface GraphNodeEntry {
  readonly name: string;
  readonly module: Layer | Merge;
  /** Sibling node names or the graph's input name. */
  readonly inputs: readonly string[];
}

/**
 * Graph: nodes run in topological order, each on the values its inputs named.
 * Backward runs them in reverse; where a value fed several nodes, its gradient is the sum of what
 * they return, ∂L/∂v = Σ_consumers c ∂L/∂c·∂c/∂v (docs/math/graph.md). A node backpropagates only
 * when a trainable parameter lies at or upstream of it, and asks for dx only from inputs that lead
 * back to one (or to the graph's input when the caller wants dL/dx): the graph form of needInputGrad.
 * Tensor names are `${node}.${local}` (`conv1.weight`, `layer1.0.bn1.runningMean`).
 * A node whose only reader is a ReLU right after it (not the output) runs with it as one pass, as
 * in Sequential: forward in its output pass (Conv2d, Linear, BatchNorm), backward with the ReLU's
 * mask in its own kernel call; the same numbers as running them apart.
 */
export class Graph implements Container {
  readonly name: string = 'Graph';
  readonly inputName: string;
  readonly outputName: string;
  readonly nodes: readonly GraphNodeEntry[];
  /** For each node, the index of each input (−1: the graph's input). */
  private readonly sources: readonly (readonly number[])[];
  private readonly named: readonly Child[];
  private readonly tensors: ChildTensors;
  /** Per needInputGrad and set of trainable nodes, whether each node's output leads back to something needing a gradient. */
  private readonly wantsGrad = new Map<string, boolean[]>();
  /** Whether node i's only reader is node i + 1 (and it is not the output): the pair may run as one pass. */
  private readonly soleReaderIsNext: readonly boolean[];
  /** The last training forward's input and node values, for backward to release (Kernels.release) as it goes. */
  private trained: { x: Tensor; values: Tensor[]; freed: boolean[] } | null = null;
  /**
   * For each node, the values no backward will read once it has run forward: it is their last
   * reader, every reader's backward skips its input's numbers and the maker's skips its output's
   * (Module.backwardReadsInput/Output; never the graph's input or output).
   */
  private readonly deadAfterForward: readonly (readonly number[])[];

  /**
   * The graph from `inputNode` to `output` (every node `output` depends on, in creation order), or
   * from named nodes already in topological order: each reads only the input and earlier nodes
   * (graph-spec.ts sorts and checks a spec's nodes first).
   */
  constructor(inputNode: GraphNode, output: GraphNode);
  constructor(definition: GraphDefinition);
  constructor(first: GraphNode | GraphDefinition, output?: GraphNode) {
    const { input: inputName, nodes, output: outputName } = first instanceof GraphNode ? collect(first, output) : first;
    const index = new Map<string, number>([[inputName, -1]]);
    this.sources = nodes.map((node, i) => {
      if (index.has(node.name)) throw new Error(`Graph: two nodes are named '${node.name}'`);
      const from = node.inputs.map((name) => {
        const j = index.get(name);
        if (j === undefined) throw new Error(`Graph: node '${node.name}' reads '${name}', which is not the input or an earlier node`);
        return j;
      });
      index.set(node.name, i);
      return from;
    });
    if (!index.has(outputName)) throw new Error(`Graph: the output '${outputName}' is not a node`);
    this.inputName = inputName;
    this.outputName = outputName;
    this.nodes = [...nodes];
    this.named = nodes.map((n) => ({ name: n.name, module: n.module }));
    checkDistinct('Graph', this.named);
    this.tensors = new ChildTensors(this.named);
    const readers = nodes.map((_, i) => this.sources.filter((from) => from.includes(i)).length);
    const outputIndex = nodes.findIndex((n) => n.name === outputName);
    this.deadAfterForward = nodes.map((_, i) => [...new Set(this.sources[i])].filter((j) => {
      if (j < 0 || j === outputIndex || nodes[j].module.backwardReadsOutput !== false) return false;
      const readBy = this.sources.flatMap((from, r) => (from.includes(j) ? [r] : []));
      return readBy[readBy.length - 1] === i && readBy.every((r) => nodes[r].module.backwardReadsInput === false);
    }));
    this.soleReaderIsNext = nodes.map((node, i) => node.name !== outputName && readers[i] === 1 &&
      i + 1 < nodes.length && this.sources[i + 1].length === 1 && this.sources[i + 1][0] === i);
  }

  children(): readonly Child[] {
    return this.named;
  }

  trace(inputShape: readonly number[]): TraceEntry[] {
    const shapes: (readonly number[])[] = [];
    const shapeOf = (j: number) => (j < 0 ? inputShape : shapes[j]);
    return this.nodes.map((node, i) => {
      const inputShapes = this.sources[i].map(shapeOf);
      const outputShape = withContext(where(node), () =>
        isMerge(node.module) ? node.module.outputShape(inputShapes) : node.module.outputShape(inputShapes[0]),
      );
      shapes.push(outputShape);
      return { name: node.name, module: node.module, inputs: node.inputs, inputShapes, outputShape };
    });
  }

  outputShape(inputShape: readonly number[]): number[] {
    if (this.outputName === this.inputName) return [...inputShape];
    return [...this.trace(inputShape)[this.nodes.findIndex((n) => n.name === this.outputName)].outputShape];
  }

  forward(x: Tensor, mode: Mode): Tensor {
    const values: Tensor[] = [];
    const valueOf = (j: number) => (j < 0 ? x : values[j]);
    const release = mode === 'train' ? kernels().release : undefined;
    const freed: boolean[] = [];
    const releaseAfter = (i: number) => {
      const dead = this.deadAfterForward[i];
      if (!release || dead.length === 0) return;
      dead.forEach((j) => { freed[j] = true; });
      release(dead.map((j) => values[j]), [x, ...values.filter((_, j) => !freed[j])]);
    };
    for (let i = 0; i < this.nodes.length; i++) {
      const node = this.nodes[i];
      const inputs = this.sources[i].map(valueOf);
      const module = node.module;
      const next = this.nodes[i + 1]?.module;
      if (this.soleReaderIsNext[i] && next && !isMerge(next) && fusesWithReLU(module, next)) {
        // The node (a residual Add too) and the ReLU after it in one output pass; the node's own
        // output is read by nobody else. The ReLU's backward reads its y as ever.
        const y = withContext(where(node), () => (isMerge(module)
          ? asMergeReLUEpilogue(module).forwardWithReLU(inputs, mode) : asReLUEpilogue(module).forwardWithReLU(inputs[0], mode)));
        next.acceptFusedOutput(y);
        values.push(y, y);
        releaseAfter(i); // what the node read (the ReLU reads only the node's y, which it keeps)
        i++;
        continue;
      }
      values.push(withContext(where(node), () => (isMerge(module) ? module.forward(inputs, mode) : module.forward(inputs[0], mode))));
      releaseAfter(i);
    }
    this.trained = release ? { x, values, freed } : null;
    return this.outputName === this.inputName ? x : values[this.outputIndex()];
  }

  backward(dy: Tensor): Tensor;
  backward(dy: Tensor, options: BackwardOptions): Tensor | null;
  backward(dy: Tensor, { needInputGrad = true }: BackwardOptions = {}): Tensor | null {
    const trained = this.trained;
    this.trained = null;
    if (this.outputName === this.inputName) return needInputGrad ? dy : null;
    const wants = this.gradientNeeds(needInputGrad);
    const needs = (j: number) => (j < 0 ? needInputGrad : wants[j]);
    const grads: (Tensor | null)[] = this.nodes.map(() => null);
    const out = this.outputIndex();
    let dx: Tensor | null = null;
    /** What the node being run is done with: its gradient, its value, the addends of sums, gradients nobody needs. */
    let dead: Tensor[] = [];
    const accumulate = (j: number, d: Tensor) => {
      const current = j < 0 ? dx : grads[j];
      const sum = current ? kernels().add(current, d) : d; // ∂L/∂v = Σ over v's consumers
      if (current) dead.push(current, d);
      if (j < 0) dx = sum;
      else grads[j] = sum;
    };
    // A value is released once the node that made it has run backward: every reader has by then
    // (they come after it). Gradients go once used. The graph's input, its output and the caller's
    // dy are not this graph's to free, and whatever still shares memory with a live tensor stays.
    const values = trained?.values;
    const releasable = values ? values.map((_, j) => !trained!.freed[j]) : [];
    const releaseDead = () => {
      const release = kernels().release;
      if (release && dead.length > 0) {
        const live: Tensor[] = [dy];
        if (trained && values) {
          live.push(trained.x, values[out]);
          values.forEach((v, j) => releasable[j] && live.push(v));
        }
        grads.forEach((g) => g && live.push(g));
        if (dx) live.push(dx);
        release(dead, live);
      }
      dead = [];
    };
    const done = (j: number) => {
      if (values && j !== out && releasable[j]) {
        releasable[j] = false;
        dead.push(values[j]);
      }
    };
    grads[out] = dy;
    for (let i = this.nodes.length - 1; i >= 0; i--) {
      const g = grads[i];
      grads[i] = null; // released as soon as it is used
      if (!g || !wants[i]) continue;
      const node = this.nodes[i];
      const from = this.sources[i];
      dead.push(g);
      done(i);
      const before = i > 0 && this.soleReaderIsNext[i - 1] && wants[i - 1] ? this.nodes[i - 1].module : null;
      const y = before && !isMerge(before) && !isMerge(node.module) ? fusedReLUOutput(before, node.module) : null;
      if (y && before && !isMerge(before) && hasReLUBackwardFusion(before)) {
        // The ReLU's dy ⊙ [y > 0] inside the node before's backward call (that node then has no gradient of its own to run).
        const into = this.sources[i - 1][0];
        const d = withContext(where(this.nodes[i - 1]), () => before.backwardThroughReLU(g, y, { needInputGrad: needs(into) }));
        if (d && needs(into)) accumulate(into, d);
        else if (d) dead.push(d);
        done(i - 1);
        releaseDead();
        i--;
        continue;
      }
      withContext(where(node), () => {
        if (isMerge(node.module)) {
          node.module.backward(g).forEach((d, k) => (needs(from[k]) ? accumulate(from[k], d) : dead.push(d)));
        } else {
          const d = node.module.backward(g, { needInputGrad: needs(from[0]) });
          if (d && needs(from[0])) accumulate(from[0], d);
          else if (d) dead.push(d);
        }
      });
      releaseDead();
    }
    return needInputGrad ? dx : null;
  }

  /**
   * Whether each node's output needs a gradient: it has trainable parameters at or upstream of it
   * (or the input does, when the caller wants dL/dx). Frozen parameters do not count, so a frozen
   * stem or backbone is not backpropagated at all.
   */
  private gradientNeeds(needInputGrad: boolean): boolean[] {
    const trainable = this.nodes.map((_, i) => this.tensors.hasTrainableParameters(i));
    const key = `${needInputGrad} ${trainable.map(Number).join('')}`;
    let wants = this.wantsGrad.get(key);
    if (!wants) {
      const computed: boolean[] = [];
      this.nodes.forEach((_, i) => {
        computed.push(trainable[i] || this.sources[i].some((j) => (j < 0 ? needInputGrad : computed[j])));
      });
      wants = computed;
      this.wantsGrad.set(key, wants);
    }
    return wants;
  }

  private outputIndex(): number {
    return this.nodes.findIndex((n) => n.name === this.outputName);
  }

  parameters(): Parameter[] {
    return this.tensors.parameters();
  }

  buffers(): Buffer[] {
    return this.tensors.buffers();
  }

  zeroGrad(): void {
    for (const p of this.parameters()) p.zeroGrad();
  }

  parameterCount(): number {
    return this.parameters().reduce((total, p) => total + p.size, 0);
  }

  /** Every node (nested containers expanded) with its inputs, output shape and parameters. */
  summary(inputShape: readonly number[]): ModelSummary {
    return summarize(this, inputShape);
  }

  toSpec(): LayerSpec {
    return {
      type: 'Graph',
      input: this.inputName,
      nodes: this.nodes.map((node) => ({ name: node.name, inputs: [...node.inputs], ...node.module.toSpec() })),
      output: this.outputName,
    };
  }
}

/** The definition of the graph from `inputNode` to `output` written with symbolic nodes. */
function collect(inputNode: GraphNode, output: GraphNode | undefined): GraphDefinition {
  if (inputNode.module !== null) throw new Error('Graph: the first argument must be an input() node');
  if (!(output instanceof GraphNode)) throw new Error('Graph: the second argument must be a graph node (the output)');
  const inputName = inputNode.name!;
  const reached = new Set<GraphNode>();
  const stack = [output];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (reached.has(node) || node === inputNode) continue;
    if (node.module === null) {
      throw new Error(`Graph: the output depends on input '${node.name}', which is not this graph's input '${inputName}'`);
    }
    reached.add(node);
    stack.push(...node.inputs);
  }
  const ordered = [...reached].sort((a, b) => a.id - b.id);
  const names = assignNames(ordered, inputName);
  const nodes = ordered.map((node) => ({
    name: names.get(node)!,
    module: node.module!,
    inputs: node.inputs.map((x) => (x === inputNode ? inputName : names.get(x)!)),
  }));
  return { input: inputName, nodes, output: output === inputNode ? inputName : names.get(output)! };
}

function where(node: GraphNodeEntry): string {
  return `Graph node '${node.name}' (${node.module.name})`;
}

/** Names for the nodes: the given ones, else the type in lower case with a counter ('conv2d', 'conv2d_1'). */
function assignNames(ordered: readonly GraphNode[], inputName: string): Map<GraphNode, string> {
  const names = new Map<GraphNode, string>();
  const taken = new Set<string>([inputName]);
  for (const node of ordered) {
    if (node.name === undefined) continue;
    checkNodeName(node.name);
    if (taken.has(node.name)) throw new Error(`Graph: two nodes are named '${node.name}'`);
    taken.add(node.name);
    names.set(node, node.name);
  }
  for (const node of ordered) {
    if (names.has(node)) continue;
    const base = node.module!.name.toLowerCase();
    let name = base;
    for (let k = 1; taken.has(name); k++) name = `${base}_${k}`;
    taken.add(name);
    names.set(node, name);
  }
  return names;
}

/** Node names prefix tensor names, so they cannot be empty or contain the path separator '.'. */
export function checkNodeName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || name.length === 0 || name.includes('.') || name.includes('/')) {
    throw new Error(`Graph: node names must be non-empty strings without '.' or '/', got ${preview(name)}`);
  }
}

