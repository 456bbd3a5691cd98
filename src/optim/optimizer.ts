// SPDX-License-Identifier: MIT
// The optimizer contract shared by SGD, Adam and AdamW: a list of parameters, a learning rate
// that schedules may change between steps, step(), zeroGrad(), and a state that a checkpoint can
// carry. Optimizers loop over parameter elements directly; they are not layers and use no kernels.
import { checkSelector, describeSelector, type ParamSelector, selects } from '../tensor/select.js';
import { type DType, formatShape, type Parameter, Tensor } from '../tensor/tensor.js';

/**
 * A parameter group, as PyTorch's param_groups: the parameters `params` selects (a name prefix such
 * as 'fc', several, or a predicate) train with learning rate `lr` instead of the optimizer's.
 * Schedules scale every group alike: a group's rate is always optimizer.lr × (group lr / base lr),
 * where base lr is the optimizer's lr at construction (see lrScale).
 */
export interface ParamGroup {
  params: ParamSelector;
  lr: number;
}

/** A group's layout as saved in the optimizer state: its parameters and its rate relative to optimizer.lr. */
export interface ParamGroupState {
  lrScale: number;
  params: string[];
}

/**
 * Everything an optimizer needs to continue exactly where it stopped.
 * - `options` and `stepCount` are plain JSON.
 * - `tensors` holds the per-parameter buffers, keyed `<slot>/<parameter name>`
 *   (`'expAvg/0.weight'`, `'momentumBuffer/3.bias'`). A slot that does not exist yet
 *   (SGD's momentum buffer before the first step) is simply absent.
 */
export interface OptimizerState {
  type: string;
  lr: number;
  stepCount: number;
  options: Record<string, number | boolean>;
  tensors: Record<string, Tensor>;
  /**
   * With parameter groups: every group (the default one first, its lrScale 1) with its parameters.
   * Absent when all parameters share one rate (the layout of states saved before groups existed).
   */
  groups?: ParamGroupState[];
}

/** OptimizerState with each buffer as plain JSON (float32 values survive JSON exactly). */
export interface OptimizerStateJson extends Omit<OptimizerState, 'tensors'> {
  tensors: Record<string, { dtype: DType; shape: number[]; data: number[] }>;
}

/** For storage that only takes JSON (localStorage in the playground); checkpoints use safetensors. */
export function optimizerStateToJson(state: OptimizerState): OptimizerStateJson {
  const tensors: OptimizerStateJson['tensors'] = {};
  for (const [key, t] of Object.entries(state.tensors)) tensors[key] = { dtype: t.dtype, shape: [...t.shape], data: t.toArray() };
  return { ...state, tensors };
}

export function optimizerStateFromJson(json: OptimizerStateJson): OptimizerState {
  const tensors: Record<string, Tensor> = {};
  for (const [key, t] of Object.entries(json.tensors)) tensors[key] = Tensor.from(t.data, t.shape, t.dtype);
  return { ...json, tensors };
}

export abstract class Optimizer {
  /** Class name used in error messages and in saved state ('SGD', 'Adam', 'AdamW'). */
  abstract readonly type: string;
  readonly params: Parameter[];
  /** Learning rate of the next step; schedules write it. */
  lr: number;
  /** Number of step() calls so far (Adam's bias correction uses it). */
  stepCount = 0;
  /** Per-slot buffers, one entry per parameter (null until first used). */
  protected readonly slots = new Map<string, (Tensor | null)[]>();
  /** For each parameter, its group: 0 is the default group (the parameters no group selects). */
  private readonly groupOf: number[];
  /** Each group's rate as a multiple of lr (group 0: 1), fixed at construction (or by loadState). */
  private lrScales: number[];

