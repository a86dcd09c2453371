// SQUARED_DIFFERENCE: (a - b)^2, float32/int32, numpy broadcasting.
const OP = 'SQUARED_DIFFERENCE';
const f = (shape, extra = {}) => ({ dtype: 'float32', shape, ...extra });
const i32 = (shape, extra = {}) => ({ dtype: 'int32', shape, ...extra });
const bin = (name, a, b, extra = {}) => ({ name, op: OP, inputs: [a, b], outputs: [{ dtype: a.dtype }], ...extra });

export default [
  bin('float same shape', f([2, 3, 4]), f([2, 3, 4])),
  bin('float scalar', f([2, 3]), f([])),
  bin('float trailing vector', f([2, 3, 4], { range: [-10, 10] }), f([4], { range: [-10, 10] })),
  bin('float both broadcast', f([1, 3, 1]), f([2, 1, 4])),
  bin('float rank 4 broadcast', f([2, 1, 3, 1]), f([1, 4, 1, 5])),
  bin('float rank 5 broadcast', f([2, 1, 3, 1, 2]), f([1, 2, 1, 4, 1])),
  bin('float rank 6 broadcast', f([2, 1, 2, 1, 2, 3]), f([1, 2, 1, 2, 1, 3])),
  bin('float rank 7 broadcast', f([2, 1, 2, 1, 2, 1, 2]), f([1, 2, 1, 2, 1, 2, 1])),
  bin('float rank 5 same shape', f([1, 2, 1, 3, 2]), f([1, 2, 1, 3, 2])),
  bin('int32 same shape', i32([2, 3], { range: [-100, 100] }), i32([2, 3], { range: [-100, 100] })),
  bin('int32 broadcast', i32([2, 1, 3], { range: [-100, 100] }), i32([4, 1], { range: [-100, 100] })),
  bin('int16 fails', { dtype: 'int16', shape: [2] }, { dtype: 'int16', shape: [2] }, { error: 'type' }),
  bin('int64 fails', { dtype: 'int64', shape: [2] }, { dtype: 'int64', shape: [2] }, { error: 'type' }),
  bin('type mismatch fails', f([2]), i32([2]), { error: 'differ' }),
];
