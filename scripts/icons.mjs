#!/usr/bin/env node
// Renders every icon from the one source drawing, assets/icon.svg, with resvg (@resvg/resvg-js: a
// maintained SVG renderer with prebuilt binaries, no install script):
//   dist/build-resources/icon.png, icons/<N>x<N>.png   electron-builder (mac icns is made from icon.png;
//                                                       Linux takes the size folder)
//   dist/build-resources/icon.ico                       Windows: installer, exe and window icon (16-256 px)
//   dist/electron/tray/<state>[Template][@Nx].png       tray icons per state (Template: macOS, black+alpha);
//                                                       @1.25x/@1.5x/@2x are the 20/24/32 px a Windows tray
//                                                       picks at 125/150/200 % scaling
//   dist/electron/tray/<state>-24.png                   Linux panels (StatusNotifier hosts draw 22-24 px)
// Each tray picture is the source drawing plus a state badge, composed as SVG and rendered at its own size
// (sharper than scaling a large bitmap down). Flags: --out <dir> (root for outputs, default the repo),
// --source <file.svg>, --quiet.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** SVG text -> PNG bytes (8-bit RGBA) of size x size. */
export function renderPng(svg, size) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render().asPng();
}

// ---- tray icons -----------------------------------------------------------------------------------------
// Each state has its own badge shape as well as colour, so it reads in a monochrome (macOS template) tray
// and for colour-blind users: sdk dot, binary square, switching ring, error bar, stopped none + dimmed.
// Shapes are in the source's 100-unit viewBox; `grow` draws the shape larger by that many units.
const STATES = {
  sdk: { color: '#22c55e', badge: (fill, grow = 0) => `<circle cx="78" cy="78" r="${20 + grow}" fill="${fill}"/>` },
  binary: { color: '#3b82f6', badge: (fill, grow = 0) => `<rect x="${59 - grow}" y="${59 - grow}" width="${38 + 2 * grow}" height="${38 + 2 * grow}" rx="${4 + grow}" fill="${fill}"/>` },
  switching: { color: '#f59e0b', badge: (fill, grow = 0) => `<circle cx="78" cy="78" r="15" fill="none" stroke="${fill}" stroke-width="${12 + 2 * grow}"/>` },
  error: { color: '#ef4444', badge: (fill, grow = 0) => `<rect x="${57 - grow}" y="${69 - grow}" width="${42 + 2 * grow}" height="${18 + 2 * grow}" rx="${4 + grow}" fill="${fill}"/>` },
  stopped: { color: null, badge: null },
};

// Template images are black + alpha: alpha from luminance keeps the light glyph and drops the dark tile
// (the cable, darker than the rails, comes out lighter). Stopped: greyscale, dimmed.
const lumaToAlpha = (scale) => `0 0 0 0 0  0 0 0 0 0  0 0 0 0 0  ${0.598 * scale} ${1.174 * scale} ${0.228 * scale} 0 ${-0.5 * scale}`;
const GREY = '0.299 0.587 0.114 0 0  0.299 0.587 0.114 0 0  0.299 0.587 0.114 0 0  0 0 0 0.75 0';

function svgBody(source) {
  const open = source.indexOf('>', source.indexOf('<svg'));
  return source.slice(open + 1, source.lastIndexOf('</svg>'));
}

export function traySvg(source, state, template) {
  const spec = STATES[state];
  const body = svgBody(source);
  const filter = template ? lumaToAlpha(spec.badge ? 1 : 0.55) : spec.badge ? null : GREY;
  const defs = [
    filter ? `<filter id="f" filterUnits="userSpaceOnUse" x="0" y="0" width="100" height="100" color-interpolation-filters="sRGB"><feColorMatrix type="matrix" values="${filter}"/></filter>` : '',
    // a gap around the badge keeps it legible on top of the glyph
    spec.badge ? `<mask id="gap" maskUnits="userSpaceOnUse" x="0" y="0" width="100" height="100"><rect width="100" height="100" fill="#fff"/>${spec.badge('#000', template ? 7 : 0)}</mask>` : '',
  ].join('');
  const picture = `<g${filter ? ' filter="url(#f)"' : ''}>${body}</g>`;
  const badge = !spec.badge ? '' : template ? spec.badge('#000') : `${spec.badge('#111827', 6)}${spec.badge(spec.color)}`;
  const content = spec.badge && template ? `<g mask="url(#gap)">${picture}</g>${badge}` : `${picture}${badge}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><defs>${defs}</defs>${content}</svg>`;
}

// ---- Windows .ico ---------------------------------------------------------------------------------------
// An ICO is a directory of images; since Vista each entry may be a whole PNG, which is what we store.
export const ICO_SIZES = [16, 20, 24, 32, 48, 64, 128, 256];

export function encodeIco(entries) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(entries.length, 4);
  const directory = Buffer.alloc(16 * entries.length);
  let offset = 6 + directory.length;
  entries.forEach(({ size, png }, n) => {
    const entry = n * 16;
    directory[entry] = size >= 256 ? 0 : size; // 0 means 256
    directory[entry + 1] = size >= 256 ? 0 : size;
    directory.writeUInt16LE(1, entry + 4); // colour planes
    directory.writeUInt16LE(32, entry + 6); // bits per pixel
    directory.writeUInt32LE(png.length, entry + 8);
    directory.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, directory, ...entries.map((e) => e.png)]);
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

function write(file, bytes) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
}

function main(argv) {
  const arg = (name) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const quiet = argv.includes('--quiet');
  const out = resolve(arg('--out') ?? root);
  const source = readFileSync(resolve(arg('--source') ?? join(root, 'assets', 'icon.svg')), 'utf8');
  const resources = join(out, 'dist', 'build-resources');
  write(join(resources, 'icon.png'), renderPng(source, 1024));
  for (const size of APP_ICON_SIZES) write(join(resources, 'icons', `${size}x${size}.png`), renderPng(source, size));
  write(join(resources, 'icon.ico'), encodeIco(ICO_SIZES.map((size) => ({ size, png: renderPng(source, size) }))));
  const tray = join(out, 'dist', 'electron', 'tray');
  for (const state of TRAY_STATES) {
    for (const template of [false, true]) {
      const svg = traySvg(source, state, template);
      const name = `${state}${template ? 'Template' : ''}`;
      for (const { suffix, size } of TRAY_SCALES) write(join(tray, `${name}${suffix}.png`), renderPng(svg, size));
    }
    write(join(tray, `${state}-${LINUX_TRAY_SIZE}.png`), renderPng(traySvg(source, state, false), LINUX_TRAY_SIZE));
  }
  if (!quiet) console.log(`icons written to ${resources} and ${tray}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
