// MEAN: axes (negative, duplicate, empty, scalar, computed), keepDims, ranks 0-6, float32/int32/int64, quantized
// uint8/int8/int16 (XNNPACK and TFLite kernel paths), empty input, errors.
const axis = (values, extra = {}) => ({ dtype: 'int32', shape: [values.length], constant: true, data: values, ...extra });
const c = (name, dtype, shape, axes, keepDims, extra = {}) => ({
  name, op: 'MEAN', options: { keepDims }, inputs: [{ dtype, shape, ...(extra.input ?? {}) }, extra.axis ?? axis(axes)], outputs: [{ dtype }], ...extra.rest,
});
// Quantized: input quantization qi, output qo (uint8/int8 full range data unless a range is given).
const cq = (name, dtype, shape, axes, keepDims, qi, qo, extra = {}) => ({
  ...c(name, dtype, shape, axes, keepDims, { ...extra, input: { quant: qi, ...(extra.input ?? {}) } }),
  outputs: [{ dtype, quant: qo }], ...extra.rest,
});
const U1 = { scale: 0.0235, zeroPoint: 131 }, U2 = { scale: 0.0172, zeroPoint: 118 }, U3 = { scale: 0.0731, zeroPoint: 3 };
const S1 = { scale: 0.0349, zeroPoint: -21 }, S2 = { scale: 0.0208, zeroPoint: 6 }, S3 = { scale: 0.1013, zeroPoint: -128 };
const H1 = { scale: 0.000412, zeroPoint: 0 }, H2 = { scale: 0.000307, zeroPoint: 0 };
export default [
  c('4D axes [1,2] keepDims (global pool)', 'float32', [2, 5, 4, 3], [1, 2], true),
  c('4D axes [2,1] keepDims', 'float32', [1, 3, 3, 4], [2, 1], true),
  c('4D axes [1,2] no keepDims', 'float32', [2, 5, 4, 3], [1, 2], false),
  c('last axis', 'float32', [3, 4, 7], [2], false),
  c('last axis negative', 'float32', [3, 4, 7], [-1], true),
  c('axis 0', 'float32', [5, 3], [0], false),
  c('middle axis keepDims', 'float32', [2, 6, 3], [1], true),
  c('negative and duplicate axes', 'float32', [2, 3, 4, 5], [1, -3, 3], false),
  c('all axes to scalar', 'float32', [3, 4, 2], [0, 1, 2], false),
  c('all axes keepDims', 'float32', [3, 4, 2], [2, 0, 1], true),
  c('empty axis list is identity', 'float32', [2, 3], [], false),
  c('scalar axis tensor', 'float32', [2, 3, 4], [], false, { axis: { dtype: 'int32', shape: [], constant: true, data: [1] } }),
  c('rank 5', 'float32', [2, 1, 3, 2, 4], [1, 3], false),
  c('rank 6 keepDims', 'float32', [2, 2, 1, 3, 2, 2], [0, 4, 5], true),
  c('rank 1', 'float32', [9], [0], false),
  c('scalar input', 'float32', [], [0], false),
  c('scalar input keepDims', 'float32', [], [], true),
  c('large sum', 'float32', [1, 32, 32, 8], [1, 2], true, { input: { range: [0, 100] } }),
  c('computed axis', 'float32', [3, 4, 5], [], false, { axis: { dtype: 'int32', shape: [2], data: [0, -1] }, rest: { oracle: 'tfjs-tflite' } }),
  c('computed axis keepDims', 'float32', [3, 4, 5], [], true, { axis: { dtype: 'int32', shape: [1], data: [1] }, rest: { oracle: 'tfjs-tflite' } }),
  c('int32 truncates toward zero', 'int32', [4, 7], [1], false, { input: { range: [-20, 20] } }),
  c('int32 all axes', 'int32', [3, 5, 2], [0, 1, 2], true, { input: { range: [-1000, 1000] } }),
  c('int32 4D [1,2]', 'int32', [1, 3, 3, 2], [1, 2], true, { input: { range: [-50, 50] } }),
  c('int32 large values', 'int32', [2, 8], [1], false, { input: { range: [-2000000000, 2000000000] } }),
  c('int64', 'int64', [3, 5], [0], false, { input: { range: [-1000, 1000] } }),
  c('int64 keepDims', 'int64', [2, 3, 4], [-1, 0], true, { input: { range: [-7, 7] } }),
  c('empty input gives NaN', 'float32', [0, 3], [0], false, { rest: { oracle: 'tfjs-tflite' } }),
  c('empty input all axes', 'float32', [2, 0], [0, 1], true, { rest: { oracle: 'tfjs-tflite' } }),
  c('int64 axis tensor', 'float32', [2, 3], [], false, {
    input: { data: [1, 2, 3, 4, 5, 6] }, axis: { dtype: 'int64', shape: [1], constant: true, data: [1] },
    rest: { oracle: 'none', expected: [[2, 5]] },
  }),
  c('error: axis out of range', 'float32', [2, 3], [2], false, { rest: { error: 'out of range' } }),
  c('error: negative axis out of range', 'float32', [2, 3], [-3], true, { rest: { error: 'out of range' } }),
  c('error: bool input', 'bool', [2, 3], [0], false, { rest: { error: 'bool' } }),
  c('error: float axis', 'float32', [2, 3], [], false, { axis: { dtype: 'float32', shape: [1], constant: true, data: [0] }, rest: { error: 'float32' } }),
  // Quantized. uint8/int8 with constant non-empty axes follow XNNPACK (the official runtime delegates them):
  // round-half-even(sum * s + b) in float32; int16, empty axes and computed axes follow TFLite's kernel.
  cq('uint8 4D [1,2] keepDims', 'uint8', [1, 7, 5, 8], [1, 2], true, U1, U2),
  cq('uint8 4D [2,1] keepDims batch 2', 'uint8', [2, 4, 4, 20], [2, 1], true, U1, U3),
  cq('uint8 4D [1,2] same params', 'uint8', [1, 6, 6, 4], [1, 2], true, U1, U1),
  cq('uint8 4D [1,2] no keepDims', 'uint8', [1, 7, 5, 8], [1, 2], false, U1, U2),
  cq('uint8 last axis', 'uint8', [3, 4, 9], [-1], false, U1, U2),
  cq('uint8 axis 0 same params', 'uint8', [5, 6], [0], true, U1, U1),
  cq('uint8 many outputs', 'uint8', [3, 11, 13, 70], [1, 2], true, U1, { scale: 0.0138, zeroPoint: 7 }),
  cq('int8 4D [1,2] keepDims', 'int8', [1, 7, 5, 8], [1, 2], true, S1, S2),
  cq('int8 4D [1,2] keepDims 32x32', 'int8', [1, 32, 32, 16], [1, 2], true, S1, S2),
  cq('int8 4D negative axes', 'int8', [1, 7, 5, 8], [-3, -2], true, S1, S2),
  cq('int8 4D [1,2] no keepDims (global pool)', 'int8', [1, 12, 12, 32], [1, 2], false, S3, S1),
  cq('int8 all axes', 'int8', [3, 4, 5], [0, 1, 2], false, S1, S2),
  cq('int8 middle axis keepDims', 'int8', [3, 4, 5], [1], true, S1, S3),
  cq('int8 same params', 'int8', [3, 10], [1], false, S1, S1),
  cq('int8 duplicate axes', 'int8', [2, 5, 7, 30], [1, 2, 1], true, S1, S2),
  cq('int8 rank 6', 'int8', [2, 3, 2, 5, 4, 3], [1, 3], false, S1, S2),
  cq('int8 large scale ratio', 'int8', [1, 5, 7, 30], [1, 2], true, S1, { scale: 0.0349 / 255.5, zeroPoint: -5 }, { input: { range: [-23, -19] } }),
  cq('int8 small scale ratio', 'uint8', [1, 16, 16, 30], [1, 2], true, { scale: 0.02, zeroPoint: 0 }, { scale: 5.11, zeroPoint: 3 }),
  cq('int8 empty axes requantizes', 'int8', [3, 4], [], false, S1, S2),
  cq('uint8 empty axes requantizes', 'uint8', [3, 4], [], false, { scale: 0.001, zeroPoint: 128 }, { scale: 0.3, zeroPoint: 100 }),
  cq('int16 4D [1,2] keepDims', 'int16', [1, 7, 5, 8], [1, 2], true, H1, H2),
  cq('int16 4D [1,2] no keepDims', 'int16', [1, 7, 5, 8], [1, 2], false, H1, H2),
  cq('int16 last axis same params', 'int16', [4, 33], [1], false, H1, H1),
  cq('int16 empty axes', 'int16', [3, 4], [], false, H1, { scale: 0.0013, zeroPoint: 0 }),
  cq('empty int8 input gives 0', 'int8', [0, 3], [0], false, S1, S2, { rest: { oracle: 'tfjs-tflite' } }),
  cq('uint8 computed axes 4D keepDims', 'uint8', [1, 7, 5, 40], [], true, U1, U2, { axis: { dtype: 'int32', shape: [2], data: [1, 2] }, rest: { oracle: 'tfjs-tflite' } }),
  // tfjs-tflite's older TFLite computed this general uint8 mean in float (LiteRT.js garbles dynamic uint8 outputs).
  cq('uint8 computed axes no keepDims', 'uint8', [1, 7, 5, 40], [], false, U1, U2, { axis: { dtype: 'int32', shape: [2], data: [1, 2] }, rest: { oracle: 'tfjs-tflite', tolerance: 1 } }),
  cq('int8 computed axes 4D keepDims', 'int8', [1, 7, 5, 40], [], true, S1, S2, { axis: { dtype: 'int32', shape: [2], data: [2, 1] }, rest: { oracle: 'tfjs-tflite' } }),
  cq('int8 computed last axis', 'int8', [4, 5, 40], [], false, S1, S2, { axis: { dtype: 'int32', shape: [1], data: [2] }, rest: { oracle: 'tfjs-tflite' } }),
  cq('error: int16 zero point', 'int16', [4, 4], [1], false, { scale: 0.001, zeroPoint: 3 }, H1, { rest: { error: 'zero point 0' } }),
];
