// SPDX-License-Identifier: MIT
// The playground page: controls, charts and views. All the training happens in worker.ts; this
// file sends it commands and draws what it reports, at most once per animation frame.
import { PRESET_DESCRIPTIONS, PRESET_NAMES, presetSpec, type PresetName, type Preprocess } from 'nabla';
import { LineChart, PALETTE } from './charts.js';
import { DrawingPad } from './draw.js';
import { EXAMPLES, formatSpec } from './specs.js';
import type { FromWorker, GradientSample, LayerInfo, OptimizerName, ToWorker, TrainSettings } from './protocol.js';
import { markSamples, renderConfusion, renderMaps, renderProbabilities, renderSamples } from './views.js';

const DEFAULT_PRESET: PresetName = 'lenet5';

function $<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`playground: #${id} is missing from the page`);
  return el as T;
}

const ui = {
  backend: $('backend'), dataset: $('dataset'), modelSize: $('model-size'),
  preset: $<HTMLSelectElement>('preset'), spec: $<HTMLTextAreaElement>('spec'), specError: $('spec-error'),
  optimizer: $<HTMLSelectElement>('optimizer'), lr: $<HTMLInputElement>('lr'), batchSize: $<HTMLInputElement>('batch-size'), seed: $<HTMLInputElement>('seed'),
  start: $<HTMLButtonElement>('start'), pause: $<HTMLButtonElement>('pause'), reset: $<HTMLButtonElement>('reset'),
  save: $<HTMLButtonElement>('save'), load: $<HTMLInputElement>('load'), idxFiles: $<HTMLInputElement>('idx-files'),
  folderFiles: $<HTMLInputElement>('folder-files'), zipFile: $<HTMLInputElement>('zip-file'), folderShape: $<HTMLSelectElement>('folder-shape'),
  skipped: $<HTMLDetailsElement>('skipped'), skippedSummary: $('skipped-summary'), skippedList: $('skipped-list'),
  status: $('status'), trainLoss: $('train-loss'), heldOutAccuracy: $('heldout-accuracy'),
  gradientTable: $<HTMLTableElement>('gradient-table'), prediction: $('prediction'), probabilities: $('probabilities'),
  padPreview: $<HTMLCanvasElement>('pad-preview'), confusion: $('confusion'), filtersNote: $('filters-note'),
  filters: $('filters'), activations: $('activations'), samples: $('samples'), samplesSummary: $('samples-summary'),
  uploadImage: $<HTMLInputElement>('upload-image'),
};

const charts = {
  loss: new LineChart($<HTMLCanvasElement>('loss-chart'), { yTitle: 'loss (cross-entropy)' }),
  accuracy: new LineChart($<HTMLCanvasElement>('accuracy-chart'), { yTitle: 'accuracy', min: 0, max: 1 }),
  weightGrad: new LineChart($<HTMLCanvasElement>('weight-grad-chart'), { yTitle: '‖∂L/∂W‖ per layer', log: true }),
  inputGrad: new LineChart($<HTMLCanvasElement>('input-grad-chart'), { yTitle: '‖∂L/∂x‖ per layer', log: true }),
};
charts.loss.setSeries([{ label: 'train', color: PALETTE[0] }, { label: 'held-out', color: PALETTE[1], dashed: true }]);
charts.accuracy.setSeries([{ label: 'train', color: PALETTE[0] }, { label: 'held-out', color: PALETTE[1], dashed: true }]);

const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'nabla-training' });
function send(message: ToWorker, transfer: Transferable[] = []): void {
  worker.postMessage(message, transfer);
}

let classNames: string[] = [];
/** [C, H, W] of the current data: the presets are built for it. */
let imageShape: [number, number, number] = [1, 28, 28];
let sampleLabels: number[] = [];
let sampleButtons: HTMLButtonElement[] = [];
let layers: LayerInfo[] = [];
let running = false;
let hasModel = false;
/** The spec text the current model was built from; Start rebuilds when the text has changed. */
let builtSpec = '';
/** Why the worker stopped the last run (a diverged loss), shown until the next Start or Reset. */
let stoppedBy: string | null = null;
/** The batch size and seed the model was built with (they take effect at a build). */
let builtOrder = '';
let loadingWeights = false;
let predictionId = 0;
let redrawQueued = false;
/** How new images are prepared for the current data: MNIST's fit and centre (digits) or an image folder's resize + crop. */
let preprocess: Preprocess = 'mnist';
/** An uploaded image for an image folder's model: predicted by the worker from its own bytes, not from the pad. */
let upload: { bytes: ArrayBuffer; name: string } | null = null;
/** Classes listed for an upload: the most probable few. */
const UPLOAD_TOP = 5;

