// SPDX-License-Identifier: MIT
// The one interface every kernel backend implements. Layers call these and never loop over
// elements; kernels know nothing of layers or modes. Every kernel works on float32 and float64
// tensors (the output has the input's dtype; mixing dtypes is an error). Shapes are checked by
// the layers; kernels may assume them.
import type { Tensor } from '../tensor/tensor.js';
import type { Conv2dGeometry } from './geometry.js';
import type { UpsampleGeometry } from './upsample-geometry.js';

export interface MatmulOptions {
  /** Use Aᵀ: A is stored [K, M]. */
  transA?: boolean;
  /** Use Bᵀ: B is stored [N, K]. */
  transB?: boolean;
  /** Write into this [M, N] tensor instead of allocating. */
  out?: Tensor;
  /** With `out`: out += op(A)·op(B) instead of out = op(A)·op(B). */
  accumulate?: boolean;
}

/** What a kernel may apply to its output before returning it (a fused following layer). */
export interface EpilogueOptions {
  /** y = max(y, 0) element-wise, as the ReLU kernel computes it (NaN stays NaN, −0 becomes 0). */
  relu?: boolean;
}

/** Element-wise activations with their parameters. */
export type Activation =
  | { kind: 'relu' }
  | { kind: 'leakyRelu'; negativeSlope: number }
  | { kind: 'sigmoid' }
  | { kind: 'tanh' }
  | { kind: 'gelu' } // exact: x·Φ(x) = x·½(1 + erf(x/√2))
  | { kind: 'softplus'; beta: number; threshold: number } // (1/β)·log(1 + e^{βx}); x when βx > threshold
  | { kind: 'geluTanh' } // ½x(1 + tanh(√(2/π)(x + 0.044715x³)))
  | { kind: 'relu6' } // min(max(x, 0), 6)
  | { kind: 'hardsigmoid' } // relu6(x + 3)/6
  | { kind: 'hardswish' } // x·relu6(x + 3)/6
  | { kind: 'silu' } // x·σ(x)
  | { kind: 'elu'; alpha: number } // x if x > 0 else α(e^x − 1)
  | { kind: 'mish' }; // x·tanh(softplus(x))

export interface MaxPoolResult {
  y: Tensor;
  /** For each output element, the flat index into x of the maximum (first one on ties). */
  argmax: Int32Array;
}

export interface BatchNormStats {
  /** Per-channel mean over N and spatial dims, [C]. */
  mean: Tensor;
  /** Per-channel biased variance (divide by count), [C]. */
  variance: Tensor;
}

/**
 * How group normalisation (and layer normalisation, one group) sees its input: x as [N, C, S],
 * normalised over each of the N·groups blocks of (C/groups)·S contiguous entries; gamma and beta
 * are per channel. GroupNorm: N, C, S = H·W. LayerNorm over the last dims (M entries): [rows, M, 1].
 */
export interface GroupNormView {
  N: number;
  C: number;
  S: number;
  groups: number;
}

export interface GroupNormResult {
  y: Tensor;
  xHat: Tensor;
  /** 1/√(σ² + ε) per block, [N·groups]. */
  invStd: Tensor;
}

export interface CrossEntropyOptions {
  /** Per-class weight [numClasses], or null. */
  weight: Tensor | null;
  /** ε in PyTorch's label smoothing: target = (1 − ε)·onehot + ε/numClasses. */
  labelSmoothing: number;
  reduction: 'mean' | 'sum';
  /** Targets equal to this are ignored (no loss, zero gradient, not counted by 'mean'); null: none. */
  ignoreIndex?: number | null;
}

export interface LossResult {
  loss: number;
  /** dL/d(input), same shape as the input. */
  grad: Tensor;
}

/** One SGD step's coefficients (torch.optim.SGD's names); `first`: the momentum buffer starts as d. */
export interface SgdCoefficients {
  lr: number;
  momentum: number;
  dampening: number;
  nesterov: boolean;
  weightDecay: number;
  first: boolean;
}

