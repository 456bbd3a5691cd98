// SPDX-License-Identifier: MIT
// The drawing pad: white strokes on black, as MNIST digits are. preprocess() turns the drawing
// into a 28×28 image the way MNIST was made: the ink's bounding box scaled to fit 20×20 (aspect
// kept, anti-aliased), then placed so that its centre of mass sits at the centre of the 28×28 field.
// An uploaded picture can be shown in it, as ink for a digit model or as it is for an image folder's.
import { luma } from 'nabla';

const FIELD = 28;
const BOX = 20;

export class DrawingPad {
  readonly canvas: HTMLCanvasElement;
  private readonly context: CanvasRenderingContext2D;
  private last: { x: number; y: number } | null = null;
  /** A held-out image shown in the pad: predicted from its own pixels, not re-preprocessed. */
  private exact: Float32Array | null = null;
  private readonly onChange: () => void;

  constructor(canvas: HTMLCanvasElement, onChange: () => void) {
    this.canvas = canvas;
    this.context = canvas.getContext('2d', { willReadFrequently: true })!;
    this.onChange = onChange;
    this.clear();
    canvas.addEventListener('pointerdown', (e) => {
      canvas.setPointerCapture(e.pointerId);
      this.last = this.point(e);
      this.stroke(this.last, this.last);
    });
    canvas.addEventListener('pointermove', (e) => {
      if (!this.last) return;
      const p = this.point(e);
      this.stroke(this.last, p);
      this.last = p;
    });
    const end = () => {
      this.last = null;
    };
    canvas.addEventListener('pointerup', end);
    canvas.addEventListener('pointercancel', end);
  }

  clear(): void {
    this.exact = null;
    this.context.fillStyle = '#000';
    this.context.fillRect(0, 0, this.canvas.width, this.canvas.height);
    this.onChange();
  }

  /** Shows one of the held-out images (raw bytes) in the pad, scaled up; drawing on it continues from there. */
  showImage(pixels: Uint8Array, height: number, width: number): void {
    const small = imageCanvas(pixels, height, width);
    this.exact = Float32Array.from(pixels, (v) => v / 255);
    this.context.imageSmoothingEnabled = true;
    this.context.drawImage(small, 0, 0, this.canvas.width, this.canvas.height);
    this.onChange();
  }

  /**
   * Shows an uploaded picture in the pad, fitted inside it (aspect kept) on black. With `asInk`
   * (a model of digits), it is made MNIST-like ink first: gray (alpha over white), inverted when
   * its border is light (dark ink on paper, as `nabla predict --invert auto`), so preprocess()
   * fits and centres it as it does a drawn digit.
   */
  showPicture(picture: ImageBitmap, asInk: boolean): void {
    const { width, height } = picture;
    const source = document.createElement('canvas');
    source.width = width;
    source.height = height;
    const s = source.getContext('2d', { willReadFrequently: true })!;
    s.drawImage(picture, 0, 0);
    if (asInk) {
      const image = s.getImageData(0, 0, width, height);
      const gray = new Float32Array(width * height);
      let border = 0;
      let borderCount = 0;
      for (let i = 0; i < gray.length; i++) {
        const d = image.data;
        const a = d[4 * i + 3] / 255;
        gray[i] = a * luma(d[4 * i], d[4 * i + 1], d[4 * i + 2]) + (1 - a) * 255;
        const x = i % width;
        const y = Math.floor(i / width);
        if (x === 0 || y === 0 || x === width - 1 || y === height - 1) {
          border += gray[i];
          borderCount++;
        }
      }
      const invert = border / borderCount > 127.5; // the paper is light: the ink is dark
      for (let i = 0; i < gray.length; i++) {
        const v = invert ? 255 - gray[i] : gray[i];
        image.data[4 * i] = image.data[4 * i + 1] = image.data[4 * i + 2] = v;
        image.data[4 * i + 3] = 255;
      }
      s.putImageData(image, 0, 0);
    }
    this.exact = null;
    const c = this.context;
    c.fillStyle = '#000';
    c.fillRect(0, 0, this.canvas.width, this.canvas.height);
    const scale = Math.min(this.canvas.width / width, this.canvas.height / height);
    const w = width * scale;
    const h = height * scale;
    c.imageSmoothingEnabled = true;
    c.imageSmoothingQuality = 'high';
    c.drawImage(source, (this.canvas.width - w) / 2, (this.canvas.height - h) / 2, w, h);
    this.onChange();
  }

