// SPDX-License-Identifier: MIT
// Choosing parameters by name, as fine-tuning does (freeze a backbone, give a head its own
// learning rate): a path prefix, several, or a predicate on the name. Shared by freeze()
// (layers/freeze.ts) and optimizers' parameter groups (optim/optimizer.ts).

/**
 * Which parameters: a path prefix (`'layer1'` selects `layer1.0.conv1.weight` and `layer1.bn.bias`
 * but not `layer10.weight`: a prefix ends at a '.'), a list of them, or a predicate on the name.
 */
export type ParamSelector = string | readonly string[] | ((name: string) => boolean);

/** Whether `name` is `prefix` or lies under it (`prefix.` …); a prefix written with its '.' works too. */
export function isUnderPath(name: string, prefix: string): boolean {
  if (prefix === '') return true;
  if (prefix.endsWith('.')) return name.startsWith(prefix);
  return name === prefix || name.startsWith(`${prefix}.`);
}

export function selects(selector: ParamSelector, name: string): boolean {
  if (typeof selector === 'function') return selector(name);
  if (typeof selector === 'string') return isUnderPath(name, selector);
  return selector.some((prefix) => isUnderPath(name, prefix));
}

/** The selector as people wrote it, for error messages. */
export function describeSelector(selector: ParamSelector): string {
  if (typeof selector === 'function') return 'a predicate';
  if (typeof selector === 'string') return `'${selector}'`;
  return selector.map((s) => `'${s}'`).join(', ');
}

/** Throws unless the selector is a string, an array of strings or a function. */
export function checkSelector(owner: string, selector: unknown): asserts selector is ParamSelector {
  const ok = typeof selector === 'string' || typeof selector === 'function' || (Array.isArray(selector) && selector.every((s) => typeof s === 'string'));
  if (!ok) throw new Error(`${owner}: params must be a name prefix, a list of prefixes or a predicate on the name, got ${typeof selector}`);
}
