// SPDX-License-Identifier: MIT
// The page's line charts (chart.js): loss, accuracy, and the backprop inspector's gradient norms
// on a log scale. Points are (step, value); long runs are thinned so a chart never holds more
// than MAX_POINTS per line.
import {
  CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, LogarithmicScale, PointElement, Tooltip,
  type ChartDataset,
} from 'chart.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, CategoryScale, Legend, Tooltip);
Chart.defaults.color = '#c9d1d9';
Chart.defaults.borderColor = 'rgba(201, 209, 217, 0.15)';
Chart.defaults.font.family = 'system-ui, sans-serif';

const MAX_POINTS = 300;

/** Colours for series; layers get them by depth (first layer first). */
export const PALETTE = ['#58a6ff', '#f78166', '#3fb950', '#d2a8ff', '#e3b341', '#39c5cf', '#ff7b72', '#a5d6ff', '#ffa657', '#7ee787', '#bc8cff', '#79c0ff'];

type Point = { x: number; y: number };

const isPowerOfTen = (v: number) => Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-6;

/**
 * Log-axis labels written 2e-7: at powers of ten when the axis spans two or more of them
 * (gradient norms often span many decades), else at 1, 2 and 5 times a power of ten.
 */
function logTickLabel(value: number | string, _index: number, ticks: { value: number }[]): string {
  const v = Number(value);
  const decades = ticks.filter((t) => isPowerOfTen(t.value)).length;
  const mantissa = Number(v.toExponential(0).split('e')[0]);
  const show = decades >= 2 ? isPowerOfTen(v) : [1, 2, 5].includes(mantissa) && Math.abs(v / Number(v.toExponential(0)) - 1) < 1e-6;
  return show ? v.toExponential(0).replace('e+', 'e') : '';
}

export class LineChart {
  private readonly chart: Chart<'line', Point[]>;

  constructor(canvas: HTMLCanvasElement, options: { yTitle: string; log?: boolean; min?: number; max?: number }) {
    this.chart = new Chart(canvas, {
      type: 'line',
      data: { datasets: [] },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        parsing: false,
        normalized: true,
        interaction: { mode: 'nearest', intersect: false },
        elements: { point: { radius: 0 }, line: { borderWidth: 1.5, tension: 0 } },
        scales: {
          x: { type: 'linear', title: { display: true, text: 'step' }, min: 0 },
          y: {
            type: options.log ? 'logarithmic' : 'linear',
            title: { display: true, text: options.yTitle },
            min: options.min,
            max: options.max,
            ticks: options.log ? { callback: logTickLabel } : {},
          },
        },
        plugins: { legend: { labels: { boxWidth: 10, boxHeight: 2 } } },
      },
    });
  }

  /** Replaces the series (names and colours); clears the data. */
  setSeries(series: { label: string; color: string; dashed?: boolean }[]): void {
    this.chart.data.datasets = series.map(
      (s): ChartDataset<'line', Point[]> => ({ label: s.label, data: [], borderColor: s.color, backgroundColor: s.color, borderDash: s.dashed ? [5, 3] : [] }),
    );
    this.chart.update();
  }

  /** Appends one value per series (NaN / non-positive on a log scale are skipped). */
  push(step: number, values: (number | null)[]): void {
    this.chart.data.datasets.forEach((dataset, i) => {
      const v = values[i];
      if (v === null || v === undefined || !Number.isFinite(v)) return;
      dataset.data.push({ x: step, y: v });
      if (dataset.data.length > MAX_POINTS) dataset.data = dataset.data.filter((_, k) => k % 2 === 0 || k === dataset.data.length - 1);
    });
  }

  clear(): void {
    for (const dataset of this.chart.data.datasets) dataset.data = [];
    this.chart.update();
  }

  /** Redraws (called once per animation frame at most). */
  update(): void {
    this.chart.update('none');
  }
}