/**
 * One Adam step's coefficients at step t: stepSize = η / (1 − β₁ᵗ), biasCorrection2Sqrt = √(1 − β₂ᵗ),
 * l2 = λ folded into the gradient (Adam; 0 for none), decay = 1 − ηλ multiplying θ (AdamW; 1 for none).
 */
export interface AdamCoefficients {
  beta1: number;
  beta2: number;
  eps: number;
  stepSize: number;
  biasCorrection2Sqrt: number;
  l2: number;
  decay: number;
}

/** What a max pool saved for its backward: the flat index into its input of each window's maximum. */
export interface MaxPoolRouting {
  argmax: Int32Array;
  g: Conv2dGeometry;
  /**
   * The pool's output (y[argmax] of each window), where the layer has it: with reluOutput, a
   * backend may read the ReLU's mask there, once per window, instead of from y (the same bits).
   */
  output?: Tensor | null;
}

/**
 * Where conv2dBackward adds its gradients: dW (and db unless null); dx only when needDx. With
 * maxPool, dy is the gradient of a max pool after the conv (and its ReLU) and is first routed back,
 * maxPool2dBackward(dy, argmax, g); with reluOutput (the y of a ReLU run in the conv's epilogue) it
 * is then masked to dy ⊙ [y > 0], the ReLU's backward: the layers' backward in one call (see
 * Sequential.backward).
 */
export interface ConvGrads {
  /** null: a frozen weight (requiresGrad false): dW's im2col and GEMM are skipped. */
  dW: Tensor | null;
  db: Tensor | null;
  needDx: boolean;
  reluOutput?: Tensor | null;
  maxPool?: MaxPoolRouting | null;
}

/** Where linearBackward adds its gradients, as ConvGrads (dW [in, out], db [out]); no max pool. */
export type LinearGrads = Omit<ConvGrads, 'maxPool'>;

export interface Kernels {
  readonly name: string;

  /**
   * Runs fn (one training or evaluation step) with the step's tensors kept where the backend's
   * kernels work (the wasm arena), so a tensor one kernel makes and the next reads is never copied
   * through JavaScript; that memory is reused when fn returns, so nothing made inside may be used
   * after it (what a caller keeps, it copies: fit() keeps only numbers). Backends without such
   * memory (the reference kernels) run fn as it is. Prefer `inFrame(fn)` from kernels/index.
   */
  frame?<T>(fn: () => T): T;

  /**
   * Moves tensors that live across steps (parameters, their gradients, an optimizer's state) into
   * the backend's memory where it can (tensor.relocate: `data` then reads that memory), so kernels
   * read and update them in place instead of copying them in and out on every call; tensors
   * already there, or that cannot move now (inside a frame, float64), are left as they are. fit()
   * calls it before training and after each step. Backends without such memory have no method.
   */
  keepResident?(tensors: readonly Tensor[]): void;

  /**
   * Inside a frame: frees the memory of `dead` tensors the caller is done with (Sequential and
   * Graph call it once backward has used an activation or a gradient), so the step's later outputs
   * reuse it and its peak memory is what is alive at once rather than all it made. A tensor whose
   * memory a tensor in `live` shares (a reshape, an in-place result) keeps it. Freed tensors must
   * not be read again. Backends without frames have no method.
   */
  release?(dead: readonly Tensor[], live: readonly Tensor[]): void;

  // ---- GEMM ---------------------------------------------------------------------------------
  /**
   * C = op(A)·op(B), or C += op(A)·op(B) with `out` and `accumulate`.
   * A [M, K] (or [K, M] with transA), B [K, N] (or [N, K] with transB) → C [M, N].
   */
  matmul(a: Tensor, b: Tensor, options?: MatmulOptions): Tensor;

