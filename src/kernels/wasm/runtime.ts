// SPDX-License-Identifier: MIT
// One instance of nabla.wasm: its linear memory, an arena in that memory reused by every call,
// and (with shared memory) a pool of workers that run items of a job on the same memory.
// A job is synchronous for the caller: it posts the job, wakes the workers, claims items
// alongside them and returns when every item is done.
import { detectFeatures, importNode, isNode, type WasmFeatures } from './features.js';
import { INITIAL_PAGES, MAXIMUM_PAGES, wasmBase64 } from './build/modules.js';
import { SPIN_ITERATIONS, WORKER_SOURCE } from './worker-source.js';

interface NablaExports {
  runJobItems(control: number, thread: number): void;
  runJobSerial(desc: number, items: number): void;
  tileRows(): number;
  tileCols(): number;
  heapBase(): number;
  gemmScratchBytes(): number;
  convScratchBytes(rows: number, OHW: number): number;
  convBatchScratchBytes(rows: number, outC: number, OHW: number, batch: number): number;
  convBatchDxScratchBytes(rows: number, outC: number, OHW: number, batch: number): number;
  convDirectScratchBytes(C: number, OH: number, OW: number, kH: number, kW: number): number;
  convDirectTableBytes(outC: number, C: number, kH: number, kW: number): number;
  convDirectPrepare(w: number, outC: number, C: number, kH: number, kW: number, OH: number, OW: number, tables: number): void;
  winogradWorkBytes(Cin: number, Cout: number, OH: number, OW: number, group: number, m: number): number;
  winogradPackedBytes(Cout: number, Cin: number, m: number): number;
  winogradPositions(m: number): number;
  winogradKernelScratchBytes(): number;
  winogradGradWorkBytes(Cin: number, Cout: number, OH: number, OW: number, group: number, m: number): number;
  winogradInputGradientWorkBytes(Cin: number, Cout: number, H: number, W: number, OH: number, OW: number, padH: number, padW: number, group: number): number;
  addPartials(dW: number, partials: number, count: number, size: number): void;
  reluSimd(x: number, y: number, n: number): void;
  reluBackwardSimd(x: number, dy: number, dx: number, n: number): void;
  relu6Simd(x: number, y: number, n: number): void;
  relu6BackwardSimd(x: number, dy: number, dx: number, n: number): void;
  hardSimd(x: number, y: number, n: number, timesX: number): void;
  hardsigmoidBackwardSimd(x: number, dy: number, dx: number, n: number): void;
  hardswishBackwardSimd(x: number, dy: number, dx: number, n: number): void;
  transcendentalSimd(kind: number, x: number, y: number, n: number, alpha: number, threshold: number, scratch: number): void;
  transcendentalBackwardSimd(kind: number, x: number, dy: number, dx: number, n: number, alpha: number, threshold: number, scratch: number): void;
  adaptiveAvgPool2dPlanes(desc: number): void;
  adaptiveAvgPool2dBackwardPlanes(desc: number): void;
  upsampleNearestPlanes(desc: number): void;
  upsampleNearestBackwardPlanes(desc: number): void;
  upsampleBilinearPlanes(desc: number): void;
  upsampleBilinearBackwardPlanes(desc: number): void;
  addSimd(a: number, b: number, y: number, n: number): void;
  sumToShapeFinish(desc: number): void;
  softmaxRowsF64(z: number, p: number, N: number, K: number): void;
  mseF64(prediction: number, target: number, grad: number, n: number, divisor: number, out: number): void;
  convDepthwiseScratchBytes(H: number, W: number, kH: number, kW: number, sH: number, sW: number, padH: number, padW: number,
    dH: number, dW: number, OH: number, OW: number, mult: number): number;
  addBiasSimd(y: number, b: number, N: number, C: number, S: number): void;
  addChannelSumsSimd(dy: number, out: number, sums: number, N: number, C: number, S: number): void;
  batchNormStatsSimd(desc: number): void;
  batchNormForwardSimd(desc: number): void;
  batchNormBackwardSimd(desc: number): void;
  groupNormForwardBlocks(desc: number, eps: number): void;
  groupNormBackwardBlocks(desc: number): void;
  softmaxCrossEntropyF64(
    z: number, targets: number, weight: number, N: number, K: number, S: number, eps: number, ignoreIndex: number,
    hasIgnore: number, divisor: number, grad: number, logP: number, out: number,
  ): void;
  sgdStepSimd(theta: number, g: number, buf: number, n: number, lr: number, mu: number, damped: number, wd: number, flags: number): void;
  adamStepSimd(
    theta: number, g: number, m: number, v: number, vMax: number, n: number, beta1: number, oneMinusBeta1: number,
    beta2: number, oneMinusBeta2: number, eps: number, stepSize: number, bc2: number, l2: number, decay: number, flags: number,
  ): void;
}

