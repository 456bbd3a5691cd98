// SPDX-License-Identifier: MIT
// Every registered layer type is covered: it has PyTorch golden cases, a row in `nabla gradcheck`
// (float64 central differences), a spec round trip (spec.test.ts's every-type model asserts that
// one) and an ONNX mapping. A new layer that skips one of them fails here, naming what is missing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GRADCHECK_CASES } from '../../src/cli/commands/gradcheck.js';
import { LAYER_DEFS } from '../../src/layers/all.js';
import { LAYER_FIXTURES, loadFixture, type LayerCase, type LayerSpecJson } from '../golden/suite.js';

/** Every layer type a fixture spec uses, nested ones included. */
function typesOf(spec: LayerSpecJson | Record<string, unknown>): string[] {
  const s = spec as Record<string, unknown>;
  const children = [s.layers, s.nodes].filter(Array.isArray).flat() as Record<string, unknown>[];
  if (s.body) children.push(s.body as Record<string, unknown>);
  if (s.shortcut) children.push(s.shortcut as Record<string, unknown>);
  if (s.nabla) children.push(s.nabla as Record<string, unknown>);
  return [String(s.type), ...children.flatMap(typesOf)];
}

const goldenTypes = new Set(LAYER_FIXTURES.flatMap((file) => loadFixture<LayerCase>(file).flatMap((c) => typesOf(c.layer))));
const gradcheckNames = GRADCHECK_CASES.map((c) => c.name);

describe('every registered layer type is covered', () => {
  for (const def of LAYER_DEFS) {
    it(def.type, () => {
      assert.ok(goldenTypes.has(def.type), `${def.type}: no PyTorch golden case uses it (test/fixtures/make-fixtures.py)`);
      assert.ok(
        gradcheckNames.some((name) => name === def.type || name.startsWith(`${def.type} `)),
        `${def.type}: no row in nabla gradcheck (src/cli/commands/gradcheck.ts)`,
      );
      const isContainer = ['Sequential', 'Graph', 'Residual'].includes(def.type);
      assert.ok(isContainer || def.toOnnx, `${def.type}: no ONNX mapping (LayerDef.toOnnx)`);
    });
  }
});
