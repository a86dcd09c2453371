// RELU6: min(max(0, x), 6) (float32; quantized uint8/int8/int16).
const OP = 'RELU6';
const t = (dtype, shape, extra = {}) => ({ dtype, shape, ...extra });
const f = (shape, extra = {}) => t('float32', shape, extra);
const un = (name, x, extra = {}) => ({ name, op: OP, inputs: [x], outputs: [{ dtype: extra.out ?? x.dtype }], ...extra, out: undefined });

const q = (dtype, shape, scale, zeroPoint, extra = {}) => ({ dtype, shape, quant: { scale, zeroPoint }, ...extra });
const qun = (name, x, out, extra = {}) => ({ name, op: OP, inputs: [x], outputs: [{ dtype: x.dtype, quant: out }], ...extra });
export default [
  un('rank 3', f([2, 3, 4], { range: [-10, 10] })),
  un('scalar', f([], { range: [-10, 10] })),
  un('rank 1 long', f([257], { range: [-10, 10] })),
  un('constant input', f([2, 3], { constant: true, range: [-10, 10] })),
  un('rank 6', f([1, 2, 1, 2, 3, 2], { range: [-10, 10] })),
  un('empty', f([0, 2]), { expected: [[]], expectedShapes: [[0, 2]] }),
  un('edges', f([5], { data: [-0.001, 0, 6, 6.001, 1e10] })),
  un('int32 fails', t('int32', [2]), { error: 'type' }),
  qun('uint8 same params', q('uint8', [2, 3, 4], 0.05, 128), { scale: 0.05, zeroPoint: 128 }),
  qun('uint8 rescaled', q('uint8', [3, 5], 0.0731, 120), { scale: 0.0193, zeroPoint: 100 }),
  qun('uint8 output zero point at the bottom', q('uint8', [16], 0.03, 70), { scale: 0.011, zeroPoint: 0 }),
  qun('int8 same params', q('int8', [2, 3, 4], 0.05, -3), { scale: 0.05, zeroPoint: -3 }),
  qun('int8 rescaled', q('int8', [3, 5], 0.0731, 12), { scale: 0.0193, zeroPoint: -100 }),
  qun('int8 narrow output', q('int8', [4, 8], 0.1, 0), { scale: 0.004, zeroPoint: -128 }),
  qun('int8 rank 6', q('int8', [1, 2, 1, 2, 3, 2], 0.0217, -5), { scale: 0.0331, zeroPoint: -30 }),
  qun('int8 without quantization fails', t('int8', [4]), undefined, { error: 'quantization' }),
  qun('int16 rescaled', q('int16', [3, 5], 0.00031, 0), { scale: 0.00047, zeroPoint: 0 }),
  qun('int16 same scale', q('int16', [16], 0.0002, 0), { scale: 0.0002, zeroPoint: 0 }),
  qun('int16 nonzero zero point fails', q('int16', [4], 0.001, 2), { scale: 0.001, zeroPoint: 0 }, { error: 'zero point' }),
];
