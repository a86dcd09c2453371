// LOGICAL_NOT: !x over a bool tensor.
const OP = 'LOGICAL_NOT';
const un = (name, x, extra = {}) => ({ name, op: OP, inputs: [x], outputs: [{ dtype: 'bool' }], ...extra });

export default [
  un('values', { dtype: 'bool', shape: [2], data: [0, 1] }),
  un('rank 3', { dtype: 'bool', shape: [2, 3, 4] }),
  un('scalar', { dtype: 'bool', shape: [] }),
  un('rank 6', { dtype: 'bool', shape: [1, 2, 1, 2, 3, 2] }),
  un('float fails', { dtype: 'float32', shape: [2] }, { error: 'type' }),
];
