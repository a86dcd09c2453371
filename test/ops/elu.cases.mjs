// ELU: x < 0 ? e^x - 1 : x (float32; int8 by table).
const OP = 'ELU';
const t = (dtype, shape, extra = {}) => ({ dtype, shape, ...extra });
const f = (shape, extra = {}) => t('float32', shape, extra);
const un = (name, x, extra = {}) => ({ name, op: OP, inputs: [x], outputs: [{ dtype: extra.out ?? x.dtype }], ...extra, out: undefined });

const q = (dtype, shape, scale, zeroPoint, extra = {}) => ({ dtype, shape, quant: { scale, zeroPoint }, ...extra });
const qun = (name, x, out, extra = {}) => ({ name, op: OP, inputs: [x], outputs: [{ dtype: x.dtype, quant: out }], ...extra });
export default [
  un('rank 3', f([2, 3, 4], { range: [-5, 5] })),
  un('scalar', f([], { range: [-5, 5] })),
  un('rank 1 long', f([257], { range: [-5, 5] })),
  un('constant input', f([2, 3], { constant: true, range: [-5, 5] })),
  un('rank 6', f([1, 2, 1, 2, 3, 2], { range: [-5, 5] })),
  un('empty', f([0, 2]), { expected: [[]], expectedShapes: [[0, 2]] }),
  un('tails', f([5], { data: [-100, -1e-7, 0, 1e-7, 100] })),
  un('int32 fails', t('int32', [2]), { error: 'type' }),
  qun('int8', q('int8', [2, 3, 4], 0.0617, -5), { scale: 0.0431, zeroPoint: -40 }),
  // Exact ties in the table (the identity side): rounded to even, as XNNPACK does.
  qun('int8 wide input', q('int8', [4, 16], 0.13, 30), { scale: 0.1, zeroPoint: -118 }),
  qun('int8 rank 6', q('int8', [1, 2, 1, 2, 3, 2], 0.0217, 7), { scale: 0.0231, zeroPoint: -60 }),
  qun('uint8 fails', q('uint8', [4], 0.05, 128), { scale: 0.05, zeroPoint: 128 }, { error: 'type' }),
  qun('int8 without quantization fails', t('int8', [4]), undefined, { error: 'quantization' }),
];
