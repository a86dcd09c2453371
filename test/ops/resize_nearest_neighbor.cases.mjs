// RESIZE_NEAREST_NEIGHBOR: up/down/mixed sizes, align_corners, half_pixel_centers (and both),
// float32/uint8/int8/int16, batches, computed size, errors.
import { resizeBuilders, A, H, QU, QS, QH } from './_shared/resize.mjs';

// Quantized cases (cq) copy the values.
const { c, cq } = resizeBuilders('RESIZE_NEAREST_NEIGHBOR');
export default [
  c('upsample', 'float32', [1, 3, 4, 2], [5, 7]),
  c('2x upsample', 'float32', [2, 3, 3, 3], [6, 6]),
  c('downsample', 'float32', [1, 8, 6, 3], [3, 4]),
  c('mixed up and down', 'float32', [1, 5, 3, 1], [2, 8]),
  c('align corners', 'float32', [1, 3, 4, 2], [5, 7], A),
  c('align corners downsample', 'float32', [1, 7, 5, 2], [3, 2], A),
  c('align corners to 1x1', 'float32', [1, 3, 3, 1], [1, 1], A),
  c('half pixel centers', 'float32', [1, 3, 4, 2], [5, 7], H),
  c('half pixel centers downsample', 'float32', [1, 9, 7, 2], [4, 3], H),
  c('align corners and half pixel centers', 'float32', [1, 4, 5, 2], [7, 3], { ...A, ...H }),
  c('same size', 'float32', [1, 4, 4, 2], [4, 4]),
  c('batch 3, 5 channels', 'float32', [3, 4, 5, 5], [7, 3], H),
  c('uint8', 'uint8', [1, 3, 4, 3], [5, 7]),
  c('uint8 align corners', 'uint8', [2, 4, 3, 2], [7, 5], A),
  c('uint8 half pixel', 'uint8', [1, 4, 4, 3], [9, 6], H),
  c('int8', 'int8', [1, 3, 4, 3], [5, 7], H),
  c('int8 align corners', 'int8', [1, 4, 3, 2], [2, 5], A),
  c('int16', 'int16', [1, 3, 4, 2], [5, 7]),
  c('computed size', 'float32', [1, 3, 4, 2], [0, 0], {}, { size: { dtype: 'int32', shape: [2], data: [5, 6] }, rest: { oracle: 'tfjs-tflite' } }),
  c('error: negative size', 'float32', [1, 3, 3, 1], [-1, 5], {}, { rest: { error: 'non-negative' } }),
  c('error: 5-D input', 'float32', [1, 1, 3, 3, 1], [5, 5], {}, { rest: { error: '4-D' } }),
  c('error: size with 1 value', 'float32', [1, 3, 3, 1], [5, 5], {}, { size: { dtype: 'int32', shape: [1], constant: true, data: [5] }, rest: { error: 'shape [2]' } }),
  c('error: int32 input', 'int32', [1, 3, 3, 1], [5, 5], {}, { rest: { error: 'int32' } }),
  cq('uint8 quantized', 'uint8', [1, 5, 7, 16], [13, 17], {}, QU),
  cq('uint8 quantized align corners', 'uint8', [2, 5, 4, 8], [11, 9], A, QU),
  cq('int8 quantized half pixel', 'int8', [1, 6, 6, 8], [17, 20], H, QS),
  cq('int8 quantized downsample', 'int8', [1, 19, 17, 4], [7, 5], H, QS),
  cq('int16 quantized', 'int16', [1, 5, 7, 6], [13, 17], A, QH),
];
