// SPDX-License-Identifier: MIT
// The printable summary of a model: every layer and node (nested containers expanded, their
// children indented under them) with its inputs, output shape and parameter count, worked out
// from shapes alone (outputShape), so nothing runs and nothing is allocated.
import { formatShape } from '../tensor/tensor.js';
import { isContainer, type Container, type LayerSpec, type Module } from './layer.js';

export interface SummaryRow {
  /** The node's path in the model ('3', 'layer1.0.conv1'). */
  path: string;
  /** 0 for the model's own children, 1 for theirs, … */
  depth: number;
  /** The layer and its options, e.g. 'Conv2d(inChannels=1, outChannels=6, kernelSize=5, padding=2)'. */
  layer: string;
  /** What it reads, as model paths ('layer1.0.bn2'), or the model's input name ('input'). */
  inputs: string[];
  outputShape: number[];
  /** Parameters of the node (all of a container's, for a container row). */
  parameters: number;
}

export interface ModelSummary {
  inputShape: number[];
  rows: SummaryRow[];
  totalParameters: number;
  /** The table as text, one row per node and a totals line. */
  text: string;
}

/** The summary of `model` for an input of `inputShape` (batch first). */
export function summarize(model: Container, inputShape: readonly number[]): ModelSummary {
  const rows: SummaryRow[] = [];
  let hasBranches = false;
  // Inputs are shown as model paths: a sibling's name with the container's prefix, the
  // container's own input as whatever the container itself reads.
  const visit = (container: Container, shape: readonly number[], prefix: string, depth: number, reads: string[]): void => {
    for (const entry of container.trace(shape)) {
      const path = `${prefix}${entry.name}`;
      const chained = entry.inputs.length === 1 && entry.inputs[0] === previousName(container, entry.name);
      if (!chained) hasBranches = true;
      const inputs = entry.inputs.flatMap((name) => (name === container.inputName ? reads : [`${prefix}${name}`]));
      rows.push({
        path,
        depth,
        layer: describeModule(entry.module),
        inputs,
        outputShape: [...entry.outputShape],
        parameters: countParameters(entry.module),
      });
      if (isContainer(entry.module)) visit(entry.module, entry.inputShapes[0], `${path}.`, depth + 1, inputs);
    }
  };
  visit(model, inputShape, '', 0, [model.inputName]);
  const totalParameters = countParameters(model);
  return { inputShape: [...inputShape], rows, totalParameters, text: formatSummary(inputShape, rows, totalParameters, hasBranches) };
}

/** The name of the child before `name` in run order, or the container's input for the first. */
function previousName(container: Container, name: string): string {
  const names = container.children().map((c) => c.name);
  const i = names.indexOf(name);
  return i <= 0 ? container.inputName : names[i - 1];
}

function countParameters(m: Module): number {
  return m.parameters().reduce((total, p) => total + p.size, 0);
}

/** 'Conv2d(inChannels=1, outChannels=6, kernelSize=5)', or 'Graph(5 nodes)' for a container. */
export function describeModule(m: Module): string {
  if (isContainer(m)) {
    const n = m.children().length;
    return `${m.name}(${n} ${m.name === 'Sequential' ? 'layer' : 'node'}${n === 1 ? '' : 's'})`;
  }
  return describeSpec(m.toSpec());
}

function describeSpec(spec: LayerSpec): string {
  const options = Object.entries(spec)
    .filter(([key]) => key !== 'type')
    .map(([key, value]) => `${key}=${Array.isArray(value) ? `[${value.map(String).join(', ')}]` : String(value)}`); // String: null stays 'null'
  return `${spec.type}(${options.join(', ')})`;
}

function formatSummary(inputShape: readonly number[], rows: SummaryRow[], total: number, withInputs: boolean): string {
  const header = ['Name', 'Layer', ...(withInputs ? ['Inputs'] : []), 'Output shape', 'Params'];
  const cells = rows.map((r) => [
    `${'  '.repeat(r.depth)}${r.path}`,
    r.layer,
    ...(withInputs ? [r.inputs.join(', ')] : []),
    formatShape(r.outputShape),
    withCommas(r.parameters),
  ]);
  const last = header.length - 1;
  const widths = header.map((h, c) => Math.max(h.length, ...cells.map((row) => row[c].length)));
  const line = (row: string[]) =>
    row.map((cell, c) => (c === last ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd();
  const rule = '-'.repeat(widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1));
  return [
    `Input ${formatShape(inputShape)}`,
    line(header),
    rule,
    ...cells.map(line),
    rule,
    `Total parameters: ${withCommas(total)}`,
  ].join('\n');
}

export function withCommas(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