/**
 * Words of the control block (as in assembly/index.ts and worker-source.ts): job sequence number,
 * next item to claim, items done, items in the job, descriptor address, whether a worker failed.
 */
const SEQ = 0;
const NEXT_ITEM = 1;
const DONE_ITEMS = 2;
const TOTAL_ITEMS = 3;
const DESC = 4;
const FAILED = 5;
const CONTROL_BYTES = 64;
/** Room for one job descriptor (i32 words). */
const DESC_BYTES = 256;
const PAGE = 65536;
/** Arena bytes a frame keeps outputs in (half the memory limit: the rest stays for the calls' scratch). */
const FRAME_KEEP_BYTES = (MAXIMUM_PAGES * PAGE) / 2;
/** The frame number of a view release() freed (frame numbers are never negative). */
const RELEASED = -1;

interface PoolWorker {
  postMessage(message: unknown): void;
  terminate(): unknown;
}

export interface WasmRuntimeOptions {
  /** Threads per job including the caller (default: the machine's cores); 1 without shared memory. */
  threads?: number;
  /** false: use the plain SIMD128 build even where relaxed SIMD is available (for tests and comparisons). */
  relaxedSimd?: boolean;
  /**
   * false: private (unshared) memory even where shared memory is available, as a page without
   * cross-origin isolation gets it; one thread, and no frames (see WasmRuntime.frame).
   */
  sharedMemory?: boolean;
}

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function defaultThreads(): Promise<number> {
  if (isNode()) {
    const os = await importNode<{ availableParallelism?(): number; cpus(): unknown[] }>('os');
    return os.availableParallelism ? os.availableParallelism() : os.cpus().length;
  }
  const nav = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator;
  return nav?.hardwareConcurrency ?? 1;
}

export class WasmRuntime {
  readonly exports: NablaExports;
  readonly memory: WebAssembly.Memory;
  readonly features: WasmFeatures;
  /** Threads a parallel job uses (the caller plus the workers). */
  readonly threads: number;
  readonly variant: string;
  private readonly workers: PoolWorker[];
  private readonly control: number;
  readonly desc: number;
  /** Where the arena begins: after the resident blocks, which move it up (only between frames). */
  private arenaStart: number;
  /** Resident blocks (see residentArray()): the region [control + descriptor, arenaStart) minus the holes in `holes`. */
  private readonly residentViews = new WeakSet<Float32Array>();
  private readonly holes: { ptr: number; bytes: number }[] = [];
  private readonly released = new FinalizationRegistry<{ ptr: number; bytes: number }>((block) => this.releaseResident(block));
  private top: number;
  /** Highest arena top seen, for reports (bytes). */
  highWater = 0;
  /** Where reset() returns to: the arena start, or inside a frame the end of what the frame keeps. */
  private floor: number;
  /** Arena bytes a frame keeps outputs in (see keep(); tests lower it). */
  frameKeepBytes = FRAME_KEEP_BYTES;
  /** Frames open (a frame inside a frame is part of it). */
  private frameDepth = 0;
  /** Numbers the outermost frames (odd while one is open), so views from a finished frame are recognised. */
  private frameNumber = 0;
  /** The frame each view handed out by take() belongs to (RELEASED once release() has freed it). */
  private readonly views = new WeakMap<Float32Array | Int32Array, number>();
  /** The outputs the open frame keeps, address → bytes: the blocks release() may free. */
  private readonly keptBlocks = new Map<number, number>();
  /** Blocks of the open frame that release() freed, by address, neighbours merged: keep() reuses them first. */
  private readonly frameHoles: { ptr: number; bytes: number }[] = [];
  /** false: release() frees nothing (every output stays until the frame ends, as before it existed; for tests and comparisons). */
  frameReuse = true;

