// SPDX-License-Identifier: MIT
// `nabla plot <history.csv|history.json>`: a PNG of a run's loss and accuracy curves, train and
// validation, side by side (drawn with pureimage, encoded with pngjs, written atomically). Text
// needs a TrueType font: the first of a few usual system fonts found (or --font FILE); without
// one the chart is drawn without labels and the command says so.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { parse } from 'csv-parse/sync';
import { PNG } from 'pngjs';
import * as PImage from 'pureimage';
import { writeFileAtomic } from '../../io/node-file.js';
import type { EpochRecord } from '../../train/callbacks.js';
import { fileError, positiveInt, usageError } from '../errors.js';
import { print, printError } from '../io.js';

const FONTS = ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/TTF/DejaVuSans.ttf', '/System/Library/Fonts/Supplemental/Arial.ttf', 'C:\\Windows\\Fonts\\arial.ttf'];
const TRAIN_COLOUR = '#1f77b4';
const VAL_COLOUR = '#ff7f0e';

type Curve = { epoch: number; value: number }[];

export function registerPlot(program: Command): void {
  program
    .command('plot')
    .description('draw a run\'s loss and accuracy curves (train and validation) as a PNG')
    .argument('<history>', 'history.csv or history.json of a `nabla train` run')
    .option('--out <file.png>', 'the PNG to write (default: beside the history, history.png)')
    .option('--width <px>', 'width of the image', positiveInt('--width'), 960)
    .option('--font <file.ttf>', 'a TrueType font for the labels (default: a system font when one is found)')
    .action(async (path: string, opts: { out?: string; width: number; font?: string }) => {
      const history = await readHistory(path);
      const out = opts.out ?? path.replace(/\.(csv|json)$/i, '') + '.png';
      if (!out.toLowerCase().endsWith('.png')) throw usageError(`--out ${out}: the chart is a PNG (give a .png name)`);
      const font = opts.font ?? FONTS.find((f) => existsSync(f));
      if (opts.font && !existsSync(opts.font)) throw fileError(`--font ${opts.font}: no such file`);
      if (font) PImage.registerFont(font, 'chart').loadSync();
      else printError('nabla: note: no TrueType font found (give --font FILE.ttf); the chart is drawn without labels');
      const width = Math.max(400, opts.width);
      const height = Math.round(width * 0.42);
      const image = PImage.make(width, height);
      const ctx = image.getContext('2d');
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, width, height);
      const pick = (key: keyof EpochRecord, scale = 1): Curve =>
        history.filter((r) => typeof r[key] === 'number' && Number.isFinite(r[key] as number)).map((r) => ({ epoch: r.epoch, value: (r[key] as number) * scale }));
      const panels = [
        { title: 'loss', curves: [pick('trainLoss'), pick('valLoss')] },
        history.some((r) => r.trainRmse !== undefined)
          ? { title: 'RMSE', curves: [pick('trainRmse'), pick('valRmse')] }
          : { title: 'accuracy (%)', curves: [pick('trainAccuracy', 100), pick('valAccuracy', 100)] },
      ];
      panels.forEach((panel, i) => drawPanel(ctx, { x: (i * width) / 2, y: 0, w: width / 2, h: height }, panel.title, panel.curves, !!font));
      const png = new PNG({ width, height });
      png.data = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength);
      await writeFileAtomic(out, PNG.sync.write(png));
      const last = history.at(-1)!;
      print(`wrote ${out}: ${width}×${height}, ${history.length} epochs (train ${TRAIN_COLOUR}, validation ${VAL_COLOUR}${last.valLoss === undefined ? ': none in this history' : ''})`);
    });
}

