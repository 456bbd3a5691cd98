// SPDX-License-Identifier: MIT
// (Node only) A decoding thread of data/image-decode-pool.ts: decodes each chunk of files it is
// sent with decodeFile and posts the results back (the pixel buffers transferred, not copied).
import { parentPort } from 'node:worker_threads';
import { decodeFile, type DecodedFile } from './image-decode-pool.js';

parentPort!.on('message', (message: { k: number; files: string[]; size: number; channels: 1 | 3 | undefined }) => {
  const results: DecodedFile[] = message.files.map((file) => decodeFile(file, message.size, message.channels));
  const buffers = results.flatMap((r) => ('data' in r ? [r.data.buffer as ArrayBuffer] : []));
  parentPort!.postMessage({ k: message.k, results }, [...new Set(buffers)]);
});