function queueRedraw(): void {
  if (redrawQueued) return;
  redrawQueued = true;
  requestAnimationFrame(() => {
    redrawQueued = false;
    for (const chart of Object.values(charts)) chart.update();
  });
}

// ---- Controls

for (const name of PRESET_NAMES) ui.preset.add(new Option(`${name}: ${PRESET_DESCRIPTIONS[name]}`, name));
for (const example of EXAMPLES) ui.preset.add(new Option(`${example.name}: ${example.description}`, example.name));
ui.preset.add(new Option('custom (edited spec)', 'custom'));

function choosePreset(name: string): void {
  const example = EXAMPLES.find((e) => e.name === name);
  if (example) ui.spec.value = formatSpec(example.spec(imageShape, classNames.length || 10));
  else if ((PRESET_NAMES as readonly string[]).includes(name)) {
    ui.spec.value = formatSpec(presetSpec(name as PresetName, { inputShape: imageShape, numClasses: classNames.length || 10 }));
  }
}

function settings(): TrainSettings {
  return {
    specText: ui.spec.value,
    optimizer: ui.optimizer.value as OptimizerName,
    lr: Number(ui.lr.value),
    batchSize: Number(ui.batchSize.value),
    seed: Number(ui.seed.value) || 0,
  };
}

function showSpecError(message: string | null): void {
  ui.specError.hidden = message === null;
  ui.specError.textContent = message ?? '';
  ui.spec.setAttribute('aria-invalid', message === null ? 'false' : 'true');
}

function clearViews(): void {
  charts.loss.clear();
  charts.accuracy.clear();
  ui.trainLoss.textContent = '–';
  ui.heldOutAccuracy.textContent = '–';
  ui.heldOutAccuracy.dataset.value = '0';
  ui.confusion.replaceChildren();
}

/** Checks the number fields; says what is wrong in the status line and returns false. */
function settingsValid(): boolean {
  const { lr, batchSize } = settings();
  const seed = Number(ui.seed.value);
  const problem = !(lr > 0 && lr <= 10) ? `The learning rate must be a number in (0, 10], got '${ui.lr.value}'.`
    : !(Number.isInteger(batchSize) && batchSize >= 1 && batchSize <= 1024) ? `The batch size must be an integer in 1..1024, got '${ui.batchSize.value}'.`
    : !(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32) ? `The seed must be an integer in 0..4294967295, got '${ui.seed.value}'.`
    : null;
  if (problem) ui.status.textContent = problem;
  ui.lr.setAttribute('aria-invalid', String(problem !== null && !(lr > 0 && lr <= 10)));
  return problem === null;
}

function build(): void {
  if (!settingsValid()) return;
  showSpecError(null);
  hasModel = false;
  builtSpec = ui.spec.value;
  builtOrder = orderOf();
  stoppedBy = null;
  clearViews();
  send({ type: 'build', settings: settings() });
}

function setRunning(value: boolean): void {
  running = value;
  ui.start.disabled = value || !classNames.length;
  ui.pause.disabled = !value;
  ui.reset.disabled = !classNames.length;
  ui.save.disabled = !hasModel;
}

