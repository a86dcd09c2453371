// SUM: axes (negative, duplicate, empty, scalar, computed), keepDims, ranks 0-6, float32/int32/int64 (wrap-around),
// quantized uint8/int8/int16 (rescaled, saturating), empty input, errors.
import { axesCases, reduceBuilders, H1, S1, U1, U2, U3 } from './_shared/reduce.mjs';

const { c, cq } = reduceBuilders('SUM');
export default [
  ...axesCases(c),
  c('size-1 axis', 'float32', [3, 1, 2], [1], false),
  c('empty axis list is identity', 'float32', [2, 3], [], false),
  c('scalar axis tensor', 'float32', [2, 3, 4], [], true, { axis: { dtype: 'int32', shape: [], constant: true, data: [-2] } }),
  c('rank 5', 'float32', [2, 1, 3, 2, 4], [4, 1], true),
  c('rank 6', 'float32', [2, 2, 1, 3, 2, 2], [0, 3, 5], false),
  c('scalar input', 'float32', [], [0], false),
  c('computed axis', 'float32', [3, 4, 5], [], false, { axis: { dtype: 'int32', shape: [2], data: [2, 0] }, rest: { oracle: 'tfjs-tflite' } }),
  c('computed axis keepDims', 'float32', [3, 4, 5], [], true, { axis: { dtype: 'int32', shape: [1], data: [-2] }, rest: { oracle: 'tfjs-tflite' } }),
  c('large float sum', 'float32', [4, 1000], [1], false, { input: { range: [0, 1000] } }),
  c('int32', 'int32', [4, 7], [1], false, { input: { range: [-20, 20] } }),
  c('int32 wraps around', 'int32', [2, 6], [1], false, { input: { range: [1000000000, 2000000000] } }),
  c('int32 all axes', 'int32', [3, 5, 2], [0, 1, 2], true, { input: { range: [-1000, 1000] } }),
  c('int64', 'int64', [3, 5], [0], false, { input: { range: [-1000, 1000] } }),
  c('int64 keepDims', 'int64', [2, 3, 4], [-1, 0], true, { input: { range: [-7, 7] } }),
  c('empty input gives 0', 'float32', [0, 3], [0], false, { rest: { oracle: 'tfjs-tflite' } }),
  c('empty input int32', 'int32', [2, 0, 2], [1], true, { rest: { oracle: 'tfjs-tflite' } }),
  c('int64 axis tensor', 'int32', [2, 3], [], false, {
    input: { data: [1, 2, 3, 4, 5, 6] }, axis: { dtype: 'int64', shape: [2], constant: true, data: [0, 1] },
    rest: { oracle: 'none', expected: [[21]] },
  }),
  c('error: axis out of range', 'float32', [2, 3], [5], true, { rest: { error: 'out of range' } }),
  c('error: bool input', 'bool', [2, 3], [0], false, { rest: { error: 'bool' } }),
  // Quantized: clamp(round(sum * in_scale/out_scale - in_zp * count * scale) + out_zp) in float32, equal scales included.
  cq('uint8 same params', 'uint8', [3, 4], [1], false, U1, U1, { input: { range: [100, 160] } }),
  cq('uint8 rescaled', 'uint8', [3, 4, 5], [1], false, U1, U3),
  cq('uint8 saturates', 'uint8', [3, 40], [1], false, U1, U2),
  cq('uint8 many outputs', 'uint8', [400, 17], [1], false, { scale: 0.0091, zeroPoint: 37 }, { scale: 0.0423, zeroPoint: 12 }),
  cq('int8 rescaled keepDims', 'int8', [2, 3, 6], [0, 2], true, S1, { scale: 0.2, zeroPoint: 1 }),
  cq('int8 same params', 'int8', [2, 3, 6], [2], false, S1, S1, { input: { range: [-30, 0] } }),
  cq('int8 all axes', 'int8', [2, 3, 6], [0, 1, 2], false, S1, { scale: 0.5, zeroPoint: 0 }),
  cq('int8 many outputs', 'int8', [400, 30], [1], false, { scale: 0.0144, zeroPoint: -77 }, { scale: 0.0713, zeroPoint: 20 }),
  cq('int16 rescaled', 'int16', [2, 3, 6], [1], false, H1, { scale: 0.002, zeroPoint: 0 }),
  cq('int16 same params', 'int16', [2, 3, 6], [1], false, H1, H1, { input: { range: [-3000, 3000] } }),
  cq('int16 saturates', 'int16', [3, 40], [1], false, { scale: 0.01, zeroPoint: 0 }, { scale: 0.012, zeroPoint: 0 }),
  cq('uint8 empty axes rescales', 'uint8', [3, 4], [], false, U1, U3),
  cq('error: int16 zero point', 'int16', [4, 4], [1], false, H1, { scale: 0.001, zeroPoint: 3 }, { rest: { error: 'zero point 0' } }),
];
