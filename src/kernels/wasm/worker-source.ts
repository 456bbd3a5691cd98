// SPDX-License-Identifier: MIT
// The source of a pool worker, as a string so that the same code starts a Node worker_threads
// Worker (eval) and a browser Web Worker (Blob URL) without a separate file to locate.
// A worker instantiates the module on the shared memory, says it is ready, then loops: wait for
// the job sequence number to change (spinning a moment, then sleeping), claim and run items of
// the posted job until none are left, wake the caller. Control words (see runtime.ts):
// 0 sequence, 2 items done, 5 failed.
/** Loads of the control word a waiting thread makes before it sleeps: about a millisecond. */
export const SPIN_ITERATIONS = 100000;

export const WORKER_SOURCE = `
const SPIN = ${SPIN_ITERATIONS};
const nodePort = typeof require === 'function' ? require('node:worker_threads').parentPort : null;
function onFirstMessage(handler) {
  if (nodePort) nodePort.once('message', handler);
  else self.onmessage = (event) => { self.onmessage = null; handler(event.data); };
}
function post(message) {
  if (nodePort) nodePort.postMessage(message);
  else self.postMessage(message);
}
onFirstMessage(async ({ module, memory, control, thread }) => {
  const instance = await WebAssembly.instantiate(module, { env: { memory } });
  const runJobItems = instance.exports.runJobItems;
  const words = new Int32Array(memory.buffer, control, 16);
  let seen = Atomics.load(words, 0);
  post('ready');
  for (;;) {
    // Jobs come in bursts (the layers of a training step): spin a little before sleeping, so the
    // next job does not wait for the OS to wake this thread.
    for (let spin = 0; spin < SPIN && Atomics.load(words, 0) === seen; spin++);
    Atomics.wait(words, 0, seen);
    seen = Atomics.load(words, 0);
    try {
      runJobItems(control, thread);
    } catch (error) {
      Atomics.store(words, 5, 1);
    }
    Atomics.notify(words, 2);
  }
});
`;
