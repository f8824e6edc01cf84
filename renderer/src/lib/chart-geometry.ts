// Geometry for the small hand-drawn SVG charts: values in, path strings and rectangles out.

export interface ChartBox {
  width: number;
  height: number;
  /** inner padding so strokes are not clipped */
  pad: number;
}

export interface BarRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

function yFor(value: number, max: number, box: ChartBox): number {
  const inner = box.height - box.pad * 2;
  const clamped = Math.min(Math.max(value, 0), max);
  return box.pad + inner - (max > 0 ? (clamped / max) * inner : 0);
}

function xFor(index: number, count: number, box: ChartBox): number {
  const inner = box.width - box.pad * 2;
  return count <= 1 ? box.pad + inner / 2 : box.pad + (index / (count - 1)) * inner;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** An SVG path through the points; a null value breaks the line (no data that minute). */
export function linePath(values: readonly (number | null)[], max: number, box: ChartBox): string {
  const parts: string[] = [];
  let penDown = false;
  values.forEach((value, i) => {
    if (value === null || !Number.isFinite(value)) {
      penDown = false;
      return;
    }
    const cmd = penDown ? 'L' : 'M';
    parts.push(`${cmd}${round(xFor(i, values.length, box))},${round(yFor(value, max, box))}`);
    penDown = true;
  });
  return parts.join(' ');
}

/** Isolated points (a value with null on both sides) would draw nothing as a line; charts mark them as dots. */
export function isolatedPoints(values: readonly (number | null)[], max: number, box: ChartBox): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  values.forEach((value, i) => {
    if (value === null) return;
    const before = i > 0 ? values[i - 1] : null;
    const after = i < values.length - 1 ? values[i + 1] : null;
    if ((before ?? null) === null && (after ?? null) === null) {
      out.push({ x: round(xFor(i, values.length, box)), y: round(yFor(value, max, box)) });
    }
  });
  return out;
}

/** One bar per value, evenly spaced, with a gap of `gapRatio` of each slot. */
export function barRects(values: readonly number[], max: number, box: ChartBox, gapRatio = 0.25): BarRect[] {
  const inner = box.width - box.pad * 2;
  const slot = values.length > 0 ? inner / values.length : inner;
  const width = Math.max(1, slot * (1 - gapRatio));
  const baseline = box.height - box.pad;
  return values.map((value, i) => {
    const y = yFor(value, max, box);
    // a non-zero minute must stay visible even next to a tall one
    const height = value > 0 ? Math.max(1.5, baseline - y) : 0;
    return { x: round(box.pad + i * slot + (slot - width) / 2), y: round(baseline - height), width: round(width), height: round(height) };
  });
}
