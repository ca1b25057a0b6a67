/**
 * A canvas of braille cells: each character is 2 × 4 dots, so a plot of w × h characters has
 * 2w × 4h dots. Layers keep what was drawn apart (the fitted line, the points) so each cell can
 * be painted by the layer that drew it, and marks (•) sit on whole cells where a dot would be
 * too easy to miss.
 */

/** Dot bit of column (0–1) and row (0–3) within a cell, as Unicode numbers braille dots. */
const DOT_BITS = [
  [0x01, 0x08],
  [0x02, 0x10],
  [0x04, 0x20],
  [0x40, 0x80],
] as const;

export interface Cell {
  text: string;
  /** The layer that painted it, for colour; undefined for an empty cell. */
  layer?: string;
}

export class BrailleCanvas {
  readonly width: number;
  readonly height: number;
  private readonly bits: Uint8Array;
  private readonly layers: Array<string | undefined>;
  private readonly marks = new Map<number, { text: string; layer: string }>();

  constructor(width: number, height: number) {
    this.width = Math.max(1, Math.floor(width));
    this.height = Math.max(1, Math.floor(height));
    this.bits = new Uint8Array(this.width * this.height);
    this.layers = new Array<string | undefined>(this.width * this.height).fill(undefined);
  }

  /** Dots across and down. */
  get dotsWide(): number {
    return this.width * 2;
  }
  get dotsHigh(): number {
    return this.height * 4;
  }

  /** One dot; (0, 0) is the top left. Dots off the canvas are ignored. */
  dot(x: number, y: number, layer: string): void {
    const dx = Math.round(x);
    const dy = Math.round(y);
    if (dx < 0 || dy < 0 || dx >= this.dotsWide || dy >= this.dotsHigh) return;
    const cell = Math.floor(dy / 4) * this.width + Math.floor(dx / 2);
    this.bits[cell] = (this.bits[cell] ?? 0) | (DOT_BITS[dy % 4]?.[dx % 2] ?? 0);
    this.layers[cell] = layer;
  }

  /** A straight line of dots between two points, clipped to the canvas. */
  line(x0: number, y0: number, x1: number, y1: number, layer: string): void {
    if (![x0, y0, x1, y1].every(Number.isFinite)) return;
    const clipped = clip(x0, y0, x1, y1, this.dotsWide - 1, this.dotsHigh - 1);
    if (!clipped) return;
    const [ax, ay, bx, by] = clipped;
    const count = Math.max(Math.abs(bx - ax), Math.abs(by - ay), 1);
    for (let i = 0; i <= count; i++) {
      this.dot(ax + ((bx - ax) * i) / count, ay + ((by - ay) * i) / count, layer);
    }
  }

  /** A character on the cell holding dot (x, y), drawn over any dots there. */
  mark(x: number, y: number, text: string, layer: string): void {
    const column = Math.floor(Math.round(x) / 2);
    const row = Math.floor(Math.round(y) / 4);
    if (column < 0 || row < 0 || column >= this.width || row >= this.height) return;
    this.marks.set(row * this.width + column, { text, layer });
  }

  /** The cells, row by row. */
  rows(): Cell[][] {
    return Array.from({ length: this.height }, (_, row) =>
      Array.from({ length: this.width }, (_, column) => {
        const index = row * this.width + column;
        const mark = this.marks.get(index);
        if (mark) return mark;
        const bits = this.bits[index] ?? 0;
        if (bits === 0) return { text: ' ' };
        const layer = this.layers[index];
        return { text: String.fromCodePoint(0x2800 + bits), ...(layer ? { layer } : {}) };
      }),
    );
  }
}

/** Liang–Barsky: the part of a segment inside [0, maxX] × [0, maxY], or undefined. */
function clip(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  maxX: number,
  maxY: number,
): [number, number, number, number] | undefined {
  const dx = x1 - x0;
  const dy = y1 - y0;
  let low = 0;
  let high = 1;
  for (const [p, q] of [
    [-dx, x0],
    [dx, maxX - x0],
    [-dy, y0],
    [dy, maxY - y0],
  ] as const) {
    if (p === 0) {
      if (q < 0) return undefined;
      continue;
    }
    const t = q / p;
    if (p < 0) low = Math.max(low, t);
    else high = Math.min(high, t);
    if (low > high) return undefined;
  }
  return [x0 + low * dx, y0 + low * dy, x0 + high * dx, y0 + high * dy];
}
