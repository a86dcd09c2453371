// Image classification end to end: decoders, resize, metadata/ZIP, the classifier and `tflite classify`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { PNG } from 'pngjs';
import { encode as jpegEncode } from 'jpeg-js';
import {
  decodeImage, decodeBmp, sniffImageFormat, resizeBilinear, ImageError, ZipArchive, MetadataError, readModelMetadata,
  readModelLabels, parseLabels, crc32, ImageClassifier, ClassifierError, LabelCountError,
} from '../dist/tasks/index.js';
import { Interpreter, TfliteError, UnresolvedOpError, KernelError } from '../dist/index.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const SHARED = path.resolve(ROOT, '../shared');
const MODELS = path.join(SHARED, 'models');
const IMAGES = path.join(SHARED, 'images');
const CLI = path.join(ROOT, 'bin/tflite.js');
const FLOAT_MODEL = path.join(MODELS, 'tf/mobilenet_v2_035_96_float32.tflite'); // 96×96 RGB, 10 float outputs
const CORAL_V2 = path.join(MODELS, 'coral/mobilenet_v2_1.0_224_quant.tflite');

// ---------------------------------------------------------------- fixtures

/** A deterministic w×h RGB test pattern using at most `colors` distinct colors (0 = any). */
function pattern(width, height, colors = 0) {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      if (colors) {
        const k = (x + 2 * y) % colors;
        data[i] = (k * 53) & 255; data[i + 1] = (k * 97 + 10) & 255; data[i + 2] = (k * 31 + 200) & 255;
      } else {
        data[i] = (x * 37 + y * 11) & 255; data[i + 1] = (x * 5 + y * 71 + 3) & 255; data[i + 2] = (x * y * 13 + 7) & 255;
      }
    }
  }
  return { width, height, data };
}

/**
 * Writes a BMP. opts: bpp 1/4/8/16/24/32, header 12/40/108/124, topDown, bitfields (16/32-bit
 * masks [r,g,b]), trimLastPadding (drop the last row's padding).
 */
function writeBmp(img, { bpp = 24, header = 40, topDown = false, bitfields = null, trimLastPadding = false } = {}) {
  const { width, height, data } = img;
  let palette = null;
  if (bpp <= 8) {
    const map = new Map();
    for (let i = 0; i < width * height; i++) {
      const key = (data[i * 3] << 16) | (data[i * 3 + 1] << 8) | data[i * 3 + 2];
      if (!map.has(key)) map.set(key, map.size);
    }
    assert.ok(map.size <= 1 << bpp, `${map.size} colors do not fit ${bpp} bits`);
    palette = map;
  }
  const core = header === 12;
  const maskBytes = bitfields && header === 40 ? 12 : 0;
  const paletteBytes = palette ? palette.size * (core ? 3 : 4) : 0;
  const stride = Math.floor((bpp * width + 31) / 32) * 4;
  const pixelOffset = 14 + header + maskBytes + paletteBytes;
  let size = pixelOffset + stride * height;
  if (trimLastPadding) size -= stride - Math.ceil((bpp * width) / 8);
  const out = new Uint8Array(size);
  const v = new DataView(out.buffer);
  out[0] = 0x42; out[1] = 0x4d;
  v.setUint32(2, size, true);
  v.setUint32(10, pixelOffset, true);
  v.setUint32(14, header, true);
  if (core) {
    v.setUint16(18, width, true); v.setUint16(20, height, true); v.setUint16(22, 1, true); v.setUint16(24, bpp, true);
  } else {
    v.setInt32(18, width, true); v.setInt32(22, topDown ? -height : height, true);
    v.setUint16(26, 1, true); v.setUint16(28, bpp, true);
    v.setUint32(30, bitfields ? 3 : 0, true);
    v.setUint32(46, palette ? palette.size : 0, true);
    if (bitfields) bitfields.forEach((m, k) => v.setUint32(14 + 40 + 4 * k, m >>> 0, true));
  }
  if (palette) {
    const base = 14 + header;
    for (const [key, idx] of palette) {
      const p = base + idx * (core ? 3 : 4);
      out[p] = key & 255; out[p + 1] = (key >> 8) & 255; out[p + 2] = (key >> 16) & 255;
    }
  }
  const put = (px, mask) => {
    if (!mask) return 0;
    let shift = 0;
    while (((mask >>> shift) & 1) === 0) shift++;
    const max = mask >>> shift;
    return (Math.round((px * max) / 255) << shift) >>> 0;
  };
  for (let y = 0; y < height; y++) {
    const row = pixelOffset + (topDown ? y : height - 1 - y) * stride;
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
      if (bpp === 24) { out[row + 3 * x] = b; out[row + 3 * x + 1] = g; out[row + 3 * x + 2] = r; }
      else if (bpp === 32 && !bitfields) { out[row + 4 * x] = b; out[row + 4 * x + 1] = g; out[row + 4 * x + 2] = r; out[row + 4 * x + 3] = 0x80; }
      else if (bpp === 32 || bpp === 16) {
        const [mr, mg, mb] = bitfields ?? [0x7c00, 0x03e0, 0x001f];
        const px = (put(r, mr) | put(g, mg) | put(b, mb)) >>> 0;
        if (bpp === 32) v.setUint32(row + 4 * x, px, true); else v.setUint16(row + 2 * x, px, true);
      } else {
        const idx = palette.get((r << 16) | (g << 8) | b);
        const perByte = 8 / bpp;
        const shift = 8 - bpp * ((x % perByte) + 1);
        out[row + Math.floor(x / perByte)] |= idx << shift;
      }
    }
  }
  return out;
}

