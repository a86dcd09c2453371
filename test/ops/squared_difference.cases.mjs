// SQUARED_DIFFERENCE: (a - b)^2, float32/int32 and quantized int8, numpy broadcasting.
const OP = 'SQUARED_DIFFERENCE';
const f = (shape, extra = {}) => ({ dtype: 'float32', shape, ...extra });
const i32 = (shape, extra = {}) => ({ dtype: 'int32', shape, ...extra });
const bin = (name, a, b, extra = {}) => ({ name, op: OP, inputs: [a, b], outputs: [{ dtype: a.dtype }], ...extra });
const q = (dtype, shape, scale, zeroPoint, extra = {}) => ({ dtype, shape, quant: { scale, zeroPoint }, ...extra });
const qbin = (name, a, b, out, extra = {}) => ({ name, op: OP, inputs: [a, b], outputs: [{ dtype: a.dtype, quant: out }], ...extra });

export default [
  bin('float same shape', f([2, 3, 4]), f([2, 3, 4])),
  bin('float scalar', f([2, 3]), f([])),
  bin('float trailing vector', f([2, 3, 4], { range: [-10, 10] }), f([4], { range: [-10, 10] })),
  bin('float both broadcast', f([1, 3, 1]), f([2, 1, 4])),
  bin('float rank 4 broadcast', f([2, 1, 3, 1]), f([1, 4, 1, 5])),
  bin('float rank 5 broadcast', f([2, 1, 3, 1, 2]), f([1, 2, 1, 4, 1])),
  bin('float rank 6 broadcast', f([2, 1, 2, 1, 2, 3]), f([1, 2, 1, 2, 1, 3])),
  bin('float rank 7 broadcast', f([2, 1, 2, 1, 2, 1, 2]), f([1, 2, 1, 2, 1, 2, 1])),
  bin('float rank 5 same shape', f([1, 2, 1, 3, 2]), f([1, 2, 1, 3, 2])),
  bin('int32 same shape', i32([2, 3], { range: [-100, 100] }), i32([2, 3], { range: [-100, 100] })),
  bin('int32 broadcast', i32([2, 1, 3], { range: [-100, 100] }), i32([4, 1], { range: [-100, 100] })),
  bin('int16 fails', { dtype: 'int16', shape: [2] }, { dtype: 'int16', shape: [2] }, { error: 'type' }),
  bin('int64 fails', { dtype: 'int64', shape: [2] }, { dtype: 'int64', shape: [2] }, { error: 'type' }),
  bin('type mismatch fails', f([2]), i32([2]), { error: 'differ' }),
  qbin('int8 same shape', q('int8', [2, 3, 4], 0.0235, 3), q('int8', [2, 3, 4], 0.0172, -9), { scale: 0.0311, zeroPoint: -128 }),
  qbin('int8 broadcast rank 4', q('int8', [1, 3, 1, 4], 0.0213, -28), q('int8', [2, 1, 5, 1], 0.0347, 12), { scale: 0.0451, zeroPoint: -120 }),
  qbin('int8 rank 6 broadcast', q('int8', [2, 1, 2, 1, 2, 3], 0.0217, 0), q('int8', [1, 2, 1, 2, 1, 3], 0.0323, 5), { scale: 0.0119, zeroPoint: -128 }),
  qbin('int8 scalar operand', q('int8', [3, 4], 0.0117, 7), q('int8', [], 0.0093, -2), { scale: 0.0073, zeroPoint: -100 }),
  qbin('int8 equal scales', q('int8', [16], 0.1, 0), q('int8', [16], 0.1, 0), { scale: 1.7, zeroPoint: -128 }),
  qbin('int8 saturates', q('int8', [16], 0.05, 0), q('int8', [16], 0.04, 0), { scale: 0.01, zeroPoint: 0 }),
  qbin('uint8 fails', q('uint8', [2], 0.1, 0), q('uint8', [2], 0.1, 0), { scale: 0.1, zeroPoint: 0 }, { error: 'type' }),
  qbin('int8 without quantization fails', { dtype: 'int8', shape: [2] }, { dtype: 'int8', shape: [2] }, undefined, { error: 'quantization' }),
];
