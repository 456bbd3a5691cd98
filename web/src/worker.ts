// SPDX-License-Identifier: MIT
// The training worker: owns the backend, the data and the model, and trains in short chunks so
// that messages from the page (pause, predict, save) are answered between chunks. It drives each
// step itself (forward → loss → backward layer by layer → optimizer step) to sample the norm of
// every layer's weight gradient and of dL/dx, the backprop inspector's data.
import {
  Adam, argmaxRows, DataLoader, Rng, SGD, SoftmaxCrossEntropy, Tensor, dataInfoMetadata, dataInfoOf, decodeWeights, encodeWeights, evaluate, inFrame, initBackend,
  keepResident, trainingTensors,
  loadWeightsInto, modelFromSpec, parseModelSpec, predict, Sequential,
  type Container, type ImageDataset, type Kernels, type LayerSpec, type Optimizer, type Preprocess,
} from 'nabla';
import { datasetsFromIdx, fetchBytes, sortIdxFiles } from './data.js';
import { loadImageFolder } from './image-folder.js';
import { uploadedImageInput } from './upload.js';
import { firstLayerView } from './first-layer.js';
import { formatSpec } from './specs.js';
import type { FromWorker, GradientSample, ImageGrid, LayerInfo, OptimizerName, ToWorker, TrainSettings } from './protocol.js';

const MNIST_IMAGES_URL = new URL(/* @vite-ignore */ '../mnist-images.idx.gz', import.meta.url);
const MNIST_LABELS_URL = new URL(/* @vite-ignore */ '../mnist-labels.idx.gz', import.meta.url);
/** Held-out samples shown in the page's grid. */
const GRID_COUNT = 48;
/** Train for about this long before looking at the message queue again (ms). */
const CHUNK_MS = 60;
/** Report the training loss and gradient norms this often (ms). */
const REPORT_MS = 250;
/** Evaluate on the held-out set at most this often while training (ms of wall time)... */
const EVALUATE_MS = 1000;
/** ...and spend at most about 1/EVALUATE_SHARE of the time evaluating. */
const EVALUATE_SHARE = 6;

interface Run {
  settings: TrainSettings;
  model: Container;
  optimizer: Optimizer;
  loss: SoftmaxCrossEntropy;
  loader: DataLoader;
  batches: Iterator<{ x: Tensor; y: Int32Array }>;
  step: number;
  epoch: number;
}

let train: ImageDataset | null = null;
let heldOut: ImageDataset | null = null;
/** What saved models record as their dataset: 'mnist' for the embedded digits, null for the user's own files. */
let datasetId: string | null = null;
/** How new images are prepared for a saved model: MNIST-like for IDX digits, resize + centre crop for image folders. */
let preprocess: Preprocess = 'mnist';
let run: Run | null = null;
let running = false;
let inspected = 0;

function post(message: FromWorker, transfer: Transferable[] = []): void {
  (self as unknown as Worker).postMessage(message, transfer);
}

function describeBackend(k: Kernels): string {
  const runtime = (k as Kernels & { runtime?: { threads: number; variant: string } }).runtime;
  if (!runtime) return `${k.name} (reference kernels)`;
  return runtime.threads > 1 ? `wasm + ${runtime.threads} threads (${runtime.variant})` : `wasm, 1 thread (${runtime.variant})`;
}

/** Sends the first layer's filters and the inspected image's activation maps. */
function sendFilters(): void {
  if (!run || !heldOut) return;
  const index = Math.min(Math.max(inspected, 0), heldOut.length - 1);
  post({ type: 'filters', ...firstLayerView(run.model, heldOut, index), inspected: index });
}

