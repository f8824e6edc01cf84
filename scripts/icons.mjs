#!/usr/bin/env node
// Generates every icon from the one source image, assets/icon.png (1024x1024, RGBA):
//   dist/build-resources/icon.png, icons/<N>x<N>.png   electron-builder (mac icns is made from icon.png;
//                                                       Linux takes the size folder)
//   dist/build-resources/icon.ico                       Windows: installer, exe and window icon (16-256 px)
//   dist/electron/tray/<state>[Template][@Nx].png       tray icons per state (Template: macOS, black+alpha);
//                                                       @1.25x/@1.5x/@2x are the 20/24/32 px a Windows tray
//                                                       picks at 125/150/200 % scaling
//   dist/electron/tray/<state>-24.png                   Linux panels (StatusNotifier hosts draw 22-24 px)
// No image library is installed, so this holds a small PNG codec (8-bit RGBA, node:zlib) and an area-average
// downscaler. `--draw-source` redraws assets/icon.png itself from the shapes below (signed distance fields).
// Flags: --out <dir> (root for outputs, default the repo), --source <file>, --draw-source, --quiet.
import { deflateSync, inflateSync } from 'node:zlib';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

// ---- PNG codec ---------------------------------------------------------------------------------------
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** image: { width, height, data: Uint8Array RGBA } -> PNG bytes (filter 0 per row; deflate does the rest). */
export function encodePng({ width, height, data }) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit, RGBA, deflate, adaptive filtering, no interlace
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    raw[y * (width * 4 + 1)] = 0;
    raw.set(data.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** PNG bytes -> { width, height, data } for 8-bit RGBA or RGB, non-interlaced (what we and most tools write). */
export function decodePng(bytes) {
  if (!bytes.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  let offset = 8;
  let width = 0, height = 0, colorType = 0;
  const idat = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('ascii', offset + 4, offset + 8);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== bytes.readUInt32BE(offset + 8 + length)) {
      throw new Error(`bad CRC in ${type}`);
    }
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      colorType = body[9];
      if (body[8] !== 8 || (colorType !== 6 && colorType !== 2) || body[12] !== 0) {
        throw new Error('only 8-bit RGB/RGBA non-interlaced PNGs are supported');
      }
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  const channels = colorType === 6 ? 4 : 3;
  const stride = width * channels;
  const raw = inflateSync(Buffer.concat(idat));
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x += 1) {
      const a = x >= channels ? pixels[y * stride + x - channels] : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels] : 0;
      const p = a + b - c;
      const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter];
      if (predictor === undefined) throw new Error(`unknown PNG filter ${filter}`);
      pixels[y * stride + x] = (line[x] + predictor) & 0xff;
    }
  }
  if (channels === 4) return { width, height, data: new Uint8Array(pixels) };
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i += 1) rgba.set([pixels[i * 3], pixels[i * 3 + 1], pixels[i * 3 + 2], 255], i * 4);
  return { width, height, data: rgba };
}

// ---- resampling ----------------------------------------------------------------------------------------
/** Area-average downscale (premultiplied, so transparent edges do not darken). */
export function downscale(image, size) {
  const { width, height, data } = image;
  const out = new Uint8Array(size * size * 4);
  const sx = width / size, sy = height / size;
  for (let oy = 0; oy < size; oy += 1) {
    for (let ox = 0; ox < size; ox += 1) {
      let r = 0, g = 0, b = 0, a = 0, area = 0;
      const x0 = ox * sx, x1 = x0 + sx, y0 = oy * sy, y1 = y0 + sy;
      for (let y = Math.floor(y0); y < Math.ceil(y1); y += 1) {
        const wy = Math.min(y + 1, y1) - Math.max(y, y0);
        for (let x = Math.floor(x0); x < Math.ceil(x1); x += 1) {
          const w = wy * (Math.min(x + 1, x1) - Math.max(x, x0));
          const i = (y * width + x) * 4;
          const alpha = (data[i + 3] / 255) * w;
          r += data[i] * alpha; g += data[i + 1] * alpha; b += data[i + 2] * alpha; a += alpha; area += w;
        }
      }
      const o = (oy * size + ox) * 4;
      if (a > 0) out.set([Math.round(r / a), Math.round(g / a), Math.round(b / a)], o);
      out[o + 3] = Math.round((a / area) * 255);
    }
  }
  return { width: size, height: size, data: out };
}

