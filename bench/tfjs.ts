// SPDX-License-Identifier: MIT
// TensorFlow.js's side of the workloads (tfjs-core with the cpu or wasm backend), the same
// shapes in TF.js's native NHWC layout, trained with tf.train.sgd on softmax cross-entropy.
// A workload a backend cannot run (the wasm backend has no conv filter gradient) is reported
// as unsupported with TF.js's own error message.
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { Rng } from '../src/tensor/rng.js';
import type { Workload } from './workloads.js';

// tfjs-core's Node bundle has no gradients; the union package registers them from this file, whose
// extensionless ESM imports only load through require (tsx transpiles it). The registry is global.
createRequire(import.meta.url)('@tensorflow/tfjs-core/dist/register_all_gradients.js');

export async function useTfjsBackend(backend: 'cpu' | 'wasm', threads: number): Promise<string> {
  if (backend === 'wasm') setThreadsCount(threads);
  await tf.setBackend(backend);
  await tf.ready();
  return tf.getBackend();
}

function randomValues(rng: Rng, size: number, scale = 1): Float32Array {
  const data = new Float32Array(size);
  for (let i = 0; i < size; i++) data[i] = rng.normal(0, scale);
  return data;
}

/** A variable drawn like PyTorch's default init: U(−1/√fanIn, 1/√fanIn). */
function param(rng: Rng, shape: number[], fanIn: number): tf.Variable {
  const bound = 1 / Math.sqrt(fanIn);
  const size = shape.reduce((a, b) => a * b, 1);
  const data = new Float32Array(size);
  for (let i = 0; i < size; i++) data[i] = rng.uniform(-bound, bound);
  return tf.variable(tf.tensor(data, shape));
}

type Net = (x: tf.Tensor) => tf.Tensor2D;

function dense(rng: Rng, inF: number, outF: number, relu: boolean): Net {
  const w = param(rng, [inF, outF], inF);
  const b = param(rng, [outF], inF);
  return (x) => {
    const y = tf.add(tf.matMul(x as tf.Tensor2D, w), b) as tf.Tensor2D;
    return relu ? tf.relu(y) : y;
  };
}

function conv(rng: Rng, inC: number, outC: number, k: number, pad: 'same' | 'valid'): Net {
  const w = param(rng, [k, k, inC, outC], inC * k * k);
  const b = param(rng, [outC], inC * k * k);
  return (x) => tf.relu(tf.add(tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, 1, pad), b)) as unknown as tf.Tensor2D;
}

const pool: Net = (x) => tf.maxPool(x as tf.Tensor4D, 2, 2, 'valid') as unknown as tf.Tensor2D;
const flatten: Net = (x) => tf.reshape(x, [x.shape[0], -1]) as tf.Tensor2D;

function chain(nets: Net[]): Net {
  return (x) => nets.reduce((h, f) => f(h), x) as tf.Tensor2D;
}

function model(id: string, rng: Rng): Net {
  if (id === 'W5' || id === 'W6') throw new Error('no batch norm / residual or U-Net model in this TF.js runner');
  if (id === 'W1') return chain([dense(rng, 784, 512, true), dense(rng, 512, 256, true), dense(rng, 256, 10, false)]);
  if (id === 'W3') {
    return chain([conv(rng, 1, 32, 3, 'valid'), conv(rng, 32, 64, 3, 'valid'), pool, flatten,
      dense(rng, 9216, 128, true), dense(rng, 128, 10, false)]);
  }
  return chain([conv(rng, 1, 6, 5, 'same'), pool, conv(rng, 6, 16, 5, 'valid'), pool, flatten,
    dense(rng, 400, 120, true), dense(rng, 120, 84, true), dense(rng, 84, 10, false)]);
}

/** One repetition; each ends by reading a value back so the work has really been done. */
export function tfjsStep(w: Workload): () => void {
  const rng = new Rng(4);
  if (w.id === 'G1') {
    const a = tf.tensor2d(randomValues(rng, w.n! * w.n!), [w.n!, w.n!]);
    const b = tf.tensor2d(randomValues(rng, w.n! * w.n!), [w.n!, w.n!]);
    return () => tf.tidy(() => void tf.matMul(a, b).dataSync());
  }
  const net = model(w.id, rng);
  const x = tf.tensor(randomValues(rng, w.batch * 784), w.id === 'W1' ? [w.batch, 784] : [w.batch, 28, 28, 1]);
  if (w.id === 'W4') return () => tf.tidy(() => void net(x).dataSync());
  const labels = new Int32Array(w.batch);
  for (let i = 0; i < w.batch; i++) labels[i] = rng.int(10);
  const onehot = tf.oneHot(tf.tensor1d(labels, 'int32'), 10);
  const optimizer = tf.train.sgd(0.01);
  return () => {
    const loss = optimizer.minimize(() => tf.losses.softmaxCrossEntropy(onehot, net(x)) as tf.Scalar, true);
    loss!.dataSync();
    loss!.dispose();
  };
}
