// HARD_SWISH: x * relu6(x + 3) / 6 (float32).
const OP = 'HARD_SWISH';
const t = (dtype, shape, extra = {}) => ({ dtype, shape, ...extra });
const f = (shape, extra = {}) => t('float32', shape, extra);
const un = (name, x, extra = {}) => ({ name, op: OP, inputs: [x], outputs: [{ dtype: extra.out ?? x.dtype }], ...extra, out: undefined });

export default [
  un('rank 3', f([2, 3, 4], { range: [-6, 6] })),
  un('scalar', f([], { range: [-6, 6] })),
  un('rank 1 long', f([257], { range: [-6, 6] })),
  un('constant input', f([2, 3], { constant: true, range: [-6, 6] })),
  un('rank 6', f([1, 2, 1, 2, 3, 2], { range: [-6, 6] })),
  un('empty', f([0, 2]), { expected: [[]], expectedShapes: [[0, 2]] }),
  un('knees', f([7], { data: [-4, -3, -2.5, 0, 2.5, 3, 4] })),
  un('int32 fails', t('int32', [2]), { error: 'type' }),
];
