// ABS: |x| (float32, int32, int16 without quantization; quantized int8/int16).
const OP = 'ABS';
const t = (dtype, shape, extra = {}) => ({ dtype, shape, ...extra });
const f = (shape, extra = {}) => t('float32', shape, extra);
const un = (name, x, extra = {}) => ({ name, op: OP, inputs: [x], outputs: [{ dtype: x.dtype }], ...extra });

const q = (dtype, shape, scale, zeroPoint, extra = {}) => ({ dtype, shape, quant: { scale, zeroPoint }, ...extra });
const qun = (name, x, out, extra = {}) => ({ name, op: OP, inputs: [x], outputs: [{ dtype: x.dtype, quant: out }], ...extra });
export default [
  un('float rank 3', f([2, 3, 4], { range: [-10, 10] })),
  un('float scalar', f([], { range: [-10, 10] })),
  un('float rank 6', f([1, 2, 1, 2, 3, 2])),
  un('float signed zeros', f([4], { data: [-0, 0, -3e38, 1e-30] })),
  un('int32', t('int32', [3, 4], { range: [-1000, 1000] })),
  un('int32 extremes', t('int32', [3], { data: [-2147483648, 2147483647, -2147483647] })),
  un('int16', t('int16', [3, 4])),
  un('int16 extremes', t('int16', [3], { data: [-32768, 32767, -32767] })),
  un('int64 fails', t('int64', [2]), { error: 'type' }),
  qun('int8 same scale', q('int8', [2, 3, 4], 0.05, -5), { scale: 0.05, zeroPoint: -128 }),
  qun('int8 same scale saturates', q('int8', [16], 0.05, 3), { scale: 0.05, zeroPoint: 10 }),
  qun('int8 rescaled', q('int8', [4, 8], 0.0617, 7), { scale: 0.0431, zeroPoint: -100 }),
  qun('int8 extremes', q('int8', [4], 0.02, 0, { data: [-128, 127, 0, -1] }), { scale: 0.03, zeroPoint: -128 }),
  qun('int16 quantized rescaled', q('int16', [4, 8], 0.00031, 0), { scale: 0.00027, zeroPoint: 0 }),
  qun('int16 quantized same scale', q('int16', [3], 0.001, 0, { data: [-32768, 32767, -5] }), { scale: 0.001, zeroPoint: 0 }),
  qun('int16 nonzero zero point fails', q('int16', [4], 0.001, 2), { scale: 0.001, zeroPoint: 0 }, { error: 'zero point' }),
  qun('int8 without quantization fails', t('int8', [2]), undefined, { error: 'quantization' }),
];