function announceData(backend: string, skipped: string[] = []): void {
  if (!train || !heldOut) return;
  const [C, h, w] = heldOut.imageShape;
  const count = Math.min(GRID_COUNT, heldOut.length);
  const plane = h * w;
  // The grid is gray: colour images are shown as the mean of their channels.
  const pixels = new Uint8Array(count * plane);
  for (let n = 0; n < count; n++) {
    for (let i = 0; i < plane; i++) {
      let sum = 0;
      for (let c = 0; c < C; c++) sum += heldOut.images[(n * C + c) * plane + i] * heldOut.channelStd[c] + heldOut.channelMean[c];
      pixels[n * plane + i] = Math.round(Math.min(1, Math.max(0, sum / C)) * 255);
    }
  }
  const samples: ImageGrid = { count, height: h, width: w, pixels };
  post({
    type: 'ready', backend, dataset: train.name.replace(/ train$/, ''), trainCount: train.length, heldOutCount: heldOut.length,
    samples, sampleLabels: Array.from(heldOut.labels.subarray(0, count)), classNames: heldOut.classNames,
    imageShape: [...heldOut.imageShape], skipped, preprocess,
  });
}

let backendLabel = '';

async function init(): Promise<void> {
  const k = await initBackend({ threads: Math.min(navigator.hardwareConcurrency || 1, 4) });
  backendLabel = describeBackend(k);
  const [images, labels] = await Promise.all([fetchBytes(MNIST_IMAGES_URL), fetchBytes(MNIST_LABELS_URL)]);
  [train, heldOut] = await datasetsFromIdx(images, labels, 'mnist (embedded)', true);
  datasetId = 'mnist';
  announceData(backendLabel);
}

function makeOptimizer(model: Container, name: OptimizerName, lr: number): Optimizer {
  if (!(lr > 0 && Number.isFinite(lr))) throw new Error(`learning rate must be a positive number, got ${lr}`);
  return name === 'adam' ? new Adam(model.parameters(), { lr }) : new SGD(model.parameters(), { lr, momentum: 0.9 });
}

/** A short label: 'Conv2d 1→6, 5×5, pad 2', 'Linear 400→120', 'MaxPool2d 2×2'. */
function layerLabel(spec: LayerSpec): string {
  const pair = (v: unknown) => (Array.isArray(v) ? `${v[0]}×${v[1]}` : `${v}×${v}`);
  const extras = (keys: string[]) => keys.filter((k) => spec[k] !== undefined).map((k) => `${k} ${JSON.stringify(spec[k])}`);
  switch (spec.type) {
    case 'Linear':
      return [`Linear ${spec.inFeatures}→${spec.outFeatures}`, ...extras(['bias'])].join(', ');
    case 'Conv2d':
      return [`Conv2d ${spec.inChannels}→${spec.outChannels}`, pair(spec.kernelSize), ...extras(['stride', 'padding', 'dilation', 'groups'])].join(', ');
    case 'MaxPool2d':
    case 'AvgPool2d':
      return [`${spec.type} ${pair(spec.kernelSize)}`, ...extras(['stride', 'padding'])].join(', ');
    default: {
      // Containers (a Sequential's layers, a Graph's nodes, a Residual's body) by their size, not their whole spec.
      const options = Object.entries(spec).filter(([key]) => key !== 'type' && key !== 'name' && key !== 'inputs').map(([key, value]) =>
        Array.isArray(value) && value.some((v) => typeof v === 'object' && v !== null) ? `${key} ${value.length}`
          : typeof value === 'object' && value !== null ? `${key} {…}` : `${key} ${JSON.stringify(value)}`);
      const label = [spec.type, ...options].join(' ');
      return label.length > 80 ? `${label.slice(0, 79)}…` : label;
    }
  }
}

/** Running sums between reports. */
const pending = { steps: 0, loss: 0, correct: 0, seen: 0, weight: [] as number[], input: [] as number[] };

function clearPending(): void {
  Object.assign(pending, { steps: 0, loss: 0, correct: 0, seen: 0, weight: [], input: [] });
}

