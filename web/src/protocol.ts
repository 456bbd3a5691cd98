// SPDX-License-Identifier: MIT
// The messages between the page (main.ts) and the training worker (worker.ts). The worker owns
// the model, the data and the backend; the page only draws what the worker reports.
import type { Preprocess } from 'nabla';

export type OptimizerName = 'adam' | 'sgd';

export interface TrainSettings {
  /** The model spec as the user typed it (JSON text, the CLI's format). */
  specText: string;
  optimizer: OptimizerName;
  lr: number;
  batchSize: number;
  seed: number;
}

export type ToWorker =
  | { type: 'init' }
  | { type: 'build'; settings: TrainSettings }
  | { type: 'start' }
  | { type: 'pause' }
  | { type: 'optimizer'; optimizer: OptimizerName; lr: number }
  | { type: 'predict'; id: number; pixels: Float32Array }
  /** An uploaded PNG or JPEG, prepared as the image folder's training images were (upload.ts). */
  | { type: 'predictImage'; id: number; bytes: ArrayBuffer; name: string }
  | { type: 'inspect'; index: number }
  | { type: 'save' }
  | { type: 'load'; bytes: ArrayBuffer; file: string }
  | { type: 'dataset'; files: { name: string; bytes: ArrayBuffer }[] }
  /** An image folder (class subfolders of PNG/JPEG files, or .zip files of that layout), paths relative to the pick. */
  | { type: 'folder'; name: string; files: { path: string; bytes: ArrayBuffer }[]; size: number; channels: 1 | 3 };

/** One layer as the inspector lists it. */
export interface LayerInfo {
  index: number;
  /** 'Conv2d(1→8, 5×5)'. */
  label: string;
  outputShape: number[];
  hasWeight: boolean;
}

/** Per-layer gradient norms averaged over the steps since the last report. */
export interface GradientSample {
  step: number;
  /** ‖dL/dW‖₂ of each layer's weight (NaN for layers without one), indexed like the layers. */
  weight: number[];
  /** ‖dL/dx‖₂ of each layer's input, indexed like the layers. */
  input: number[];
}

/** Images to draw: raw bytes 0..255, [count, H, W], one channel. */
export interface ImageGrid {
  count: number;
  height: number;
  width: number;
  pixels: Uint8Array;
}

/** Maps to draw as grayscale: values [count, H, W] scaled per map. */
export interface MapGrid {
  title: string;
  count: number;
  height: number;
  width: number;
  values: Float32Array;
}

export type FromWorker =
  /** preprocess: how new images are prepared, 'mnist' (digits: the drawing pad's fit and centre) or 'resize-center-crop' (image folders). */
  | { type: 'ready'; backend: string; dataset: string; trainCount: number; heldOutCount: number; samples: ImageGrid; sampleLabels: number[]; classNames: string[]; imageShape: number[]; skipped: string[]; preprocess: Preprocess }
  | { type: 'loading'; done: number; total: number }
  | { type: 'model'; layers: LayerInfo[]; parameterCount: number; specText: string; note: string }
  | { type: 'state'; running: boolean; step: number; epoch: number }
  | { type: 'progress'; step: number; epoch: number; loss: number; accuracy: number; imagesPerSecond: number; gradients: GradientSample }
  | { type: 'evaluation'; step: number; epoch: number; loss: number; accuracy: number; confusion: number[][]; samplePredictions: number[] }
  | { type: 'filters'; filters: MapGrid | null; activations: MapGrid | null; inspected: number; note: string }
  /** seen: for an upload, the image the model was given (RGBA), shown as the preview. */
  | { type: 'prediction'; id: number; probabilities: number[]; seen?: { width: number; height: number; rgba: Uint8ClampedArray<ArrayBuffer> } }
  | { type: 'weights'; bytes: ArrayBuffer; file: string }
  | { type: 'loaded'; file: string }
  /** 'init' and 'internal' are bugs (the page logs them as console errors); the rest are the user's to fix. */
  | { type: 'error'; context: 'spec' | 'train' | 'load' | 'data' | 'predict' | 'init' | 'internal'; message: string };