  private constructor(
    exports: NablaExports, memory: WebAssembly.Memory, features: WasmFeatures, variant: string,
    workers: PoolWorker[],
  ) {
    this.exports = exports;
    this.memory = memory;
    this.features = features;
    this.variant = variant;
    this.workers = workers;
    this.threads = workers.length + 1;
    this.control = (exports.heapBase() + 63) & ~63;
    this.desc = this.control + CONTROL_BYTES;
    this.arenaStart = this.desc + DESC_BYTES;
    this.top = this.arenaStart;
    this.floor = this.arenaStart;
  }

  /** Loads the best variant this runtime supports; throws when WebAssembly SIMD is unavailable. */
  static async create(options: WasmRuntimeOptions = {}): Promise<WasmRuntime> {
    const features = await detectFeatures();
    if (!features.simd) throw new Error('WebAssembly SIMD128 is not supported here');
    const requested = options.threads ?? (await defaultThreads());
    if (!Number.isInteger(requested) || requested < 1) {
      throw new Error(`wasm backend: threads must be a positive integer, got ${requested}`);
    }
    // Shared memory wherever it exists, even for one thread: growing it never detaches the views
    // a frame hands out (growing private memory does).
    const shared = features.sharedMemory && options.sharedMemory !== false;
    const threads = shared ? requested : 1;
    const relaxed = features.relaxedSimd && options.relaxedSimd !== false;
    const variant = `${relaxed ? 'relaxed' : 'simd'}${shared ? '-shared' : ''}`;
    const key = `${relaxed ? 'relaxed' : 'simd'}${shared ? 'Shared' : ''}` as keyof typeof wasmBase64;
    const module = await WebAssembly.compile(decodeBase64(wasmBase64[key]) as BufferSource);
    const memory = new WebAssembly.Memory({ initial: INITIAL_PAGES, maximum: MAXIMUM_PAGES, shared });
    const instance = await WebAssembly.instantiate(module, { env: { memory } });
    const exports = instance.exports as unknown as NablaExports;
    const control = (exports.heapBase() + 63) & ~63;
    const workers = shared ? await startWorkers(module, memory, control, threads - 1) : [];
    return new WasmRuntime(exports, memory, features, variant, workers);
  }

  /**
   * Frees the arena's scratch: every allocation since the call began (outside a frame all of
   * them; inside one, what the frame keeps stays). The memory itself stays, so steady-state calls
   * never grow it.
   */
  reset(): void {
    this.top = this.floor;
  }

  /** Where the arena begins (after the resident blocks): highWater minus this is the most arena memory a call or frame used. */
  get arenaBase(): number {
    return this.arenaStart;
  }

  /** Whether a frame is open (kernel outputs kept with keep() then come back as views by take()). */
  get inFrame(): boolean {
    return this.frameDepth > 0;
  }

  /** Whether frames can keep outputs in the arena (shared memory: growing it detaches no view). */
  get framesWork(): boolean {
    return isShared(this.memory.buffer);
  }

  /**
   * Runs fn (one training or evaluation step) with kernel outputs kept in the arena: take() hands
   * out views instead of copies and input() reads such views where they lie, so a tensor made by
   * one kernel and read by the next is never copied through JavaScript. The arena behind them is
   * reused when the outermost frame ends: nothing fn returns may hold a view (copy what must
   * outlive it, as fit() reads only numbers). Without shared memory fn simply runs.
   */
  frame<T>(fn: () => T): T {
    if (!this.framesWork) return fn();
    if (this.frameDepth > 0) { // a frame inside a frame is part of it
      this.frameDepth++;
      try {
        return fn();
      } finally {
        this.frameDepth--;
      }
    }
    this.frameDepth = 1;
    this.frameNumber++;
    this.floor = this.top = this.arenaStart;
    try {
      return fn();
    } finally {
      this.frameDepth = 0;
      this.frameNumber++; // the views of this frame are now stale
      this.floor = this.top = this.arenaStart;
      this.keptBlocks.clear();
      this.frameHoles.length = 0;
    }
  }

