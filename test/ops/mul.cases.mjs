// MUL: float32/int32/int64/int16 (not quantized), quantized uint8/int8/int16 and int16 → uint8/int8,
// numpy broadcasting at any rank, fused activations. 8-bit cases run XNNPACK's arithmetic in the official
// runtime, cases it declines TFLite's builtin kernel.
import { arithmeticBuilders, f, t, q, floatCases, intCases, int16Cases, tailCases, wrongOutputTypeCase } from './_shared/arithmetic.mjs';

const opts = (act = 0) => ({ fusedActivationFunction: act });
const { bin, qbin } = arithmeticBuilders('MUL', opts);

export default [
  ...floatCases(bin, [3e38, 3e38, 2, -3.4e38]),
  ...intCases(bin, [2147483647, -2147483648, 65536], [3, -1, 65537]),
  ...int16Cases(bin, [30000, 30000, 3, -3, 2, 0]),
  qbin('uint8 same shape', q('uint8', [2, 3, 4], 0.0235, 131), q('uint8', [2, 3, 4], 0.0172, 119), { scale: 0.00311, zeroPoint: 125 }),
  qbin('uint8 broadcast', q('uint8', [2, 1, 3], 0.0517, 100), q('uint8', [4, 1], 0.0131, 7), { scale: 0.0623, zeroPoint: 90 }),
  qbin('uint8 relu6', q('uint8', [2, 8], 0.0513, 128), q('uint8', [8], 0.0417, 120), { scale: 0.0119, zeroPoint: 40 }, 3),
  qbin('int8 same shape', q('int8', [2, 3, 4], 0.0235, 3), q('int8', [2, 3, 4], 0.0172, -9), { scale: 0.00311, zeroPoint: -3 }),
  qbin('int8 broadcast rank 4', q('int8', [1, 3, 1, 4], 0.0213, -128), q('int8', [2, 1, 5, 1], 0.0347, 12), { scale: 0.0451, zeroPoint: -20 }),
  qbin('int8 scalar operand', q('int8', [3, 4], 0.0117, 7), q('int8', [], 0.0093, -2), { scale: 0.00173, zeroPoint: 0 }),
  qbin('int8 rank 6 broadcast', q('int8', [2, 1, 2, 1, 2, 3], 0.0217, 0), q('int8', [1, 2, 1, 2, 1, 3], 0.0323, 5), { scale: 0.00419, zeroPoint: 1 }),
  qbin('int8 relu', q('int8', [3, 6], 0.0531, 10), q('int8', [3, 6], 0.0617, -10), { scale: 0.0413, zeroPoint: -100 }, 1),
  qbin('int8 relu_n1_to_1', q('int8', [3, 6], 0.0713, 10), q('int8', [6], 0.0257, -10), { scale: 0.0107, zeroPoint: 5 }, 2),
  qbin('int8 constant operand', q('int8', [2, 5], 0.0123, -4), q('int8', [5], 0.0456, 17, { constant: true }), { scale: 0.00517, zeroPoint: 2 }),
  qbin('int8 output multiplier above one', q('int8', [8], 0.5, 0, { range: [-10, 10] }), q('int8', [8], 0.25, 0, { range: [-10, 10] }), { scale: 0.01, zeroPoint: 0 }),
  // Product scales outside XNNPACK's range run TFLite's builtin kernel (fixed point, double rounding).
  qbin('int8 tiny product scale', q('int8', [3, 6], 0.001, 10), q('int8', [3, 6], 0.002, -10), { scale: 0.3, zeroPoint: 5 }),
  qbin('uint8 tanh activation is ignored', q('uint8', [3, 6], 0.0513, 128), q('uint8', [3, 6], 0.0417, 120), { scale: 0.0119, zeroPoint: 40 }, 4),
  qbin('int8 rank 7 broadcast', q('int8', [2, 1, 2, 1, 2, 1, 4], 0.0235, 3), q('int8', [1, 2, 1, 2, 1, 2, 4], 0.0172, -9), { scale: 0.00311, zeroPoint: -3 }),
  qbin('int16 same shape', q('int16', [2, 3, 4], 0.00031, 0), q('int16', [2, 3, 4], 0.00047, 0), { scale: 0.0000061, zeroPoint: 0 }),
  qbin('int16 broadcast', q('int16', [2, 1, 4], 0.0011, 0), q('int16', [3, 1], 0.0007, 0), { scale: 0.000013, zeroPoint: 0 }),
  qbin('int16 relu6', q('int16', [2, 6], 0.0004, 0), q('int16', [6], 0.0003, 0), { scale: 0.00025, zeroPoint: 0 }, 3),
  qbin('int16 nonzero zero point fails', q('int16', [4], 0.001, 3), q('int16', [4], 0.001, 0), { scale: 0.002, zeroPoint: 0 }, 0, { error: 'zero point' }),
  qbin('int16 to int8', q('int16', [2, 8], 2 ** -15, 0), q('int16', [2, 8], 2 ** -15, 0), { scale: 2 ** -7, zeroPoint: 3 }, 0, { outType: 'int8' }),
  qbin('int16 to int8 relu', q('int16', [2, 8], 2 ** -15, 0), q('int16', [2, 8], 2 ** -15, 0), { scale: 2 ** -7, zeroPoint: -20 }, 1, { outType: 'int8' }),
  qbin('int16 to uint8', q('int16', [12], 2 ** -15, 0), q('int16', [12], 2 ** -15, 0), { scale: 2 ** -7, zeroPoint: 128 }, 0, { outType: 'uint8' }),
  qbin('int16 to int8 broadcast fails', q('int16', [2, 8], 2 ** -15, 0), q('int16', [8], 2 ** -15, 0), { scale: 2 ** -7, zeroPoint: 0 }, 0, { outType: 'int8', error: 'broadcast' }),
  qbin('int8 without quantization fails', t('int8', [4]), t('int8', [4]), undefined, 0, { error: 'quantization' }),
  bin('type mismatch fails', f([2]), t('int32', [2]), 0, { error: 'differ' }),
  ...tailCases(bin),
  wrongOutputTypeCase(bin),
];