/** Builds a ZIP: entries {name, data, method: 0|8}; `absolute` records offsets from the start of `prefix`. */
function buildZip(entries, { prefix = new Uint8Array(0), absolute = false } = {}) {
  const parts = [prefix];
  let pos = prefix.length;
  const base = absolute ? 0 : prefix.length;
  const central = [];
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const body = e.method === 8 ? zlib.deflateRawSync(e.data) : e.data;
    const crc = zlib.crc32(e.data);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0); lh.writeUInt16LE(20, 4); lh.writeUInt16LE(e.method, 8);
    lh.writeUInt32LE(crc, 14); lh.writeUInt32LE(body.length, 18); lh.writeUInt32LE(e.data.length, 22); lh.writeUInt16LE(name.length, 26);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0); ch.writeUInt16LE(20, 4); ch.writeUInt16LE(20, 6); ch.writeUInt16LE(e.method, 10);
    ch.writeUInt32LE(crc, 16); ch.writeUInt32LE(body.length, 20); ch.writeUInt32LE(e.data.length, 24); ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(pos - base, 42);
    central.push(ch, name);
    parts.push(lh, name, body);
    pos += 30 + name.length + body.length;
  }
  const cdStart = pos;
  const cdSize = central.reduce((n, b) => n + b.length, 0);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0); eocd.writeUInt16LE(entries.length, 8); eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cdSize, 12); eocd.writeUInt32LE(cdStart - base, 16);
  return new Uint8Array(Buffer.concat([...parts, ...central, eocd]));
}

function tmpdir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'tflite-classify-'));
}