  private point(e: PointerEvent): { x: number; y: number } {
    const rect = this.canvas.getBoundingClientRect();
    return { x: ((e.clientX - rect.left) / rect.width) * this.canvas.width, y: ((e.clientY - rect.top) / rect.height) * this.canvas.height };
  }

  private stroke(from: { x: number; y: number }, to: { x: number; y: number }): void {
    this.exact = null;
    const c = this.context;
    c.strokeStyle = '#fff';
    c.lineCap = 'round';
    c.lineJoin = 'round';
    c.lineWidth = this.canvas.width / 12;
    c.beginPath();
    c.moveTo(from.x, from.y);
    c.lineTo(to.x, to.y);
    c.stroke();
    this.onChange();
  }

  /** The drawing as 28×28 values in [0, 1] (row-major), or null when nothing is drawn. */
  preprocess(): Float32Array | null {
    if (this.exact) return this.exact.slice();
    const { width, height } = this.canvas;
    const data = this.context.getImageData(0, 0, width, height).data;
    let top = height;
    let left = width;
    let bottom = -1;
    let right = -1;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        if (data[(y * width + x) * 4] > 25) {
          top = Math.min(top, y);
          bottom = Math.max(bottom, y);
          left = Math.min(left, x);
          right = Math.max(right, x);
        }
      }
    }
    if (bottom < 0) return null;
    const boxWidth = right - left + 1;
    const boxHeight = bottom - top + 1;
    const scale = BOX / Math.max(boxWidth, boxHeight);
    const w = boxWidth * scale;
    const h = boxHeight * scale;
    const render = (dx: number, dy: number): Float32Array => {
      const field = document.createElement('canvas');
      field.width = FIELD;
      field.height = FIELD;
      const c = field.getContext('2d', { willReadFrequently: true })!;
      c.fillStyle = '#000';
      c.fillRect(0, 0, FIELD, FIELD);
      c.imageSmoothingEnabled = true;
      c.imageSmoothingQuality = 'high';
      c.drawImage(this.canvas, left, top, boxWidth, boxHeight, dx, dy, w, h);
      const pixels = c.getImageData(0, 0, FIELD, FIELD).data;
      const out = new Float32Array(FIELD * FIELD);
      for (let i = 0; i < out.length; i++) out[i] = pixels[i * 4] / 255;
      return out;
    };
    // First centred by the box, then shifted so the centre of mass lands on (14, 14).
    const x0 = (FIELD - w) / 2;
    const y0 = (FIELD - h) / 2;
    const first = render(x0, y0);
    let mass = 0;
    let cx = 0;
    let cy = 0;
    for (let y = 0; y < FIELD; y++) {
      for (let x = 0; x < FIELD; x++) {
        const v = first[y * FIELD + x];
        mass += v;
        cx += v * (x + 0.5);
        cy += v * (y + 0.5);
      }
    }
    if (mass === 0) return first;
    return render(Math.round(x0 + FIELD / 2 - cx / mass), Math.round(y0 + FIELD / 2 - cy / mass));
  }
}

/** A canvas holding a grayscale image (raw bytes, one per pixel). */
export function imageCanvas(pixels: Uint8Array, height: number, width: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const c = canvas.getContext('2d')!;
  const image = c.createImageData(width, height);
  for (let i = 0; i < width * height; i++) {
    image.data[i * 4] = image.data[i * 4 + 1] = image.data[i * 4 + 2] = pixels[i];
    image.data[i * 4 + 3] = 255;
  }
  c.putImageData(image, 0, 0);
  return canvas;
}