/** The epochs of a history.json (an array of records) or history.csv (a header, one line per epoch). */
export async function readHistory(path: string): Promise<EpochRecord[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw fileError(`${path}: no such file (give the history.csv or history.json of a run)`);
  }
  let rows: Record<string, unknown>[];
  try {
    rows = path.toLowerCase().endsWith('.json') ? (JSON.parse(text) as Record<string, unknown>[]) : parse(text, { columns: true, skip_empty_lines: true, cast: (v, context) => (context.header ? v : v === '' ? undefined : Number(v)) });
  } catch (err) {
    throw fileError(`${path}: not a readable history (${(err as Error).message})`);
  }
  if (!Array.isArray(rows) || rows.length === 0) throw fileError(`${path}: holds no epochs`);
  rows.forEach((r, i) => {
    if (typeof r !== 'object' || r === null || !Number.isInteger(r.epoch) || typeof r.trainLoss !== 'number') {
      throw fileError(`${path}: row ${i + 1} has no epoch and trainLoss (the columns nabla train writes)`);
    }
  });
  return rows as unknown as EpochRecord[];
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

type Context = ReturnType<ReturnType<typeof PImage.make>['getContext']>;

/** One panel: axes with 5 gridlines, the curves (train solid, validation in its colour), title and ticks when there is a font. */
function drawPanel(ctx: Context, box: Box, title: string, curves: Curve[], hasFont: boolean): void {
  const plot = { x: box.x + 60, y: box.y + 40, w: box.w - 80, h: box.h - 80 };
  const points = curves.flat();
  const epochs = [Math.min(...points.map((p) => p.epoch)), Math.max(...points.map((p) => p.epoch))];
  let [low, high] = [Math.min(...points.map((p) => p.value)), Math.max(...points.map((p) => p.value))];
  if (!(high > low)) [low, high] = [low - 1, high + 1];
  const px = (epoch: number) => plot.x + (epochs[1] > epochs[0] ? ((epoch - epochs[0]) / (epochs[1] - epochs[0])) * plot.w : plot.w / 2);
  const py = (value: number) => plot.y + plot.h - ((value - low) / (high - low)) * plot.h;
  ctx.strokeStyle = '#dddddd';
  ctx.lineWidth = 1;
  ctx.fillStyle = '#333333';
  if (hasFont) ctx.font = '13pt chart';
  for (let g = 0; g <= 4; g++) {
    const value = low + ((high - low) * g) / 4;
    line(ctx, plot.x, py(value), plot.x + plot.w, py(value));
    if (hasFont) ctx.fillText(value.toPrecision(3), box.x + 4, py(value) + 5);
  }
  ctx.strokeStyle = '#333333';
  line(ctx, plot.x, plot.y + plot.h, plot.x + plot.w, plot.y + plot.h);
  line(ctx, plot.x, plot.y, plot.x, plot.y + plot.h);
  if (hasFont) {
    ctx.fillText(title, plot.x, box.y + 25);
    ctx.fillText(`epoch ${epochs[0]}`, plot.x, plot.y + plot.h + 22);
    ctx.fillText(`${epochs[1]}`, plot.x + plot.w - 20, plot.y + plot.h + 22);
    ctx.fillStyle = TRAIN_COLOUR;
    ctx.fillText('train', plot.x + plot.w - 140, box.y + 25);
    ctx.fillStyle = VAL_COLOUR;
    ctx.fillText('validation', plot.x + plot.w - 90, box.y + 25);
  }
  curves.forEach((curve, i) => {
    ctx.strokeStyle = i === 0 ? TRAIN_COLOUR : VAL_COLOUR;
    ctx.lineWidth = 2;
    for (let k = 1; k < curve.length; k++) line(ctx, px(curve[k - 1].epoch), py(curve[k - 1].value), px(curve[k].epoch), py(curve[k].value));
    ctx.fillStyle = i === 0 ? TRAIN_COLOUR : VAL_COLOUR;
    for (const p of curve) ctx.fillRect(px(p.epoch) - 2, py(p.value) - 2, 5, 5);
  });
}

function line(ctx: Context, x0: number, y0: number, x1: number, y1: number): void {
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  ctx.stroke();
}