// ---- drawing (signed distance fields; coverage = 1px smooth edge) ----------------------------------------
const coverage = (distance, pixel) => Math.min(1, Math.max(0, 0.5 - distance / pixel));
const sdRoundRect = (x, y, cx, cy, hw, hh, r) => {
  const qx = Math.abs(x - cx) - hw + r, qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const sdCircle = (x, y, cx, cy, r) => Math.hypot(x - cx, y - cy) - r;
const sdSegment = (x, y, ax, ay, bx, by, r) => {
  const pax = x - ax, pay = y - ay, bax = bx - ax, bay = by - ay;
  const h = Math.min(1, Math.max(0, (pax * bax + pay * bay) / (bax * bax + bay * bay)));
  return Math.hypot(pax - bax * h, pay - bay * h) - r;
};

function blend(data, i, [r, g, b], alpha) {
  if (alpha <= 0) return;
  const da = data[i + 3] / 255;
  const oa = alpha + da * (1 - alpha);
  const mix = (src, dst) => Math.round((src * alpha + dst * da * (1 - alpha)) / oa);
  data[i] = mix(r, data[i]); data[i + 1] = mix(g, data[i + 1]); data[i + 2] = mix(b, data[i + 2]);
  data[i + 3] = Math.round(oa * 255);
}

/** Paints shapes, in unit coordinates (0..1), onto an RGBA image. shape: { sdf(x, y), color, opacity? } */
function paint(image, shapes) {
  const { width, data } = image;
  const pixel = 1 / width;
  for (let py = 0; py < image.height; py += 1) {
    for (let px = 0; px < width; px += 1) {
      const x = (px + 0.5) / width, y = (py + 0.5) / image.height;
      for (const shape of shapes) blend(data, (py * width + px) * 4, shape.color, coverage(shape.sdf(x, y), pixel) * (shape.opacity ?? 1));
    }
  }
  return image;
}

const blank = (size) => ({ width: size, height: size, data: new Uint8Array(size * size * 4) });

/** The source artwork: a dark rounded tile with three patch-panel rails and one cable across them. */
export function drawSource(size = 1024) {
  const rails = [0.32, 0.5, 0.68];
  const light = [226, 232, 240];
  const accent = [56, 189, 248];
  return paint(blank(size), [
    { sdf: (x, y) => sdRoundRect(x, y, 0.5, 0.5, 0.46, 0.46, 0.2), color: [17, 24, 39] },
    ...rails.map((ry) => ({ sdf: (x, y) => sdSegment(x, y, 0.3, ry, 0.76, ry, 0.035), color: light })),
    ...rails.map((ry) => ({ sdf: (x, y) => sdCircle(x, y, 0.24, ry, 0.06), color: light })),
    { sdf: (x, y) => sdSegment(x, y, 0.24, 0.32, 0.62, 0.68, 0.045), color: accent },
    { sdf: (x, y) => sdCircle(x, y, 0.62, 0.68, 0.075), color: accent },
  ]);
}

// ---- tray icons -----------------------------------------------------------------------------------------
// Each state has its own badge shape as well as colour, so it reads in a monochrome (macOS template) tray
// and for colour-blind users: sdk dot, binary square, switching ring, error bar, stopped none + dimmed.
const STATES = {
  sdk: { color: [34, 197, 94], badge: (x, y) => sdCircle(x, y, 0.78, 0.78, 0.2) },
  binary: { color: [59, 130, 246], badge: (x, y) => sdRoundRect(x, y, 0.78, 0.78, 0.19, 0.19, 0.04) },
  switching: { color: [245, 158, 11], badge: (x, y) => Math.abs(sdCircle(x, y, 0.78, 0.78, 0.15)) - 0.06 },
  error: { color: [239, 68, 68], badge: (x, y) => sdRoundRect(x, y, 0.78, 0.78, 0.21, 0.09, 0.04) },
  stopped: { color: null, badge: null },
};

function trayIcon(source, state, size, template) {
  const base = downscale(source, size);
  const spec = STATES[state];
  const { data } = base;
  for (let i = 0; i < data.length; i += 4) {
    const lum = (data[i] * 0.299 + data[i + 1] * 0.587 + data[i + 2] * 0.114) / 255;
    if (template) {
      // Template images are black + alpha: keep the glyph (light on the dark tile), drop the tile.
      const glyph = Math.min(1, Math.max(0, (lum - 0.25) / 0.5));
      data.set([0, 0, 0, Math.round(data[i + 3] * glyph * (spec.badge ? 1 : 0.55))], i);
    } else if (!spec.badge) {
      const grey = Math.round(lum * 255);
      data.set([grey, grey, grey, Math.round(data[i + 3] * 0.75)], i);
    }
  }
  if (!spec.badge) return base;
  const sdf = spec.badge;
  // A gap around the badge keeps it legible on top of the glyph.
  if (template) {
    const pixel = 1 / size;
    for (let py = 0; py < size; py += 1) {
      for (let px = 0; px < size; px += 1) {
        const x = (px + 0.5) / size, y = (py + 0.5) / size, i = (py * size + px) * 4;
        const gap = coverage(sdf(x, y) - 0.07, pixel);
        const fill = coverage(sdf(x, y), pixel);
        data[i + 3] = Math.round(Math.max(data[i + 3] * (1 - gap), fill * 255));
      }
    }
    return base;
  }
  return paint(base, [
    { sdf: (x, y) => sdf(x, y) - 0.06, color: [17, 24, 39] },
    { sdf, color: spec.color },
  ]);
}

// ---- Windows .ico ---------------------------------------------------------------------------------------
// An ICO is a directory of images; since Vista each entry may be a whole PNG, which is what we store.
export const ICO_SIZES = [16, 20, 24, 32, 48, 64, 128, 256];

export function encodeIco(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  const pngs = images.map(encodePng);
  const directory = Buffer.alloc(16 * images.length);
  let offset = 6 + directory.length;
  images.forEach((image, n) => {
    const entry = n * 16;
    directory[entry] = image.width >= 256 ? 0 : image.width; // 0 means 256
    directory[entry + 1] = image.height >= 256 ? 0 : image.height;
    directory.writeUInt16LE(1, entry + 4); // colour planes
    directory.writeUInt16LE(32, entry + 6); // bits per pixel
    directory.writeUInt32LE(pngs[n].length, entry + 8);
    directory.writeUInt32LE(offset, entry + 12);
    offset += pngs[n].length;
  });
  return Buffer.concat([header, directory, ...pngs]);
}

// ---- main ---------------------------------------------------------------------------------------------
export const APP_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
/** Tray picture sizes: the 1x file, Windows' scale-factor variants, and Linux panels' own size. */
export const TRAY_SCALES = [
  { suffix: '', size: 16 },
  { suffix: '@1.25x', size: 20 },
  { suffix: '@1.5x', size: 24 },
  { suffix: '@2x', size: 32 },
];
export const LINUX_TRAY_SIZE = 24;
export const TRAY_STATES = Object.keys(STATES);

function write(file, image) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, encodePng(image));
}