  constructor(params: Parameter[], lr: number, groups: readonly ParamGroup[] = []) {
    if (!Number.isFinite(lr) || lr < 0) throw new Error(`Optimizer: lr must be a finite number ≥ 0, got ${lr}`);
    const seen = new Set<string>();
    for (const p of params) {
      if (seen.has(p.name)) throw new Error(`Optimizer: two parameters are named '${p.name}'; names must be unique`);
      seen.add(p.name);
    }
    this.params = params;
    this.lr = lr;
    if (!Array.isArray(groups)) throw new Error('Optimizer: groups must be an array of { params, lr }');
    groups.forEach((g, k) => {
      checkSelector(`Optimizer: group ${k + 1}`, g?.params);
      if (!Number.isFinite(g.lr) || g.lr < 0) throw new Error(`Optimizer: group ${k + 1} (${describeSelector(g.params)}): lr must be a finite number ≥ 0, got ${g.lr}`);
      if (lr === 0 && g.lr !== 0) throw new Error(`Optimizer: group ${k + 1} (${describeSelector(g.params)}) has lr ${g.lr} but the optimizer's lr is 0; group rates are multiples of it, so give the optimizer an lr > 0`);
    });
    // Each parameter joins the first group that selects it, as it would be listed once in PyTorch.
    this.groupOf = params.map((p) => groups.findIndex((g) => selects(g.params, p.name)) + 1);
    groups.forEach((g, k) => {
      if (this.groupOf.includes(k + 1)) return;
      const taken = params.filter((p) => selects(g.params, p.name));
      if (taken.length > 0) {
        const first = taken[0];
        throw new Error(`Optimizer: group ${k + 1} (${describeSelector(g.params)}) selects only parameters an earlier group has (${first.name} is in group ${this.groupOf[params.indexOf(first)]}): each parameter joins the first group that selects it`);
      }
      throw new Error(`Optimizer: group ${k + 1} (${describeSelector(g.params)}) selects no parameter (of ${params.length}, e.g. ${params.slice(0, 3).map((p) => p.name).join(', ')})`);
    });
    this.lrScales = [1, ...groups.map((g) => (lr === 0 ? 0 : g.lr / lr))];
  }

  /** The learning rate parameter i trains with at the next step: lr × its group's scale. */
  protected lrOf(i: number): number {
    return this.lr * this.lrScales[this.groupOf[i]];
  }

  /** The groups with their current rates and parameters (the default group first). */
  paramGroups(): { lr: number; params: string[] }[] {
    return this.groupStates().map((g) => ({ lr: this.lr * g.lrScale, params: g.params }));
  }

  private groupStates(): ParamGroupState[] {
    return this.lrScales.map((lrScale, k) => ({ lrScale, params: this.params.filter((_, i) => this.groupOf[i] === k).map((p) => p.name) }));
  }

  /** Updates every parameter from its grad. */
  abstract step(): void;

  /** Hyper-parameters other than lr, as plain JSON (saved with the state). */
  protected abstract options(): Record<string, number | boolean>;

  /**
   * The momentum-like coefficient that one-cycle schedules anneal (SGD: momentum, Adam: β₁),
   * or null when the optimizer has none.
   */
  abstract get momentum(): number | null;
  abstract set momentum(value: number);

  zeroGrad(): void {
    for (const p of this.params) p.zeroGrad();
  }

  /** A deep copy of the state: later steps do not change it. */
  state(): OptimizerState {
    const tensors: Record<string, Tensor> = {};
    for (const [slot, buffers] of this.slots) {
      buffers.forEach((t, i) => {
        if (t) tensors[`${slot}/${this.params[i].name}`] = t.clone();
      });
    }
    const state: OptimizerState = { type: this.type, lr: this.lr, stepCount: this.stepCount, options: this.options(), tensors };
    if (this.lrScales.length > 1) state.groups = this.groupStates();
    return state;
  }

