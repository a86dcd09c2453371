// GELU: exact (erfc) and approximate (tanh) forms (float32).
const OP = 'GELU';
const f = (shape, extra = {}) => ({ dtype: 'float32', shape, ...extra });
const g = (name, x, approximate, extra = {}) => ({ name, op: OP, options: { approximate }, inputs: [x], outputs: [{ dtype: 'float32' }], ...extra });
const TAILS = [-20, -10, -6, -5, -4, -3, -2.9, -2.8, -2, -1, -1e-3, 0, 1e-3, 1, 2, 3, 4, 5, 6, 10, 20];

export default [
  g('exact rank 3', f([2, 3, 4], { range: [-3, 3] }), false),
  g('exact wide range', f([1000], { range: [-8, 8] }), false),
  g('exact tails', f([TAILS.length], { data: TAILS }), false),
  g('exact scalar', f([], { data: [0.5] }), false),
  g('exact rank 6', f([1, 2, 1, 2, 3, 2]), false),
  g('approximate rank 3', f([2, 3, 4], { range: [-3, 3] }), true),
  g('approximate wide range', f([1000], { range: [-8, 8] }), true),
  g('approximate tails', f([TAILS.length], { data: TAILS }), true),
  g('int32 fails', { dtype: 'int32', shape: [2] }, false, { error: 'type' }),
];