  /** Reserves `bytes` (64-byte aligned) in the arena, growing the memory when needed; returns the address. */
  alloc(bytes: number): number {
    const at = this.top;
    const top = Math.ceil((at + bytes) / 64) * 64; // not `& ~63`: sizes near 2 GiB overflow 32-bit bit operations
    if (top > MAXIMUM_PAGES * PAGE) {
      throw new Error(`wasm backend: a call needs ${top} bytes of wasm memory, more than the ${MAXIMUM_PAGES * PAGE}-byte limit`);
    }
    this.top = top;
    const size = this.memory.buffer.byteLength;
    if (top > size) this.memory.grow(Math.ceil((top - size) / PAGE));
    this.highWater = Math.max(this.highWater, this.top);
    return at;
  }

  /**
   * Allocates room for a call's output: inside a frame it (and whatever the call allocated before
   * it) is kept until the frame ends or release() frees it, up to frameKeepBytes; past that the
   * frame keeps no more (the outputs of its remaining calls are copied out, as outside a frame), so
   * a step too large to keep whole still runs instead of running out of wasm memory. Inside a
   * frame the output goes into the smallest block release() freed that holds it, if any.
   */
  keep(bytes: number): number {
    const roomy = () => this.top - this.arenaStart <= this.frameKeepBytes;
    if (this.frameDepth > 0) {
      const at = this.reuseHole(Math.ceil(bytes / 64) * 64);
      if (at >= 0) {
        if (this.top > this.floor && roomy()) this.floor = this.top; // what the call allocated before stays, as below
        return at;
      }
    }
    const at = this.alloc(bytes);
    if (this.frameDepth > 0 && roomy()) {
      this.floor = this.top;
      if (this.top > at) this.keptBlocks.set(at, this.top - at);
    }
    return at;
  }

  /** The start of the smallest freed block of the open frame with room for `bytes` (taken from it, kept), or −1. */
  private reuseHole(bytes: number): number {
    if (bytes === 0) return -1;
    let best = -1;
    for (let i = 0; i < this.frameHoles.length; i++) {
      const h = this.frameHoles[i];
      if (h.bytes >= bytes && (best < 0 || h.bytes < this.frameHoles[best].bytes)) best = i;
    }
    if (best < 0) return -1;
    const hole = this.frameHoles[best];
    const at = hole.ptr;
    if (hole.bytes === bytes) this.frameHoles.splice(best, 1);
    else this.frameHoles[best] = { ptr: at + bytes, bytes: hole.bytes - bytes };
    this.keptBlocks.set(at, bytes);
    return at;
  }

  /**
   * Frees the memory of outputs of the open frame that the caller is done with (a container after
   * backward has used an activation or a gradient), so later outputs of the step reuse it instead
   * of growing the arena: the step's peak is then what is alive at once, not all it ever made.
   * A view is freed only where it spans a whole block keep() made and no array in `live` overlaps
   * that block (a reshape shares its data; an in-place kernel returns its input's memory); anything
   * else (a copy, a resident array, another frame's view) is left alone. A freed view is refused
   * by every kernel afterwards, as a finished frame's is.
   */
  release(dead: readonly Float32Array[], live: readonly (Float32Array | Float64Array | Int32Array)[]): void {
    if (this.frameDepth === 0 || !this.frameReuse) return;
    for (const view of dead) {
      if (this.views.get(view) !== this.frameNumber) continue;
      const ptr = view.byteOffset;
      const bytes = this.keptBlocks.get(ptr);
      if (bytes === undefined || Math.ceil(view.byteLength / 64) * 64 !== bytes) continue;
      const end = ptr + bytes;
      if (live.some((l) => isShared(l.buffer) && l.byteLength > 0 && l.byteOffset < end && ptr < l.byteOffset + l.byteLength)) continue;
      this.views.set(view, RELEASED);
      this.keptBlocks.delete(ptr);
      this.freeFrameBlock(ptr, bytes);
    }
  }

