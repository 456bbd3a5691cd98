import { readFileSync } from 'node:fs';
import { readOnnx } from '../../src/io/onnx/import.js';
import { Tensor } from '../../src/tensor/tensor.js';
for (const name of ['mlp', 'cnn-bn', 'cnn-view', 'cnn-reshape']) {
  try {
    const r = readOnnx(readFileSync(`test/fixtures/onnx/${name}.onnx`));
    const f = JSON.parse(readFileSync(`test/fixtures/onnx/${name}.json`, 'utf8'));
    const y = r.model.forward(Tensor.from(f.input, f.inputShape), 'eval');
    let m = 0; for (let i = 0; i < y.size; i++) m = Math.max(m, Math.abs(y.data[i] - f.output[i]));
    console.log(name, JSON.stringify(r.specs), r.inputShape, 'maxdiff', m);
  } catch (e) { console.log(name, (e as Error).message); }
}
