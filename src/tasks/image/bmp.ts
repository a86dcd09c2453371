// A small, bounds-checked BMP decoder (Windows bitmaps) to packed RGB.
//
// Supports the BITMAPCOREHEADER (12 bytes), BITMAPINFOHEADER (40) and its extensions
// (V2 52, V3 56, V4 108, V5 124); 1/4/8-bit palettized, 16/24/32-bit uncompressed;
// BI_BITFIELDS / BI_ALPHABITFIELDS masks for 16 and 32 bit; bottom-up and top-down rows.
// RLE, JPEG and PNG compressions are refused. Alpha is dropped (not composited).
import { TfliteError } from '../../errors.js';

/** An image could not be decoded: unknown format, malformed or unsupported file, too large. */
export class ImageError extends TfliteError {
  override name = 'ImageError';
}

/** Packed 8-bit RGB pixels, row-major, top row first: `data.length === width * height * 3`. */
export interface RgbImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** The largest image side and pixel count any decoder here accepts (checked before allocating). */
export const MAX_IMAGE_SIDE = 16384;
export const MAX_IMAGE_PIXELS = 100_000_000;

/** Throws ImageError unless width × height is a sane, allocatable size. */
export function checkImageSize(width: number, height: number, format: string): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new ImageError(`${format}: invalid image size ${width}x${height}`);
  }
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS) {
    throw new ImageError(`${format}: image size ${width}x${height} exceeds the limit (${MAX_IMAGE_SIDE} per side, ${MAX_IMAGE_PIXELS / 1e6} M pixels)`);
  }
}

const BI_RGB = 0;
const BI_BITFIELDS = 3;
const BI_ALPHABITFIELDS = 6;
const COMPRESSION_NAMES: Record<number, string> = { 1: 'RLE8', 2: 'RLE4', 4: 'JPEG', 5: 'PNG', 11: 'CMYK', 12: 'CMYK RLE8', 13: 'CMYK RLE4' };

interface Channel {
  mask: number;
  shift: number;
  max: number; // mask >>> shift
}

function channel(mask: number): Channel {
  mask >>>= 0;
  if (mask === 0) return { mask: 0, shift: 0, max: 0 };
  let shift = 0;
  while (((mask >>> shift) & 1) === 0) shift++;
  return { mask, shift, max: mask >>> shift };
}

function extract(px: number, c: Channel): number {
  if (c.max === 0) return 0;
  const v = ((px & c.mask) >>> 0) >>> c.shift;
  return c.max === 255 ? v : Math.round((v * 255) / c.max);
}

/** True when `bytes` starts with the BMP signature "BM". */
export function isBmp(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x42 && bytes[1] === 0x4d;
}

