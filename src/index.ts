// SPDX-License-Identifier: MIT
// Nabla's public API: everything a user imports comes from here. A plain list of exports.

// Tensor, shapes, random numbers, initialisers
export * from './tensor/tensor.js';
export * from './tensor/shape.js';
export * from './tensor/rng.js';
export * from './tensor/init.js';
export * from './tensor/select.js';

// Kernels: the backend interface, the active backend and the shared geometry
export type * from './kernels/backend.js';
export { kernels, setKernels, refKernels, inFrame, keepResident, trainingTensors } from './kernels/index.js';
export { initBackend, createWasmKernels, type BackendOptions } from './kernels/index.js';
export * from './kernels/geometry.js';
export * from './kernels/upsample-geometry.js';

// Layers
export type * from './layers/layer.js';
export { type WeightInit, WEIGHT_INITS } from './layers/common.js';
export * from './layers/linear.js';
export * from './layers/conv2d.js';
export * from './layers/conv-transpose2d.js';
export * from './layers/max-pool2d.js';
export * from './layers/avg-pool2d.js';
export * from './layers/adaptive-avg-pool2d.js';
export * from './layers/upsample.js';
export * from './layers/global-avg-pool2d.js';
export * from './layers/activations.js';
export * from './layers/flatten.js';
export * from './layers/dropout.js';
export * from './layers/batch-norm.js';
export * from './layers/layer-norm.js';
export * from './layers/embedding.js';
export * from './layers/narrow.js';
export * from './layers/group-norm.js';
export * from './layers/merge.js';
export * from './layers/channel-shuffle.js';
export * from './layers/zero-pad2d.js';
export * from './layers/sequential.js';
export * from './layers/graph.js';
export * from './layers/graph-spec.js';
export { walkModules, leafModules } from './layers/container.js';
export { isMerge, isContainer } from './layers/layer.js';
export * from './layers/summary.js';
export type * from './layers/registry.js';
export { LAYER_DEFS, layerDef } from './layers/all.js';
export { SpecReader } from './layers/spec-reader.js';
export * from './layers/spec.js';
export * from './layers/freeze.js';

// Losses
export * from './losses/softmax.js';
export * from './losses/softmax-cross-entropy.js';
export * from './losses/mse.js';

// Optimizers and schedules
export * from './optim/optimizer.js';
export * from './optim/sgd.js';
export * from './optim/adam.js';
export * from './optim/schedules.js';
export * from './optim/clip.js';

// Gradient check
export * from './gradcheck.js';

// Data: IDX files, datasets, batching, augmentation, the embedded MNIST digits
export * from './data/idx.js';
export * from './data/dataset.js';
export * from './data/image-store.js';
export * from './data/loader.js';
export * from './data/augment.js';
export * from './data/mnist.js';
export * from './data/data-info.js';
export * from './data/split.js';
export * from './data/image-ops.js';
export * from './data/table.js';

// Training: fit, evaluate, predict, callbacks, model presets
export * from './train/fit.js';
export * from './train/metrics.js';
export * from './train/callbacks.js';
export * from './train/presets.js';

// Weights and checkpoints (safetensors; file helpers are in node.ts)
export * from './io/safetensors.js';
export * from './io/weights.js';
export * from './io/checkpoint.js';

// Interop: ONNX export and import, PyTorch state dicts as safetensors
export * from './io/onnx/index.js';
export * from './io/torch.js';