ui.preset.addEventListener('change', () => {
  choosePreset(ui.preset.value);
  if (!running) build();
});
ui.spec.addEventListener('input', () => {
  ui.preset.value = 'custom';
});
/** The batch size and seed as built into a model: its data order. */
function orderOf(): string {
  return `${ui.batchSize.value}|${ui.seed.value}`;
}
for (const input of [ui.batchSize, ui.seed]) {
  input.addEventListener('change', () => {
    if (hasModel && orderOf() !== builtOrder) ui.status.textContent = 'The batch size and the seed take effect when the model is built: press Reset to start over with them.';
  });
}
ui.start.addEventListener('click', () => {
  if (!settingsValid()) return;
  stoppedBy = null;
  if (ui.spec.value !== builtSpec || !hasModel) build();
  send({ type: 'optimizer', optimizer: ui.optimizer.value as OptimizerName, lr: Number(ui.lr.value) });
  send({ type: 'start' });
});
ui.pause.addEventListener('click', () => send({ type: 'pause' }));
ui.reset.addEventListener('click', () => build());
for (const input of [ui.optimizer, ui.lr]) {
  input.addEventListener('change', () => {
    if (settingsValid()) send({ type: 'optimizer', optimizer: ui.optimizer.value as OptimizerName, lr: Number(ui.lr.value) });
  });
}
ui.save.addEventListener('click', () => send({ type: 'save' }));
ui.load.addEventListener('change', async () => {
  const file = ui.load.files?.[0];
  if (!file) return;
  loadingWeights = true;
  clearViews();
  ui.status.textContent = `Loading ${file.name}…`;
  const bytes = await file.arrayBuffer();
  send({ type: 'load', bytes, file: file.name }, [bytes]);
  ui.load.value = '';
});

async function useIdxFiles(files: FileList | File[]): Promise<void> {
  const list = await Promise.all([...files].map(async (f) => ({ name: f.name, bytes: await f.arrayBuffer() })));
  ui.status.textContent = `Reading ${list.map((f) => f.name).join(' and ')}…`;
  send({ type: 'dataset', files: list }, list.map((f) => f.bytes));
}
ui.idxFiles.addEventListener('change', () => {
  if (ui.idxFiles.files?.length) void useIdxFiles(ui.idxFiles.files);
  ui.idxFiles.value = '';
});
/** Sends an image folder's files (paths relative to the pick, or .zip files) to the worker. */
async function useFolder(name: string, files: { path: string; file: File }[]): Promise<void> {
  ui.status.textContent = `Reading ${files.length.toLocaleString('en')} files of ${name}…`;
  const list = await Promise.all(files.map(async (f) => ({ path: f.path, bytes: await f.file.arrayBuffer() })));
  const [size, channels] = ui.folderShape.value.split(':').map(Number);
  send({ type: 'folder', name, files: list, size, channels: channels as 1 | 3 }, list.map((f) => f.bytes));
}
ui.folderFiles.addEventListener('change', () => {
  const files = [...(ui.folderFiles.files ?? [])].map((file) => ({ path: file.webkitRelativePath || file.name, file }));
  if (files.length) void useFolder(files[0].path.split('/')[0], files);
  ui.folderFiles.value = '';
});
ui.zipFile.addEventListener('change', () => {
  const file = ui.zipFile.files?.[0];
  if (file) void useFolder(file.name, [{ path: file.name, file }]);
  ui.zipFile.value = '';
});

