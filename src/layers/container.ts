// SPDX-License-Identifier: MIT
// What Sequential and Graph share: naming their children's tensors by path ('3.weight',
// 'layer1.0.conv1.weight'), refusing a layer instance used twice, walking a model's modules,
// and placing errors at the child that raised them.
import type { Buffer, Parameter } from '../tensor/tensor.js';
import { isContainer, type Child, type Module } from './layer.js';

/**
 * The parameters and buffers of a container's children under `${child}.${local}`. The children's
 * own tensors are renamed in place (so optimizers, checkpoints and gradcheck see the very tensors
 * the layers use); the local names are those the children had when the container adopted them.
 */
export class ChildTensors {
  private readonly localParameterNames: string[][];
  private readonly localBufferNames: string[][];
  /** Each child's parameter objects, for asking whether they train without renaming them (parameters() does). */
  private readonly childParameters: Parameter[][];

  constructor(private readonly children: readonly Child[]) {
    this.childParameters = children.map((c) => c.module.parameters());
    this.localParameterNames = this.childParameters.map((ps) => ps.map((p) => p.name));
    this.localBufferNames = children.map((c) => c.module.buffers().map((b) => b.name));
    this.parameters(); // apply the prefixed names now
    this.buffers();
  }

  parameters(): Parameter[] {
    return this.children.flatMap((child, i) =>
      child.module.parameters().map((p, j) => {
        p.name = `${child.name}.${this.localParameterNames[i][j]}`;
        return p;
      }),
    );
  }

  buffers(): Buffer[] {
    return this.children.flatMap((child, i) =>
      child.module.buffers().map((b, j) => {
        b.name = `${child.name}.${this.localBufferNames[i][j]}`;
        return b;
      }),
    );
  }

  /** Whether child i has parameters that train (requiresGrad: frozen ones do not count). */
  hasTrainableParameters(i: number): boolean {
    return this.childParameters[i].some((p) => p.requiresGrad);
  }
}

/** Every module of a model with its path ('' for the model, 'layer1.0.conv1'), parents before children. */
export function* walkModules(module: Module, path = ''): Generator<{ path: string; module: Module }> {
  yield { path, module };
  for (const child of module.children?.() ?? []) {
    yield* walkModules(child.module, path === '' ? child.name : `${path}.${child.name}`);
  }
}

/**
 * Throws unless every module under `children` is a distinct instance. A layer keeps the input of
 * its last forward for backward, so one instance in two places would compute wrong gradients;
 * weight sharing is refused rather than half supported.
 */
export function checkDistinct(container: string, children: readonly Child[]): void {
  const seen = new Map<Module, string>();
  for (const child of children) {
    for (const { path, module } of walkModules(child.module, child.name)) {
      const first = seen.get(module);
      if (first !== undefined) {
        throw new Error(
          `${container}: ${path} (${module.name}) is the same layer instance as ${first}: a layer can appear only once ` +
            'in a model (weight sharing is not supported; create a second layer)',
        );
      }
      seen.set(module, path);
    }
  }
}

/** Runs fn, prefixing any error with where it happened ('Graph node conv1 (Conv2d)'). */
export function withContext<T>(where: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof Error) e.message = `${where}: ${e.message}`;
    throw e;
  }
}

/** Every leaf module (no children) with its path, in run order. */
export function leafModules(model: Module): { path: string; module: Module }[] {
  return [...walkModules(model)].filter(({ module }) => !isContainer(module) || module.children().length === 0);
}
