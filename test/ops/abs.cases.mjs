// ABS: |x| (float32, int32, int16 without quantization).
const OP = 'ABS';
const t = (dtype, shape, extra = {}) => ({ dtype, shape, ...extra });
const f = (shape, extra = {}) => t('float32', shape, extra);
const un = (name, x, extra = {}) => ({ name, op: OP, inputs: [x], outputs: [{ dtype: x.dtype }], ...extra });

export default [
  un('float rank 3', f([2, 3, 4], { range: [-10, 10] })),
  un('float scalar', f([], { range: [-10, 10] })),
  un('float rank 6', f([1, 2, 1, 2, 3, 2])),
  un('float signed zeros', f([4], { data: [-0, 0, -3e38, 1e-30] })),
  un('int32', t('int32', [3, 4], { range: [-1000, 1000] })),
  un('int32 extremes', t('int32', [3], { data: [-2147483648, 2147483647, -2147483647] })),
  un('int16', t('int16', [3, 4])),
  un('int16 extremes', t('int16', [3], { data: [-32768, 32767, -32767] })),
  un('quantized int16 fails', t('int16', [2], { quant: { scale: 0.5, zeroPoint: 0 } }), { error: 'quantized' }),
  un('int64 fails', t('int64', [2]), { error: 'type' }),
  un('int8 fails', t('int8', [2]), { error: 'type' }),
];
