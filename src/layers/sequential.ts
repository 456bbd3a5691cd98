// SPDX-License-Identifier: MIT
// Sequential: a list of layers run in order forward and in reverse order backward, with stable
// parameter names (`0.weight`, `3.bias`) for checkpoints and export, and a printable summary.
import { Tensor, formatShape, type Buffer, type Parameter } from '../tensor/tensor.js';
import type { BackwardOptions, Layer, LayerSpec, Mode } from './layer.js';

export interface SummaryRow {
  index: number;
  /** The layer and its options, e.g. 'Conv2d(inChannels=1, outChannels=6, kernelSize=5, padding=2)'. */
  layer: string;
  outputShape: number[];
  parameters: number;
}

export interface ModelSummary {
  inputShape: number[];
  rows: SummaryRow[];
  totalParameters: number;
  /** The table as text, one row per layer and a totals line. */
  text: string;
}

/**
 * Sequential: y = fₖ(…f₁(f₀(x))).  Backward: dx = f₀ᵀ(f₁ᵀ(…fₖᵀ(dy))), each layer adding into its grads.
 * With `needInputGrad: false` (training: nobody reads dL/d(images)) backward stops at the first
 * layer that has parameters, asking it for no dx either, and returns null: the layers before it
 * add into no grads, so their backward would only compute gradients nobody reads.
 * Parameters and buffers are the layers' own objects, renamed in place to `${index}.${localName}`
 * (so optimizers, checkpoints and gradcheck all see the very tensors the layers use).
 */
export class Sequential implements Layer {
  readonly name = 'Sequential';
  readonly layers: readonly Layer[];
  private readonly localParameterNames: string[][];
  private readonly localBufferNames: string[][];

  constructor(layers: Layer[]) {
    if (!Array.isArray(layers)) throw new Error('Sequential: expected an array of layers');
    layers.forEach((layer, i) => {
      if (!layer || typeof layer.forward !== 'function' || typeof layer.backward !== 'function') {
        throw new Error(`Sequential: element ${i} is not a layer (got ${String(layer)})`);
      }
    });
    this.layers = [...layers];
    this.localParameterNames = this.layers.map((layer) => layer.parameters().map((p) => p.name));
    this.localBufferNames = this.layers.map((layer) => layer.buffers().map((b) => b.name));
    this.parameters(); // apply the prefixed names now
    this.buffers();
  }

  forward(x: Tensor, mode: Mode): Tensor {
    let y = x;
    this.layers.forEach((layer, i) => {
      y = withContext(i, layer, () => layer.forward(y, mode));
    });
    return y;
  }

  backward(dy: Tensor): Tensor;
  backward(dy: Tensor, options: BackwardOptions): Tensor | null;
  backward(dy: Tensor, { needInputGrad = true }: BackwardOptions = {}): Tensor | null {
    if (this.layers.length === 0) return dy; // the identity
    const first = needInputGrad ? 0 : this.localParameterNames.findIndex((names) => names.length > 0);
    if (first < 0) return null; // no parameters at all: nothing to compute
    let d = dy;
    for (let i = this.layers.length - 1; i > first; i--) {
      const layer = this.layers[i];
      d = withContext(i, layer, () => layer.backward(d));
    }
    const layer = this.layers[first];
    return withContext(first, layer, () => layer.backward(d, { needInputGrad }));
  }

  parameters(): Parameter[] {
    return this.layers.flatMap((layer, i) =>
      layer.parameters().map((p, j) => {
        p.name = `${i}.${this.localParameterNames[i][j]}`;
        return p;
      }),
    );
  }

  buffers(): Buffer[] {
    return this.layers.flatMap((layer, i) =>
      layer.buffers().map((b, j) => {
        b.name = `${i}.${this.localBufferNames[i][j]}`;
        return b;
      }),
    );
  }

  /** Sets every parameter's grad to zero. */
  zeroGrad(): void {
    for (const p of this.parameters()) p.zeroGrad();
  }

  /** Total number of trainable scalars. */
  parameterCount(): number {
    return this.parameters().reduce((total, p) => total + p.size, 0);
  }

  /**
   * Output shape and parameter count of each layer for an input of `inputShape`, found by running
   * an eval-mode forward pass on zeros (so the shapes are exactly what forward produces).
   */
  summary(inputShape: readonly number[]): ModelSummary {
    const dtype = this.parameters()[0]?.value.dtype ?? 'float32';
    let x = Tensor.zeros(inputShape, dtype);
    const rows: SummaryRow[] = this.layers.map((layer, index) => {
      const input = x;
      x = withContext(index, layer, () => layer.forward(input, 'eval'));
      const parameters = layer.parameters().reduce((total, p) => total + p.size, 0);
      return { index, layer: describeLayer(layer.toSpec()), outputShape: [...x.shape], parameters };
    });
    const totalParameters = rows.reduce((total, row) => total + row.parameters, 0);
    return { inputShape: [...inputShape], rows, totalParameters, text: formatSummary(inputShape, rows, totalParameters) };
  }

  toSpec(): LayerSpec {
    return { type: 'Sequential', layers: this.layers.map((layer) => layer.toSpec()) };
  }
}

/** Prints model.summary(inputShape).text (to console.log unless another printer is given). */
export function printSummary(
  model: Sequential,
  inputShape: readonly number[],
  print: (line: string) => void = console.log,
): ModelSummary {
  const summary = model.summary(inputShape);
  print(summary.text);
  return summary;
}

/** Runs fn, prefixing any error with the layer's index and name so deep failures are easy to place. */
function withContext<T>(index: number, layer: Layer, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof Error) e.message = `Sequential layer ${index} (${layer.name}): ${e.message}`;
    throw e;
  }
}

/** 'Conv2d(inChannels=1, outChannels=6, kernelSize=5)' from a spec. */
function describeLayer(spec: LayerSpec): string {
  if (spec.type === 'Sequential') return `Sequential(${(spec.layers as unknown[]).length} layers)`;
  const options = Object.entries(spec)
    .filter(([key]) => key !== 'type')
    .map(([key, value]) => `${key}=${Array.isArray(value) ? `[${value.join(', ')}]` : String(value)}`);
  return `${spec.type}(${options.join(', ')})`;
}

function formatSummary(inputShape: readonly number[], rows: SummaryRow[], total: number): string {
  const header = ['#', 'Layer', 'Output shape', 'Params'];
  const cells = rows.map((r) => [String(r.index), r.layer, formatShape(r.outputShape), withCommas(r.parameters)]);
  const widths = header.map((h, c) => Math.max(h.length, ...cells.map((row) => row[c].length)));
  const line = (row: string[]) =>
    row.map((cell, c) => (c === 3 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd();
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

function withCommas(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
