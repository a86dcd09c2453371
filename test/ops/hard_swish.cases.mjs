// HARD_SWISH: x * relu6(x + 3) / 6 (float32; quantized uint8/int8).
const OP = 'HARD_SWISH';
const t = (dtype, shape, extra = {}) => ({ dtype, shape, ...extra });
const f = (shape, extra = {}) => t('float32', shape, extra);
const un = (name, x, extra = {}) => ({ name, op: OP, inputs: [x], outputs: [{ dtype: extra.out ?? x.dtype }], ...extra, out: undefined });

const q = (dtype, shape, scale, zeroPoint, extra = {}) => ({ dtype, shape, quant: { scale, zeroPoint }, ...extra });
const qun = (name, x, out, extra = {}) => ({ name, op: OP, inputs: [x], outputs: [{ dtype: x.dtype, quant: out }], ...extra });
export default [
  un('rank 3', f([2, 3, 4], { range: [-6, 6] })),
  un('scalar', f([], { range: [-6, 6] })),
  un('rank 1 long', f([257], { range: [-6, 6] })),
  un('constant input', f([2, 3], { constant: true, range: [-6, 6] })),
  un('rank 6', f([1, 2, 1, 2, 3, 2], { range: [-6, 6] })),
  un('empty', f([0, 2]), { expected: [[]], expectedShapes: [[0, 2]] }),
  un('knees', f([7], { data: [-4, -3, -2.5, 0, 2.5, 3, 4] })),
  un('int32 fails', t('int32', [2]), { error: 'type' }),
  qun('uint8', q('uint8', [2, 3, 4], 0.05, 128), { scale: 0.03, zeroPoint: 20 }),
  qun('uint8 wide input', q('uint8', [4, 16], 0.13, 100), { scale: 0.11, zeroPoint: 5 }),
  qun('int8', q('int8', [2, 3, 4], 0.0617, -5), { scale: 0.0431, zeroPoint: -110 }),
  qun('int8 small input scale', q('int8', [4, 16], 0.0031, 3), { scale: 0.0027, zeroPoint: -20 }),
  qun('int8 same params', q('int8', [4, 16], 0.047, -10), { scale: 0.047, zeroPoint: -10 }),
  qun('int8 large input scale', q('int8', [4, 16], 0.4, 0), { scale: 0.3, zeroPoint: -100 }),
  qun('int8 rank 6', q('int8', [1, 2, 1, 2, 3, 2], 0.0731, 7), { scale: 0.05, zeroPoint: -100 }),
  qun('int8 output scale too small fails', q('int8', [4], 0.05, 0), { scale: 0.0001, zeroPoint: 0 }, { error: 'too small' }),
  qun('int8 without quantization fails', t('int8', [4]), undefined, { error: 'quantization' }),
];
