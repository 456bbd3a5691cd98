// SPDX-License-Identifier: MIT
// A short, safe rendering of a value read from an untrusted file, for error messages: bounded in
// depth and length, so a deeply nested or huge value cannot overflow the stack or the message
// (JSON.stringify recurses and would).

/** At most `max` characters of v as compact JSON would write it (NaN and ±Infinity by name), nested values past depth 3 as '…'. */
export function preview(v: unknown, max = 80): string {
  const text = render(v, 0);
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function render(v: unknown, depth: number): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return JSON.stringify(v.length > 80 ? `${v.slice(0, 80)}…` : v);
  if (typeof v !== 'object' || v === null) return String(v);
  if (depth >= 3) return Array.isArray(v) ? '[…]' : '{…}';
  if (Array.isArray(v)) {
    const items = v.slice(0, 8).map((x) => render(x, depth + 1));
    return `[${items.join(',')}${v.length > 8 ? ',…' : ''}]`;
  }
  const keys = Object.keys(v).slice(0, 8);
  const items = keys.map((k) => `${JSON.stringify(k.slice(0, 40))}:${render((v as Record<string, unknown>)[k], depth + 1)}`);
  return `{${items.join(',')}${Object.keys(v).length > 8 ? ',…' : ''}}`;
}
