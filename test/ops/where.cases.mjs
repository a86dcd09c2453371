// WHERE (one input): coordinates of true / non-zero elements for bool, float32, int32, int64,
// uint8 and int8 conditions of rank 0-4, all-false, constant condition.
const x = (dtype, shape, extra = {}) => ({ dtype, shape, ...extra });
const out = [{ dtype: 'int64' }];
export default [
  { name: 'bool 1-D', op: 'WHERE', inputs: [x('bool', [8])], outputs: out },
  { name: 'bool 2-D', op: 'WHERE', inputs: [x('bool', [3, 4])], outputs: out },
  { name: 'bool 3-D', op: 'WHERE', inputs: [x('bool', [2, 3, 2])], outputs: out },
  { name: 'bool 4-D', op: 'WHERE', inputs: [x('bool', [2, 2, 2, 3])], outputs: out },
  { name: 'all false', oracle: 'tfjs-tflite', op: 'WHERE', inputs: [x('bool', [2, 3], { data: [0, 0, 0, 0, 0, 0] })], outputs: out },
  { name: 'all true', op: 'WHERE', inputs: [x('bool', [2, 2], { data: [1, 1, 1, 1] })], outputs: out },
  // Neither oracle runs scalar conditions (zero-size output); TF gives shape [1, 0] / [0, 0].
  { name: 'scalar true', op: 'WHERE', inputs: [x('bool', [], { data: [1] })], outputs: out, expected: [[]], expectedShapes: [[1, 0]] },
  { name: 'scalar false', op: 'WHERE', inputs: [x('bool', [], { data: [0] })], outputs: out, expected: [[]], expectedShapes: [[0, 0]] },
  { name: 'float32 NaN is true, -0 false', op: 'WHERE', inputs: [x('float32', [4], { constant: true, data: [NaN, 0, -0, 1] })], outputs: out },
  { name: 'float32 non-zero', op: 'WHERE', inputs: [x('float32', [2, 4], { data: [0, 1.5, -0, 0, -2, 0, 0.001, 0] })], outputs: out },
  { name: 'int32 non-zero', op: 'WHERE', inputs: [x('int32', [3, 3], { range: [0, 3] })], outputs: out },
  { name: 'int64 non-zero', op: 'WHERE', inputs: [x('int64', [6], { data: [0, 7, 0, -3, 0, 1] })], outputs: out },
  { name: 'uint8 non-zero', op: 'WHERE', inputs: [x('uint8', [2, 3], { range: [0, 2] })], outputs: out },
  { name: 'int8 non-zero', op: 'WHERE', inputs: [x('int8', [5], { data: [0, -1, 0, 3, 0] })], outputs: out },
  { name: 'constant condition', op: 'WHERE', inputs: [x('bool', [2, 3], { constant: true, data: [1, 0, 0, 1, 1, 0] })], outputs: out },
  { name: 'error: int16 condition', op: 'WHERE', inputs: [x('int16', [3])], outputs: out, error: 'has type int16' },
  { name: 'error: x and y inputs', op: 'WHERE', inputs: [x('bool', [2]), x('float32', [2]), x('float32', [2])], outputs: [{ dtype: 'float32' }], error: 'expected 1 input' },
];
