// RELU_0_TO_1: min(max(0, x), 1) (float32).
const OP = 'RELU_0_TO_1';
const t = (dtype, shape, extra = {}) => ({ dtype, shape, ...extra });
const f = (shape, extra = {}) => t('float32', shape, extra);
const un = (name, x, extra = {}) => ({ name, op: OP, inputs: [x], outputs: [{ dtype: extra.out ?? x.dtype }], ...extra, out: undefined });

export default [
  un('rank 3', f([2, 3, 4], { range: [-3, 3] })),
  un('scalar', f([], { range: [-3, 3] })),
  un('rank 1 long', f([257], { range: [-3, 3] })),
  un('constant input', f([2, 3], { constant: true, range: [-3, 3] })),
  un('rank 6', f([1, 2, 1, 2, 3, 2], { range: [-3, 3] })),
  un('empty', f([0, 2]), { expected: [[]], expectedShapes: [[0, 2]] }),
  un('edges', f([4], { data: [-0.001, 0, 1, 1.001] })),
  un('int32 fails', t('int32', [2]), { error: 'type' }),
];
