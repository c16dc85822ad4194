// Reads a PNG back into pixels, so a test can look at the picture the bot sends rather than
// at the drawing instructions it was made from. Enough of the format for what resvg writes:
// 8 bits a channel, RGB or RGBA, not interlaced.
import { inflateSync } from "node:zlib";

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, row by row. */
  data: Uint8Array;
}

export function decodePng(png: Buffer): Pixels {
  if (png.readUInt32BE(0) !== 0x89504e47) throw new Error("not a PNG");
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString("ascii", offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colour, , , interlace] = [body[8], body[9], body[10], body[11], body[12]];
      if (depth !== 8 || interlace !== 0 || (colour !== 2 && colour !== 6)) throw new Error(`PNG kind not read here: depth ${depth}, colour ${colour}, interlace ${interlace}`);
      channels = colour === 6 ? 4 : 3;
    } else if (type === "IDAT") idat.push(body);
    else if (type === "IEND") break;
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rows = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const left = i >= channels ? rows[y * stride + i - channels]! : 0;
      const up = y > 0 ? rows[(y - 1) * stride + i]! : 0;
      const upLeft = y > 0 && i >= channels ? rows[(y - 1) * stride + i - channels]! : 0;
      let predicted = 0;
      if (filter === 1) predicted = left;
      else if (filter === 2) predicted = up;
      else if (filter === 3) predicted = (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        predicted = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      rows[y * stride + i] = (line[i]! + predicted) & 0xff;
    }
  }
  if (channels === 4) return { width, height, data: rows };
  const data = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    data.set(rows.subarray(p * 3, p * 3 + 3), p * 4);
    data[p * 4 + 3] = 255;
  }
  return { width, height, data };
}

/** "#rrggbb" of each pixel in rows [top, bottom), with how many pixels have it. */
export function colourCounts(img: Pixels, top: number, bottom: number): Map<string, number> {
  const out = new Map<string, number>();
  const hex = (n: number) => n.toString(16).padStart(2, "0");
  for (let y = Math.max(0, top); y < Math.min(img.height, bottom); y++) {
    for (let x = 0; x < img.width; x++) {
      const i = (y * img.width + x) * 4;
      const key = `#${hex(img.data[i]!)}${hex(img.data[i + 1]!)}${hex(img.data[i + 2]!)}`;
      out.set(key, (out.get(key) ?? 0) + 1);
    }
  }
  return out;
}

/** A colour rather than a grey: a bar's fill or the pace line, which a reader needs a legend for. */
export function isSaturated(hex: string): boolean {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  return Math.max(r, g, b) - Math.min(r, g, b) > 60;
}

/**
 * The colours of a progress chart (src/chart/progress-chart.ts) read from its PNG: those the picture
 * above the legend uses on at least 100 pixels, and how many pixels of each colour the legend has.
 * The legend starts at the first row with a colour at the left edge (its swatches, 24–40 CSS pixels
 * in), where the picture above has only the labels' dark text.
 */
export function chartColours(png: Buffer, scale = 2): { drawn: string[]; legend: Map<string, number> } {
  const img = decodePng(png);
  let legendTop = img.height;
  for (let y = 0; y < img.height && legendTop === img.height; y++) {
    for (let x = 24 * scale; x < 40 * scale; x++) {
      const i = (y * img.width + x) * 4;
      const hex = `#${[0, 1, 2].map((k) => img.data[i + k]!.toString(16).padStart(2, "0")).join("")}`;
      if (isSaturated(hex)) {
        legendTop = y;
        break;
      }
    }
  }
  const picture = colourCounts(img, 0, legendTop - 2 * scale);
  return {
    drawn: [...picture].filter(([c, n]) => n >= 100 && isSaturated(c)).map(([c]) => c),
    legend: colourCounts(img, legendTop - 2 * scale, img.height),
  };
}
