// SQUARE: x * x (float32).
const OP = 'SQUARE';
const t = (dtype, shape, extra = {}) => ({ dtype, shape, ...extra });
const f = (shape, extra = {}) => t('float32', shape, extra);
const un = (name, x, extra = {}) => ({ name, op: OP, inputs: [x], outputs: [{ dtype: extra.out ?? x.dtype }], ...extra, out: undefined });

export default [
  un('rank 3', f([2, 3, 4], { range: [-100, 100] })),
  un('scalar', f([], { range: [-100, 100] })),
  un('rank 1 long', f([257], { range: [-100, 100] })),
  un('constant input', f([2, 3], { constant: true, range: [-100, 100] })),
  un('rank 6', f([1, 2, 1, 2, 3, 2], { range: [-100, 100] })),
  un('empty', f([0, 2]), { expected: [[]], expectedShapes: [[0, 2]] }),
  un('overflow to inf', f([3], { data: [1e20, -1e20, 3] })),
  un('int32 fails', t('int32', [2]), { error: 'type' }),
  un('int64 fails', t('int64', [2]), { error: 'type' }),
];
