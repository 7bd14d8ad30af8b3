// Draws the app icon (build/icon.png, 512×512): a red rounded square, a gold ring and star,
// and "TĐKT" in a blocky gold letterform. A tiny PNG encoder on node:zlib — no image
// libraries, no fonts, same bytes on every machine.  Run: node build/scripts/make-icon.mjs
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const SIZE = 512;
const SS = 4; // supersampling per axis, for smooth edges
const RED = [200, 16, 46];
const DARK_RED = [150, 10, 30];
const GOLD = [255, 205, 0];

// 5×7 letterforms; Đ is D with a bar through the stem
const GLYPHS = {
  T: ['11111', '00100', '00100', '00100', '00100', '00100', '00100'],
  Đ: ['11100', '01010', '01001', '11101', '01001', '01010', '11100'],
  K: ['10001', '10010', '10100', '11000', '10100', '10010', '10001'],
};

function inRoundedSquare(x, y, r) {
  const cx = Math.min(Math.max(x, r), SIZE - r);
  const cy = Math.min(Math.max(y, r), SIZE - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function starPolygon(cx, cy, outer, inner) {
  const pts = [];
  for (let i = 0; i < 10; i++) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const r = i % 2 === 0 ? outer : inner;
    pts.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  }
  return pts;
}

function inPolygon(x, y, pts) {
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i];
    const [xj, yj] = pts[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const star = starPolygon(256, 190, 118, 47);
const TEXT = ['T', 'Đ', 'K', 'T'];
const CELL = 14; // pixels per glyph cell
const GAP = 12;
const textWidth = TEXT.length * 5 * CELL + (TEXT.length - 1) * GAP;
const textX = (SIZE - textWidth) / 2;
const textY = 332;

function inText(x, y) {
  if (y < textY || y >= textY + 7 * CELL) return false;
  const row = Math.floor((y - textY) / CELL);
  let gx = textX;
  for (const ch of TEXT) {
    if (x >= gx && x < gx + 5 * CELL) return GLYPHS[ch][row][Math.floor((x - gx) / CELL)] === '1';
    gx += 5 * CELL + GAP;
  }
  return false;
}

/** Colour (RGBA) at a sub-pixel position. */
function sample(x, y) {
  if (!inRoundedSquare(x, y, 96)) return [0, 0, 0, 0];
  const d = Math.hypot(x - 256, y - 256);
  if (d >= 226 && d <= 240) return [...GOLD, 255];
  if (inPolygon(x, y, star) || inText(x, y)) return [...GOLD, 255];
  const c = d > 240 ? DARK_RED : RED;
  return [...c, 255];
}

function render() {
  const px = Buffer.alloc(SIZE * SIZE * 4);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const [r, g, b, a] = sample(x + (sx + 0.5) / SS, y + (sy + 0.5) / SS);
          acc[0] += r * a;
          acc[1] += g * a;
          acc[2] += b * a;
          acc[3] += a;
        }
      }
      const o = (y * SIZE + x) * 4;
      const alpha = acc[3] / (SS * SS);
      px[o] = acc[3] ? Math.round(acc[0] / acc[3]) : 0;
      px[o + 1] = acc[3] ? Math.round(acc[1] / acc[3]) : 0;
      px[o + 2] = acc[3] ? Math.round(acc[2] / acc[3]) : 0;
      px[o + 3] = Math.round(alpha);
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
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

export function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'icon.png');
  fs.writeFileSync(out, encodePng(SIZE, SIZE, render()));
  console.log(`icon: ${out}`);
}
