// Case generators shared by ARG_MAX and ARG_MIN: axis (int32/int64, negative, computed), output_type int32/int64,
// float32/int32/uint8/int8/bool inputs, ties keep the first index, ranks 1-5, errors.
const axis = (v, dtype = 'int32') => ({ dtype, shape: [1], constant: true, data: [v] });

/** The table of `op` ('ARG_MAX' or 'ARG_MIN'). */
export function argMinMaxCases(op) {
  const c = (name, dtype, shape, ax, extra = {}) => ({
    name, op, options: { outputType: extra.outputType ?? 2 },
    inputs: [{ dtype, shape, ...(extra.input ?? {}) }, extra.axis ?? axis(ax)],
    outputs: [{ dtype: (extra.outputType ?? 2) === 4 ? 'int64' : 'int32' }], ...extra.rest,
  });
  return [
    c('last axis', 'float32', [3, 7], 1),
    c('axis 0', 'float32', [5, 4], 0),
    c('middle axis rank 3', 'float32', [2, 6, 3], 1),
    c('negative axis', 'float32', [2, 3, 4], -1),
    c('negative axis -3', 'float32', [2, 3, 4], -3),
    c('rank 1', 'float32', [9], 0),
    c('rank 4 axis 3', 'float32', [2, 3, 3, 5], 3),
    c('rank 5', 'float32', [2, 1, 3, 2, 4], 2),
    c('size-1 axis', 'float32', [3, 1, 2], 1),
    c('ties keep the first index', 'float32', [2, 6], 1, { input: { data: [1, 3, 3, 0, 3, -1, 2, 2, 2, 2, 2, 2] } }),
    c('ties along axis 0', 'int32', [4, 3], 0, { input: { data: [1, 5, 0, 7, 5, 0, 7, 2, 0, 3, 5, 0] } }),
    c('int32', 'int32', [4, 6], 1, { input: { range: [-1000, 1000] } }),
    c('uint8', 'uint8', [3, 10], -1),
    c('int8', 'int8', [10, 3], 0),
    c('bool', 'bool', [3, 5], 1),
    c('int64 output', 'float32', [3, 7], 1, { outputType: 4 }),
    c('int64 output, int32 input', 'int32', [4, 5], 0, { outputType: 4 }),
    c('int64 axis tensor', 'float32', [3, 7], 0, { axis: axis(1, 'int64') }),
    c('scalar axis tensor', 'float32', [3, 4], 0, { axis: { dtype: 'int32', shape: [], constant: true, data: [1] } }),
    c('computed axis', 'float32', [3, 4, 5], 0, { axis: { dtype: 'int32', shape: [1], data: [1] }, rest: { oracle: 'tfjs-tflite' } }),
    c('error: axis out of range', 'float32', [3, 4], 2, { rest: { error: 'out of range' } }),
    c('error: two axis values', 'float32', [3, 4], 0, { axis: { dtype: 'int32', shape: [2], constant: true, data: [0, 1] }, rest: { error: 'one value' } }),
    c('error: float output_type', 'float32', [3, 4], 0, { rest: { options: { outputType: 0 }, error: 'output_type' } }),
    c('error: int16 input', 'int16', [3, 4], 0, { rest: { error: 'int16' } }),
    c('error: scalar input', 'float32', [], 0, { rest: { error: 'rank' } }),
    // Quantized inputs compare raw values (the scale is positive, so the order is the real one).
    c('uint8 quantized, int64 output (segmentation map)', 'uint8', [1, 9, 11, 21], 3, { outputType: 4, input: { quant: { scale: 0.1886, zeroPoint: 34 } } }),
    c('uint8 quantized, int32 output, axis 1', 'uint8', [2, 12, 5], 1, { input: { quant: { scale: 0.0123, zeroPoint: 0 } } }),
    c('int8 quantized, int32 output', 'int8', [1, 4, 3, 17], -1, { input: { quant: { scale: 0.002, zeroPoint: -128 } } }),
    c('int8 quantized, int64 output, axis 0', 'int8', [6, 2, 3], 0, { outputType: 4, input: { quant: { scale: 0.5, zeroPoint: 3 } } }),
  ];
}