  // ---- Fully connected layer: the GEMMs, bias and fused ReLU of one Linear in one call ---------
  /** y = x·W + b (b may be null), then max(y, 0) with `relu`. x [N, in], W [in, out], b [out] → y [N, out]. */
  linear(x: Tensor, w: Tensor, b: Tensor | null, options?: EpilogueOptions): Tensor;
  /**
   * Backward of linear: dy ← dy ⊙ [y > 0] with grads.reluOutput (a fused ReLU), then dW += xᵀ·dy,
   * db += Σₙ dy (when db is given) and dx = dy·Wᵀ (returned when needDx, else null).
   */
  linearBackward(x: Tensor, w: Tensor, dy: Tensor, grads: LinearGrads): Tensor | null;

  // ---- Channel-wise bias and its gradient -----------------------------------------------------
  /**
   * y[n, c, ...] += b[c] in place. y is [N, C] or [N, C, H, W]. With `relu`, then y = max(y, 0) in
   * the same pass (a ReLU that follows, fused: see Sequential.forward).
   */
  addBias(y: Tensor, b: Tensor, options?: EpilogueOptions): void;
  /** out[c] += Σ over every dim but 1 of dy[n, c, ...]. dy is [N, C] or [N, C, H, W]; out is [C]. */
  addChannelSums(dy: Tensor, out: Tensor): void;

  // ---- Convolution ----------------------------------------------------------------------------
  /** x [N, C, H, W] → cols [N, C·kH·kW, OH·OW]; row (c, kh, kw), column (oh, ow); zero where padded. */
  im2col(x: Tensor, g: Conv2dGeometry): Tensor;
  /** The adjoint of im2col: cols [N, C·kH·kW, OH·OW] → x-shaped [N, C, H, W], overlapping entries summed. */
  col2im(cols: Tensor, g: Conv2dGeometry): Tensor;
  /**
   * y = conv(x, w) + b. x [N, C, H, W], w [outC, C/groups, kH, kW], b [outC] or null → y [N, outC, OH, OW].
   * With `relu`, y = max(conv(x, w) + b, 0) (a ReLU that follows, fused into the epilogue).
   */
  conv2d(x: Tensor, w: Tensor, b: Tensor | null, g: Conv2dGeometry, options?: EpilogueOptions): Tensor;
  /**
   * Backward of conv2d: adds dW into `dW` ([outC, C/groups, kH, kW]) and db into `db` ([outC], when given),
   * and returns dx [N, C, H, W] (or null when `needDx` is false, e.g. for the first layer).
   */
  conv2dBackward(
    x: Tensor,
    w: Tensor,
    dy: Tensor,
    g: Conv2dGeometry,
    grads: ConvGrads,
  ): Tensor | null;

  /**
   * Transposed convolution, the input gradient of conv2d (docs/math/conv-transpose2d.md):
   * y = col2im(w_gᵀ·x_g) + b per image and group, for g from convTranspose2dGeometry (the conv whose
   * input gradient it is). x [N, inC, H, W] (g.outC = inC, g.OH = H, g.OW = W), w [inC, outC/groups,
   * kH, kW], b [outC] or null → y [N, outC, H', W'] (g.C = outC, g.H = H', g.W = W').
   */
  convTranspose2d(x: Tensor, w: Tensor, b: Tensor | null, g: Conv2dGeometry): Tensor;