  /** Returns a released block to the frame's holes, merged with its neighbours; the topmost lowers the floor instead. */
  private freeFrameBlock(ptr: number, bytes: number): void {
    const holes = this.frameHoles;
    let i = 0;
    while (i < holes.length && holes[i].ptr < ptr) i++;
    holes.splice(i, 0, { ptr, bytes });
    if (i + 1 < holes.length && ptr + bytes === holes[i + 1].ptr) {
      holes[i].bytes += holes[i + 1].bytes;
      holes.splice(i + 1, 1);
    }
    if (i > 0 && holes[i - 1].ptr + holes[i - 1].bytes === holes[i].ptr) {
      holes[i - 1].bytes += holes[i].bytes;
      holes.splice(i, 1);
      i--;
    }
    const last = holes[holes.length - 1];
    if (last.ptr + last.bytes === this.floor) { // nothing kept above it: the arena's top comes down
      holes.pop();
      this.floor = this.top = last.ptr;
    }
  }

  /**
   * A Float32Array of `length` floats in wasm memory that stays there, for a tensor that lives
   * across steps (a parameter, its gradient, an optimizer's state): kernels read and write it
   * where it lies, inside frames and out. null where that cannot be done now — private memory
   * (its views detach when it grows) or inside a frame (the arena above is in use). The block
   * returns to a free list when the array is garbage-collected; views of the array (subarray)
   * must not outlive it.
   */
  residentArray(length: number): Float32Array | null {
    if (!this.framesWork || this.frameDepth > 0 || length === 0) return null;
    const bytes = Math.ceil((length * 4) / 64) * 64;
    let ptr = -1;
    const fit = this.holes.findIndex((h) => h.bytes >= bytes);
    if (fit >= 0) {
      const hole = this.holes[fit];
      ptr = hole.ptr;
      if (hole.bytes === bytes) this.holes.splice(fit, 1);
      else this.holes[fit] = { ptr: hole.ptr + bytes, bytes: hole.bytes - bytes };
    } else {
      // Past the resident blocks: the arena (empty between frames) moves up.
      ptr = this.arenaStart;
      this.arenaStart = this.floor = this.top = ptr + bytes;
      this.alloc(0); // grows the memory to reach the new arena start
    }
    const view = this.f32(ptr, length);
    view.fill(0);
    this.residentViews.add(view);
    this.released.register(view, { ptr, bytes });
    return view;
  }

  /** A resident block's array was collected: its bytes become a hole (merged with its neighbours). */
  private releaseResident(block: { ptr: number; bytes: number }): void {
    this.holes.push(block);
    this.holes.sort((a, b) => a.ptr - b.ptr);
    for (let i = this.holes.length - 1; i > 0; i--) {
      const [before, after] = [this.holes[i - 1], this.holes[i]];
      if (before.ptr + before.bytes === after.ptr) {
        before.bytes += after.bytes;
        this.holes.splice(i, 1);
      }
    }
  }

  /** Whether data is one of this runtime's resident arrays (residentArray). */
  isResident(data: Float32Array): boolean {
    return this.residentViews.has(data);
  }

  /**
   * The address of data for a kernel that updates it (a gradient accumulated into, a parameter
   * stepped): a resident array or a frame's view is worked on where it lies, anything else is
   * copied in (then writeBack copies the result out).
   */
  inOut(data: Float32Array): number {
    return this.holds(data) ? data.byteOffset : this.put(data);
  }

  /** After a kernel updated the floats at ptr (from inOut): copies them into data unless it worked on data itself. */
  writeBack(data: Float32Array, ptr: number): void {
    if (!(this.holds(data) && data.byteOffset === ptr)) data.set(this.f32(ptr, data.length));
  }

