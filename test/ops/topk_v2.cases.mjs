// TOPK_V2: k (constant, computed, 0, full row), ranks 1-4, ties in index order, float32/uint8/int8/int16/int32/int64, errors.
const kT = (k) => ({ dtype: 'int32', shape: [], constant: true, data: [k] });
const c = (name, dtype, shape, k, extra = {}) => ({
  name, op: 'TOPK_V2', inputs: [{ dtype, shape, ...(extra.input ?? {}) }, extra.k ?? kT(k)],
  outputs: [{ dtype }, { dtype: 'int32' }], ...extra.rest,
});
export default [
  c('rank 1', 'float32', [10], 3),
  c('rank 2', 'float32', [4, 9], 4),
  c('rank 3', 'float32', [2, 3, 8], 2),
  c('rank 4', 'float32', [2, 2, 2, 6], 5),
  c('k = 1', 'float32', [5, 7], 1),
  c('k = full row sorts', 'float32', [3, 6], 6),
  c('ties in index order', 'float32', [2, 8], 5, { input: { data: [3, 1, 3, 2, 3, 1, 0, 2, 5, 5, 5, 5, 5, 5, 5, 5] } }),
  c('ties int32', 'int32', [12], 7, { input: { data: [4, 4, 1, 9, 4, 9, 0, 1, 1, 9, 4, 0] } }),
  c('uint8', 'uint8', [3, 20], 6),
  c('int8', 'int8', [2, 16], 4),
  c('int16', 'int16', [2, 10], 3),
  c('int32', 'int32', [3, 10], 4, { input: { range: [-1000, 1000] } }),
  c('int64', 'int64', [2, 10], 3, { input: { range: [-1000, 1000] } }),
  c('1-element vector k', 'float32', [3, 6], 0, { k: { dtype: 'int32', shape: [1], constant: true, data: [2] } }),
  c('computed k', 'float32', [3, 6], 0, { k: { dtype: 'int32', shape: [], data: [2] }, rest: { oracle: 'tfjs-tflite' } }),
  c('k = 0', 'float32', [3, 6], 0, { rest: { oracle: 'none', expected: [[], []], expectedShapes: [[3, 0], [3, 0]] } }),
  c('error: k larger than the row', 'float32', [3, 6], 7, { rest: { error: 'outside' } }),
  c('error: negative k', 'float32', [3, 6], -1, { rest: { error: 'outside' } }),
  c('error: scalar input', 'float32', [], 1, { rest: { error: 'rank' } }),
  c('error: bool input', 'bool', [3, 4], 1, { rest: { error: 'bool' } }),
  c('error: float k', 'float32', [3, 4], 1, { k: { dtype: 'float32', shape: [], constant: true, data: [1] }, rest: { error: 'float32' } }),
];
