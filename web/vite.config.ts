// SPDX-License-Identifier: MIT
// Vite config of the playground. The page imports `nabla` as a user would; here that name points
// at the library's source (src/index.ts). The dev and preview servers send COOP/COEP so the page
// is cross-origin isolated and the wasm backend can share memory with its worker threads. The
// MNIST digits are packed into gzipped IDX assets at build time (scripts/pack-mnist.ts): served
// from memory by the dev server, emitted as files by `vite build`. `base: './'` makes the built
// folder work from any static host, under any path.
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { MNIST_IMAGES_FILE, MNIST_LABELS_FILE, packMnist, type PackedMnist } from '../scripts/pack-mnist.js';

const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

function mnistAssets(): Plugin {
  let packed: Promise<PackedMnist> | null = null;
  const pack = () => (packed ??= packMnist());
  return {
    name: 'nabla-mnist-assets',
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        const name = req.url?.split('?')[0].split('/').pop();
        if (name !== MNIST_IMAGES_FILE && name !== MNIST_LABELS_FILE) return next();
        const { images, labels } = await pack();
        res.setHeader('Content-Type', 'application/octet-stream');
        res.end(name === MNIST_IMAGES_FILE ? images : labels);
      });
    },
    async generateBundle() {
      const { images, labels } = await pack();
      this.emitFile({ type: 'asset', fileName: MNIST_IMAGES_FILE, source: images });
      this.emitFile({ type: 'asset', fileName: MNIST_LABELS_FILE, source: labels });
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  resolve: { alias: { nabla: fileURLToPath(new URL('../src/index.ts', import.meta.url)) } },
  plugins: [mnistAssets()],
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Packing the digits takes a few seconds on purpose (gzip level 9); no timing report for it.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
});
