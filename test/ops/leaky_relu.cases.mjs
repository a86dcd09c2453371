// LEAKY_RELU: x > 0 ? x : alpha * x (float32).
const OP = 'LEAKY_RELU';
const f = (shape, extra = {}) => ({ dtype: 'float32', shape, ...extra });
const lr = (name, x, alpha, extra = {}) => ({ name, op: OP, options: { alpha }, inputs: [x], outputs: [{ dtype: x.dtype }], ...extra });

export default [
  lr('alpha 0.2', f([2, 3, 4], { range: [-5, 5] }), 0.2),
  lr('alpha 0.01', f([100], { range: [-5, 5] }), 0.01),
  lr('alpha 0', f([10], { range: [-5, 5] }), 0),
  lr('alpha 1', f([10], { range: [-5, 5] }), 1),
  lr('alpha above 1', f([10], { range: [-5, 5] }), 3.5),
  lr('negative alpha', f([10], { range: [-5, 5] }), -0.5),
  lr('zeros', f([3], { data: [0, -0, -1e-30] }), 0.3),
  lr('scalar', f([], { data: [-2] }), 0.1),
  lr('rank 6', f([1, 2, 1, 2, 3, 2]), 0.1),
  lr('int32 fails', { dtype: 'int32', shape: [2] }, 0.1, { error: 'type' }),
];
