// Child process for checkpoint-kill.test.ts: writes big checkpoints to argv[2] in a loop,
// checkpoint i holding step i and a 24 MB tensor filled with i. Prints "writing i" before
// each write and "saved i" after it, so the parent can kill it in the middle of a write.
import { saveCheckpoint } from '../../../src/io/node-file.js';
import { Parameter, Tensor } from '../../../src/tensor/tensor.js';

const path = process.argv[2];
const big = new Parameter('0.weight', Tensor.zeros([6_000_000]));
const small = new Parameter('0.bias', Tensor.zeros([3]));
const model = { parameters: () => [big, small], buffers: () => [] };

for (let i = 1; ; i++) {
  big.value.data.fill(i);
  small.value.data.fill(-i);
  process.stdout.write(`writing ${i}\n`);
  await saveCheckpoint(path, model, { epoch: i, step: i, history: { saved: i } });
  process.stdout.write(`saved ${i}\n`);
}
