// Pixel checks for screenshots, in Node (no page canvas: the page's CSP would rightly
// refuse a data: image). A minimal PNG decoder for what Chromium writes (8-bit RGB or RGBA,
// not interlaced), and a summary that tells a drawn page from a blank one.
import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** True when `buffer` starts with the PNG signature. */
export function isPng(buffer) {
  return buffer.length > SIGNATURE.length && buffer.subarray(0, 8).equals(SIGNATURE);
}

/** Decodes an 8-bit, non-interlaced RGB/RGBA PNG into { width, height, channels, pixels }. */
export function decodePng(buffer) {
  assert.ok(isPng(buffer), 'not a PNG');
  let offset = 8;
  let header;
  const idat = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('latin1', offset + 4, offset + 8);
    const data = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      header = {
        width: data.readUInt32BE(0),
        height: data.readUInt32BE(4),
        depth: data[8],
        colorType: data[9],
        interlace: data[12],
      };
    } else if (type === 'IDAT') {
      idat.push(data);
    } else if (type === 'IEND') {
      break;
    }
    offset += 12 + length;
  }
  assert.ok(header, 'PNG without IHDR');
  assert.equal(header.depth, 8, 'only 8-bit PNGs are decoded');
  assert.equal(header.interlace, 0, 'interlaced PNGs are not decoded');
  const channels = { 2: 3, 6: 4 }[header.colorType];
  assert.ok(channels, `PNG colour type ${header.colorType} is not decoded`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = header.width * channels;
  const pixels = Buffer.alloc(stride * header.height);
  for (let y = 0; y < header.height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = pixels.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : null;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? out[x - channels] : 0;
      const b = prev ? prev[x] : 0;
      const c = prev && x >= channels ? prev[x - channels] : 0;
      let v = line[x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[x] = v & 0xff;
    }
  }
  return { width: header.width, height: header.height, channels, pixels };
}

/**
 * Summary of a screenshot: how many distinct colours, the most common one and its share of
 * the pixels, and the mean luminance (0 black .. 255 white).
 */
export function pngStats(buffer) {
  const { width, height, channels, pixels } = decodePng(buffer);
  const counts = new Map();
  let luminance = 0;
  for (let i = 0; i < pixels.length; i += channels) {
    const r = pixels[i];
    const g = pixels[i + 1];
    const b = pixels[i + 2];
    const key = (r << 16) | (g << 8) | b;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    luminance += 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }
  const total = width * height;
  let dominant = 0;
  let dominantCount = 0;
  for (const [key, n] of counts) {
    if (n > dominantCount) {
      dominant = key;
      dominantCount = n;
    }
  }
  return {
    width,
    height,
    distinctColours: counts.size,
    dominant: [(dominant >> 16) & 0xff, (dominant >> 8) & 0xff, dominant & 0xff],
    dominantShare: dominantCount / total,
    meanLuminance: luminance / total,
  };
}
