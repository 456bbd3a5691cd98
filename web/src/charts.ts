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

/** Log-axis labels only at powers of ten, written 1e-7 (gradient norms span many decades). */
function powerOfTenLabel(value: number | string): string {
  const exponent = Math.log10(Number(value));
  return Math.abs(exponent - Math.round(exponent)) < 1e-6 ? `1e${Math.round(exponent)}` : '';
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
            ticks: options.log ? { callback: powerOfTenLabel } : {},
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
