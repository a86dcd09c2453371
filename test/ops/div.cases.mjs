// DIV: float32/int32 and quantized uint8/int8/int16, numpy broadcasting at any rank, fused activations,
// integer truncation.
const OP = 'DIV';
const f = (shape, extra = {}) => ({ dtype: 'float32', shape, ...extra });
const i32 = (shape, extra = {}) => ({ dtype: 'int32', shape, ...extra });
const den = (shape, extra = {}) => f(shape, { range: [0.5, 2], ...extra });
const bin = (name, a, b, act = 0, extra = {}) => ({ name, op: OP, options: { fusedActivationFunction: act }, inputs: [a, b], outputs: [{ dtype: a.dtype }], ...extra });
const q = (dtype, shape, scale, zeroPoint, extra = {}) => ({ dtype, shape, quant: { scale, zeroPoint }, ...extra });
const qbin = (name, a, b, out, act = 0, extra = {}) => ({
  name, op: OP, options: { fusedActivationFunction: act }, inputs: [a, b], outputs: [{ dtype: a.dtype, quant: out }], ...extra,
});

export default [
  bin('float same shape', f([2, 3, 4]), den([2, 3, 4])),
  bin('float negative divisors', f([2, 3]), f([2, 3], { range: [-2, -0.5] })),
  bin('float scalar divisor', f([2, 3]), den([])),
  bin('float scalar dividend', f([]), den([2, 3])),
  bin('float trailing vector', f([2, 3, 4]), den([4])),
  bin('float both broadcast', f([1, 3, 1]), den([2, 1, 4])),
  bin('float rank 4 broadcast', f([2, 1, 3, 1]), den([1, 4, 1, 5])),
  bin('float rank 5 broadcast', f([2, 1, 3, 1, 2]), den([1, 2, 1, 4, 1])),
  bin('float rank 6 broadcast', f([2, 1, 2, 1, 2, 3]), den([1, 2, 1, 2, 1, 3])),
  bin('float rank 7 broadcast', f([2, 1, 2, 1, 2, 1, 2]), den([1, 2, 1, 2, 1, 2, 1])),
  bin('int32 rank 7 broadcast', i32([2, 1, 2, 1, 2, 1, 2], { range: [-50, 50] }), i32([1, 2, 1, 2, 1, 2, 1], { range: [1, 9] })),
  bin('float rank 6 same shape', f([1, 2, 1, 2, 1, 3]), den([1, 2, 1, 2, 1, 3])),
  bin('float constant divisor', f([2, 3]), den([3], { constant: true })),
  bin('float relu', f([3, 4], { range: [-5, 5] }), den([4]), 1),
  bin('float relu_n1_to_1', f([3, 4], { range: [-3, 3] }), den([3, 4]), 2),
  bin('float relu6', f([3, 4], { range: [-10, 10] }), den([1, 4], { range: [0.2, 1] }), 3),
  bin('float division by zero gives inf', f([3], { data: [1, -1, 5] }), f([3], { data: [0, 0, 2] })),
  bin('int32 truncates toward zero', i32([8], { data: [7, -7, 7, -7, 0, 9, -9, 100] }), i32([8], { data: [2, 2, -2, -2, 3, 3, 4, -7] })),
  bin('int32 broadcast', i32([2, 1, 3], { range: [-100, 100] }), i32([4, 1], { range: [1, 10] })),
  bin('int32 scalar divisor', i32([2, 3], { range: [-100, 100] }), i32([], { data: [-3] })),
  bin('int32 relu', i32([2, 4], { data: [-9, 9, -4, 4, 1, -1, 20, -20] }), i32([4], { data: [2, -2, 3, 1] }), 1),
  bin('int32 relu6', i32([2, 4], { data: [-9, 9, -4, 40, 1, -1, 20, -20] }), i32([4], { data: [2, -2, 3, 1] }), 3),
  bin('int32 relu_n1_to_1', i32([2, 4], { data: [-9, 9, -4, 40, 1, -1, 20, -20] }), i32([4], { data: [2, -2, 3, 1] }), 2),
  bin('int32 division by zero fails', i32([2], { data: [1, 2] }), i32([2], { data: [1, 0] }), 0, { error: 'division by zero' }),
  bin('int16 without quantization fails', { dtype: 'int16', shape: [2] }, { dtype: 'int16', shape: [2] }, 0, { error: 'quantization' }),
  qbin('uint8 same shape', q('uint8', [2, 3, 4], 0.0235, 131), q('uint8', [2, 3, 4], 0.0172, 7, { range: [20, 256] }), { scale: 0.0311, zeroPoint: 125 }),
  qbin('uint8 negative divisors', q('uint8', [2, 8], 0.0517, 100), q('uint8', [2, 8], 0.0131, 200, { range: [0, 190] }), { scale: 0.0623, zeroPoint: 128 }),
  qbin('uint8 broadcast', q('uint8', [2, 1, 3], 0.0517, 100), q('uint8', [4, 1], 0.0131, 7, { range: [9, 256] }), { scale: 0.0223, zeroPoint: 90 }),
  qbin('uint8 scalar divisor', q('uint8', [3, 4], 0.0117, 7), q('uint8', [], 0.0093, 0, { data: [37] }), { scale: 0.0173, zeroPoint: 3 }),
  qbin('uint8 relu6', q('uint8', [2, 8], 0.0513, 128), q('uint8', [8], 0.0417, 120, { range: [121, 256] }), { scale: 0.0319, zeroPoint: 40 }, 3),
  qbin('uint8 zero numerator', q('uint8', [4], 0.05, 10, { data: [10, 10, 11, 9] }), q('uint8', [4], 0.02, 0, { data: [1, 255, 3, 200] }), { scale: 0.01, zeroPoint: 128 }),
  qbin('uint8 divisor at its zero point fails', q('uint8', [2], 0.05, 10), q('uint8', [2], 0.02, 3, { data: [3, 4] }), { scale: 0.01, zeroPoint: 0 }, 0, { error: 'division by zero' }),
  qbin('int8 same shape', q('int8', [2, 3, 4], 0.0235, 3), q('int8', [2, 3, 4], 0.0172, -9, { range: [0, 128] }), { scale: 0.0311, zeroPoint: -3 }),
  qbin('int8 broadcast', q('int8', [1, 3, 1, 4], 0.0213, -128), q('int8', [2, 1, 5, 1], 0.0347, 12, { range: [-128, 10] }), { scale: 0.0451, zeroPoint: -20 }),
  qbin('int16 same shape', q('int16', [2, 3, 4], 0.00031, 0), q('int16', [2, 3, 4], 0.00047, 0, { range: [100, 32768] }), { scale: 0.00061, zeroPoint: 0 }),
  qbin('int16 broadcast', q('int16', [2, 1, 4], 0.0011, 0), q('int16', [3, 1], 0.0007, 0, { range: [-32768, -50] }), { scale: 0.0013, zeroPoint: 0 }),
  bin('int64 fails', { dtype: 'int64', shape: [2] }, { dtype: 'int64', shape: [2] }, 0, { error: 'type' }),
  bin('type mismatch fails', f([2]), i32([2]), 0, { error: 'differ' }),
  bin('incompatible shapes fail', f([2, 3]), den([4]), 0, { error: 'broadcast' }),
];