function startRun(settings: TrainSettings, model: Container): void {
  if (!train) throw new Error('the data is not loaded yet');
  const summary = model.summary([1, ...train.imageShape]);
  const out = model.outputShape([1, ...train.imageShape]);
  if (out.length !== 2 || out[1] !== train.numClasses) {
    throw new Error(`the model outputs [${out.join(', ')}] per image, but ${train.name} needs [1, ${train.numClasses}] (one logit per class)`);
  }
  const loader = new DataLoader(train, { batchSize: settings.batchSize, rng: new Rng(settings.seed + 1) });
  clearPending();
  run = {
    settings, model, loader, batches: loader[Symbol.iterator](), step: 0, epoch: 0,
    optimizer: makeOptimizer(model, settings.optimizer, settings.lr),
    loss: new SoftmaxCrossEntropy(),
  };
  // The inspector's rows are the model's own children (a Sequential's layers, a Graph's nodes).
  const top = summary.rows.filter((row) => row.depth === 0);
  const layers: LayerInfo[] = model.children().map((child, index) => ({
    index, label: layerLabel(child.module.toSpec()), outputShape: top[index].outputShape,
    hasWeight: child.module.parameters().some((p) => p.name.endsWith('weight')),
  }));
  const note = `${summary.totalParameters.toLocaleString('en')} parameters`;
  post({ type: 'model', layers, parameterCount: summary.totalParameters, specText: formatSpec(specOf(model)), note });
  post({ type: 'state', running, step: 0, epoch: 0 });
  evaluateHeldOut(run); // the held-out curves start from the untrained model
  sendFilters();
}

function build(settings: TrainSettings): void {
  running = false;
  run = null; // a spec that fails leaves no model behind for a later 'start' to train
  if (!train) throw new Error('the data is not loaded yet');
  const specs = parseModelSpec(settings.specText, 'model spec', train.imageShape);
  if (!Number.isInteger(settings.batchSize) || settings.batchSize < 1) throw new Error(`batch size must be a positive integer, got ${settings.batchSize}`);
  startRun(settings, modelFromSpec(specs, { rng: new Rng(settings.seed), inputShape: [1, ...train.imageShape] }));
}

/** A Sequential's spec as its list of layers (one per line in the box), any other model's as itself. */
function specOf(model: Container): LayerSpec[] | LayerSpec {
  const spec = model.toSpec();
  return spec.type === 'Sequential' ? (spec.layers as LayerSpec[]) : spec;
}

function norm(data: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < data.length; i++) sum += data[i] * data[i];
  return Math.sqrt(sum);
}


/**
 * One training step. A Sequential is driven layer by layer so the norms of every layer's weight
 * gradient and of dL/dx can be read on the way back; other models (graphs) run forward and backward
 * whole, and report the weight-gradient norm of each top-level node (dL/dx per node is not shown).
 */
function trainStep(r: Run): void {
  let next = r.batches.next();
  if (next.done) {
    r.epoch++;
    r.batches = r.loader[Symbol.iterator]();
    next = r.batches.next();
  }
  const { x, y } = next.value;
  inFrame(() => stepInFrame(r, x, y)); // the step's tensors stay in the wasm arena; only numbers leave
  keepResident(trainingTensors(r.model.parameters(), r.optimizer)); // parameters and state stay there between steps, as fit() keeps them
  pending.steps++;
  r.step++;
}

function stepInFrame(r: Run, x: Tensor, y: Int32Array): void {
  const layers = r.model instanceof Sequential ? r.model.layers : null;
  let h = x;
  if (layers) for (const layer of layers) h = layer.forward(h, 'train');
  else h = r.model.forward(x, 'train');
  pending.loss += r.loss.forward(h, y) * y.length;
  const predicted = argmaxRows(h);
  for (let n = 0; n < y.length; n++) if (predicted[n] === y[n]) pending.correct++;
  pending.seen += y.length;
  let d = r.loss.backward();
  if (!layers) r.model.backward(d, { needInputGrad: false });
  const children = r.model.children();
  for (let i = children.length - 1; i >= 0; i--) {
    if (layers) {
      d = layers[i].backward(d);
      pending.input[i] = (pending.input[i] ?? 0) + norm(d.data);
    } else {
      pending.input[i] = NaN;
    }
    const weight = children[i].module.parameters().find((p) => p.name.endsWith('weight'));
    pending.weight[i] = (pending.weight[i] ?? 0) + (weight ? norm(weight.grad.data) : NaN);
  }
  r.optimizer.step();
  r.optimizer.zeroGrad();
}

