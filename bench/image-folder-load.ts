// SPDX-License-Identifier: MIT
// How long `nabla train --data DIR` spends loading an image folder (listing, decoding, resizing,
// the validation split, measuring the mean and std) and how much memory the images take, as the
// CLI loads it (cli/common.ts loadDataset), then one DataLoader epoch over the training split
// (batches of 64, shifts ±2, no model): what reading the images costs per epoch, in memory or
// streamed from the record file. docs/results.md has the figures.
//   node --import tsx bench/image-folder-load.ts DIR [--cache-mb N] [--size S] [--channels C]
import { loadDataset } from '../src/cli/common.js';
import { DataLoader } from '../src/data/loader.js';
import { Rng } from '../src/tensor/rng.js';
import { cpus, loadavg } from 'node:os';

const args = process.argv.slice(2);
const dir = args[0];
if (!dir) throw new Error('usage: node --import tsx bench/image-folder-load.ts DIR [--cache-mb N] [--size S] [--channels C]');
const option = (name: string) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : undefined);
const cacheMb = option('--cache-mb');
const rssBefore = process.memoryUsage().rss;
const began = performance.now();
const data = await loadDataset(dir, {
  seed: 0,
  images: { size: option('--size'), channels: option('--channels') as 1 | 3 | undefined, ...(cacheMb !== undefined ? { cacheBytes: cacheMb * 2 ** 20 } : {}) },
});
const seconds = (performance.now() - began) / 1000;
const count = data.train.length + (data.validation?.length ?? 0) + (data.test?.length ?? 0);
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
console.log(`${dir}: ${count} images (${data.train.length} train, ${data.validation?.length ?? 0} validation, ${data.test?.length ?? 0} test) of [${data.train.imageShape.join(', ')}] as ${data.train.storage}`);
console.log(`loaded in ${seconds.toFixed(2)} s (${Math.round(count / seconds)} images/s); image bytes held: ${mb(data.train.bytesHeld)} MiB; RSS ${mb(rssBefore)} → ${mb(process.memoryUsage().rss)} MiB`);
console.log(`CPU: ${cpus()[0].model}, ${cpus().length} cores; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
for (const note of data.notes) console.log(`  ${note}`);

const cpuBefore = process.cpuUsage();
const epochBegan = performance.now();
let served = 0;
for (const batch of new DataLoader(data.train, { batchSize: 64, rng: new Rng(0), augment: { maxShift: 2 } })) served += batch.x.shape[0];
const cpu = process.cpuUsage(cpuBefore);
console.log(`one loader epoch (${served} samples, batch 64, shifts ±2, no model): wall ${((performance.now() - epochBegan) / 1000).toFixed(2)} s, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s; image bytes held after it: ${mb(data.train.bytesHeld)} MiB`);
