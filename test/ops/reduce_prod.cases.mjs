// REDUCE_PROD: axes (negative, duplicate, empty, computed), keepDims, ranks 0-6, float32/int32 (wrap-around)/int64,
// quantized int8/int16, unquantized int8, empty input, errors.
import { reduceBuilders, S1, U1, U2 } from './_shared/reduce.mjs';

const { c, cq } = reduceBuilders('REDUCE_PROD', (dtype) => ({ range: dtype === 'float32' ? [0.5, 1.5] : [-4, 5] }));
export default [
  c('last axis', 'float32', [3, 4, 7], [2], false),
  c('axis 0 keepDims', 'float32', [5, 3], [0], true),
  c('signed values', 'float32', [4, 6], [1], false, { input: { range: [-2, 2] } }),
  c('negative and duplicate axes', 'float32', [2, 3, 4, 5], [-1, 1, 3], false),
  c('all axes (reduce-all path)', 'float32', [3, 4, 2], [0, 1, 2], false),
  c('all axes keepDims', 'float32', [3, 2, 2], [2, 0, -2], true),
  c('empty axis list is identity', 'float32', [2, 3], [], false),
  c('rank 5', 'float32', [2, 1, 3, 2, 4], [4, 1], true),
  c('rank 6', 'float32', [2, 2, 1, 3, 2, 2], [0, 3, 5], false),
  c('scalar input', 'float32', [], [0], false),
  c('computed axis', 'float32', [3, 4, 5], [], false, { axis: { dtype: 'int32', shape: [1], data: [1] }, rest: { oracle: 'tfjs-tflite' } }),
  c('int32', 'int32', [4, 5], [1], false),
  c('int32 wraps around', 'int32', [2, 8], [1], false, { input: { range: [1000, 100000] } }),
  c('int32 all axes', 'int32', [2, 3, 2], [0, 1, 2], true),
  c('int64', 'int64', [3, 5], [0], false),
  c('int64 keepDims', 'int64', [2, 3, 4], [-1, 0], true),
  c('empty input gives 1', 'float32', [0, 3], [0, 1], false, { rest: { oracle: 'tfjs-tflite' } }),
  c('error: axis out of range', 'float32', [2, 3], [-4], false, { rest: { error: 'out of range' } }),
  c('error: bool input', 'bool', [2, 3], [0], false, { rest: { error: 'bool' } }),
  // Quantized int8/int16: each partial product rescaled by in_scale / out_scale^(1/n). uint8 is refused.
  cq('int8 quantized', 'int8', [3, 4], [1], false, S1, { scale: 0.01, zeroPoint: 2 }, { input: { range: [-128, 128] } }),
  cq('int8 quantized all axes', 'int8', [2, 3], [0, 1], false, { scale: 0.05, zeroPoint: 3 }, { scale: 0.3, zeroPoint: -7 }, { input: { range: [-128, 128] } }),
  cq('int8 quantized axis 0 keepDims', 'int8', [3, 5], [0], true, S1, { scale: 0.002, zeroPoint: 0 }, { input: { range: [-128, 128] } }),
  cq('int8 quantized many outputs', 'int8', [200, 4], [1], false, { scale: 0.02, zeroPoint: 5 }, { scale: 0.0009, zeroPoint: -3 }, { input: { range: [-128, 128] } }),
  cq('int16 quantized', 'int16', [3, 4], [1], false, { scale: 0.0001, zeroPoint: 0 }, { scale: 0.00001, zeroPoint: 0 }, { input: { range: [-12000, 12000] } }),
  c('int8 unquantized wraps', 'int8', [3, 4], [1], false),
  cq('error: quantized uint8', 'uint8', [3, 4], [1], false, U1, U2, { rest: { error: 'uint8' } }),
];
