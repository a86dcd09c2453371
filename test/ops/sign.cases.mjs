// SIGN: -1, 0 or 1 (float32, float64, int32).
const OP = 'SIGN';
const t = (dtype, shape, extra = {}) => ({ dtype, shape, ...extra });
const un = (name, x, extra = {}) => ({ name, op: OP, inputs: [x], outputs: [{ dtype: x.dtype }], ...extra });

export default [
  un('float rank 3', t('float32', [2, 3, 4])),
  un('float zeros and tiny', t('float32', [5], { data: [0, -0, 1e-30, -1e-30, 3e38] })),
  un('float scalar', t('float32', [], { data: [-2.5] })),
  un('float64', t('float64', [2, 5], { range: [-5, 5] })),
  un('float64 zeros and tiny', t('float64', [3], { data: [0, -0, -1e-30] })),
  un('int32', t('int32', [3, 4], { range: [-5, 5] })),
  un('int32 extremes', t('int32', [3], { data: [-2147483648, 2147483647, 0] })),
  un('int64 fails', t('int64', [2]), { error: 'type' }),
  un('int16 fails', t('int16', [2]), { error: 'type' }),
];