function main(argv) {
  const arg = (name) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const quiet = argv.includes('--quiet');
  const out = resolve(arg('--out') ?? root);
  const sourceFile = resolve(arg('--source') ?? join(root, 'assets', 'icon.png'));
  if (argv.includes('--draw-source')) {
    write(sourceFile, drawSource());
    if (!quiet) console.log(`drew ${sourceFile}`);
    return;
  }
  const source = decodePng(readFileSync(sourceFile));
  if (source.width !== source.height || source.width < 512) throw new Error(`${sourceFile}: need a square image of at least 512 px`);
  const resources = join(out, 'dist', 'build-resources');
  write(join(resources, 'icon.png'), source.width === 1024 ? source : downscale(source, 1024));
  for (const size of APP_ICON_SIZES.filter((s) => s <= source.width)) {
    write(join(resources, 'icons', `${size}x${size}.png`), size === source.width ? source : downscale(source, size));
  }
  writeFileSync(join(resources, 'icon.ico'), encodeIco(ICO_SIZES.map((size) => downscale(source, size))));
  const tray = join(out, 'dist', 'electron', 'tray');
  for (const state of TRAY_STATES) {
    for (const template of [false, true]) {
      const name = `${state}${template ? 'Template' : ''}`;
      for (const { suffix, size } of TRAY_SCALES) write(join(tray, `${name}${suffix}.png`), trayIcon(source, state, size, template));
    }
    write(join(tray, `${state}-${LINUX_TRAY_SIZE}.png`), trayIcon(source, state, LINUX_TRAY_SIZE, false));
  }
  if (!quiet) console.log(`icons written to ${resources} and ${tray}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