/** Every file under a dropped entry, with its path from the drop. */
async function entryFiles(entry: FileSystemEntry): Promise<{ path: string; file: File }[]> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    return [{ path: entry.fullPath.replace(/^\//, ''), file }];
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const children: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (!batch.length) break;
    children.push(...batch);
  }
  return (await Promise.all(children.map(entryFiles))).flat();
}

const isImageFile = (file: File) => /^image\/(png|jpeg|gif|webp|bmp)$/.test(file.type) || /\.(png|jpe?g|gif|webp|bmp)$/i.test(file.name);

document.addEventListener('dragover', (e) => e.preventDefault());
document.addEventListener('drop', (e) => {
  e.preventDefault();
  const transfer = e.dataTransfer;
  if (!transfer?.files.length) return;
  const entries = [...transfer.items].map((item) => item.webkitGetAsEntry()).filter((entry): entry is FileSystemEntry => entry !== null);
  const files = [...transfer.files];
  if (files.length === 1 && isImageFile(files[0]) && !entries.some((entry) => entry.isDirectory)) {
    void useUpload(files[0]); // one image: classify it (a dataset takes two IDX files or a folder)
  } else if (entries.some((entry) => entry.isDirectory)) {
    void Promise.all(entries.map(entryFiles)).then((lists) => useFolder(entries[0].name, lists.flat()));
  } else if (files.some((f) => /\.zip$/i.test(f.name))) {
    void useFolder(files[0].name, files.map((file) => ({ path: file.name, file })));
  } else if (files.length > 1 && files.every((f) => isImageFile(f) || /^image\//.test(f.type))) {
    // Loose images are no dataset (it needs one folder of images per class): say so, not "bad magic".
    ui.status.textContent = `${files.length} images dropped: drop one image to classify it, or a folder (or zip) with one subfolder of images per class to train on`;
  } else {
    void useIdxFiles(files);
  }
});

function showSkipped(skipped: string[]): void {
  ui.skipped.hidden = skipped.length === 0;
  ui.skippedSummary.textContent = `Skipped ${skipped.length} file${skipped.length === 1 ? '' : 's'} that are not readable images`;
  ui.skippedList.replaceChildren(...skipped.map((line) => Object.assign(document.createElement('li'), { textContent: line })));
}

// ---- Drawing pad

let predictionQueued = false;
const pad = new DrawingPad($<HTMLCanvasElement>('pad'), () => queuePrediction());
$('clear-pad').addEventListener('click', () => {
  upload = null;
  pad.clear();
});
pad.canvas.addEventListener('pointerdown', () => {
  upload = null; // drawing over an upload: the pad's drawing is what is predicted now
});

/**
 * An uploaded PNG or JPEG, decoded by the browser. For digits it goes into the pad as ink (the
 * pad fits and centres it like MNIST); for an image folder's model it is shown in the pad and
 * its own bytes go to the worker, which prepares them as the folder's training images (upload.ts).
 */
/** The largest upload read: Chromium's canvases stop at 32,767 a side and about 268 M pixels, and far smaller ones already stall the page. */
const MAX_UPLOAD_SIDE = 16384;
const MAX_UPLOAD_PIXELS = 64 * 1024 * 1024;

async function useUpload(file: File): Promise<void> {
  const bytes = await file.arrayBuffer();
  let picture: ImageBitmap;
  try {
    picture = await createImageBitmap(new Blob([bytes]));
  } catch (err) {
    ui.status.textContent = `${file.name}: the browser cannot decode it as an image (${(err as Error).message || (err as Error).name}); upload a PNG or JPEG`;
    return;
  }
  const { width, height } = picture;
  if (width > MAX_UPLOAD_SIDE || height > MAX_UPLOAD_SIDE || width * height > MAX_UPLOAD_PIXELS) {
    picture.close();
    // A canvas past the browser's limits draws nothing: the model would see a blank image.
    ui.status.textContent = `${file.name} is ${width}×${height}: too large to read in the page (at most ${MAX_UPLOAD_SIDE} a side and ${MAX_UPLOAD_PIXELS.toLocaleString('en')} pixels); shrink it first`;
    return;
  }
  const digits = preprocess !== 'resize-center-crop';
  upload = digits ? null : { bytes, name: file.name };
  pad.showPicture(picture, digits);
  picture.close();
  const [, h, w] = imageShape;
  ui.status.textContent = `Uploaded ${file.name} (${width}×${height}): ${digits ? 'as ink, fitted and centred like MNIST' : `resized and centre-cropped to ${h}×${w}, normalised as the training images`}.`;
}
ui.uploadImage.addEventListener('change', () => {
  const file = ui.uploadImage.files?.[0];
  if (file) void useUpload(file);
  ui.uploadImage.value = '';
});

function queuePrediction(): void {
  if (predictionQueued) return;
  predictionQueued = true;
  requestAnimationFrame(() => {
    predictionQueued = false;
    if (upload) {
      if (!hasModel) return;
      const bytes = upload.bytes.slice(0); // the worker takes a copy: the upload is predicted again after each evaluation
      send({ type: 'predictImage', id: ++predictionId, bytes, name: upload.name }, [bytes]);
      return;
    }
    const pixels = pad.preprocess();
    if (ui.padPreview.width !== 28 || ui.padPreview.height !== 28) [ui.padPreview.width, ui.padPreview.height] = [28, 28]; // after an upload's preview
    const preview = ui.padPreview.getContext('2d')!;
    const image = preview.createImageData(28, 28);
    for (let i = 0; i < 784; i++) {
      const v = Math.round((pixels?.[i] ?? 0) * 255);
      image.data[i * 4] = image.data[i * 4 + 1] = image.data[i * 4 + 2] = v;
      image.data[i * 4 + 3] = 255;
    }
    preview.putImageData(image, 0, 0);
    if (!pixels || !hasModel) {
      ui.prediction.textContent = '–';
      ui.prediction.dataset.probabilities = '';
      renderProbabilities(ui.probabilities, null, classNames);
      return;
    }
    send({ type: 'predict', id: ++predictionId, pixels }, [pixels.buffer]);
  });
}

// ---- Reports from the worker

function renderGradients(sample: GradientSample): void {
  const weighted = layers.filter((l) => l.hasWeight);
  charts.weightGrad.push(sample.step, weighted.map((l) => sample.weight[l.index]));
  charts.inputGrad.push(sample.step, weighted.map((l) => sample.input[l.index]));
  const rows = layers.map((l) => {
    const dW = sample.weight[l.index];
    const dx = sample.input[l.index];
    return `<tr><td>${l.index}</td><td>${l.label}</td><td>${Number.isFinite(dW) ? dW.toExponential(2) : ''}</td><td>${Number.isFinite(dx) ? dx.toExponential(2) : ''}</td></tr>`;
  });
  ui.gradientTable.innerHTML = `<thead><tr><th>#</th><th>layer</th><th>‖∂L/∂W‖</th><th>‖∂L/∂x‖</th></tr></thead><tbody>${rows.join('')}</tbody>`;
}

function onModel(message: Extract<FromWorker, { type: 'model' }>): void {
  layers = message.layers;
  hasModel = true;
  ui.modelSize.textContent = `${layers.length} layers, ${message.note}`;
  if (loadingWeights) {
    ui.spec.value = message.specText;
    ui.preset.value = 'custom';
    builtSpec = ui.spec.value;
    loadingWeights = false;
  }
  const weighted = layers.filter((l) => l.hasWeight);
  const series = weighted.map((l, i) => ({ label: `${l.index} ${l.label.split(' ')[0]}`, color: PALETTE[i % PALETTE.length] }));
  charts.weightGrad.setSeries(series);
  charts.inputGrad.setSeries(series);
  ui.gradientTable.replaceChildren();
  queuePrediction();
}

worker.onmessage = (event: MessageEvent<FromWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'ready':
      ui.backend.textContent = message.backend;
      ui.dataset.textContent = `${message.dataset}: ${message.trainCount.toLocaleString('en')} train, ${message.heldOutCount.toLocaleString('en')} held out` +
        (message.skipped.length ? ` · ${message.skipped.length} bad file${message.skipped.length === 1 ? '' : 's'} skipped (listed below)` : '');
      classNames = message.classNames;
      imageShape = message.imageShape as [number, number, number];
      preprocess = message.preprocess;
      upload = null;
      showSkipped(message.skipped);
      // A preset is rebuilt for the data's image shape and class count; an edited spec is the user's.
      if (ui.preset.value !== 'custom') choosePreset(ui.preset.value);
      sampleLabels = message.sampleLabels;
      sampleButtons = renderSamples(ui.samples, message.samples, message.sampleLabels.map((y) => classNames[y] ?? String(y)), (index) => {
        send({ type: 'inspect', index });
        upload = null;
        const size = message.samples.height * message.samples.width;
        pad.showImage(message.samples.pixels.subarray(index * size, (index + 1) * size), message.samples.height, message.samples.width);
        sampleButtons.forEach((b, i) => b.setAttribute('aria-pressed', String(i === index)));
      });
      ui.status.textContent = 'Ready. Press Start.';
      build();
      setRunning(false);
      break;
    case 'loading':
      ui.status.textContent = `Decoding images: ${message.done.toLocaleString('en')} of ${message.total.toLocaleString('en')}…`;
      break;
    case 'model':
      onModel(message);
      setRunning(running);
      break;
    case 'state':
      setRunning(message.running);
      // A run the worker stopped (a diverged loss) keeps saying why.
      ui.status.textContent = !message.running && stoppedBy ? `Stopped · step ${message.step}: ${stoppedBy}`
        : `${message.running ? 'Training' : message.step > 0 ? 'Paused' : 'Ready'} · step ${message.step}`;
      break;
    case 'progress':
      ui.status.textContent = `Training · step ${message.step} · epoch ${message.epoch.toFixed(2)} · ${Math.round(message.imagesPerSecond)} images/s`;
      ui.trainLoss.textContent = message.loss.toFixed(4);
      charts.loss.push(message.step, [message.loss, null]);
      charts.accuracy.push(message.step, [message.accuracy, null]);
      renderGradients(message.gradients);
      queueRedraw();
      break;
    case 'evaluation': {
      ui.heldOutAccuracy.textContent = `${(message.accuracy * 100).toFixed(2)}%`;
      ui.heldOutAccuracy.dataset.value = String(message.accuracy);
      charts.loss.push(message.step, [null, message.loss]);
      charts.accuracy.push(message.step, [null, message.accuracy]);
      renderConfusion(ui.confusion, message.confusion, classNames);
      const wrong = markSamples(sampleButtons, sampleLabels, message.samplePredictions, classNames);
      ui.samplesSummary.textContent = `${wrong} of ${sampleButtons.length} misclassified (red, true→predicted).`;
      queueRedraw();
      queuePrediction();
      break;
    }
    case 'filters':
      ui.filtersNote.textContent = message.note;
      renderMaps(ui.filters, message.filters, true);
      renderMaps(ui.activations, message.activations, false);
      break;
    case 'prediction': {
      if (message.id !== predictionId) break;
      if (!message.probabilities.every(Number.isFinite)) {
        ui.prediction.textContent = '–';
        ui.prediction.dataset.probabilities = '[]';
        ui.status.textContent = 'The model\'s outputs are not finite (its weights diverged): press Reset to start over.';
        break;
      }
      const best = message.probabilities.indexOf(Math.max(...message.probabilities));
      ui.prediction.textContent = classNames[best] ?? String(best);
      ui.prediction.dataset.probabilities = JSON.stringify(message.probabilities);
      if (message.seen) {
        // An upload: the preview shows the image the model was given (the training images' size and channels).
        const { width, height, rgba } = message.seen;
        [ui.padPreview.width, ui.padPreview.height] = [width, height];
        ui.padPreview.getContext('2d')!.putImageData(new ImageData(rgba, width, height), 0, 0);
      }
      renderProbabilities(ui.probabilities, message.probabilities, classNames, message.seen ? Math.min(UPLOAD_TOP, classNames.length) : undefined);
      break;
    }
    case 'weights': {
      const url = URL.createObjectURL(new Blob([message.bytes], { type: 'application/octet-stream' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = message.file;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      ui.status.textContent = `Saved ${message.file} (${message.bytes.byteLength.toLocaleString('en')} bytes).`;
      break;
    }
    case 'loaded':
      ui.status.textContent = `Loaded ${message.file}.`;
      break;
    case 'error':
      if (message.context === 'spec') {
        showSpecError(message.message);
        hasModel = false;
        ui.status.textContent = 'Fix the model spec, then press Start.';
      } else {
        // Bad specs, files and diverging runs are the user's to fix; a failed start or an uncaught error is a bug.
        if (message.context === 'init' || message.context === 'internal') console.error(`nabla playground: ${message.message}`);
        loadingWeights = false;
        ui.status.textContent = `Error (${message.context}): ${message.message}`;
        if (message.context === 'train') stoppedBy = message.message;
      }
      // A stopped run reports its own state; these leave no run behind to report it.
      if (message.context === 'spec' || message.context === 'init' || message.context === 'internal') setRunning(false);
      break;
  }
};
worker.onerror = (event) => {
  ui.status.textContent = `The training worker failed: ${event.message}`;
  console.error(`nabla playground: the training worker failed: ${event.message}`);
};

ui.preset.value = DEFAULT_PRESET;
choosePreset(DEFAULT_PRESET);
renderProbabilities(ui.probabilities, null, classNames);
send({ type: 'init' });
