// RELU_0_TO_1: min(max(0, x), 1) (float32; quantized uint8/int8).
const OP = 'RELU_0_TO_1';
const t = (dtype, shape, extra = {}) => ({ dtype, shape, ...extra });
const f = (shape, extra = {}) => t('float32', shape, extra);
const un = (name, x, extra = {}) => ({ name, op: OP, inputs: [x], outputs: [{ dtype: extra.out ?? x.dtype }], ...extra, out: undefined });

const q = (dtype, shape, scale, zeroPoint, extra = {}) => ({ dtype, shape, quant: { scale, zeroPoint }, ...extra });
const qun = (name, x, out, extra = {}) => ({ name, op: OP, inputs: [x], outputs: [{ dtype: x.dtype, quant: out }], ...extra });
export default [
  un('rank 3', f([2, 3, 4], { range: [-3, 3] })),
  un('scalar', f([], { range: [-3, 3] })),
  un('rank 1 long', f([257], { range: [-3, 3] })),
  un('constant input', f([2, 3], { constant: true, range: [-3, 3] })),
  un('rank 6', f([1, 2, 1, 2, 3, 2], { range: [-3, 3] })),
  un('empty', f([0, 2]), { expected: [[]], expectedShapes: [[0, 2]] }),
  un('edges', f([4], { data: [-0.001, 0, 1, 1.001] })),
  un('int32 fails', t('int32', [2]), { error: 'type' }),
  qun('uint8 same params', q('uint8', [2, 3, 4], 0.05, 128), { scale: 0.05, zeroPoint: 128 }),
  qun('uint8 rescaled', q('uint8', [3, 5], 0.0731, 120), { scale: 0.0193, zeroPoint: 100 }),
  qun('uint8 output zero point at the bottom', q('uint8', [16], 0.03, 70), { scale: 0.011, zeroPoint: 0 }),
  qun('int8 same params', q('int8', [2, 3, 4], 0.05, -3), { scale: 0.05, zeroPoint: -3 }),
  qun('int8 rescaled', q('int8', [3, 5], 0.0731, 12), { scale: 0.0193, zeroPoint: -100 }),
  qun('int8 narrow output', q('int8', [4, 8], 0.1, 0), { scale: 0.004, zeroPoint: -128 }),
  qun('int8 rank 6', q('int8', [1, 2, 1, 2, 3, 2], 0.0217, -5), { scale: 0.0331, zeroPoint: -30 }),
  qun('int8 without quantization fails', t('int8', [4]), undefined, { error: 'quantization' }),
  qun('int16 fails', q('int16', [4], 0.001, 0), { scale: 0.001, zeroPoint: 0 }, { error: 'type' }),
];