  /** A copy of data that lives in the frame, as a kernel's output does (outside a frame: a plain copy). */
  resident(data: Float32Array): Float32Array {
    if (this.frameDepth === 0) return data.slice();
    this.reset();
    const ptr = this.keep(data.length * 4);
    this.f32(ptr, data.length).set(data);
    return this.take(ptr, data.length);
  }

  /** keep() for an output that a kernel accumulates into: zeroed. */
  keepZeros(length: number): number {
    const ptr = this.keep(length * 4);
    this.f32(ptr, length).fill(0);
    return ptr;
  }

  /** Whether data is a view of this frame (a kernel working in place on it then works on the caller's array itself). */
  holds(data: Float32Array): boolean {
    return this.isView(data);
  }

  /** The output at ptr as the caller's array: a view inside a frame (ptr must come from keep()), else a copy. */
  take(ptr: number, length: number): Float32Array {
    if (this.frameDepth === 0 || ptr >= this.floor) return this.f32(ptr, length).slice(); // outside a frame, or past what it keeps
    if (ptr + length * 4 > this.floor) throw new Error('wasm backend: an output that straddles what the frame keeps (allocate outputs with keep())');
    const view = this.f32(ptr, length);
    this.views.set(view, this.frameNumber);
    return view;
  }

  /** take() for 32-bit integers (a max-pool's argmax): a view inside a frame, else a copy. */
  takeInt32(ptr: number, length: number): Int32Array {
    const all = new Int32Array(this.memory.buffer, ptr, length);
    if (this.frameDepth === 0 || ptr >= this.floor) return all.slice();
    if (ptr + length * 4 > this.floor) throw new Error('wasm backend: an output that straddles what the frame keeps (allocate outputs with keep())');
    this.views.set(all, this.frameNumber);
    return all;
  }

  /** input() for 32-bit integers: a view this frame handed out is read where it lies, anything else copied in. */
  inputInt32(data: Int32Array): number {
    return this.isView(data) ? data.byteOffset : this.putInt32(data);
  }

  /**
   * The address of data for a kernel that only reads it: a view this frame handed out is read
   * where it lies; anything else is copied in. A view from a frame that has ended is refused (its
   * memory has been reused: reading it would give another tensor's numbers).
   */
  input(data: Float32Array): number {
    return this.isView(data) ? data.byteOffset : this.put(data);
  }

  /** Whether data is a view this frame handed out; throws for one from a finished frame. */
  private isView(data: Float32Array | Int32Array): boolean {
    if (data instanceof Float32Array && this.residentViews.has(data)) return true;
    const frame = this.views.get(data);
    if (frame === undefined) return false;
    if (frame === RELEASED && this.frameDepth > 0) {
      throw new Error('wasm backend: a tensor of this training step was used after its model released it (backward frees each activation and gradient once it has used them, so a step runs backward once per forward); copy it (tensor.clone()) before backward to keep it');
    }
    if (frame !== this.frameNumber || this.frameDepth === 0) {
      throw new Error('wasm backend: a tensor from a finished training step was used after the step ended (its memory has been reused); copy it (tensor.clone()) inside the step to keep it');
    }
    return true;
  }

  f32(ptr: number, length: number): Float32Array {
    return new Float32Array(this.memory.buffer, ptr, length);
  }

  /** Allocates room for `data` and copies it in. */
  put(data: Float32Array): number {
    this.isView(data); // refuses a stale view
    const ptr = this.alloc(data.length * 4);
    this.f32(ptr, data.length).set(data);
    return ptr;
  }

  /** Allocates room for 32-bit integers (an argmax) and copies them in. */
  putInt32(data: Int32Array): number {
    this.isView(data); // refuses a stale view
    const ptr = this.alloc(data.length * 4);
    new Int32Array(this.memory.buffer, ptr, data.length).set(data);
    return ptr;
  }

  /** Allocates `length` zeroed floats. */
  zeros(length: number): number {
    const ptr = this.alloc(length * 4);
    this.f32(ptr, length).fill(0);
    return ptr;
  }

