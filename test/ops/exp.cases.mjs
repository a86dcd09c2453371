// EXP: e^x (float32; int8/int16 by table).
const OP = 'EXP';
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
  un('large and small', f([6], { data: [-100, -87, 0, 1, 88, 89] })),
  un('int32 fails', t('int32', [2]), { error: 'type' }),
  qun('int8', q('int8', [2, 3, 4], 0.0317, -5), { scale: 0.0431, zeroPoint: -128 }),
  qun('int8 negative inputs', q('int8', [4, 16], 0.05, 127), { scale: 1 / 256, zeroPoint: -128 }),
  qun('int8 rank 6', q('int8', [1, 2, 1, 2, 3, 2], 0.0117, 7), { scale: 0.0231, zeroPoint: -100 }),
  qun('int16', q('int16', [4, 16], 0.0001, 0), { scale: 0.0005, zeroPoint: 0 }),
  qun('int8 without quantization fails', t('int8', [4]), undefined, { error: 'quantization' }),
];
