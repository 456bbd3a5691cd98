// SPDX-License-Identifier: MIT
// The window attributes of an ONNX Conv, MaxPool or AveragePool read into Nabla's terms: strides,
// dilations, ceil_mode and the four pads [top, left, bottom, right], with auto_pad's SAME_UPPER /
// SAME_LOWER worked out from the input size as the ONNX spec defines them.
import { formatShape } from '../../tensor/tensor.js';
import type { Dim } from './graph.js';
import { describeShape } from './import-builder.js';
import type { Attributes } from './proto.js';

export interface Window {
  strides: [number, number];
  /** [top, left, bottom, right] (ONNX's [x1_begin, x2_begin, x1_end, x2_end]). */
  pads: [number, number, number, number];
  dilations: [number, number];
  ceilMode: boolean;
}

export function readWindow(
  a: Attributes, where: string, kernel: number[], inputShape: readonly Dim[], has: { hasCeilMode: boolean; hasDilations: boolean },
): Window {
  const autoPad = a.string('auto_pad', 'NOTSET');
  const ceilMode = has.hasCeilMode ? a.int('ceil_mode', 0) : 0;
  if (ceilMode !== 0 && ceilMode !== 1) throw new Error(`${where}: attribute ceil_mode = ${ceilMode} must be 0 or 1`);
  const strides = a.ints('strides') ?? [1, 1];
  const dilations = (has.hasDilations ? a.ints('dilations') : null) ?? [1, 1];
  const given = a.ints('pads');
  let pads = given ?? [0, 0, 0, 0];
  if (strides.length !== 2 || dilations.length !== 2 || pads.length !== 4 || kernel.length !== 2) {
    throw new Error(`${where}: expected 2-D strides, dilations and pads, got ${JSON.stringify({ strides, dilations, pads })}`);
  }
  for (const [name, values, min] of [['strides', strides, 1], ['dilations', dilations, 1], ['pads', pads, 0], ['kernel_shape', kernel, 1]] as const) {
    if (values.some((v) => v < min)) throw new Error(`${where}: attribute ${name} = ${formatShape(values)} must be ≥ ${min}`);
  }
  if (autoPad === 'SAME_UPPER' || autoPad === 'SAME_LOWER') {
    if (given && given.some((p) => p !== 0)) throw new Error(`${where}: attribute auto_pad = '${autoPad}' together with non-zero pads`);
    pads = samePads(where, autoPad, kernel, strides, dilations, inputShape);
  } else if (autoPad === 'VALID') {
    if (pads.some((p) => p !== 0)) throw new Error(`${where}: attribute auto_pad = 'VALID' together with non-zero pads`);
  } else if (autoPad !== 'NOTSET') {
    throw new Error(`${where}: attribute auto_pad = '${autoPad}' is not an ONNX value (NOTSET, SAME_UPPER, SAME_LOWER, VALID)`);
  }
  return {
    strides: [strides[0], strides[1]],
    pads: [pads[0], pads[1], pads[2], pads[3]],
    dilations: [dilations[0], dilations[1]],
    ceilMode: ceilMode === 1,
  };
}

/**
 * auto_pad SAME_*: output ⌈in / stride⌉, total padding (out − 1)·stride + (k − 1)·d + 1 − in,
 * split evenly with the odd one at the end (SAME_UPPER) or the beginning (SAME_LOWER).
 */
function samePads(
  where: string, autoPad: string, kernel: number[], strides: number[], dilations: number[], inputShape: readonly Dim[],
): number[] {
  const begin: number[] = [];
  const end: number[] = [];
  for (let i = 0; i < 2; i++) {
    const size = inputShape[2 + i];
    if (typeof size !== 'number') {
      throw new Error(`${where}: attribute auto_pad = '${autoPad}' needs a known input height and width, got ${describeShape(inputShape)}`);
    }
    const out = Math.ceil(size / strides[i]);
    const total = Math.max(0, (out - 1) * strides[i] + (kernel[i] - 1) * dilations[i] + 1 - size);
    const small = Math.floor(total / 2);
    begin.push(autoPad === 'SAME_UPPER' ? small : total - small);
    end.push(autoPad === 'SAME_UPPER' ? total - small : small);
  }
  return [begin[0], begin[1], end[0], end[1]];
}
