// SPDX-License-Identifier: MIT
// What the "first layer" panel shows: a Conv2d's filters and one image's activation maps after
// it, or, for a network without convolutions, the first Linear layer's weight columns as images.
import { Conv2d, Linear, Sequential, Tensor, walkModules, type Container, type ImageDataset } from 'nabla';
import type { MapGrid } from './protocol.js';

/** Maps shown for the first layer's filters and activations. */
const MAX_MAPS = 16;

export interface FirstLayerView {
  filters: MapGrid | null;
  activations: MapGrid | null;
  note: string;
}

/** Maps of [count, H, W] values from a tensor's first `count` planes. */
function maps(title: string, t: Tensor, count: number, height: number, width: number, stride: number): MapGrid {
  const values = new Float32Array(count * height * width);
  for (let m = 0; m < count; m++) values.set(t.data.subarray(m * stride, m * stride + height * width), m * height * width);
  return { title, count, height, width, values };
}

/**
 * The first layer's filters (a Conv2d's kernels of input channel 0, or a Linear's weight
 * columns seen as images) and, for conv nets, the chosen held-out image's activation maps
 * after the first conv layer (a forward pass in eval mode, between training steps).
 */
export function firstLayerView(model: Container, heldOut: ImageDataset, index: number): FirstLayerView {
  const x = new Tensor(heldOut.images.slice(index * heldOut.imageSize, (index + 1) * heldOut.imageSize), [1, ...heldOut.imageShape]);
  if (!(model instanceof Sequential)) return graphView(model, x);
  const layers = model.layers;
  const firstConv = layers.findIndex((layer) => layer instanceof Conv2d);
  if (firstConv >= 0) {
    const conv = layers[firstConv] as Conv2d;
    const [outC, inC, kH, kW] = conv.weight.value.shape;
    const filters = maps(`layer ${firstConv} filters (${outC}, input channel 0)`, conv.weight.value, Math.min(outC, MAX_MAPS), kH, kW, inC * kH * kW);
    let h = x;
    for (let i = 0; i <= firstConv; i++) h = layers[i].forward(h, 'eval');
    const [, C, H, W] = h.shape;
    const activations = maps(`layer ${firstConv} output`, h, Math.min(C, MAX_MAPS), H, W, H * W);
    return { filters, activations, note: '' };
  }
  const linear = layers.find((layer): layer is Linear => layer instanceof Linear);
  const [, h, w] = heldOut.imageShape;
  if (linear && linear.inFeatures === heldOut.imageSize && heldOut.imageShape[0] === 1) {
    // W is [in, out]: column j, seen as an H×W image, is what hidden unit j responds to.
    const [inFeatures, outFeatures] = linear.weight.value.shape;
    const count = Math.min(outFeatures, MAX_MAPS);
    const values = new Float32Array(count * inFeatures);
    for (let j = 0; j < count; j++) for (let i = 0; i < inFeatures; i++) values[j * inFeatures + i] = linear.weight.value.data[i * outFeatures + j];
    const filters: MapGrid = { title: `layer ${layers.indexOf(linear)} weights of the first ${count} units`, count, height: h, width: w, values };
    return { filters, activations: null, note: 'No conv layer: the first Linear layer\'s weights are shown as images; activation maps need a Conv2d.' };
  }
  return { filters: null, activations: null, note: 'No conv layer and no image-sized Linear layer to show.' };
}

/**
 * A graph's first convolution (in run order): its filters, and its activation maps when it reads
 * the image itself (a stem convolution), computed by that layer alone.
 */
function graphView(model: Container, x: Tensor): FirstLayerView {
  const found = [...walkModules(model)].find(({ module }) => module instanceof Conv2d);
  if (!found) return { filters: null, activations: null, note: 'No conv layer in this graph to show.' };
  const conv = found.module as Conv2d;
  const [outC, inC, kH, kW] = conv.weight.value.shape;
  const filters = maps(`${found.path} filters (${outC}, input channel 0)`, conv.weight.value, Math.min(outC, MAX_MAPS), kH, kW, inC * kH * kW);
  if (inC !== x.shape[1]) return { filters, activations: null, note: '' };
  const h = conv.forward(x, 'eval');
  const [, C, H, W] = h.shape;
  return { filters, activations: maps(`${found.path} output`, h, Math.min(C, MAX_MAPS), H, W, H * W), note: '' };
}
