// LOG: natural log (float32; int8/int16 by table); 0 gives -inf, negatives NaN.
const OP = 'LOG';
const t = (dtype, shape, extra = {}) => ({ dtype, shape, ...extra });
const f = (shape, extra = {}) => t('float32', shape, extra);
const un = (name, x, extra = {}) => ({ name, op: OP, inputs: [x], outputs: [{ dtype: extra.out ?? x.dtype }], ...extra, out: undefined });

const q = (dtype, shape, scale, zeroPoint, extra = {}) => ({ dtype, shape, quant: { scale, zeroPoint }, ...extra });
const qun = (name, x, out, extra = {}) => ({ name, op: OP, inputs: [x], outputs: [{ dtype: x.dtype, quant: out }], ...extra });
export default [
  un('rank 3', f([2, 3, 4], { range: [0.001, 1000] })),
  un('scalar', f([], { range: [0.001, 1000] })),
  un('rank 1 long', f([257], { range: [0.001, 1000] })),
  un('constant input', f([2, 3], { constant: true, range: [0.001, 1000] })),
  un('rank 6', f([1, 2, 1, 2, 3, 2], { range: [0.001, 1000] })),
  un('empty', f([0, 2]), { expected: [[]], expectedShapes: [[0, 2]] }),
  un('special values', f([5], { data: [0, 1, -1, 1e-30, 1e38] })),
  un('int32 fails', t('int32', [2]), { error: 'type' }),
  qun('int8', q('int8', [2, 3, 4], 0.0317, -128), { scale: 0.0431, zeroPoint: 30 }),
  qun('int8 non-positive inputs', q('int8', [4, 16], 0.05, 3), { scale: 0.031, zeroPoint: 50 }),
  qun('int8 rank 6', q('int8', [1, 2, 1, 2, 3, 2], 0.117, -100), { scale: 0.0231, zeroPoint: -10 }),
  qun('int16', q('int16', [4, 16], 0.001, 0), { scale: 0.0005, zeroPoint: 0 }),
  qun('int16 nonzero zero point fails', q('int16', [4], 0.001, 5), { scale: 0.0005, zeroPoint: 0 }, { error: 'zero point' }),
  qun('int8 without quantization fails', t('int8', [4]), undefined, { error: 'quantization' }),
];
