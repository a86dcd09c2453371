// REDUCE_ANY: bool only; axes (negative, duplicate, empty, computed), keepDims, ranks 0-5, empty input, errors.
const axis = (values) => ({ dtype: 'int32', shape: [values.length], constant: true, data: values });
const c = (name, shape, axes, keepDims, extra = {}) => ({
  name, op: 'REDUCE_ANY', options: { keepDims }, inputs: [{ dtype: 'bool', shape, ...(extra.input ?? {}) }, extra.axis ?? axis(axes)], outputs: [{ dtype: 'bool' }], ...extra.rest,
});
export default [
  c('last axis', [3, 4, 5], [2], false),
  c('axis 0 keepDims', [5, 3], [0], true),
  c('mostly false', [6, 4], [1], false, { input: { data: [0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0] } }),
  c('negative and duplicate axes', [2, 3, 4], [-1, 0, 2], false),
  c('all axes', [3, 2, 2], [0, 1, 2], true),
  c('empty axis list is identity', [2, 3], [], false),
  c('rank 5', [2, 1, 3, 2, 2], [4, 1], true),
  c('scalar input', [], [0], false),
  c('computed axis', [3, 4, 2], [], false, { axis: { dtype: 'int32', shape: [1], data: [1] }, rest: { oracle: 'tfjs-tflite' } }),
  c('empty input gives false', [0, 3], [0], false, { rest: { oracle: 'tfjs-tflite' } }),
  c('error: float input', [2, 3], [0], false, { rest: { inputs: [{ dtype: 'float32', shape: [2, 3] }, axis([0])], outputs: [{ dtype: 'float32' }], error: 'float32' } }),
  c('error: axis out of range', [2, 3], [3], false, { rest: { error: 'out of range' } }),
];
