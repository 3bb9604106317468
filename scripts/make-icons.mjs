#!/usr/bin/env node
// Draws the app icons into public/: icon.svg plus icon-192.png and icon-512.png.
// The PNGs are written byte by byte with node's built-in zlib (no image library), and the
// resulting files are committed; run this again only when the design changes.
//
// Design: three rising bars (the model sizes that fit) under a dashed amber line (the
// frontier) on a full-bleed dark square. Everything sits inside the central 60 %, so the
// same images are valid as "maskable" icons (the safe zone is a circle of 80 % diameter).
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const publicDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public');

const BACKGROUND = [0x0f, 0x17, 0x2a]; // slate-900, also the manifest background_color
const BAR = [0x2d, 0xd4, 0xbf]; // teal-400
const FRONTIER = [0xf5, 0x9e, 0x0b]; // amber-500

// Shapes in unit coordinates (0..1, y down).
const bars = [
  { x0: 0.24, x1: 0.36, y0: 0.58, y1: 0.76 },
  { x0: 0.44, x1: 0.56, y0: 0.46, y1: 0.76 },
  { x0: 0.64, x1: 0.76, y0: 0.34, y1: 0.76 },
];
const frontier = { y0: 0.24, y1: 0.28, x0: 0.22, x1: 0.78, dash: 0.08, gap: 0.04 };

function colourAt(u, v) {
  for (const b of bars) {
    if (u >= b.x0 && u < b.x1 && v >= b.y0 && v < b.y1) return BAR;
  }
  const f = frontier;
  if (v >= f.y0 && v < f.y1 && u >= f.x0 && u < f.x1) {
    if ((u - f.x0) % (f.dash + f.gap) < f.dash) return FRONTIER;
  }
  return BACKGROUND;
}

/** RGBA pixels, 4x4 supersampled so the edges are smooth at any size. */
function render(size) {
  const ss = 4;
  const px = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0];
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = colourAt((x + (sx + 0.5) / ss) / size, (y + (sy + 0.5) / ss) / size);
          acc[0] += c[0];
          acc[1] += c[1];
          acc[2] += c[2];
        }
      }
      const i = (y * size + x) * 4;
      px[i] = Math.round(acc[0] / (ss * ss));
      px[i + 1] = Math.round(acc[1] / (ss * ss));
      px[i + 2] = Math.round(acc[2] / (ss * ss));
      px[i + 3] = 255;
    }
  }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size) {
  const px = render(size);
  // Each scanline: filter byte 0 (None) + RGBA row.
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    px.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter
  ihdr[12] = 0; // no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const hex = (c) => '#' + c.map((v) => v.toString(16).padStart(2, '0')).join('');
const n = (v) => +v.toFixed(2);
function svg() {
  const s = 100;
  const rects = bars
    .map(
      (b) =>
        `<rect x="${n(b.x0 * s)}" y="${n(b.y0 * s)}" width="${n((b.x1 - b.x0) * s)}" height="${n((b.y1 - b.y0) * s)}" fill="${hex(BAR)}"/>`,
    )
    .join('');
  const f = frontier;
  const y = n(((f.y0 + f.y1) / 2) * s);
  const line = `<line x1="${n(f.x0 * s)}" y1="${y}" x2="${n(f.x1 * s)}" y2="${y}" stroke="${hex(FRONTIER)}" stroke-width="${n((f.y1 - f.y0) * s)}" stroke-dasharray="${n(f.dash * s)} ${n(f.gap * s)}"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${s} ${s}"><rect width="${s}" height="${s}" rx="14" fill="${hex(BACKGROUND)}"/>${line}${rects}</svg>\n`;
}

for (const size of [192, 512]) {
  writeFileSync(join(publicDir, `icon-${size}.png`), png(size));
}
writeFileSync(join(publicDir, 'icon.svg'), svg());
console.log(`make-icons: wrote icon.svg, icon-192.png, icon-512.png to ${publicDir}`);