  /** Writes a job descriptor (i32 words) to the descriptor block and returns its address. */
  writeJob(words: readonly number[]): number {
    if (words.length * 4 > DESC_BYTES) throw new Error('wasm backend: job descriptor too long');
    new Int32Array(this.memory.buffer, this.desc, words.length).set(words);
    return this.desc;
  }

  /**
   * Runs the `items` items of the job at `desc`: shared with the workers when `parallel` (and
   * there are workers), else all on this thread. Returns when every item is done.
   */
  run(desc: number, items: number, parallel: boolean): void {
    if (!parallel || this.workers.length === 0 || items < 2) {
      this.exports.runJobSerial(desc, items);
      return;
    }
    const words = new Int32Array(this.memory.buffer, this.control, CONTROL_BYTES / 4);
    // Close, reset, describe, open (see runJobItems in assembly/index.ts for why in this order).
    Atomics.store(words, TOTAL_ITEMS, 0);
    Atomics.store(words, DONE_ITEMS, 0);
    Atomics.store(words, NEXT_ITEM, 0);
    Atomics.store(words, FAILED, 0);
    Atomics.store(words, DESC, desc);
    Atomics.store(words, TOTAL_ITEMS, items);
    Atomics.add(words, SEQ, 1);
    Atomics.notify(words, SEQ);
    try {
      this.exports.runJobItems(this.control, 0);
    } catch (error) {
      Atomics.store(words, TOTAL_ITEMS, 0); // no further claims
      throw error;
    }
    // The last items usually finish within microseconds: spin first, then sleep. (A page's main
    // thread cannot block at all: it only spins.)
    for (let spin = 0; ; spin++) {
      const done = Atomics.load(words, DONE_ITEMS);
      if (done >= items) break;
      if (Atomics.load(words, FAILED) !== 0) throw new Error('wasm backend: a worker failed while running a job');
      if (spin >= SPIN_ITERATIONS && this.features.canBlock) Atomics.wait(words, DONE_ITEMS, done, 50);
    }
  }

  /** Stops the workers (they are unref'd, so an idle pool never keeps Node alive). */
  close(): void {
    for (const worker of this.workers) worker.terminate();
    this.workers.length = 0;
  }
}

/** Starts `count` workers on the shared memory and resolves when each has instantiated the module. */
async function startWorkers(
  module: WebAssembly.Module, memory: WebAssembly.Memory, control: number, count: number,
): Promise<PoolWorker[]> {
  const workers: PoolWorker[] = [];
  const ready: Promise<void>[] = [];
  if (isNode()) {
    type NodeWorker = PoolWorker & { unref(): void; once(event: string, fn: (value: unknown) => void): void };
    const { Worker } = await importNode<{ Worker: new (code: string, options: { eval: boolean }) => NodeWorker }>(
      'worker_threads',
    );
    for (let i = 0; i < count; i++) {
      const worker = new Worker(WORKER_SOURCE, { eval: true });
      worker.unref();
      ready.push(
        new Promise((resolve, reject) => {
          worker.once('message', () => resolve());
          worker.once('error', (error) => reject(error));
        }),
      );
      worker.postMessage({ module, memory, control, thread: i + 1 });
      workers.push(worker);
    }
  } else {
    const url = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
    for (let i = 0; i < count; i++) {
      const worker = new Worker(url);
      ready.push(
        new Promise((resolve, reject) => {
          worker.onmessage = () => resolve();
          worker.onerror = (event) => reject(new Error(`wasm worker failed to start: ${event.message}`));
        }),
      );
      worker.postMessage({ module, memory, control, thread: i + 1 });
      workers.push(worker);
    }
  }
  await Promise.all(ready);
  return workers;
}

/**
 * Whether a buffer is shared memory. A page served without cross-origin isolation has no
 * SharedArrayBuffer global at all: there `instanceof SharedArrayBuffer` would throw a
 * ReferenceError, and nothing is shared.
 */
function isShared(buffer: ArrayBufferLike): boolean {
  return typeof SharedArrayBuffer !== 'undefined' && buffer instanceof SharedArrayBuffer;
}
