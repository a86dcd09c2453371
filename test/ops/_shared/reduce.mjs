// Case builders shared by the reductions with an axis tensor (SUM, MEAN, REDUCE_PROD, REDUCE_MAX, REDUCE_MIN),
// and the table REDUCE_MAX and REDUCE_MIN share.
export const axis = (values, extra = {}) => ({ dtype: 'int32', shape: [values.length], constant: true, data: values, ...extra });

/**
 * The case builders of `op`. `c(name, dtype, shape, axes, keepDims, extra)`: `extra.input` is added to the input
 * (after `inputDefaults(dtype)`), `extra.axis` replaces the constant `axis(axes)`, `extra.rest` is added to the case.
 * `cq(name, dtype, shape, axes, keepDims, qi, qo, extra)`: quantized, input quantization qi, output qo
 * (uint8/int8 full range data unless a range is given).
 */
export function reduceBuilders(op, inputDefaults = () => ({})) {
  const c = (name, dtype, shape, axes, keepDims, extra = {}) => ({
    name, op, options: { keepDims }, inputs: [{ dtype, shape, ...inputDefaults(dtype), ...(extra.input ?? {}) }, extra.axis ?? axis(axes)], outputs: [{ dtype }], ...extra.rest,
  });
  const cq = (name, dtype, shape, axes, keepDims, qi, qo, extra = {}) => ({
    ...c(name, dtype, shape, axes, keepDims, { ...extra, input: { quant: qi, ...(extra.input ?? {}) } }),
    outputs: [{ dtype, quant: qo }], ...extra.rest,
  });
  return { c, cq };
}

/** float32 reductions over one, several (negative, duplicate) and all axes, with and without keepDims. */
export const axesCases = (c) => [
  c('last axis', 'float32', [3, 4, 7], [2], false),
  c('axis 0 keepDims', 'float32', [5, 3], [0], true),
  c('4D axes [1,2] keepDims', 'float32', [2, 5, 4, 3], [1, 2], true),
  c('non-adjacent axes', 'float32', [2, 3, 4, 5], [0, 2], false),
  c('negative and duplicate axes', 'float32', [2, 3, 4, 5], [-1, 1, 3, -3], false),
  c('all axes to scalar', 'float32', [3, 4, 2], [0, 1, 2], false),
  c('all axes keepDims', 'float32', [3, 4, 2], [2, 0, 1], true),
];

// Quantization parameters: uint8 U*, int8 S*, int16 H*.
export const U1 = { scale: 0.0235, zeroPoint: 131 }, U2 = { scale: 0.0172, zeroPoint: 118 }, U3 = { scale: 0.0731, zeroPoint: 3 };
export const S1 = { scale: 0.0349, zeroPoint: -21 }, S2 = { scale: 0.0208, zeroPoint: 6 }, S3 = { scale: 0.1013, zeroPoint: -128 };
export const H1 = { scale: 0.000412, zeroPoint: 0 }, H2 = { scale: 0.000307, zeroPoint: 0 };

/**
 * The table of REDUCE_MAX or REDUCE_MIN: axes (negative, duplicate, empty, computed), keepDims, ranks 0-6,
 * float32/int32/int64/uint8/int8/int16, infinities (`infinities`: the data of that constant [2, 3] input),
 * empty input (the neutral element), errors.
 */
export function reduceMinMaxCases(op, infinities) {
  const { c, cq } = reduceBuilders(op);
  return [
    ...axesCases(c),
    c('empty axis list is identity', 'float32', [2, 3], [], false),
    c('rank 5', 'float32', [2, 1, 3, 2, 4], [4, 1], true),
    c('rank 6', 'float32', [2, 2, 1, 3, 2, 2], [0, 3, 5], false),
    c('scalar input', 'float32', [], [0], false),
    c('computed axis', 'float32', [3, 4, 5], [], false, { axis: { dtype: 'int32', shape: [2], data: [2, 0] }, rest: { oracle: 'tfjs-tflite' } }),
    // Constant input: the oracle's JSON transport cannot carry infinities; all-infinite rows give ∓FLT_MAX.
    c('infinities', 'float32', [2, 3], [1], false, { input: { constant: true, data: infinities } }),
    c('int32', 'int32', [4, 7], [1], false, { input: { range: [-2000000000, 2000000000] } }),
    c('int64', 'int64', [3, 5], [0], true, { input: { range: [-1000, 1000] } }),
    c('uint8', 'uint8', [2, 3, 4], [0, 2], false),
    c('int8', 'int8', [3, 8], [-1], true),
    c('int16', 'int16', [5, 2], [0], false),
    c('uint8 quantized, same scale', 'uint8', [4, 4], [1], false, { input: { quant: { scale: 0.5, zeroPoint: 10 } }, rest: { outputs: [{ dtype: 'uint8', quant: { scale: 0.5, zeroPoint: 10 } }] } }),
    c('empty input gives the neutral element', 'float32', [0, 3], [0], false, { rest: { oracle: 'tfjs-tflite' } }),
    c('empty input int32', 'int32', [2, 0], [1], true, { rest: { oracle: 'tfjs-tflite' } }),
    c('error: quantization differs', 'int8', [4, 4], [1], false, { input: { quant: { scale: 0.5, zeroPoint: 1 } }, rest: { outputs: [{ dtype: 'int8', quant: { scale: 0.25, zeroPoint: 1 } }], error: 'same scale' } }),
    c('error: axis out of range', 'float32', [2, 3], [2], false, { rest: { error: 'out of range' } }),
    c('error: bool input', 'bool', [2, 3], [0], false, { rest: { error: 'bool' } }),
    cq('int8 quantized', 'int8', [3, 4, 2], [1], false, S1, S1),
    cq('uint8 quantized keepDims', 'uint8', [3, 4, 2], [0, 2], true, U1, U1),
    cq('int16 quantized', 'int16', [3, 4, 2], [-1], false, H1, H1),
    cq('error: int16 zero point', 'int16', [4, 4], [1], false, { scale: 0.001, zeroPoint: 3 }, { scale: 0.001, zeroPoint: 3 }, { rest: { error: 'zero point 0' } }),
  ];
}
