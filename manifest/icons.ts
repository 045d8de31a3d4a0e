// The app's icons, drawn in code so they need no binary files in the repo: color.png (192×192, a
// white award star on the accent colour) and outline.png (32×32, white on transparent, as Teams
// requires). A minimal PNG encoder (RGBA, zlib) is enough for two flat shapes.
import { deflateSync } from 'node:zlib';

export const ACCENT = { r: 0x0a, g: 0x5c, b: 0x9e };

type Rgba = [number, number, number, number];

/** A five-pointed star centred at (cx, cy) with outer radius r, as a polygon. */
function star(cx: number, cy: number, r: number): Array<[number, number]> {
  const points: Array<[number, number]> = [];
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 === 0 ? r : r * 0.45;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push([cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)]);
  }
  return points;
}

function inside(x: number, y: number, polygon: Array<[number, number]>): boolean {
  let hit = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i]!;
    const [xj, yj] = polygon[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

/** Coverage 0–1 of a pixel by the polygon, 4×4 supersampled for smooth edges. */
function coverage(px: number, py: number, polygon: Array<[number, number]>): number {
  let n = 0;
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      if (inside(px + (sx + 0.5) / 4, py + (sy + 0.5) / 4, polygon)) n++;
    }
  }
  return n / 16;
}

function render(size: number, pixel: (x: number, y: number) => Rgba): Buffer {
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    rows[row] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      rows.set([r, g, b, a], row + 1 + x * 4);
    }
  }
  return encodePng(size, size, rows);
}

/** The colour icon (192×192 for the manifest; 16/32/80 for the Outlook add-in's ribbon button). */
export function colorIcon(size = 192): Buffer {
  const shape = star(size / 2, size / 2 + size / 32, size * 0.36);
  return render(size, (x, y) => {
    const c = coverage(x, y, shape);
    const mix = (bg: number) => Math.round(bg + (255 - bg) * c);
    return [mix(ACCENT.r), mix(ACCENT.g), mix(ACCENT.b), 255];
  });
}

export function outlineIcon(): Buffer {
  const size = 32;
  const shape = star(size / 2, size / 2 + 1, size * 0.46);
  return render(size, (x, y) => [255, 255, 255, Math.round(255 * coverage(x, y, shape))]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(width: number, height: number, filteredRows: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(filteredRows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