function cli(...args) {
  const r = spawnSync(process.execPath, [CLI, 'classify', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function assertOneErrorLine(stderr, re) {
  const lines = stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `expected one error line, got:\n${stderr}`);
  assert.match(lines[0], /^error: /);
  if (re) assert.match(lines[0], re);
}

async function rejectsImageError(bytes, re) {
  await assert.rejects(decodeImage(bytes), (e) => {
    assert.ok(e instanceof ImageError, `expected ImageError, got ${e?.name}: ${e?.message}`);
    assert.ok(e instanceof TfliteError);
    assert.ok(!e.message.includes('\n'), 'one-line message');
    if (re) assert.match(e.message, re);
    return true;
  });
}

// ---------------------------------------------------------------- BMP

test('BMP: 24-bit bottom-up, BITMAPINFOHEADER, odd width (row padding)', async () => {
  const img = pattern(5, 3);
  const out = await decodeImage(writeBmp(img));
  assert.deepEqual(out, img);
});

test('BMP: 24-bit top-down and a missing last-row padding', () => {
  const img = pattern(7, 4);
  assert.deepEqual(decodeBmp(writeBmp(img, { topDown: true })), img);
  assert.deepEqual(decodeBmp(writeBmp(img, { trimLastPadding: true })), img);
});

test('BMP: 32-bit BI_RGB (alpha byte ignored), and BI_BITFIELDS in V4/V5 and INFO headers', () => {
  const img = pattern(6, 5);
  assert.deepEqual(decodeBmp(writeBmp(img, { bpp: 32 })), img);
  const rgbx = [0x000000ff, 0x0000ff00, 0x00ff0000]; // non-default order: R in the low byte
  for (const header of [40, 108, 124]) {
    assert.deepEqual(decodeBmp(writeBmp(img, { bpp: 32, header, bitfields: rgbx, topDown: header === 124 })), img, `header ${header}`);
  }
});

test('BMP: 8-, 4- and 1-bit palettized; 12-byte core header', () => {
  for (const [bpp, colors] of [[8, 200], [4, 16], [1, 2]]) {
    const img = pattern(13, 6, colors);
    assert.deepEqual(decodeBmp(writeBmp(img, { bpp })), img, `${bpp}-bit`);
    assert.deepEqual(decodeBmp(writeBmp(img, { bpp, header: 124, topDown: true })), img, `${bpp}-bit V5 top-down`);
  }
  const img = pattern(9, 3, 7);
  assert.deepEqual(decodeBmp(writeBmp(img, { bpp: 8, header: 12 })), img);
});

test('BMP: 16-bit 555 default and 565 bitfields (scaled to 8 bits)', () => {
  const img = { width: 3, height: 1, data: new Uint8Array([255, 0, 0, 0, 255, 0, 255, 255, 255]) };
  assert.deepEqual(decodeBmp(writeBmp(img, { bpp: 16 })), img);
  assert.deepEqual(decodeBmp(writeBmp(img, { bpp: 16, bitfields: [0xf800, 0x07e0, 0x001f] })), img);
});

test('BMP: the test photos decode', async () => {
  for (const [name, w, h] of [['cat.bmp', 512, 341], ['grace_hopper.bmp', 512, 600], ['bird.bmp', 512, 343]]) {
    const img = await decodeImage(new Uint8Array(fs.readFileSync(path.join(IMAGES, name))));
    assert.deepEqual([img.width, img.height, img.data.length], [w, h, w * h * 3], name);
  }
});

test('BMP: malformed and unsupported files are ImageErrors', async () => {
  const good = writeBmp(pattern(8, 8));
  await rejectsImageError(good.subarray(0, 20), /too short/);
  await rejectsImageError(good.subarray(0, good.length - 40), /truncated/);
  const bad = (patch) => { const b = good.slice(); patch(new DataView(b.buffer)); return b; };
  await rejectsImageError(bad((v) => v.setInt32(18, 100000, true)), /exceeds the limit/);
  await rejectsImageError(bad((v) => { v.setInt32(18, 16000, true); v.setInt32(22, 16000, true); }), /exceeds the limit/);
  await rejectsImageError(bad((v) => v.setInt32(18, 0, true)), /invalid image size/);
  await rejectsImageError(bad((v) => v.setUint32(30, 1, true)), /RLE8/);
  await rejectsImageError(bad((v) => v.setUint16(28, 7, true)), /bit depth 7/);
  await rejectsImageError(bad((v) => v.setUint32(14, 9999, true)), /header/);
  await rejectsImageError(bad((v) => v.setUint32(10, 1 << 30, true)), /offset/);
  await rejectsImageError(bad((v) => v.setUint16(26, 3, true)), /planes/);
});

// ---------------------------------------------------------------- PNG / JPEG

test('PNG: RGBA, RGB and grayscale encoded by pngjs decode to RGB', async () => {
  const img = pattern(11, 7);
  const rgba = new Uint8Array(11 * 7 * 4);
  for (let i = 0; i < 77; i++) { rgba.set(img.data.subarray(i * 3, i * 3 + 3), i * 4); rgba[i * 4 + 3] = 255 - i; }
  const png = PNG.sync.write({ width: 11, height: 7, data: Buffer.from(rgba) });
  assert.equal(sniffImageFormat(png), 'png');
  assert.deepEqual(await decodeImage(new Uint8Array(png)), img);
  const opaque = Buffer.from(rgba);
  for (let i = 0; i < 77; i++) opaque[i * 4 + 3] = 255; // pngjs composites alpha onto white when it drops it
  const rgb = PNG.sync.write({ width: 11, height: 7, data: opaque }, { colorType: 2 });
  assert.deepEqual(await decodeImage(new Uint8Array(rgb)), img);
  const gray = { width: 4, height: 2, data: new Uint8Array([0, 30, 60, 90, 120, 150, 200, 255]) };
  const g4 = new Uint8Array(32);
  gray.data.forEach((v, i) => g4.set([v, v, v, 255], i * 4));
  const gpng = PNG.sync.write({ width: 4, height: 2, data: Buffer.from(g4) }, { colorType: 0 });
  assert.deepEqual(Array.from((await decodeImage(new Uint8Array(gpng))).data), Array.from(gray.data).flatMap((v) => [v, v, v]));
});

test('PNG: malformed and oversized files are ImageErrors', async () => {
  const png = new Uint8Array(PNG.sync.write({ width: 4, height: 4, data: Buffer.alloc(64, 200) }));
  await rejectsImageError(png.subarray(0, 20), /IHDR/);
  const big = png.slice();
  new DataView(big.buffer).setUint32(16, 50000, false);
  await rejectsImageError(big, /exceeds the limit/);
  const corrupt = png.slice();
  corrupt[corrupt.length - 20] ^= 0xff; // inside IDAT / its CRC
  await rejectsImageError(corrupt, /^PNG: /);
  await rejectsImageError(png.subarray(0, png.length - 30), /^PNG: /);
});

test('JPEG: a jpeg-js encoded image decodes to RGB (lossy, close)', async () => {
  const w = 16, h = 16;
  const rgba = Buffer.alloc(w * h * 4);
  for (let i = 0; i < w * h; i++) rgba.set(i % w < 8 ? [200, 40, 40, 255] : [30, 60, 220, 255], i * 4);
  const jpg = new Uint8Array(jpegEncode({ width: w, height: h, data: rgba }, 100).data);
  assert.equal(sniffImageFormat(jpg), 'jpeg');
  const img = await decodeImage(jpg);
  assert.equal(img.width, w);
  assert.equal(img.height, h);
  assert.equal(img.data.length, w * h * 3);
  let maxDiff = 0;
  for (let i = 0; i < w * h; i++) {
    if (i % w === 7 || i % w === 8) continue; // the edge rings
    for (let c = 0; c < 3; c++) maxDiff = Math.max(maxDiff, Math.abs(img.data[i * 3 + c] - rgba[i * 4 + c]));
  }
  assert.ok(maxDiff <= 12, `max diff ${maxDiff}`);
});

test('JPEG: malformed and oversized files are ImageErrors', async () => {
  const rgba = Buffer.alloc(8 * 8 * 4, 128);
  const jpg = new Uint8Array(jpegEncode({ width: 8, height: 8, data: rgba }, 90).data);
  await rejectsImageError(jpg.subarray(0, 3), /SOF/);
  await rejectsImageError(jpg.subarray(0, Math.floor(jpg.length * 0.6)), /^JPEG: /);
  // A frame header claiming 60000×60000 is refused before decoding.
  const sof = jpg.slice();
  for (let p = 2; p < sof.length - 9;) {
    if (sof[p + 1] === 0xc0) { sof.set([0xea, 0x60, 0xea, 0x60], p + 5); break; }
    p += 2 + ((sof[p + 2] << 8) | sof[p + 3]);
  }
  await rejectsImageError(sof, /exceeds the limit/);
  const garbage = jpg.slice();
  garbage.fill(0x55, 200);
  await rejectsImageError(garbage, /^JPEG: /);
});

test('decodeImage: unknown, empty and unsupported formats', async () => {
  await rejectsImageError(new Uint8Array(0), /empty/);
  await rejectsImageError(new TextEncoder().encode('hello world'), /unknown image format/);
  await rejectsImageError(new TextEncoder().encode('GIF89a\x01\x00\x01\x00'), /unsupported image format GIF/);
  await rejectsImageError(new Uint8Array(fs.readFileSync(FLOAT_MODEL)).subarray(0, 64), /unknown image format/);
});

test('decoders and the zip reader: mutated inputs only ever throw typed one-line errors', async () => {
  let seed = 1;
  const rnd = () => { seed = (seed * 1103515245 + 12345) >>> 0; return seed / 2 ** 32; };
  const sources = {
    bmp: writeBmp(pattern(9, 5, 12), { bpp: 8 }),
    png: new Uint8Array(PNG.sync.write({ width: 8, height: 8, data: Buffer.alloc(256, 90) })),
    jpeg: new Uint8Array(jpegEncode({ width: 16, height: 16, data: Buffer.alloc(1024, 77) }, 80).data),
    zip: buildZip([{ name: 'l.txt', data: new TextEncoder().encode('a b c d e f g\n'.repeat(20)), method: 8 }], { prefix: new Uint8Array(64) }),
  };
  for (const [name, src] of Object.entries(sources)) {
    for (let it = 0; it < 300; it++) {
      const b = src.slice(0, rnd() < 0.2 ? Math.floor(rnd() * src.length) : src.length);
      for (let k = 1 + Math.floor(rnd() * 4); k > 0; k--) {
        const at = name === 'zip' ? b.length - 1 - Math.floor(rnd() * Math.min(120, b.length)) : Math.floor(rnd() * Math.min(b.length, 80));
        if (at >= 0) b[at] = Math.floor(rnd() * 256);
      }
      try {
        if (name === 'zip') { const z = ZipArchive.find(b); for (const n of z?.names ?? []) await z.read(n); }
        else await decodeImage(b);
      } catch (e) {
        assert.ok(e instanceof TfliteError, `${name} #${it}: raw ${e?.name}: ${e?.message}`);
        assert.ok(!e.message.includes('\n'), `${name} #${it}: multi-line message`);
      }
    }
  }
});

// ---------------------------------------------------------------- resize

test('resize: bilinear with half-pixel centers (tf.image.resize), align corners, legacy', () => {
  // One row, channels equal: [0, 100] → 4 wide.
  const img = { width: 2, height: 1, data: new Uint8Array([0, 0, 0, 100, 100, 100]) };
  const ch0 = (a) => Array.from(a).filter((_, i) => i % 3 === 0);
  assert.deepEqual(ch0(resizeBilinear(img, 1, 4)), [0, 25, 75, 100]);
  assert.deepEqual(ch0(resizeBilinear(img, 1, 3, { halfPixelCenters: false, alignCorners: true })), [0, 50, 100]);
  assert.deepEqual(ch0(resizeBilinear(img, 1, 4, { halfPixelCenters: false })), [0, 50, 100, 100]);
  // Shrinking 4 → 2 with half-pixel centers samples at 0.5 and 2.5: the pair means.
  const row = { width: 4, height: 1, data: new Uint8Array([10, 20, 30, 40].flatMap((v) => [v, v, v])) };
  assert.deepEqual(ch0(resizeBilinear(row, 1, 2)), [15, 35]);
  // 2×2 → 4×4 in both axes; corners stay, the centre is the mean.
  const sq = { width: 2, height: 2, data: new Uint8Array([0, 40, 80, 120].flatMap((v) => [v, v, v])) };
  const r = ch0(resizeBilinear(sq, 4, 4));
  assert.deepEqual(r.slice(0, 4), [0, 10, 30, 40]);
  assert.deepEqual(r.slice(12), [80, 90, 110, 120]);
  assert.equal(r[5], 0.75 * 0.75 * 0 + 0.75 * 0.25 * 40 + 0.25 * 0.75 * 80 + 0.25 * 0.25 * 120);
  // Same size: identity, channels kept apart.
  const p = pattern(5, 4);
  assert.deepEqual(Array.from(resizeBilinear(p, 4, 5)), Array.from(p.data));
  assert.throws(() => resizeBilinear({ width: 3, height: 3, data: new Uint8Array(5) }, 2, 2), ImageError);
});

// ---------------------------------------------------------------- ZIP and metadata

test('zip: stored and deflate entries, appended after other data, relative or absolute offsets', async () => {
  assert.equal(crc32(new TextEncoder().encode('123456789')), 0xcbf43926);
  const labels = new TextEncoder().encode('background\ncat\ndog\n'.repeat(50));
  const readme = new TextEncoder().encode('hello');
  const entries = [{ name: 'labels.txt', data: labels, method: 8 }, { name: 'readme.txt', data: readme, method: 0 }, { name: 'empty.txt', data: new Uint8Array(0), method: 0 }];
  const prefix = new Uint8Array(1000).fill(7);
  for (const absolute of [false, true]) {
    const zip = ZipArchive.find(buildZip(entries, { prefix, absolute }));
    assert.ok(zip);
    assert.deepEqual(zip.names, ['labels.txt', 'readme.txt', 'empty.txt']);
    assert.equal(zip.get('labels.txt').method, 8);
    assert.deepEqual(await zip.read('labels.txt'), labels);
    assert.equal(await zip.readText('readme.txt'), 'hello');
    assert.equal((await zip.read('empty.txt')).length, 0);
    await assert.rejects(zip.read('nope.txt'), MetadataError);
  }
  assert.equal(ZipArchive.find(prefix), null);
  assert.throws(() => ZipArchive.open(prefix), MetadataError);
});

test('zip: corrupt archives are MetadataErrors', async () => {
  const data = new TextEncoder().encode(Array.from({ length: 100 }, (_, i) => ((i * 7919) % 1000).toString(36)).join(' '));
  const zip = buildZip([{ name: 'a.txt', data, method: 8 }]);
  const eocd = zip.length - 22;
  const patch = (at, fn) => { const b = zip.slice(); fn(new DataView(b.buffer), at); return b; };
  assert.throws(() => ZipArchive.find(patch(eocd, (v, p) => v.setUint32(p + 12, 1 << 30, true))), MetadataError); // cd size
  assert.throws(() => ZipArchive.find(patch(eocd, (v, p) => v.setUint16(p + 10, 5, true))), MetadataError); // count
  assert.throws(() => ZipArchive.find(patch(eocd, (v, p) => v.setUint32(p + 16, 0xffffffff, true))), MetadataError); // ZIP64
  const cd = eocd - 46 - 5;
  assert.ok(zlib.deflateRawSync(data).length > 40);
  await assert.rejects(ZipArchive.find(patch(cd, (v, p) => v.setUint32(p + 16, 12345, true))).read('a.txt'), /CRC/);
  await assert.rejects(ZipArchive.find(patch(cd, (v, p) => v.setUint32(p + 24, 5, true))).read('a.txt'), MetadataError);
  await assert.rejects(ZipArchive.find(patch(cd, (v, p) => v.setUint32(p + 42, 1 << 20, true))).read('a.txt'), /local header/);
  await assert.rejects(ZipArchive.find(patch(cd, (v, p) => v.setUint16(p + 10, 12, true))).read('a.txt'), /method 12/);
  const broken = zip.slice();
  broken.fill(0xff, 30 + 5, 30 + 5 + 10); // the deflate stream
  await assert.rejects(ZipArchive.find(broken).read('a.txt'), MetadataError);
});

test('metadata: coral MobileNet carries normalization 127.5/127.5 and a packed imagenet_labels.txt', async () => {
  const bytes = new Uint8Array(fs.readFileSync(CORAL_V2));
  const md = readModelMetadata(bytes);
  assert.equal(md.name, 'ImageClassifier');
  assert.deepEqual(md.subgraphs[0].inputs[0].normalization, { mean: [127.5], std: [127.5] });
  const file = md.subgraphs[0].outputs[0].associatedFiles[0];
  assert.deepEqual([file.name, file.type], ['imagenet_labels.txt', 'TENSOR_AXIS_LABELS']);
  const labels = await readModelLabels(bytes, md);
  assert.equal(labels.labels.length, 1001);
  assert.equal(labels.labels[0], 'background');
  assert.deepEqual(labels.labels, parseLabels(fs.readFileSync(path.join(MODELS, 'coral/imagenet_labels.txt'), 'utf8')));
  assert.equal(readModelMetadata(new Uint8Array(fs.readFileSync(FLOAT_MODEL))), null);
  assert.deepEqual(parseLabels('a\r\nb\n\n'), ['a', 'b']);
});

// ---------------------------------------------------------------- classifier

test('ImageClassifier: float model, given labels, top K sorted, background offset', async () => {
  const labels = Array.from({ length: 10 }, (_, i) => `class-${i}`);
  const c = await ImageClassifier.create(FLOAT_MODEL, { labels });
  assert.deepEqual([c.inputHeight, c.inputWidth, c.numClasses], [96, 96, 10]);
  const bytes = new Uint8Array(fs.readFileSync(path.join(IMAGES, 'cat.bmp')));
  const top = await c.classify(bytes, { topK: 3 });
  assert.equal(top.length, 3);
  for (let k = 1; k < top.length; k++) assert.ok(top[k - 1].score >= top[k].score);
  assert.ok(top.every((t) => t.label === `class-${t.index}` && Number.isFinite(t.score)));
  // Decoded pixels give the same answer; all 10 with a large topK.
  const all = c.classifyRgb(await decodeImage(bytes), { topK: 50 });
  assert.equal(all.length, 10);
  assert.deepEqual(all.slice(0, 3), top);
  c.dispose();
  const shifted = await ImageClassifier.create(FLOAT_MODEL, { labels: ['background', ...labels] });
  assert.deepEqual((await shifted.classify(bytes, { topK: 1 }))[0].label, top[0].label);
  await assert.rejects(ImageClassifier.create(FLOAT_MODEL, { labels: labels.slice(1) }), LabelCountError);
  await assert.rejects(shifted.classify(bytes, { topK: 0 }), ClassifierError);
  await assert.rejects(shifted.classify(new Uint8Array([1, 2, 3])), ImageError);
});

test('ImageClassifier: a non-image model is a ClassifierError', async () => {
  await assert.rejects(ImageClassifier.create(path.join(MODELS, 'openwakeword/hey_jarvis_v0.1.tflite')), (e) => {
    assert.ok(e instanceof ClassifierError);
    assert.match(e.message, /expected an RGB image \[1, height, width, 3\]/);
    return true;
  });
});

/** Null when the model runs here; else why not (its quantized kernels are not there yet). */
function unsupportedReason(modelPath) {
  try {
    new Interpreter(new Uint8Array(fs.readFileSync(modelPath))).allocateTensors();
    return null;
  } catch (e) {
    if (e instanceof UnresolvedOpError || e instanceof KernelError) return `needs quantized kernels: ${e.message}`;
    throw e;
  }
}

test('end to end: coral MobileNet v2 quant classifies grace_hopper / cat / bird', async (t) => {
  const reason = unsupportedReason(CORAL_V2);
  if (reason !== null) {
    t.todo(reason);
    return;
  }
  const c = await ImageClassifier.create(CORAL_V2);
  assert.equal(c.labels.length, 1001);
  const expected = { 'grace_hopper.bmp': 'military uniform', 'cat.bmp': 'Egyptian cat', 'bird.bmp': 'chickadee' };
  for (const [file, label] of Object.entries(expected)) {
    const top = await c.classify(new Uint8Array(fs.readFileSync(path.join(IMAGES, file))), { topK: 3 });
    assert.equal(top[0].label, label, `${file}: got ${JSON.stringify(top)}`);
    assert.ok(top[0].score > 0 && top[0].score <= 1);
  }
  const r = cli(CORAL_V2, path.join(IMAGES, 'grace_hopper.bmp'), '--top', '2');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout.split('\n')[0], /^1\. military uniform \(0\.\d\d\)$/);
});

// ---------------------------------------------------------------- CLI

test('CLI classify: output lines and --json', () => {
  const dir = tmpdir();
  const labels = path.join(dir, 'labels.txt');
  fs.writeFileSync(labels, Array.from({ length: 10 }, (_, i) => `thing ${i}`).join('\n') + '\n');
  const img = path.join(dir, 'img.png');
  const rgba = Buffer.alloc(40 * 30 * 4);
  for (let i = 0; i < rgba.length; i++) rgba[i] = (i * 7) & 255;
  fs.writeFileSync(img, PNG.sync.write({ width: 40, height: 30, data: rgba }));
  const r = cli(FLOAT_MODEL, img, '--labels', labels, '--top', '3');
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  assert.equal(lines.length, 3);
  lines.forEach((l, k) => assert.match(l, new RegExp(`^${k + 1}\\. thing \\d \\(-?\\d+\\.\\d\\d\\)$`)));
  const j = cli(FLOAT_MODEL, img, '--labels', labels, '--json');
  assert.equal(j.code, 0, j.stderr);
  const top = JSON.parse(j.stdout).top;
  assert.equal(top.length, 5);
  assert.ok(top.every((t) => Number.isInteger(t.index) && t.label === `thing ${t.index}` && typeof t.score === 'number'));
  const n = cli(FLOAT_MODEL, img, '--top', '1');
  assert.match(n.stdout, /^1\. class \d /);
  fs.rmSync(dir, { recursive: true });
});

test('CLI classify: errors are one line and exit 1; usage errors exit 2', () => {
  const dir = tmpdir();
  const cat = path.join(IMAGES, 'cat.bmp');
  let r = cli(FLOAT_MODEL, path.join(dir, 'missing.bmp'));
  assert.equal(r.code, 1);
  assertOneErrorLine(r.stderr, /cannot read image .*missing\.bmp: ENOENT/);

  const notImage = path.join(dir, 'notes.jpg');
  fs.writeFileSync(notImage, 'not an image at all');
  r = cli(FLOAT_MODEL, notImage);
  assert.equal(r.code, 1);
  assertOneErrorLine(r.stderr, /notes\.jpg: unknown image format/);

  const truncated = path.join(dir, 'trunc.bmp');
  fs.writeFileSync(truncated, fs.readFileSync(cat).subarray(0, 5000));
  r = cli(FLOAT_MODEL, truncated);
  assert.equal(r.code, 1);
  assertOneErrorLine(r.stderr, /BMP: pixel data is truncated/);

  const labels = path.join(dir, 'labels.txt');
  fs.writeFileSync(labels, 'a\nb\nc\n');
  r = cli(FLOAT_MODEL, cat, '--labels', labels);
  assert.equal(r.code, 1);
  assertOneErrorLine(r.stderr, /labels\.txt has 3 lines, but the model has 10 classes/);

  r = cli(path.join(MODELS, 'openwakeword/hey_jarvis_v0.1.tflite'), cat);
  assert.equal(r.code, 1);
  assertOneErrorLine(r.stderr, /expected an RGB image/);

  r = cli(path.join(dir, 'nomodel.tflite'), cat);
  assert.equal(r.code, 1);
  assertOneErrorLine(r.stderr, /cannot read model/);

  r = cli(FLOAT_MODEL);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^error: classify takes a MODEL and an IMAGE\nusage: tflite classify/);
  r = cli(FLOAT_MODEL, cat, '--top', 'x');
  assert.equal(r.code, 2);
  r = cli(FLOAT_MODEL, cat, '--bogus');
  assert.equal(r.code, 2);
  const help = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' });
  assert.match(help.stdout, /tflite classify MODEL IMAGE/);
  fs.rmSync(dir, { recursive: true });
});

