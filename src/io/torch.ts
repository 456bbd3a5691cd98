// SPDX-License-Identifier: MIT
// Weights that PyTorch reads: a model's tensors under the names and layouts of the equivalent
// torch.nn module's state_dict, as safetensors bytes (safetensors.torch.load_file →
// model.load_state_dict), and the reverse. Each layer names its own tensors in its registry entry
// (LayerDef.torch, in the layer's file); containers contribute their child names as path segments,
// so a Sequential gives '3.weight' and a Graph node 'layer1' holding a Sequential of blocks gives
// 'layer1.0.conv1.weight', as torchvision's modules do.
//   Linear      weight W [in, out]  ↔  weight [out, in]   (transposed: torch stores Wᵀ)
//   Conv2d      weight [outC, C/groups, kH, kW] (same layout), bias
//   BatchNorm   weight, bias (γ, β), runningMean ↔ running_mean, runningVar ↔ running_var,
//               —  → num_batches_tracked (int64 scalar 0; ignored when read back)
// Layers without tensors (activations, pools, Flatten, Dropout, merges) have no entries.
// See docs/interop.md.
import { defOf } from '../layers/all.js';
import { walkModules } from '../layers/container.js';
import type { Module } from '../layers/layer.js';
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
export function torchMapping(model: Module): TorchMapping[] {
  const out: TorchMapping[] = [];
  for (const { path, module } of walkModules(model)) {
    if (module.children) continue; // containers: their children carry the tensors
    const def = defOf(module);
    const entries = def.torch?.(module) ?? [];
    const count = module.parameters().length + module.buffers().length;
    if (entries.length !== count) {
      throw new Error(`torch state dict: layer ${path} (${module.name}) has tensors but no PyTorch mapping`);
    }
    const prefix = path === '' ? '' : `${path}.`;
    for (const e of entries) {
      out.push({ nabla: `${prefix}${e.local}`, torch: `${prefix}${e.torch}`, tensor: e.tensor, transposed: e.transposed ?? false });
    }
  }
  return out;
}

/** [rows, cols] → [cols, rows], copying into a float32 tensor (torch state dicts here are float32). */
function transposed(t: Tensor): Tensor {
  const [rows, cols] = t.shape;
  const out = Tensor.zeros([cols, rows]);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out.data[c * rows + r] = t.data[r * cols + c];
  return out;
}

/**
 * The state_dict of the equivalent torch.nn module as safetensors bytes (float32, int64
 * num_batches_tracked for each BatchNorm), readable by safetensors.torch.load_file.
 */
export function toTorchStateDict(model: Module): Uint8Array {
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
export function fromTorchStateDict(model: Module, bytes: Uint8Array, file = 'state dict'): void {
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