/** Decodes a BMP file to RGB; throws ImageError on anything malformed or unsupported. */
export function decodeBmp(bytes: Uint8Array): RgbImage {
  const fail = (msg: string): never => {
    throw new ImageError(`BMP: ${msg}`);
  };
  if (!isBmp(bytes)) fail('missing "BM" signature');
  if (bytes.length < 26) fail(`${bytes.length} bytes is too short for a bitmap header`);
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const pixelOffset = v.getUint32(10, true);
  const headerSize = v.getUint32(14, true);
  const core = headerSize === 12;
  if (!core && headerSize < 40) fail(`unsupported DIB header size ${headerSize}`);
  if (14 + headerSize > bytes.length) fail(`DIB header (${headerSize} bytes) runs past the end of the file`);

  let width: number, rawHeight: number, planes: number, bpp: number, compression = BI_RGB, colorsUsed = 0;
  if (core) {
    width = v.getUint16(18, true);
    rawHeight = v.getUint16(20, true);
    planes = v.getUint16(22, true);
    bpp = v.getUint16(24, true);
  } else {
    width = v.getInt32(18, true);
    rawHeight = v.getInt32(22, true);
    planes = v.getUint16(26, true);
    bpp = v.getUint16(28, true);
    compression = v.getUint32(30, true);
    colorsUsed = v.getUint32(46, true);
  }
  if (planes !== 1) fail(`${planes} color planes (expected 1)`);
  const topDown = rawHeight < 0;
  const height = Math.abs(rawHeight);
  checkImageSize(width, height, 'BMP');
  if (![1, 4, 8, 16, 24, 32].includes(bpp)) fail(`unsupported bit depth ${bpp}`);
  if (compression !== BI_RGB && compression !== BI_BITFIELDS && compression !== BI_ALPHABITFIELDS) {
    fail(`unsupported compression ${COMPRESSION_NAMES[compression] ?? compression}`);
  }
  if (compression !== BI_RGB && bpp !== 16 && bpp !== 32) fail(`bitfields compression with ${bpp} bits per pixel`);

  // Channel masks: in the V2+ header, or just after a 40-byte header; defaults otherwise.
  let r: Channel, g: Channel, b: Channel;
  let afterHeader = 14 + headerSize;
  if (compression === BI_BITFIELDS || compression === BI_ALPHABITFIELDS) {
    let at = 14 + 40;
    if (headerSize === 40) {
      const n = compression === BI_ALPHABITFIELDS ? 16 : 12;
      if (at + n > bytes.length) fail('bitfield masks run past the end of the file');
      afterHeader += n;
    } else if (headerSize < 52) {
      fail(`DIB header of ${headerSize} bytes has no room for bitfield masks`);
    }
    r = channel(v.getUint32(at, true));
    g = channel(v.getUint32((at += 4), true));
    b = channel(v.getUint32((at += 4), true));
    if (r.mask === 0 && g.mask === 0 && b.mask === 0) fail('all color masks are zero');
  } else if (bpp === 16) {
    r = channel(0x7c00); g = channel(0x03e0); b = channel(0x001f);
  } else {
    r = channel(0x00ff0000); g = channel(0x0000ff00); b = channel(0x000000ff);
  }

  // Palette for 1/4/8-bit images.
  let palette: Uint8Array | null = null;
  if (bpp <= 8) {
    const entryBytes = core ? 3 : 4;
    const max = 1 << bpp;
    if (colorsUsed > max) fail(`${colorsUsed} palette colors for ${bpp}-bit pixels`);
    const count = colorsUsed === 0 ? max : colorsUsed;
    const end = pixelOffset >= afterHeader ? Math.min(pixelOffset, bytes.length) : bytes.length;
    const available = Math.floor((end - afterHeader) / entryBytes);
    if (available < 1) fail('palette is missing');
    const n = Math.min(count, available);
    palette = new Uint8Array(max * 3); // indices past the palette read as black
    for (let i = 0; i < n; i++) {
      const p = afterHeader + i * entryBytes;
      palette[i * 3] = bytes[p + 2]!;
      palette[i * 3 + 1] = bytes[p + 1]!;
      palette[i * 3 + 2] = bytes[p]!;
    }
  }

  const stride = Math.floor((bpp * width + 31) / 32) * 4;
  const rowBytes = Math.ceil((bpp * width) / 8);
  if (pixelOffset < 14 + (core ? 12 : 40) || pixelOffset > bytes.length) fail(`pixel data offset ${pixelOffset} is outside the file`);
  // The last row's padding may be missing in some writers' files; its pixels may not.
  const needed = stride * (height - 1) + rowBytes;
  if (pixelOffset + needed > bytes.length) {
    fail(`pixel data is truncated (${bytes.length - pixelOffset} bytes, need ${needed} for ${width}x${height} at ${bpp} bits)`);
  }

  const out = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    const row = pixelOffset + (topDown ? y : height - 1 - y) * stride;
    let o = y * width * 3;
    if (bpp === 24) {
      for (let x = 0, p = row; x < width; x++, p += 3) {
        out[o++] = bytes[p + 2]!;
        out[o++] = bytes[p + 1]!;
        out[o++] = bytes[p]!;
      }
    } else if (bpp === 32) {
      if (compression === BI_RGB) {
        for (let x = 0, p = row; x < width; x++, p += 4) {
          out[o++] = bytes[p + 2]!;
          out[o++] = bytes[p + 1]!;
          out[o++] = bytes[p]!;
        }
      } else {
        for (let x = 0, p = row; x < width; x++, p += 4) {
          const px = v.getUint32(p, true);
          out[o++] = extract(px, r);
          out[o++] = extract(px, g);
          out[o++] = extract(px, b);
        }
      }
    } else if (bpp === 16) {
      for (let x = 0, p = row; x < width; x++, p += 2) {
        const px = v.getUint16(p, true);
        out[o++] = extract(px, r);
        out[o++] = extract(px, g);
        out[o++] = extract(px, b);
      }
    } else {
      const pal = palette!;
      const perByte = 8 / bpp;
      const mask = (1 << bpp) - 1;
      for (let x = 0; x < width; x++) {
        const byte = bytes[row + Math.floor(x / perByte)]!;
        const shift = 8 - bpp * ((x % perByte) + 1);
        const idx = ((byte >> shift) & mask) * 3;
        out[o++] = pal[idx]!;
        out[o++] = pal[idx + 1]!;
        out[o++] = pal[idx + 2]!;
      }
    }
  }
  return { width, height, data: out };
}
