// SPDX-License-Identifier: MIT
// Weights that PyTorch reads: a Sequential's tensors under the names and layouts of the
// equivalent torch.nn.Sequential's state_dict, as safetensors bytes
// (safetensors.torch.load_file → model.load_state_dict), and the reverse.
//
// The mapping, per layer at path p (p = '3', or '2.0' inside a nested Sequential):
//   Linear      p.weight  W [in, out]  ↔  p.weight [out, in]   (transposed: torch stores Wᵀ)
//               p.bias    [out]        ↔  p.bias
//   Conv2d      p.weight  [outC, C/groups, kH, kW] ↔ p.weight (same layout), p.bias ↔ p.bias
//   BatchNorm   p.weight ↔ p.weight, p.bias ↔ p.bias (γ, β; absent when affine = false)
//               p.runningMean ↔ p.running_mean,  p.runningVar ↔ p.running_var
//               —             → p.num_batches_tracked (int64 scalar 0; ignored when read back)
// Layers without tensors (activations, pools, Flatten, Dropout) keep their index, as in torch.
// See docs/interop.md.
import { BatchNorm1d, BatchNorm2d } from '../layers/batch-norm.js';
import { Conv2d } from '../layers/conv2d.js';
import type { Layer } from '../layers/layer.js';
import { Linear } from '../layers/linear.js';
import { Sequential } from '../layers/sequential.js';
import { Tensor, formatShape } from '../tensor/tensor.js';
import { decodeSafetensors, encodeSafetensors, SafetensorsError, toTensor, type SafeTensor } from './safetensors.js';

/** One tensor of the model and where it lives in the PyTorch state dict. */
export interface TorchMapping {
  /** Nabla's name, e.g. '0.weight', '1.runningMean' (nested: '2.0.weight'). */
  nabla: string;
  /** The state_dict key, e.g. '0.weight', '1.running_mean'. */
  torch: string;
  /** The model's own tensor (updated in place by fromTorchStateDict). */
  tensor: Tensor;
  /** Whether torch stores the transpose (Linear weights: Nabla [in, out], torch [out, in]). */
  transposed: boolean;
}

/** The name and layout mapping for every parameter and buffer of `model`, in model order. */
export function torchMapping(model: Sequential): TorchMapping[] {
  const out: TorchMapping[] = [];
  const visit = (seq: Sequential, prefix: string): void => {
    seq.layers.forEach((layer, i) => {
      const path = `${prefix}${i}`;
      if (layer instanceof Sequential) return visit(layer, `${path}.`);
      out.push(...layerMapping(layer, path));
    });
  };
  visit(model, '');
  return out;
}

function layerMapping(layer: Layer, path: string): TorchMapping[] {
  const entry = (local: string, torchLocal: string, tensor: Tensor, transposed = false): TorchMapping => ({
    nabla: `${path}.${local}`,
    torch: `${path}.${torchLocal}`,
    tensor,
    transposed,
  });
  if (layer instanceof Linear || layer instanceof Conv2d) {
    const isLinear = layer instanceof Linear;
    const list = [entry('weight', 'weight', layer.weight.value, isLinear)];
    if (layer.bias) list.push(entry('bias', 'bias', layer.bias.value));
    return list;
  }
  if (layer instanceof BatchNorm1d || layer instanceof BatchNorm2d) {
    const list: TorchMapping[] = [];
    if (layer.weight) list.push(entry('weight', 'weight', layer.weight.value));
    if (layer.bias) list.push(entry('bias', 'bias', layer.bias.value));
    list.push(entry('runningMean', 'running_mean', layer.runningMean.value));
    list.push(entry('runningVar', 'running_var', layer.runningVar.value));
    return list;
  }
  if (layer.parameters().length > 0 || layer.buffers().length > 0) {
    throw new Error(`torch state dict: layer ${path} (${layer.name}) has tensors but no PyTorch mapping`);
  }
  return [];
}

/** [rows, cols] → [cols, rows], copying into a float32 tensor (torch state dicts here are float32). */
function transposed(t: Tensor): Tensor {
  const [rows, cols] = t.shape;
  const out = Tensor.zeros([cols, rows]);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out.data[c * rows + r] = t.data[r * cols + c];
  return out;
}

/**
 * The state_dict of the equivalent torch.nn.Sequential as safetensors bytes (float32, int64
 * num_batches_tracked for each BatchNorm), readable by safetensors.torch.load_file.
 */
export function toTorchStateDict(model: Sequential): Uint8Array {
  const entries: [string, Tensor | SafeTensor][] = [];
  for (const m of torchMapping(model)) {
    const value = m.transposed ? transposed(m.tensor) : m.tensor.astype('float32');
    entries.push([m.torch, value]);
    if (m.torch.endsWith('.running_var')) {
      const counter = m.torch.slice(0, -'running_var'.length) + 'num_batches_tracked';
      entries.push([counter, { dtype: 'I64', shape: [], data: new BigInt64Array(1) }]);
    }
  }
  return encodeSafetensors(entries, { format: 'pt' });
}

/**
 * Loads a PyTorch state_dict saved as safetensors (safetensors.torch.save_file) into `model`,
 * transposing Linear weights. F32 and F64 tensors are accepted; num_batches_tracked is ignored.
 * Checks every name and shape first and changes nothing unless all fit; the error lists every
 * missing, unexpected and mis-shaped tensor.
 */
export function fromTorchStateDict(model: Sequential, bytes: Uint8Array, file = 'state dict'): void {
  const { tensors } = decodeSafetensors(bytes, file);
  const mapping = torchMapping(model);
  const known = new Set(mapping.map((m) => m.torch));
  const problems: string[] = [];
  const missing = mapping.filter((m) => !tensors.has(m.torch)).map((m) => m.torch);
  if (missing.length > 0) problems.push(`missing: ${missing.join(', ')}`);
  const unexpected = [...tensors.keys()].filter((k) => !known.has(k) && !k.endsWith('.num_batches_tracked'));
  if (unexpected.length > 0) problems.push(`not in the model: ${unexpected.join(', ')}`);
  const ready: [Tensor, Tensor][] = [];
  for (const m of mapping) {
    const source = tensors.get(m.torch);
    if (!source) continue;
    const expected = m.transposed ? [m.tensor.shape[1], m.tensor.shape[0]] : [...m.tensor.shape];
    if (source.shape.length !== expected.length || source.shape.some((d, i) => d !== expected[i])) {
      const note = m.transposed ? ' (torch Linear weights are [out, in])' : '';
      problems.push(`${m.torch} has shape ${formatShape(source.shape)}, expected ${formatShape(expected)}${note}`);
      continue;
    }
    try {
      const t = toTensor(source, m.torch);
      ready.push([m.transposed ? transposed(t) : t, m.tensor]);
    } catch (err) {
      problems.push((err as Error).message);
    }
  }
  if (problems.length > 0) throw new SafetensorsError(`${file} does not fit this model: ${problems.join('; ')}`);
  for (const [source, target] of ready) target.data.set(source.data);
}