function report(r: Run, seconds: number): void {
  if (pending.steps === 0) return;
  const gradients: GradientSample = {
    step: r.step,
    weight: pending.weight.map((v) => v / pending.steps),
    input: pending.input.map((v) => v / pending.steps),
  };
  post({
    type: 'progress', step: r.step, epoch: r.epoch + r.loader.state().batchesServed / r.loader.length,
    loss: pending.loss / pending.seen, accuracy: pending.correct / pending.seen, imagesPerSecond: pending.seen / seconds, gradients,
  });
  clearPending();
}

function evaluateHeldOut(r: Run): void {
  if (!heldOut) return;
  const result = evaluate(r.model, heldOut, { batchSize: 250 });
  const count = Math.min(GRID_COUNT, heldOut.length);
  const samplePredictions = Array.from(argmaxRows(predict(r.model, heldOut.head(count))));
  post({
    type: 'evaluation', step: r.step, epoch: r.epoch + r.loader.state().batchesServed / r.loader.length,
    loss: result.loss, accuracy: result.accuracy, confusion: result.confusion, samplePredictions,
  });
}

async function trainLoop(): Promise<void> {
  let lastReport = performance.now();
  let lastEvaluate = performance.now();
  let evaluateCost = 0;
  while (running && run) {
    const r = run;
    const chunkEnd = performance.now() + CHUNK_MS;
    try {
      do trainStep(r);
      while (performance.now() < chunkEnd);
      if (!Number.isFinite(pending.loss)) throw new Error(`the loss is ${pending.loss / pending.seen} at step ${r.step}: training diverged (try a smaller learning rate)`);
      const now = performance.now();
      if (now - lastReport >= REPORT_MS) {
        report(r, (now - lastReport) / 1000);
        lastReport = now;
      }
      if (now - lastEvaluate >= Math.max(EVALUATE_MS, evaluateCost * EVALUATE_SHARE)) {
        evaluateHeldOut(r);
        sendFilters();
        lastEvaluate = performance.now();
        evaluateCost = lastEvaluate - now;
      }
    } catch (err) {
      running = false;
      post({ type: 'error', context: 'train', message: (err as Error).message });
      post({ type: 'state', running, step: r.step, epoch: r.epoch });
      return;
    }
    // Let queued messages (pause, predict, save) run before the next chunk.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  if (run && run.step > 0) {
    evaluateHeldOut(run);
    sendFilters();
  }
}

function normalise(pixels: Float32Array): Tensor {
  if (!heldOut) throw new Error('the data is not loaded yet');
  if (pixels.length !== heldOut.imageSize) {
    throw new Error(`the drawing pad makes 28×28 images; the model takes [${heldOut.imageShape.join(', ')}]`);
  }
  const x = new Float32Array(pixels.length);
  for (let i = 0; i < x.length; i++) x[i] = (pixels[i] - heldOut.mean) / heldOut.std;
  return new Tensor(x, [1, ...heldOut.imageShape]);
}

function loadWeights(bytes: Uint8Array, file: string): void {
  if (!run) throw new Error('build a model first');
  const decoded = decodeWeights(bytes, file);
  running = false;
  let model = run.model;
  if (decoded.spec) {
    model = modelFromSpec(decoded.spec, { rng: new Rng(run.settings.seed) });
  }
  loadWeightsInto(model, decoded.tensors, file);
  const specText = decoded.spec ? formatSpec(specOf(model)) : run.settings.specText;
  startRun({ ...run.settings, specText }, model);
  post({ type: 'loaded', file });
}

