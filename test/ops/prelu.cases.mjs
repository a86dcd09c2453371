// PRELU: x >= 0 ? x : alpha * x, alpha broadcast to x's shape (float32; quantized uint8/int8).
const OP = 'PRELU';
const f = (shape, extra = {}) => ({ dtype: 'float32', shape, ...extra });
const pr = (name, x, alpha, extra = {}) => ({ name, op: OP, inputs: [x, alpha], outputs: [{ dtype: 'float32' }], ...extra });
const q = (dtype, shape, scale, zeroPoint, extra = {}) => ({ dtype, shape, quant: { scale, zeroPoint }, ...extra });
const qpr = (name, x, alpha, out, extra = {}) => ({ name, op: OP, inputs: [x, alpha], outputs: [{ dtype: x.dtype, quant: out }], ...extra });

export default [
  pr('same shape', f([2, 3]), f([2, 3])),
  pr('per-channel alpha', f([1, 4, 4, 3]), f([3], { constant: true })),
  pr('shared spatial alpha', f([2, 4, 4, 3]), f([1, 1, 3], { constant: true })),
  pr('per-position alpha', f([1, 2, 2, 3]), f([2, 2, 3], { constant: true, range: [0, 0.5] })),
  pr('scalar alpha', f([2, 5]), f([], { data: [0.2] })),
  pr('zero and negative zero', f([4], { data: [0, -0, -1, 1] }), f([4], { data: [0.5, 0.5, 0.5, 0.5] })),
  pr('rank 5 broadcast', f([2, 1, 2, 3, 2]), f([2])),
  pr('rank 7 broadcast', f([2, 2, 2, 2, 2, 2, 2]), f([1, 2, 1, 2, 1, 2, 1])),
  pr('rank 5 same shape', f([1, 2, 1, 3, 2]), f([1, 2, 1, 3, 2])),
  pr('alpha larger than input fails', f([3]), f([2, 3]), { error: 'shape' }),
  pr('int32 fails', { dtype: 'int32', shape: [2] }, { dtype: 'int32', shape: [2] }, { error: 'type' }),
  qpr('uint8 same shape', q('uint8', [2, 3], 0.05, 128), q('uint8', [2, 3], 0.002, 0), { scale: 0.031, zeroPoint: 70 }),
  qpr('uint8 per-channel alpha', q('uint8', [1, 4, 4, 3], 0.0731, 120), q('uint8', [3], 0.0039, 10, { constant: true }), { scale: 0.0413, zeroPoint: 50 }),
  qpr('int8 per-channel alpha', q('int8', [1, 4, 4, 3], 0.0617, -5), q('int8', [3], 0.0021, -128, { constant: true }), { scale: 0.0431, zeroPoint: -20 }),
  qpr('int8 shared spatial alpha', q('int8', [2, 3, 3, 4], 0.0513, 3), q('int8', [1, 1, 4], 0.0042, -100, { constant: true }), { scale: 0.047, zeroPoint: -60 }),
  qpr('int8 negative alpha', q('int8', [2, 8], 0.05, 0), q('int8', [8], 0.01, 0, { range: [-60, 60] }), { scale: 0.04, zeroPoint: 0 }),
  qpr('int8 scalar alpha', q('int8', [3, 5], 0.0217, -7), q('int8', [], 0.004, -128, { data: [-78] }), { scale: 0.0331, zeroPoint: -30 }),
  qpr('int8 without quantization fails', { dtype: 'int8', shape: [4] }, { dtype: 'int8', shape: [4] }, undefined, { error: 'quantization' }),
];