  // ---- Pooling (g from pool2dGeometry: outC = C) ----------------------------------------------
  /** Max over each window; padded positions count as −∞. */
  maxPool2d(x: Tensor, g: Conv2dGeometry): MaxPoolResult;
  /** dx[argmax[i]] += dy[i]; returns dx of shape [N, C, H, W]. */
  maxPool2dBackward(dy: Tensor, argmax: Int32Array, g: Conv2dGeometry): Tensor;
  /**
   * Sum over each window divided by: divisorOverride when given; else, with countIncludePad, the
   * window's positions inside the padded input (padH before, padBottom after, …: kH·kW except for
   * ceil mode's ragged windows); else the number of real elements.
   */
  avgPool2d(x: Tensor, g: Conv2dGeometry, countIncludePad: boolean, divisorOverride?: number): Tensor;
  avgPool2dBackward(dy: Tensor, g: Conv2dGeometry, countIncludePad: boolean, divisorOverride?: number): Tensor;
  /**
   * Adaptive average pooling: x [N, C, H, W] → y [N, C, outH, outW], window (oh, ow) the rows
   * ⌊oh·H/outH⌋ … ⌈(oh + 1)·H/outH⌉ − 1 and likewise the columns (adaptiveWindow in geometry.ts);
   * outH = outW = 1 is the global mean of each plane.
   */
  adaptiveAvgPool2d(x: Tensor, outH: number, outW: number): Tensor;
  /** dx [N, C, H, W] (H, W from inputShape): each dy[n, c, oh, ow] / |window| added over its window. */
  adaptiveAvgPool2dBackward(dy: Tensor, inputShape: readonly number[]): Tensor;

  // ---- Upsampling (g from upsampleGeometry; docs/math/upsample.md) ----------------------------
  /**
   * x [N, C, H, W] → y [N, C, OH, OW]. nearest: y[n, c, oh, ow] = x[n, c, r(oh), q(ow)]
   * (nearestSourceIndex); bilinear: y = Σ over the two rows and two columns of linearTaps of
   * lʰ·lʷ·x (PyTorch's half-pixel or align-corners coordinates).
   */
  upsample2d(x: Tensor, g: UpsampleGeometry): Tensor;
  /** dx [N, C, H, W]: each dy[n, c, oh, ow] added, times its tap's weight (1 for nearest), where forward read. */
  upsample2dBackward(dy: Tensor, g: UpsampleGeometry): Tensor;

  // ---- Element-wise ---------------------------------------------------------------------------
  /** y = f(x) element-wise. */
  activation(f: Activation, x: Tensor): Tensor;
  /** dx = f'(x) ⊙ dy, given the saved x and y = f(x). */
  activationBackward(f: Activation, x: Tensor, y: Tensor, dy: Tensor): Tensor;
  /** a ⊙ b (same shapes). */
  mul(a: Tensor, b: Tensor): Tensor;

  // ---- Graphs: merging and splitting (shapes checked by the merge layers) -------------------
  /**
   * a + b element-wise (same shapes), then max(·, 0) with `relu` (a ReLU fused after the sum:
   * NaN stays NaN, as the ReLU's own forward). Never writes into a or b.
   */
  add(a: Tensor, b: Tensor, options?: EpilogueOptions): Tensor;
  /** a ⊙ b with broadcasting: one rank, each dim equal in both or 1 in one of them. */
  mulBroadcast(a: Tensor, b: Tensor): Tensor;
  /** Sums x down to `shape` (x's rank, each dim equal or 1): the adjoint of broadcasting. */
  sumToShape(x: Tensor, shape: readonly number[]): Tensor;
  /** Joins the tensors along `axis` (0 ≤ axis < rank; every other dim equal). */
  concat(xs: readonly Tensor[], axis: number): Tensor;
  /** The entries start … start + size − 1 of x along `axis`. */
  sliceAxis(x: Tensor, axis: number, start: number, size: number): Tensor;
  /** x with `before` zeros in front of it and `after` zeros behind it along `axis`: the adjoint of sliceAxis. */
  padAxis(x: Tensor, axis: number, before: number, after: number): Tensor;
  /**
   * Channel shuffle of x [N, C, *] in `groups` groups (C = groups·K): y[n, k·groups + g, …] =
   * x[n, g·K + k, …], the [groups, K] grid of channels transposed. Its inverse is the shuffle in K groups.
   */
  channelShuffle(x: Tensor, groups: number): Tensor;

