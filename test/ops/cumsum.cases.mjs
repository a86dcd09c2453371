// CUMSUM: axis (negative, computed), exclusive, reverse, ranks 1-5, float32/int32 (wrap-around)/int64, errors.
const axis = (v) => ({ dtype: 'int32', shape: [], constant: true, data: [v] });
const c = (name, dtype, shape, ax, exclusive, reverse, extra = {}) => ({
  name, op: 'CUMSUM', options: { exclusive, reverse },
  inputs: [{ dtype, shape, ...(extra.input ?? {}) }, extra.axis ?? axis(ax)], outputs: [{ dtype }], ...extra.rest,
});
export default [
  c('rank 1', 'float32', [8], 0, false, false),
  c('last axis', 'float32', [3, 7], 1, false, false),
  c('axis 0', 'float32', [5, 4], 0, false, false),
  c('exclusive', 'float32', [3, 6], 1, true, false),
  c('reverse', 'float32', [3, 6], 1, false, true),
  c('exclusive reverse', 'float32', [3, 6], 1, true, true),
  c('middle axis rank 3', 'float32', [2, 5, 3], 1, false, false),
  c('middle axis exclusive reverse', 'float32', [2, 5, 3], 1, true, true),
  c('negative axis', 'float32', [2, 3, 4], -1, false, true),
  c('negative axis -3', 'float32', [2, 3, 4], -3, true, false),
  c('rank 4', 'float32', [2, 3, 4, 2], 2, false, false),
  c('rank 5', 'float32', [2, 1, 3, 2, 4], 3, true, false),
  c('size-1 axis', 'float32', [3, 1, 2], 1, true, false),
  c('long float sum', 'float32', [2, 1000], 1, false, false, { input: { range: [0, 100] } }),
  c('int32', 'int32', [3, 6], 1, false, false, { input: { range: [-100, 100] } }),
  c('int32 exclusive reverse', 'int32', [4, 5], 0, true, true, { input: { range: [-100, 100] } }),
  c('int32 wraps around', 'int32', [8], 0, false, false, { input: { range: [1000000000, 2000000000] } }),
  c('int64', 'int64', [3, 6], 1, false, true, { input: { range: [-1000, 1000] } }),
  c('int64 exclusive', 'int64', [5, 2], 0, true, false, { input: { range: [-1000, 1000] } }),
  c('axis as 1-element vector', 'float32', [3, 4], 0, false, false, { axis: { dtype: 'int32', shape: [1], constant: true, data: [1] } }),
  c('computed axis', 'float32', [3, 4], 0, false, false, { axis: { dtype: 'int32', shape: [], data: [1] } }),
  c('error: axis out of range', 'float32', [3, 4], 2, false, false, { rest: { error: 'out of range' } }),
  c('error: int64 axis', 'float32', [3, 4], 0, false, false, { axis: { dtype: 'int64', shape: [], constant: true, data: [0] }, rest: { error: 'int64' } }),
  c('error: scalar input', 'float32', [], 0, false, false, { rest: { error: 'rank' } }),
  c('error: uint8 input', 'uint8', [3, 4], 0, false, false, { rest: { error: 'uint8' } }),
];
