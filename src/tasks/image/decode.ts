// Image decoding for the tasks layer: BMP (our own decoder), JPEG (jpeg-js), PNG (pngjs in
// Node; the browser's own codec elsewhere). The format is sniffed from the magic bytes, never
// from a file name. Every failure is an ImageError with a one-line message.
import { decode as jpegDecode } from 'jpeg-js';
import { ImageError, checkImageSize, decodeBmp, isBmp, type RgbImage } from './bmp.js';

export { ImageError, MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE, decodeBmp, type RgbImage } from './bmp.js';

export type ImageFormat = 'bmp' | 'png' | 'jpeg' | 'gif' | 'webp' | 'tiff';

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  if (bytes.length < at + magic.length) return false;
  return magic.every((m, i) => bytes[at + i] === m);
}

/** The image format by magic bytes, or null when unknown. */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat | null {
  if (startsWith(bytes, PNG_MAGIC)) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (isBmp(bytes)) return 'bmp';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'gif';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  return null;
}

/**
 * Decodes a BMP, PNG or JPEG file to packed 8-bit RGB (alpha is dropped, grayscale expanded).
 * Sizes are checked against MAX_IMAGE_SIDE / MAX_IMAGE_PIXELS before any pixel buffer is
 * allocated. Async because PNG needs zlib (Node) or the browser's decoder.
 */
export async function decodeImage(bytes: Uint8Array): Promise<RgbImage> {
  if (!(bytes instanceof Uint8Array)) throw new ImageError('decodeImage expects a Uint8Array');
  const format = sniffImageFormat(bytes);
  switch (format) {
    case 'bmp': return decodeBmp(bytes);
    case 'jpeg': return decodeJpeg(bytes);
    case 'png': return decodePng(bytes);
    case null: {
      const head = Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
      throw new ImageError(bytes.length === 0 ? 'empty image data' : `unknown image format (first bytes: ${head}); expected BMP, PNG or JPEG`);
    }
    default: throw new ImageError(`unsupported image format ${format.toUpperCase()}; expected BMP, PNG or JPEG`);
  }
}

function oneLine(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return (msg.split('\n')[0] ?? '').trim() || 'decoder failed';
}

// ---------------------------------------------------------------- JPEG

/** Width and height from the first SOFn marker (walking segments up to SOS), or null. */
export function jpegSize(bytes: Uint8Array): { width: number; height: number } | null {
  let p = 2;
  while (p + 4 <= bytes.length) {
    if (bytes[p] !== 0xff) return null;
    const marker = bytes[p + 1]!;
    if (marker === 0xff) { p++; continue; } // fill byte
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) { p += 2; continue; }
    if (marker === 0xd9 || marker === 0xda) return null; // EOI / SOS before any frame header
    const len = (bytes[p + 2]! << 8) | bytes[p + 3]!;
    if (len < 2) return null;
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) {
      if (p + 9 > bytes.length || len < 7) return null;
      return { height: (bytes[p + 5]! << 8) | bytes[p + 6]!, width: (bytes[p + 7]! << 8) | bytes[p + 8]! };
    }
    p += 2 + len;
  }
  return null;
}

/** Decodes a baseline or progressive JPEG (jpeg-js) to RGB; strict about truncated data. */
export function decodeJpeg(bytes: Uint8Array): RgbImage {
  const size = jpegSize(bytes);
  if (size === null) throw new ImageError('JPEG: no frame header (SOF) found; the file is truncated or malformed');
  checkImageSize(size.width, size.height, 'JPEG');
  let img: { width: number; height: number; data: Uint8Array };
  try {
    img = jpegDecode(bytes, { useTArray: true, formatAsRGBA: false, tolerantDecoding: false, maxResolutionInMP: 100, maxMemoryUsageInMB: 1024 });
  } catch (e) {
    throw new ImageError(`JPEG: ${oneLine(e)}`);
  }
  if (img.width !== size.width || img.height !== size.height || img.data.length !== img.width * img.height * 3) {
    throw new ImageError('JPEG: decoder returned an inconsistent image');
  }
  return { width: img.width, height: img.height, data: img.data };
}

// ---------------------------------------------------------------- PNG

/** Width and height from the IHDR chunk, or null when the header is malformed. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 24 || !startsWith(bytes, PNG_MAGIC) || String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return null;
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: v.getUint32(16, false), height: v.getUint32(20, false) };
}

const isNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';

/** Decodes any PNG (pngjs in Node, else createImageBitmap + OffscreenCanvas) to RGB. */
export async function decodePng(bytes: Uint8Array): Promise<RgbImage> {
  const size = pngSize(bytes);
  if (size === null) throw new ImageError('PNG: missing or malformed IHDR header');
  checkImageSize(size.width, size.height, 'PNG');
  let rgba: Uint8Array, width: number, height: number;
  if (isNode) {
    let png: { width: number; height: number; data: Uint8Array };
    try {
      const { PNG } = await import('pngjs');
      const { Buffer } = await import('node:buffer');
      png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    } catch (e) {
      throw new ImageError(`PNG: ${oneLine(e)}`);
    }
    ({ width, height } = png);
    rgba = png.data;
  } else {
    ({ rgba, width, height } = await decodeWithBrowser(bytes, 'image/png', 'PNG'));
  }
  if (width !== size.width || height !== size.height || rgba.length < width * height * 4) {
    throw new ImageError('PNG: decoder returned an inconsistent image');
  }
  return { width, height, data: rgbaToRgb(rgba, width * height) };
}

async function decodeWithBrowser(bytes: Uint8Array, type: string, format: string): Promise<{ rgba: Uint8Array; width: number; height: number }> {
  if (typeof createImageBitmap !== 'function' || typeof OffscreenCanvas !== 'function') {
    throw new ImageError(`${format}: no decoder available in this environment`);
  }
  try {
    const bitmap = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), { premultiplyAlpha: 'none', colorSpaceConversion: 'none' });
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    if (ctx === null) throw new Error('no 2d context');
    ctx.drawImage(bitmap, 0, 0);
    const { data, width, height } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    bitmap.close();
    return { rgba: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width, height };
  } catch (e) {
    throw new ImageError(`${format}: ${oneLine(e)}`);
  }
}

function rgbaToRgb(rgba: Uint8Array, pixels: number): Uint8Array {
  const out = new Uint8Array(pixels * 3);
  for (let i = 0, j = 0, k = 0; i < pixels; i++, j += 4) {
    out[k++] = rgba[j]!;
    out[k++] = rgba[j + 1]!;
    out[k++] = rgba[j + 2]!;
  }
  return out;
}
