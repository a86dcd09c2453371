// ZEROS_LIKE: zeros of the input's shape and type (float32, int32, int64).
const OP = 'ZEROS_LIKE';
const t = (dtype, shape, extra = {}) => ({ dtype, shape, ...extra });
const un = (name, x, extra = {}) => ({ name, op: OP, inputs: [x], outputs: [{ dtype: x.dtype }], ...extra });

export default [
  un('float rank 3', t('float32', [2, 3, 4])),
  un('float scalar', t('float32', [])),
  un('float rank 6', t('float32', [1, 2, 1, 2, 3, 2])),
  un('int32', t('int32', [3, 4], { range: [-1000, 1000] })),
  un('int64', t('int64', [3, 4], { range: [-1000, 1000] })),
  un('constant input', t('float32', [2, 2], { constant: true })),
  un('int16 fails', t('int16', [2]), { error: 'type' }),
  un('int8 fails', t('int8', [2]), { error: 'type' }),
];
