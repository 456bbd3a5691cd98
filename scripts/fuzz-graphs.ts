// SPDX-License-Identifier: MIT
// Differential fuzz of whole models: random Graphs (convolutions of any kernel, stride, padding and
// depthwise, BatchNorm, GroupNorm, twelve activations, max/avg pooling, Upsample, ConvTranspose2d,
// Add and Concat of earlier nodes, SE-style Mul gates, fan-out; dangling branches pooled and joined)
// trained two steps with SGD or Adam on the wasm backend at 1 and 2 threads, with the frame's
// memory reuse on and off (the same bits: losses, input gradients, weights) and against the
// reference backend (losses and input gradients within 2e-3 of their scale; weights and an eval
// forward too for SGD — Adam turns the rounding noise of a gradient that is 0 in exact arithmetic,
// such as a bias before a BatchNorm, into full steps). A batch of one that BatchNorm cannot train
// on is refused by both backends, and counted.
//   node --import tsx scripts/fuzz-graphs.ts [seed=1] [models=20]
import { createWasmKernels } from '../src/kernels/wasm/index.js';
import { refKernels, inFrame } from '../src/kernels/index.js';
import { withBackend } from '../test/helpers/backend.js';
import { modelFromSpec } from '../src/layers/spec.js';
import { SoftmaxCrossEntropy } from '../src/losses/softmax-cross-entropy.js';
import { SGD } from '../src/optim/sgd.js';
import { Adam } from '../src/optim/adam.js';
import { Rng } from '../src/tensor/rng.js';
import { Tensor } from '../src/tensor/tensor.js';
const seed = Number(process.argv[2] ?? 1), count = Number(process.argv[3] ?? 20);
const g = new Rng(seed);
const pick = <T,>(a: T[]): T => a[g.int(a.length)];
const ACTS = ['ReLU', 'ReLU6', 'Tanh', 'Sigmoid', 'Hardswish', 'Hardsigmoid', 'SiLU', 'GELU', 'ELU', 'LeakyReLU', 'Mish', 'Softplus'];
function genSpec(C0: number, H0: number) {
  type N = { name: string; c: number; h: number; w: number };
  const nodes: any[] = []; const avail: N[] = [{ name: 'input', c: C0, h: H0, w: H0 }]; const used = new Set<string>();
  let id = 0;
  const add = (spec: any, inputs: N[], c: number, h: number, w: number) => { const name = `n${id++}`; nodes.push({ name, inputs: inputs.map((i) => i.name), ...spec }); inputs.forEach((i) => used.add(i.name)); const n = { name, c, h, w }; avail.push(n); return n; };
  const steps = 4 + g.int(9);
  for (let s = 0; s < steps; s++) {
    const src = g.int(3) === 0 ? pick(avail) : avail[avail.length - 1];
    const r = g.int(16);
    if (r < 4) {
      const k = pick([1, 3, 3, 5]), st = src.h >= 4 && g.int(3) === 0 ? 2 : 1, p = g.int(2) === 0 ? (k >> 1) : g.int(k);
      const out = pick([8, 16, 20, 32]);
      const dw = g.int(5) === 0;
      const oc = dw ? src.c : out;
      const h = Math.floor((src.h + 2 * p - k) / st) + 1, w = Math.floor((src.w + 2 * p - k) / st) + 1;
      if (h < 1 || w < 1) continue;
      add({ type: 'Conv2d', outChannels: oc, kernelSize: k, stride: st, padding: p, bias: g.int(2) === 0, ...(dw ? { groups: src.c } : {}) }, [src], oc, h, w);
    } else if (r < 6) add({ type: 'BatchNorm2d' }, [src], src.c, src.h, src.w);
    else if (r < 8) add({ type: pick(ACTS) }, [src], src.c, src.h, src.w);
    else if (r === 8 && src.h >= 2) add({ type: 'MaxPool2d', kernelSize: 2, stride: 2, ...(g.int(2) ? { ceilMode: true } : {}) }, [src], src.c, Math.floor(src.h / 2), Math.floor(src.w / 2)) && fixCeil(nodes[nodes.length - 1], avail[avail.length - 1], src);
    else if (r === 9) add({ type: 'AvgPool2d', kernelSize: 3, stride: 1, padding: 1 }, [src], src.c, src.h, src.w);
    else if (r === 10 && src.h <= 8) add({ type: 'Upsample', scaleFactor: 2, mode: pick(['nearest', 'bilinear']) }, [src], src.c, src.h * 2, src.w * 2);
    else if (r === 11 && src.h <= 8) { const oc = pick([8, 16]); add({ type: 'ConvTranspose2d', outChannels: oc, kernelSize: 2, stride: 2 }, [src], oc, src.h * 2, src.w * 2); }
    else if (r === 12) { const gr = [2, 4].filter((q) => src.c % q === 0); if (gr.length) add({ type: 'GroupNorm', numGroups: pick(gr) }, [src], src.c, src.h, src.w); }
    else if (r === 13) { const other = avail.filter((n) => n !== src && n.c === src.c && n.h === src.h && n.w === src.w); if (other.length) add({ type: 'Add' }, [src, pick(other)], src.c, src.h, src.w); }
    else if (r === 14) { const other = avail.filter((n) => n !== src && n.h === src.h && n.w === src.w); if (other.length) { const o = pick(other); add({ type: 'Concat' }, [src, o], src.c + o.c, src.h, src.w); } }
    else if (r === 15) { // SE gate
      const p = add({ type: 'GlobalAvgPool2d' }, [src], src.c, 1, 1);
      const q = add({ type: 'Conv2d', outChannels: src.c, kernelSize: 1 }, [p], src.c, 1, 1);
      const s2 = add({ type: 'Sigmoid' }, [q], src.c, 1, 1);
      add({ type: 'Mul' }, [src, s2], src.c, src.h, src.w);
    }
  }
  // Dangling nodes: pooled and joined with the last.
  const last = avail[avail.length - 1];
  const dangling = avail.filter((n) => n !== last && n.name !== 'input' && !used.has(n.name) && n.name !== last.name);
  const pooled = [add({ type: 'GlobalAvgPool2d' }, [last], last.c, 1, 1)];
  let c = last.c;
  for (const d of dangling) { pooled.push(add({ type: 'GlobalAvgPool2d' }, [d], d.c, 1, 1)); c += d.c; }
  const j = pooled.length > 1 ? add({ type: 'Concat' }, pooled, c, 1, 1) : pooled[0];
  const f = add({ type: 'Flatten' }, [j], c, 1, 1);
  add({ type: 'Linear', outFeatures: 3 }, [f], 3, 1, 1);
  return { type: 'Graph', nodes };
}
function fixCeil(spec: any, n: any, src: any) { if (spec.ceilMode) { n.h = Math.ceil(src.h / 2); n.w = Math.ceil(src.w / 2); } return true; }
const bytes = (t: Tensor) => new Uint8Array(new Float32Array(t.data).buffer);
const same = (a: Uint8Array[], b: Uint8Array[]) => a.length === b.length && a.every((x, i) => x.length === b[i].length && x.every((v, j) => v === b[i][j]));
function train(k: any, spec: any, C: number, H: number, batch: number, reuse: boolean | null, opt: string, seedM: number) {
  return withBackend(k, () => {
    if (reuse !== null) k.runtime.frameReuse = reuse;
    const rng = new Rng(seedM);
    const model: any = modelFromSpec(spec, { inputShape: [1, C, H, H], rng });
    const optimizer = opt === 'adam' ? new Adam(model.parameters(), { lr: 1e-3 }) : new SGD(model.parameters(), { lr: 0.01, momentum: 0.9 });
    const loss = new SoftmaxCrossEntropy();
    const losses: number[] = []; const grads: Uint8Array[] = []; const gradsF: Float32Array[] = [];
    for (let s = 0; s < 2; s++) {
      const x = Tensor.zeros([batch, C, H, H]); for (let i = 0; i < x.size; i++) x.data[i] = rng.normal(0, 1);
      const y = Int32Array.from({ length: batch }, (_, i) => (i + s) % 3);
      inFrame(() => { optimizer.zeroGrad(); losses.push(loss.forward(model.forward(x, 'train'), y)); const dx = model.backward(loss.backward(), { needInputGrad: true }); grads.push(bytes(dx)); gradsF.push(new Float32Array(dx.data)); optimizer.step(); });
    }
    // eval forward too
    const xe = Tensor.zeros([batch, C, H, H]); for (let i = 0; i < xe.size; i++) xe.data[i] = rng.normal(0, 1);
    const ev = new Float32Array(model.forward(xe, 'eval').data);
    if (reuse !== null) k.runtime.frameReuse = true;
    const params = [...model.parameters(), ...model.buffers()].map((p: any) => p.value);
    return { losses, grads, gradsF, params: params.map(bytes), paramsF: params.map((p: Tensor) => new Float32Array(p.data)), ev };
  });
}
const relF = (a: Float32Array, b: Float32Array) => { let d = 0, m = 0; for (let i = 0; i < a.length; i++) { if (!Number.isFinite(a[i]) !== !Number.isFinite(b[i])) return Infinity; d = Math.max(d, Math.abs(a[i] - b[i])); m = Math.max(m, Math.abs(b[i])); } return d / Math.max(m, 1e-3); };
const ks = [await createWasmKernels({ threads: 1 }), await createWasmKernels({ threads: 2 })];
let bad = 0, worst = 0, refused = 0;
for (let c = 0; c < count; c++) {
  const C = pick([1, 3, 8]), H = pick([5, 8, 12, 16]), batch = pick([1, 2, 5]);
  const spec = genSpec(C, H);
  const opt = pick(['sgd', 'adam']);
  let ref;
  try { ref = train(refKernels, spec, C, H, batch, null, opt, c); } catch (e) {
    if (/more than 1 value per channel/.test(String(e))) { refused++; continue; } // BatchNorm on one value a channel: PyTorch's refusal
    console.log('REF THROW', c, String(e).slice(0, 300)); console.log(JSON.stringify(spec)); bad++; continue;
  }
  for (const k of ks) {
    let on, off;
    try { on = train(k, spec, C, H, batch, true, opt, c); off = train(k, spec, C, H, batch, false, opt, c); } catch (e) { console.log('WASM THROW', c, k.runtime.threads, String(e).slice(0, 300)); console.log(JSON.stringify(spec)); bad++; continue; }
    const bitsOk = on.losses.every((l: number, i: number) => Object.is(l, off.losses[i])) && same(on.grads, off.grads) && same(on.params, off.params);
    const parts = { loss: Math.max(...on.losses.map((l: number, i: number) => Math.abs(l - ref.losses[i]) / Math.max(1, Math.abs(ref.losses[i])))), dx: Math.max(...on.gradsF.map((gr: Float32Array, i: number) => relF(gr, ref.gradsF[i]))), params: opt === 'adam' ? 0 : Math.max(...on.paramsF.map((p: Float32Array, i: number) => relF(p, ref.paramsF[i]))), ev: opt === 'adam' ? 0 : relF(on.ev, ref.ev) };
    const e = Math.max(...on.losses.map((l: number, i: number) => Math.abs(l - ref.losses[i]) / Math.max(1, Math.abs(ref.losses[i]))), ...on.gradsF.map((gr: Float32Array, i: number) => relF(gr, ref.gradsF[i])), ...Object.values(parts));
    worst = Math.max(worst, e);
    if (!bitsOk || !(e < 2e-3)) { bad++; console.log('BAD', c, JSON.stringify({ bitsOk, parts, batch, C, H, opt, th: k.runtime.threads })); console.log(JSON.stringify(spec)); if (process.env.DBG) on.paramsF.forEach((p: Float32Array, i: number) => { const r = relF(p, ref.paramsF[i]); if (r > 1e-3) console.log(' param', i, p.length, r, Array.from(p.slice(0, 4)), Array.from(ref.paramsF[i].slice(0, 4))); }); }
  }
}
ks.forEach((k) => k.close());
console.log(`${count} models, ${bad} bad, ${refused} refused by BatchNorm (a batch of one value a channel), worst ${worst.toExponential(2)}`);
process.exit(bad > 0 ? 1 : 0);