  /**
   * Restores a state saved by state(). The type, option values, group layout (the same parameters
   * in each group) and every buffer's shape must match this optimizer and its parameters; a buffer
   * for an unknown parameter is an error. The groups' rates come from the state, as in PyTorch.
   */
  loadState(state: OptimizerState): void {
    if (state.type !== this.type) throw new Error(`${this.type}.loadState: state is for ${state.type}`);
    const lrScales = this.checkGroups(state.groups);
    const mine = this.options();
    for (const [key, value] of Object.entries(mine)) {
      if (key === 'momentum' || key === 'beta1') continue; // one-cycle schedules change these; restored below
      if (state.options[key] !== value) {
        throw new Error(`${this.type}.loadState: option ${key} is ${String(state.options[key])} in the state, ${String(value)} here`);
      }
    }
    const index = new Map(this.params.map((p, i) => [p.name, i]));
    const restored = new Map<string, (Tensor | null)[]>();
    for (const [key, t] of Object.entries(state.tensors)) {
      const slash = key.indexOf('/');
      const slot = key.slice(0, slash);
      const name = key.slice(slash + 1);
      const i = index.get(name);
      if (slash < 0 || i === undefined) throw new Error(`${this.type}.loadState: buffer ${key} names no parameter of this optimizer`);
      const p = this.params[i];
      if (t.shape.length !== p.value.shape.length || t.shape.some((d, k) => d !== p.value.shape[k])) {
        throw new Error(`${this.type}.loadState: buffer ${key} has shape ${formatShape(t.shape)}, parameter has ${formatShape(p.value.shape)}`);
      }
      if (!restored.has(slot)) restored.set(slot, this.params.map(() => null));
      restored.get(slot)![i] = t.astype(p.value.dtype);
    }
    this.slots.clear();
    for (const [slot, buffers] of restored) this.slots.set(slot, buffers);
    this.lr = state.lr;
    this.lrScales = lrScales;
    this.stepCount = state.stepCount;
    const momentum = state.options.momentum ?? state.options.beta1;
    if (typeof momentum === 'number' && this.momentum !== null) this.momentum = momentum;
  }

  /** The group scales of a saved state, after checking it has this optimizer's groups (the same parameters in each). */
  private checkGroups(saved: ParamGroupState[] | undefined): number[] {
    const mine = this.groupStates();
    const theirs = saved ?? [{ lrScale: 1, params: this.params.map((p) => p.name) }];
    const list = (g: ParamGroupState[]) => (g.length === 1 ? 'one group' : `${g.length} groups (${g.slice(1).map((x) => `${x.params.length} parameters at ${x.lrScale}× lr`).join(', ')} besides the default)`);
    if (theirs.length !== mine.length) {
      throw new Error(`${this.type}.loadState: the state has ${list(theirs)} of parameters, this optimizer has ${list(mine)}; build the optimizer with the groups it was saved with`);
    }
    mine.forEach((g, k) => {
      const names = new Set(theirs[k].params);
      const differ = g.params.filter((n) => !names.has(n));
      if (differ.length > 0 || names.size !== g.params.length) {
        const extra = theirs[k].params.filter((n) => !g.params.includes(n));
        const which = k === 0 ? 'the default group' : `group ${k}`;
        throw new Error(`${this.type}.loadState: ${which} holds other parameters in the state (only there: ${extra.slice(0, 5).join(', ') || 'none'}; only here: ${differ.slice(0, 5).join(', ') || 'none'})`);
      }
    });
    return theirs.map((g) => g.lrScale);
  }

  /** Every state buffer created so far (momentum, moments), for Kernels.keepResident. */
  stateTensors(): Tensor[] {
    return [...this.slots.values()].flat().filter((t): t is Tensor => t !== null);
  }

  /** The buffer of `slot` for parameter i, created zero-filled on first use. */
  protected buffer(slot: string, i: number): Tensor {
    let buffers = this.slots.get(slot);
    if (!buffers) {
      buffers = this.params.map(() => null);
      this.slots.set(slot, buffers);
    }
    let t = buffers[i];
    if (!t) {
      const p = this.params[i].value;
      t = Tensor.zeros(p.shape, p.dtype);
      buffers[i] = t;
    }
    return t;
  }

  /** The buffer of `slot` for parameter i, or null when it has not been created. */
  protected peek(slot: string, i: number): Tensor | null {
    return this.slots.get(slot)?.[i] ?? null;
  }
}

export function checkCoefficient(owner: string, name: string, value: number, low: number, high: number, highOpen = false): void {
  const ok = Number.isFinite(value) && value >= low && (highOpen ? value < high : value <= high);
  if (!ok) throw new Error(`${owner}: ${name} must be in [${low}, ${high}${highOpen ? ')' : ']'}, got ${value}`);
}
