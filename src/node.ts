// SPDX-License-Identifier: MIT
// Nabla's Node-only API: everything in index.ts plus the helpers that touch files and the
// network (IDX folders, dataset download, atomic weight and checkpoint files).
export * from './index.js';
export * from './data/folder.js';
export * from './data/download.js';
export * from './data/decode.js';
export * from './data/image-folder.js';
export * from './data/image-store-file.js';
export * from './data/table-csv.js';
export * from './io/node-file.js';
export * from './train/node-callbacks.js';
