// LOG: natural log (float32); 0 gives -inf, negatives NaN.
const OP = 'LOG';
const t = (dtype, shape, extra = {}) => ({ dtype, shape, ...extra });
const f = (shape, extra = {}) => t('float32', shape, extra);
const un = (name, x, extra = {}) => ({ name, op: OP, inputs: [x], outputs: [{ dtype: extra.out ?? x.dtype }], ...extra, out: undefined });

export default [
  un('rank 3', f([2, 3, 4], { range: [0.001, 1000] })),
  un('scalar', f([], { range: [0.001, 1000] })),
  un('rank 1 long', f([257], { range: [0.001, 1000] })),
  un('constant input', f([2, 3], { constant: true, range: [0.001, 1000] })),
  un('rank 6', f([1, 2, 1, 2, 3, 2], { range: [0.001, 1000] })),
  un('empty', f([0, 2]), { expected: [[]], expectedShapes: [[0, 2]] }),
  un('special values', f([5], { data: [0, 1, -1, 1e-30, 1e38] })),
  un('int32 fails', t('int32', [2]), { error: 'type' }),
];
