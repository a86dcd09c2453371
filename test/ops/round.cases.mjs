// ROUND: round half to even (float32).
const OP = 'ROUND';
const t = (dtype, shape, extra = {}) => ({ dtype, shape, ...extra });
const f = (shape, extra = {}) => t('float32', shape, extra);
const un = (name, x, extra = {}) => ({ name, op: OP, inputs: [x], outputs: [{ dtype: extra.out ?? x.dtype }], ...extra, out: undefined });

export default [
  un('rank 3', f([2, 3, 4], { range: [-10, 10] })),
  un('scalar', f([], { range: [-10, 10] })),
  un('rank 1 long', f([257], { range: [-10, 10] })),
  un('constant input', f([2, 3], { constant: true, range: [-10, 10] })),
  un('rank 6', f([1, 2, 1, 2, 3, 2], { range: [-10, 10] })),
  un('empty', f([0, 2]), { expected: [[]], expectedShapes: [[0, 2]] }),
  un('ties go to even', f([12], { data: [-3.5, -2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 3.5, 0.49999997, -0.49999997, 4194304.5, 8388609] })),
  un('non-ties', f([6], { data: [-2.6, -2.4, 2.4, 2.6, 0.51, -0.51] })),
  un('int32 fails', t('int32', [2]), { error: 'type' }),
];
