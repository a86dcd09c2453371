// NEG: -x (float32, int32, int16, int8, int64).
const OP = 'NEG';
const t = (dtype, shape, extra = {}) => ({ dtype, shape, ...extra });
const f = (shape, extra = {}) => t('float32', shape, extra);
const un = (name, x, extra = {}) => ({ name, op: OP, inputs: [x], outputs: [{ dtype: x.dtype }], ...extra });

export default [
  un('float rank 3', f([2, 3, 4], { range: [-10, 10] })),
  un('float scalar', f([])),
  un('float rank 6', f([1, 2, 1, 2, 3, 2])),
  un('float zeros', f([2], { data: [0, -0] })),
  un('int32', t('int32', [3, 4], { range: [-1000, 1000] })),
  un('int32 extremes', t('int32', [3], { data: [-2147483648, 2147483647, 0] })),
  un('int16', t('int16', [3, 4])),
  un('int16 extremes', t('int16', [3], { data: [-32768, 32767, 0] })),
  un('int8', t('int8', [3, 4])),
  un('int8 extremes', t('int8', [3], { data: [-128, 127, 0] })),
  un('int64', t('int64', [3, 4], { range: [-1000, 1000] })),
  un('bool fails', t('bool', [2]), { error: 'type' }),
  un('uint8 fails', t('uint8', [2]), { error: 'type' }),
  // Quantized int8 negates raw values, as TFLite does (no rescaling).
  un('int8 quantized', t('int8', [3, 4], { quant: { scale: 0.05, zeroPoint: -3 } })),
];