  // ---- Embedding lookup (indices are integers stored as floats, checked by the caller) -------
  /** y[i, :] = W[idx[i], :] for every entry i of idx: W [V, D], idx of any shape → y [...idx.shape, D] (W's dtype). */
  embedding(indices: Tensor, weight: Tensor): Tensor;
  /**
   * Scatter-add: dW[idx[i], :] += dy[i, :] for every entry i with idx[i] ≠ paddingIdx (repeated
   * indices sum; paddingIdx −1: none skipped). dy [...idx.shape, D], dW [V, D].
   */
  embeddingBackward(indices: Tensor, dy: Tensor, dW: Tensor, paddingIdx: number): void;

  // ---- Batch normalisation over dim 1 of [N, C] or [N, C, H, W] ------------------------------
  batchNormStats(x: Tensor): BatchNormStats;
  /** y = gamma[c]·xHat + beta[c] with xHat = (x − mean[c])·invStd[c] (then max(y, 0) with `relu`). */
  batchNormForward(x: Tensor, mean: Tensor, invStd: Tensor, gamma: Tensor, beta: Tensor, options?: EpilogueOptions): Tensor;
  /**
   * Training-mode backward (batch statistics), given the forward's x, mean and invStd: with
   * xHat = (x − mean[c])·invStd[c] recomputed as the forward computed it (so it is never stored),
   * dGamma += Σ dy⊙xHat, dBeta += Σ dy, and dx = gamma·invStd·(dy − mean(dy) − xHat·mean(dy⊙xHat)),
   * means over the M = N·H·W entries of a channel. With reluOutput (the y of a ReLU fused after
   * it), dy is first masked to dy ⊙ [y > 0].
   */
  batchNormBackward(
    dy: Tensor, x: Tensor, mean: Tensor, invStd: Tensor, gamma: Tensor, dGamma: Tensor, dBeta: Tensor, reluOutput?: Tensor | null,
  ): Tensor;

  // ---- Group and layer normalisation (see GroupNormView) -----------------------------------
  /** Per block: xHat = (x − mean)/√(biased var + eps), y = gamma[c]·xHat + beta[c]. */
  groupNormForward(x: Tensor, view: GroupNormView, eps: number, gamma: Tensor, beta: Tensor): GroupNormResult;
  /**
   * dGamma[c] += Σ dy⊙xHat, dBeta[c] += Σ dy; with dxHat = gamma[c]·dy,
   * dx = invStd·(dxHat − mean(dxHat) − xHat·mean(dxHat⊙xHat)), means over each block's entries.
   */
  groupNormBackward(
    dy: Tensor, xHat: Tensor, invStd: Tensor, view: GroupNormView, gamma: Tensor, dGamma: Tensor, dBeta: Tensor,
  ): Tensor;

  // ---- Softmax and losses ---------------------------------------------------------------------
  /** Row-wise softmax over the last dim of [N, K], with the row max subtracted. */
  softmax(x: Tensor): Tensor;
  /**
   * Fused softmax + cross-entropy over logits [N, K] (or [N, K, d₁, …], a distribution per position,
   * targets [N, d₁, …] flattened) and integer targets; targets are validated by the caller.
   */
  softmaxCrossEntropy(logits: Tensor, targets: Int32Array, options: CrossEntropyOptions): LossResult;
  /** Mean (or sum) of squared errors and its gradient w.r.t. prediction. */
  mse(prediction: Tensor, target: Tensor, reduction: 'mean' | 'sum'): LossResult;

  // ---- Optimizer updates, in place over θ and the state (same sizes) ---------------------------
  /** SGD on one parameter θ with gradient g and momentum buffer (null without momentum). */
  sgdStep(theta: Tensor, g: Tensor, buf: Tensor | null, c: SgdCoefficients): void;
  /** Adam / AdamW on one parameter θ with gradient g, moments m and v, and vMax for AMSGrad (else null). */
  adamStep(theta: Tensor, g: Tensor, m: Tensor, v: Tensor, vMax: Tensor | null, c: AdamCoefficients): void;
}
