// RESIZE_BILINEAR: up/down/mixed sizes, align_corners, half_pixel_centers, 2x (the float fast path),
// float32, uint8 (float math, round half up; the x8 half-pixel path), int8/int16 (10-bit fixed point),
// quantized uint8/int8 (XNNPACK's 11-bit kernel, which the official runtime delegates them to; TFLite's
// kernels for a computed size), quantized int16, computed size, errors.
const size = (h, w) => ({ dtype: 'int32', shape: [2], constant: true, data: [h, w] });
const c = (name, dtype, shape, hw, opts = {}, extra = {}) => ({
  name, op: 'RESIZE_BILINEAR', options: { alignCorners: false, halfPixelCenters: false, ...opts },
  inputs: [{ dtype, shape, ...(extra.input ?? {}) }, extra.size ?? size(...hw)], outputs: [{ dtype }], ...extra.rest,
});
const A = { alignCorners: true };
const H = { halfPixelCenters: true };
const QU = { scale: 0.0235, zeroPoint: 131 }, QS = { scale: 0.0349, zeroPoint: -21 }, QH = { scale: 0.000412, zeroPoint: 0 };
// A quantized case: input and output share `quant`.
const cq = (name, dtype, shape, hw, opts, quant, extra = {}) => ({
  ...c(name, dtype, shape, hw, opts, { ...extra, input: { quant } }), outputs: [{ dtype, quant }], ...extra.rest,
});
export default [
  c('upsample', 'float32', [1, 3, 4, 2], [5, 7]),
  c('2x upsample (fast path)', 'float32', [2, 3, 3, 3], [6, 6]),
  c('downsample', 'float32', [1, 8, 6, 3], [3, 4]),
  c('mixed up and down', 'float32', [1, 5, 3, 1], [2, 8]),
  c('align corners', 'float32', [1, 3, 4, 2], [5, 7], A),
  c('align corners 2x', 'float32', [1, 3, 3, 2], [6, 6], A),
  c('align corners downsample', 'float32', [1, 7, 5, 2], [3, 2], A),
  c('align corners to 1x1', 'float32', [1, 3, 3, 1], [1, 1], A),
  c('half pixel centers', 'float32', [1, 3, 4, 2], [5, 7], H),
  c('half pixel centers 2x', 'float32', [2, 4, 4, 3], [8, 8], H),
  c('half pixel centers downsample', 'float32', [1, 9, 7, 2], [4, 3], H),
  c('same size', 'float32', [1, 4, 4, 2], [4, 4]),
  c('1x1 input', 'float32', [1, 1, 1, 3], [3, 2], H),
  c('batch 3, 5 channels', 'float32', [3, 4, 5, 5], [7, 3]),
  c('uint8', 'uint8', [1, 3, 4, 3], [5, 7]),
  c('uint8 align corners', 'uint8', [2, 4, 3, 2], [7, 5], A),
  c('uint8 half pixel', 'uint8', [1, 4, 4, 3], [9, 6], H),
  c('uint8 downsample', 'uint8', [1, 9, 9, 2], [4, 5], H),
  c('uint8 x8 half pixel, depth 8', 'uint8', [1, 2, 3, 8], [16, 24], H),
  c('uint8 x8 half pixel, depth 16, batch 2', 'uint8', [2, 3, 2, 16], [24, 16], H),
  c('int8', 'int8', [1, 3, 4, 3], [5, 7]),
  c('int8 align corners', 'int8', [1, 4, 3, 2], [7, 5], A),
  c('int8 half pixel', 'int8', [2, 4, 4, 3], [9, 6], H),
  c('int8 half pixel downsample', 'int8', [1, 9, 9, 2], [4, 5], H),
  c('int16', 'int16', [1, 3, 4, 2], [5, 7], H),
  c('int16 align corners', 'int16', [1, 3, 4, 2], [6, 3], A),
  c('computed size', 'float32', [1, 3, 4, 2], [0, 0], {}, { size: { dtype: 'int32', shape: [2], data: [5, 6] }, rest: { oracle: 'tfjs-tflite' } }),
  c('error: align corners with half pixel', 'float32', [1, 3, 3, 1], [5, 5], { ...A, ...H }, { rest: { error: 'half_pixel_centers' } }),
  c('error: zero size', 'float32', [1, 3, 3, 1], [0, 5], {}, { rest: { error: 'positive' } }),
  c('error: 3-D input', 'float32', [3, 3, 1], [5, 5], {}, { rest: { error: '4-D' } }),
  c('error: size with 3 values', 'float32', [1, 3, 3, 1], [5, 5], {}, { size: { dtype: 'int32', shape: [3], constant: true, data: [5, 5, 1] }, rest: { error: 'shape [2]' } }),
  c('error: int64 size', 'float32', [1, 3, 3, 1], [5, 5], {}, { size: { dtype: 'int64', shape: [2], constant: true, data: [5, 5] }, rest: { error: 'int64' } }),
  c('error: int32 input', 'int32', [1, 3, 3, 1], [5, 5], {}, { rest: { error: 'int32' } }),
  cq('uint8 quantized', 'uint8', [1, 5, 7, 16], [13, 17], {}, QU),
  cq('uint8 quantized align corners, batch 2', 'uint8', [2, 5, 4, 8], [11, 9], A, QU),
  cq('uint8 quantized half pixel', 'uint8', [1, 6, 6, 8], [17, 20], H, QU),
  cq('uint8 quantized x8 half pixel', 'uint8', [1, 5, 5, 3], [40, 40], H, QU),
  cq('uint8 quantized 33x33 to 257x257 align corners (deeplab)', 'uint8', [1, 33, 33, 3], [257, 257], A, QU),
  cq('uint8 quantized downsample half pixel', 'uint8', [1, 19, 17, 4], [7, 5], H, QU),
  cq('uint8 quantized to 1x1 align corners', 'uint8', [1, 4, 5, 3], [1, 1], A, QU),
  cq('uint8 quantized from 1x1', 'uint8', [1, 1, 1, 5], [3, 4], H, QU),
  cq('int8 quantized', 'int8', [1, 5, 7, 16], [13, 17], {}, QS),
  cq('int8 quantized align corners', 'int8', [2, 5, 4, 8], [11, 9], A, QS),
  cq('int8 quantized half pixel', 'int8', [1, 6, 6, 8], [17, 20], H, QS),
  cq('int8 quantized x2 half pixel', 'int8', [1, 16, 16, 21], [32, 32], H, QS),
  cq('int8 quantized downsample', 'int8', [1, 19, 17, 4], [7, 5], {}, QS),
  cq('int16 quantized', 'int16', [1, 5, 7, 16], [13, 17], {}, QH),
  cq('int16 quantized half pixel', 'int16', [1, 6, 6, 8], [17, 20], H, QH),
  cq('uint8 quantized computed size', 'uint8', [1, 3, 4, 3], [0, 0], {}, QU, { size: { dtype: 'int32', shape: [2], data: [5, 7] }, rest: { oracle: 'tfjs-tflite' } }),
  cq('int8 quantized computed size half pixel', 'int8', [1, 4, 4, 3], [0, 0], H, QS, { size: { dtype: 'int32', shape: [2], data: [9, 6] }, rest: { oracle: 'tfjs-tflite' } }),
];
