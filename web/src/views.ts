// SPDX-License-Identifier: MIT
// The page's non-chart views, drawn from what the worker reports: the confusion matrix, grids
// of grayscale maps (filters, activations), the held-out sample grid and the class probabilities.
import { imageCanvas } from './draw.js';
import type { ImageGrid, MapGrid } from './protocol.js';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

/** A table: rows true class, columns predicted class, cells shaded by their share of the row. */
export function renderConfusion(container: HTMLElement, confusion: number[][], classNames: string[]): void {
  const table = element('table', 'confusion');
  const caption = element('caption', undefined, 'rows: true class · columns: predicted');
  table.append(caption);
  const head = element('tr');
  head.append(element('th', undefined, ''));
  classNames.forEach((_, k) => head.append(element('th', undefined, String(k))));
  table.append(head);
  confusion.forEach((row, t) => {
    const total = row.reduce((a, b) => a + b, 0) || 1;
    const tr = element('tr');
    tr.append(element('th', undefined, classNames[t] === String(t) ? String(t) : `${t} ${classNames[t]}`));
    row.forEach((count, p) => {
      const share = count / total;
      const td = element('td', t === p ? 'diagonal' : count > 0 ? 'off' : undefined, count > 0 ? String(count) : '');
      td.style.setProperty('--share', share.toFixed(3));
      td.title = `true ${t}, predicted ${p}: ${count} (${(share * 100).toFixed(1)}% of class ${t})`;
      tr.append(td);
    });
    table.append(tr);
  });
  container.replaceChildren(table);
}

/** Each map scaled to its own min..max (filters: symmetric about 0, so grey is 0). */
export function renderMaps(container: HTMLElement, grid: MapGrid | null, symmetric: boolean): void {
  if (!grid) {
    container.replaceChildren();
    return;
  }
  const { count, height, width, values } = grid;
  const wrap = element('div', 'maps');
  for (let m = 0; m < count; m++) {
    const plane = values.subarray(m * height * width, (m + 1) * height * width);
    let low = Infinity;
    let high = -Infinity;
    for (const v of plane) {
      low = Math.min(low, v);
      high = Math.max(high, v);
    }
    if (symmetric) {
      high = Math.max(Math.abs(low), Math.abs(high));
      low = -high;
    }
    const span = high - low || 1;
    const pixels = new Uint8Array(plane.length);
    for (let i = 0; i < plane.length; i++) pixels[i] = Math.round(((plane[i] - low) / span) * 255);
    const canvas = imageCanvas(pixels, height, width);
    canvas.className = 'map';
    canvas.title = `${grid.title} #${m}: ${low.toPrecision(3)} … ${high.toPrecision(3)}`;
    wrap.append(canvas);
  }
  container.replaceChildren(element('p', 'caption', grid.title), wrap);
}

/** The held-out grid: one button per sample (selects it for the activation maps). */
export function renderSamples(container: HTMLElement, samples: ImageGrid, labels: string[], onSelect: (index: number) => void): HTMLButtonElement[] {
  const size = samples.height * samples.width;
  const buttons = labels.map((label, i) => {
    const button = element('button', 'sample');
    button.type = 'button';
    button.dataset.index = String(i);
    const canvas = imageCanvas(samples.pixels.subarray(i * size, (i + 1) * size), samples.height, samples.width);
    button.append(canvas, element('span', 'sample-label', label));
    button.setAttribute('aria-label', `held-out sample ${i}, label ${label}`);
    button.addEventListener('click', () => onSelect(i));
    return button;
  });
  container.replaceChildren(...buttons);
  return buttons;
}

/** Marks each sample with the model's prediction; wrong ones get the 'wrong' class. */
export function markSamples(buttons: HTMLButtonElement[], labels: number[], predictions: number[], classNames: string[]): number {
  let wrong = 0;
  const named = (k: number) => classNames[k] ?? String(k);
  buttons.forEach((button, i) => {
    const p = predictions[i];
    const isWrong = p !== labels[i];
    if (isWrong) wrong++;
    button.classList.toggle('wrong', isWrong);
    button.querySelector('.sample-label')!.textContent = isWrong ? `${named(labels[i])}→${named(p)}` : named(labels[i]);
    button.setAttribute('aria-label', `held-out sample ${i}, label ${named(labels[i])}, predicted ${named(p)}${isWrong ? ' (wrong)' : ''}`);
  });
  return wrong;
}

/** One bar per class, or for the `top` most probable (class names with probabilities); the most probable is highlighted. */
export function renderProbabilities(container: HTMLElement, probabilities: number[] | null, classNames: string[], top?: number): void {
  if (!probabilities) {
    container.replaceChildren(element('p', 'muted', 'Draw a digit in the box, or upload an image.'));
    return;
  }
  const best = probabilities.indexOf(Math.max(...probabilities));
  // Every class in order, or (top) the k most probable, most probable first.
  const order = probabilities.map((_, k) => k);
  const shown = top === undefined ? order : order.sort((a, b) => probabilities[b] - probabilities[a]).slice(0, top);
  const rows = shown.map((k) => {
    const p = probabilities[k];
    const row = element('div', k === best ? 'bar best' : 'bar');
    const fill = element('span', 'fill');
    fill.style.width = `${(p * 100).toFixed(1)}%`;
    row.append(element('span', 'bar-label', classNames[k]), element('span', 'track'), element('span', 'bar-value', `${(p * 100).toFixed(1)}%`));
    row.querySelector('.track')!.append(fill);
    return row;
  });
  container.replaceChildren(...rows);
}