test('end to end: tf2 PTQ MobileNet and the iNat bird model agree with LiteRT.js on the photos', async () => {
  const { runOracle } = await import('./harness/oracle.mjs');
  const models = [
    { file: path.join(MODELS, 'coral/tf2_mobilenet_v2_1.0_224_ptq.tflite'), labels: undefined },
    { file: path.join(MODELS, 'coral/mobilenet_v2_1.0_224_inat_bird_quant.tflite'), labels: fs.readFileSync(path.join(MODELS, 'coral/inat_bird_labels.txt'), 'utf8').trimEnd().split('\n') },
  ];
  const jobs = [], ours = [];
  for (const m of models) {
    const c = await ImageClassifier.create(m.file, m.labels ? { labels: m.labels } : {});
    const input = c.interpreter.getInputDetails()[0];
    const output = c.interpreter.getOutputDetails()[0];
    for (const img of ['grace_hopper.bmp', 'cat.bmp', 'bird.bmp']) {
      const top = await c.classify(new Uint8Array(fs.readFileSync(path.join(IMAGES, img))), { topK: 1 });
      const x = c.interpreter.getTensor(input.index);
      ours.push({ name: `${path.basename(m.file)} ${img}`, top, raw: Array.from(c.interpreter.getTensor(output.index)) });
      jobs.push({ runtime: 'litert', bytes: new Uint8Array(fs.readFileSync(m.file)), inputs: [{ dtype: input.dtype, shape: input.shape, values: x }] });
    }
  }
  const refs = runOracle(jobs);
  refs.forEach((r, k) => {
    assert.ok(r.ok, r.error);
    const ref = r.outputs[0].values;
    const refTop = ref.indexOf(Math.max(...ref));
    assert.equal(ours[k].top[0].index, refTop, `${ours[k].name}: top-1 ${ours[k].top[0].label} vs the official runtime's index ${refTop}`);
    assert.deepEqual(ours[k].raw, ref, `${ours[k].name}: scores are bit-exact`);
  });
  assert.equal(ours[5].top[0].label, 'Poecile atricapillus (Black-capped Chickadee)');
});