async function handle(message: ToWorker): Promise<void> {
  switch (message.type) {
    case 'init':
      try {
        await init();
      } catch (err) {
        post({ type: 'error', context: 'init', message: (err as Error).message });
      }
      return;
    case 'build':
      try {
        build(message.settings);
      } catch (err) {
        post({ type: 'error', context: 'spec', message: (err as Error).message });
      }
      return;
    case 'start':
      if (!run || running) return;
      running = true;
      post({ type: 'state', running, step: run.step, epoch: run.epoch });
      await trainLoop();
      if (run) post({ type: 'state', running, step: run.step, epoch: run.epoch });
      return;
    case 'pause':
      running = false;
      return;
    case 'optimizer':
      if (!run) return;
      try {
        if (message.optimizer !== run.settings.optimizer) run.optimizer = makeOptimizer(run.model, message.optimizer, message.lr);
        else run.optimizer.lr = message.lr;
        run.settings = { ...run.settings, optimizer: message.optimizer, lr: message.lr };
      } catch (err) {
        post({ type: 'error', context: 'train', message: (err as Error).message });
      }
      return;
    case 'predict':
      if (!run) return;
      try {
        post({ type: 'prediction', id: message.id, probabilities: Array.from(predict(run.model, normalise(message.pixels)).data) });
      } catch (err) {
        post({ type: 'error', context: 'predict', message: (err as Error).message });
      }
      return;
    case 'predictImage':
      if (!run || !heldOut) return;
      try {
        const { x, seen } = await uploadedImageInput(new Uint8Array(message.bytes), message.name, heldOut);
        post({ type: 'prediction', id: message.id, probabilities: Array.from(predict(run.model, x).data), seen }, [seen.rgba.buffer]);
      } catch (err) {
        post({ type: 'error', context: 'predict', message: (err as Error).message });
      }
      return;
    case 'inspect':
      inspected = message.index;
      sendFilters();
      return;
    case 'save':
      if (!run) return;
      {
        // The data settings ride along, so `nabla predict` and `nabla eval` normalise as this page did.
        const bytes = encodeWeights(run.model, train ? dataInfoMetadata(dataInfoOf(train, datasetId, preprocess)) : {}).slice();
        post({ type: 'weights', bytes: bytes.buffer, file: 'nabla-playground.safetensors' }, [bytes.buffer]);
      }
      return;
    case 'load':
      try {
        loadWeights(new Uint8Array(message.bytes), message.file);
      } catch (err) {
        post({ type: 'error', context: 'load', message: (err as Error).message });
      }
      return;
    case 'dataset':
      try {
        running = false;
        const [images, labels] = await sortIdxFiles(message.files);
        [train, heldOut] = await datasetsFromIdx(images.bytes, labels.bytes, `${images.name} + ${labels.name}`, false);
        datasetId = null;
        preprocess = 'mnist';
        inspected = 0;
        announceData(backendLabel);
      } catch (err) {
        post({ type: 'error', context: 'data', message: (err as Error).message });
      }
      return;
    case 'folder':
      try {
        running = false;
        const files = message.files.map((f) => ({ path: f.path, bytes: new Uint8Array(f.bytes) }));
        const data = await loadImageFolder(files, message.name, { size: message.size, channels: message.channels, validation: 0.2, seed: 0 },
          (done, total) => post({ type: 'loading', done, total }));
        [train, heldOut] = [data.train, data.validation];
        datasetId = null;
        preprocess = 'resize-center-crop';
        inspected = 0;
        announceData(backendLabel, data.skipped);
      } catch (err) {
        post({ type: 'error', context: 'data', message: (err as Error).message });
      }
      return;
  }
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  handle(event.data).catch((err: Error) => post({ type: 'error', context: 'internal', message: `${event.data.type}: ${err.stack ?? err.message}` }));
};
