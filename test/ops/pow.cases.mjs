// POW: float32/int32 with numpy broadcasting at any rank; int32 exponents must be >= 0.
const OP = 'POW';
const f = (shape, extra = {}) => ({ dtype: 'float32', shape, ...extra });
const i32 = (shape, extra = {}) => ({ dtype: 'int32', shape, ...extra });
const bin = (name, a, b, extra = {}) => ({ name, op: OP, inputs: [a, b], outputs: [{ dtype: a.dtype }], ...extra });

export default [
  bin('float same shape', f([2, 3, 4], { range: [0.1, 3] }), f([2, 3, 4], { range: [-2, 2] })),
  bin('float negative base integer exponent', f([4], { data: [-2, -1.5, -3, -0.5] }), f([4], { data: [2, 3, -1, 4] })),
  bin('float negative base fractional exponent is NaN', f([2], { data: [-2, -1] }), f([2], { data: [0.5, 1.5] })),
  bin('float zero base', f([4], { data: [0, 0, 0, 1] }), f([4], { data: [0, 2, -1, 5] })),
  bin('float scalar exponent', f([2, 3], { range: [0, 2] }), f([], { data: [2.5] })),
  bin('float broadcast', f([2, 1, 3], { range: [0.1, 2] }), f([4, 1], { range: [-1, 3] })),
  bin('float rank 4 broadcast', f([2, 1, 3, 1], { range: [0.1, 2] }), f([1, 2, 1, 3], { range: [-1, 3] })),
  bin('float rank 5 broadcast', f([2, 1, 3, 1, 2], { range: [0.1, 2] }), f([1, 2, 1, 2, 1], { range: [-1, 3] })),
  bin('float rank 5 same shape', f([1, 2, 1, 3, 2], { range: [0.1, 2] }), f([1, 2, 1, 3, 2], { range: [-1, 3] })),
  bin('float rank 7 broadcast', f([2, 1, 2, 1, 2, 1, 2], { range: [0.1, 2] }), f([1, 2, 1, 2, 1, 2, 1], { range: [-1, 3] })),
  bin('int32 same shape', i32([2, 3], { range: [-5, 6] }), i32([2, 3], { range: [0, 6] })),
  bin('int32 broadcast', i32([3, 1], { range: [-4, 5] }), i32([4], { range: [0, 5] })),
  bin('int32 zero exponent', i32([3], { data: [0, -7, 9] }), i32([3], { data: [0, 0, 0] })),
  bin('int32 negative exponent fails', i32([2], { data: [2, 3] }), i32([2], { data: [1, -1] }), { error: 'negative' }),
  bin('int64 fails', { dtype: 'int64', shape: [2] }, { dtype: 'int64', shape: [2] }, { error: 'type' }),
  bin('type mismatch fails', f([2]), i32([2]), { error: 'differ' }),
];
