// PRELU: x >= 0 ? x : alpha * x, alpha broadcast to x's shape (float32).
const OP = 'PRELU';
const f = (shape, extra = {}) => ({ dtype: 'float32', shape, ...extra });
const pr = (name, x, alpha, extra = {}) => ({ name, op: OP, inputs: [x, alpha], outputs: [{ dtype: 'float32' }], ...extra });

export default [
  pr('same shape', f([2, 3]), f([2, 3])),
  pr('per-channel alpha', f([1, 4, 4, 3]), f([3], { constant: true })),
  pr('shared spatial alpha', f([2, 4, 4, 3]), f([1, 1, 3], { constant: true })),
  pr('per-position alpha', f([1, 2, 2, 3]), f([2, 2, 3], { constant: true, range: [0, 0.5] })),
  pr('scalar alpha', f([2, 5]), f([], { data: [0.2] })),
  pr('zero and negative zero', f([4], { data: [0, -0, -1, 1] }), f([4], { data: [0.5, 0.5, 0.5, 0.5] })),
  pr('rank 5 broadcast', f([2, 1, 2, 3, 2]), f([2])),
  pr('rank 7 broadcast', f([2, 2, 2, 2, 2, 2, 2]), f([1, 2, 1, 2, 1, 2, 1])),
  pr('rank 5 same shape', f([1, 2, 1, 3, 2]), f([1, 2, 1, 3, 2])),
  pr('alpha larger than input fails', f([3]), f([2, 3]), { error: 'shape' }),
  pr('int32 fails', { dtype: 'int32', shape: [2] }, { dtype: 'int32', shape: [2] }, { error: 'type' }),
];
