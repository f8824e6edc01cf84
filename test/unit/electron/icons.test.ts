// scripts/icons.mjs: every icon comes out of the one source drawing (assets/icon.svg), as valid PNGs of the
// right sizes; macOS template icons are black + alpha; the states look different; rendering is repeatable.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = resolve(__dirname, '../../..');
const script = join(root, 'scripts', 'icons.mjs');
const STATES = ['sdk', 'binary', 'switching', 'error', 'stopped'];

interface Png {
  width: number;
  height: number;
  rgba: Buffer;
}

/** An independent reader (not the script's own): checks every CRC, then unfilters the pixels. */
function readPng(bytes: Buffer): Png {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (data: Buffer) => {
    let c = 0xffffffff;
    for (const b of data) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  const types: string[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('ascii', offset + 4, offset + 8);
    types.push(type);
    expect(crc(bytes.subarray(offset + 4, offset + 8 + length))).toBe(bytes.readUInt32BE(offset + 8 + length));
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      expect([...body.subarray(8)]).toEqual([8, 6, 0, 0, 0]);
    }
    if (type === 'IDAT') idat.push(body);
    offset += 12 + length;
  }
  expect(types[0]).toBe('IHDR');
  expect(types.at(-1)).toBe('IEND');
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  expect(raw.length).toBe((stride + 1) * height);
  const rgba = Buffer.alloc(stride * height);
  // the five PNG row filters (none, sub, up, average, paeth), undone byte by byte
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)] ?? -1;
    expect(filter).toBeGreaterThanOrEqual(0);
    expect(filter).toBeLessThanOrEqual(4);
    for (let x = 0; x < stride; x += 1) {
      const a = x >= 4 ? (rgba[y * stride + x - 4] ?? 0) : 0;
      const b = y > 0 ? (rgba[(y - 1) * stride + x] ?? 0) : 0;
      const c = x >= 4 && y > 0 ? (rgba[(y - 1) * stride + x - 4] ?? 0) : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter] ?? 0;
      rgba[y * stride + x] = ((raw[y * (stride + 1) + 1 + x] ?? 0) + predictor) & 0xff;
    }
  }
  return { width, height, rgba };
}

let out: string;
beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'switchboard-icons-'));
  await run(process.execPath, [script, '--out', out, '--quiet'], { cwd: root });
}, 120_000);
afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

describe('icons from one source image', () => {
  it('the source is one SVG drawing with a square viewBox, and renders the same bytes every time', async () => {
    const source = await readFile(join(root, 'assets', 'icon.svg'), 'utf8');
    expect(source).toMatch(/<svg[^>]*viewBox="0 0 100 100"/);
    const again = await mkdtemp(join(tmpdir(), 'switchboard-icons-'));
    try {
      await run(process.execPath, [script, '--out', again, '--quiet'], { cwd: root });
      for (const file of [join('build-resources', 'icon.png'), join('electron', 'tray', 'sdkTemplate@2x.png')]) {
        expect((await readFile(join(again, 'dist', file))).equals(await readFile(join(out, 'dist', file))), file).toBe(true);
      }
    } finally {
      await rm(again, { recursive: true, force: true });
    }
  }, 120_000);

  it('writes the app icon sizes electron-builder uses', async () => {
    const dir = join(out, 'dist', 'build-resources');
    expect(readPng(await readFile(join(dir, 'icon.png')))).toMatchObject({ width: 1024, height: 1024 });
    const files = (await readdir(join(dir, 'icons'))).sort();
    expect(files).toEqual(['1024x1024.png', '128x128.png', '16x16.png', '24x24.png', '256x256.png', '32x32.png', '48x48.png', '512x512.png', '64x64.png']);
    for (const file of files) {
      const size = Number(file.split('x')[0]);
      const png = readPng(await readFile(join(dir, 'icons', file)));
      expect([png.width, png.height], file).toEqual([size, size]);
      // a visible, opaque middle: downscaling kept the tile
      const mid = (Math.floor(size / 2) * size + Math.floor(size / 2)) * 4;
      expect(png.rgba[mid + 3], file).toBeGreaterThan(200);
    }
  });

  it('writes a tray icon per state at every size a tray asks for (Windows 100-200 %, Linux panels), with distinct pictures', async () => {
    const dir = join(out, 'dist', 'electron', 'tray');
    const seen = new Set<string>();
    const variants = [['', 16], ['@1.25x', 20], ['@1.5x', 24], ['@2x', 32], ['-24', 24]] as const;
    for (const state of STATES) {
      for (const [suffix, size] of variants) {
        const png = readPng(await readFile(join(dir, `${state}${suffix}.png`)));
        expect([png.width, png.height], `${state}${suffix}`).toEqual([size, size]);
        seen.add(png.rgba.toString('base64'));
      }
    }
    // the Linux 24 px picture is the same drawing as Windows' 150 % one
    expect(seen.size).toBe(STATES.length * (variants.length - 1));
  });

  it('writes a Windows .ico holding PNGs from 16 to 256 px', async () => {
    const ico = await readFile(join(out, 'dist', 'build-resources', 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let n = 0; n < count; n += 1) {
      const entry = 6 + n * 16;
      const size = ico[entry] === 0 ? 256 : (ico[entry] ?? 0);
      const png = readPng(ico.subarray(ico.readUInt32LE(entry + 12), ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8)));
      expect([png.width, png.height]).toEqual([size, size]);
      sizes.push(size);
    }
    expect(sizes).toEqual([16, 20, 24, 32, 48, 64, 128, 256]);
  });

  it('macOS template icons are black with alpha only, and differ per state', async () => {
    const dir = join(out, 'dist', 'electron', 'tray');
    const seen = new Set<string>();
    for (const state of STATES) {
      const png = readPng(await readFile(join(dir, `${state}Template@2x.png`)));
      let visible = 0;
      for (let i = 0; i < png.rgba.length; i += 4) {
        if ((png.rgba[i + 3] ?? 0) === 0) continue;
        visible += 1;
        expect([png.rgba[i], png.rgba[i + 1], png.rgba[i + 2]]).toEqual([0, 0, 0]);
      }
      expect(visible, state).toBeGreaterThan(50);
      seen.add(png.rgba.toString('base64'));
    }
    expect(seen.size).toBe(STATES.length);
  });
});
