// REDUCE_PROD: axes (negative, duplicate, empty, computed), keepDims, ranks 0-6, float32/int32 (wrap-around)/int64, empty input, errors.
const axis = (values) => ({ dtype: 'int32', shape: [values.length], constant: true, data: values });
const c = (name, dtype, shape, axes, keepDims, extra = {}) => ({
  name, op: 'REDUCE_PROD', options: { keepDims }, inputs: [{ dtype, shape, range: dtype === 'float32' ? [0.5, 1.5] : [-4, 5], ...(extra.input ?? {}) }, extra.axis ?? axis(axes)], outputs: [{ dtype }], ...extra.rest,
});
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
];
