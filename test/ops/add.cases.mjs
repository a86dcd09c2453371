// ADD: float32/int32/int64/int16 (not quantized) and quantized uint8/int8/int16, numpy broadcasting at
// any rank, fused activations. 8-bit cases run XNNPACK's arithmetic in the official runtime, cases it
// declines (scale ratios, TANH activation) TFLite's builtin kernel: both are checked.
import { arithmeticBuilders, f, t, q, floatCases, intCases, int16Cases, tailCases, wrongOutputTypeCase } from './_shared/arithmetic.mjs';

const opts = (act = 0) => ({ fusedActivationFunction: act, potScaleInt16: true });
const { bin, qbin } = arithmeticBuilders('ADD', opts);

export default [
  ...floatCases(bin, [3e38, -3e38, 2, 3.4e38]),
  ...intCases(bin, [2147483647, -2147483648, 5], [1, -1, 7]),
  ...int16Cases(bin, [30000, -30000, 3, -3, 2, 0]),
  bin('huge broadcast fails cleanly', f([50000, 1]), f([1, 50000]), 0, { error: 'too large' }),
  bin('type mismatch fails', f([2]), t('int32', [2]), 0, { error: 'differ' }),
  ...tailCases(bin),
  qbin('uint8 same shape', q('uint8', [2, 3, 4], 0.0235, 131), q('uint8', [2, 3, 4], 0.0172, 119), { scale: 0.0311, zeroPoint: 125 }),
  qbin('uint8 broadcast', q('uint8', [2, 1, 3], 0.05, 100), q('uint8', [4, 1], 0.013, 7), { scale: 0.062, zeroPoint: 90 }),
  qbin('uint8 scalar operand', q('uint8', [3, 5], 0.0078125, 128), q('uint8', [], 0.1, 3), { scale: 0.0625, zeroPoint: 10 }),
  qbin('uint8 relu6', q('uint8', [2, 8], 0.05, 128), q('uint8', [8], 0.04, 120), { scale: 0.03, zeroPoint: 40 }, 3),
  qbin('uint8 mobilenet-like', q('uint8', [1, 4, 4, 8], 0.3519, 129), q('uint8', [1, 4, 4, 8], 0.2541, 132), { scale: 0.4012, zeroPoint: 131 }),
  qbin('int8 same shape', q('int8', [2, 3, 4], 0.0235, 3), q('int8', [2, 3, 4], 0.0172, -9), { scale: 0.0311, zeroPoint: -3 }),
  qbin('int8 broadcast rank 4', q('int8', [1, 3, 1, 4], 0.021, -128), q('int8', [2, 1, 5, 1], 0.034, 12), { scale: 0.045, zeroPoint: -20 }),
  qbin('int8 rank 6 broadcast', q('int8', [2, 1, 2, 1, 2, 3], 0.0217, 0), q('int8', [1, 2, 1, 2, 1, 3], 0.0323, 5), { scale: 0.0419, zeroPoint: 1 }),
  qbin('int8 equal scales', q('int8', [16], 0.1, 0), q('int8', [16], 0.1, 0), { scale: 0.1, zeroPoint: 0 }),
  qbin('int8 relu', q('int8', [3, 6], 0.02, 10), q('int8', [6], 0.025, -10), { scale: 0.03, zeroPoint: -30 }, 1),
  qbin('int8 relu6', q('int8', [3, 6], 0.05, 10), q('int8', [3, 6], 0.06, -10), { scale: 0.04, zeroPoint: -100 }, 3),
  qbin('int8 relu_n1_to_1', q('int8', [3, 6], 0.0213, 10), q('int8', [3, 6], 0.0257, -10), { scale: 0.0107, zeroPoint: 5 }, 2),
  qbin('int8 exact ties', q('int8', [3, 6], 0.02, 10), q('int8', [3, 6], 0.025, -10), { scale: 0.01, zeroPoint: 5 }, 2),
  qbin('int8 constant operand', q('int8', [2, 5], 0.0123, -4), q('int8', [5], 0.0456, 17, { constant: true }), { scale: 0.05, zeroPoint: 2 }),
  qbin('int8 saturates', q('int8', [8], 0.5, 0), q('int8', [8], 0.5, 0), { scale: 0.01, zeroPoint: 0 }),
  // Configurations XNNPACK declines run TFLite's builtin kernel (its rounding: ties away from zero).
  qbin('int8 tiny input-to-output scale', q('int8', [3, 6], 0.00002, 10), q('int8', [3, 6], 0.025, -10), { scale: 0.03, zeroPoint: 5 }),
  qbin('uint8 large input-to-output scale', q('uint8', [3, 6], 30, 128), q('uint8', [3, 6], 0.025, 100), { scale: 0.1, zeroPoint: 128 }),
  qbin('int8 tanh activation is ignored', q('int8', [3, 6], 0.02, 10), q('int8', [3, 6], 0.025, -10), { scale: 0.01, zeroPoint: 5 }, 4),
  qbin('int8 rank 7 broadcast', q('int8', [2, 1, 2, 1, 2, 1, 4], 0.02, 10), q('int8', [1, 2, 1, 2, 1, 2, 4], 0.025, -10), { scale: 0.01, zeroPoint: 5 }),
  qbin('int16 general scales', q('int16', [2, 3, 4], 0.00031, 0), q('int16', [2, 3, 4], 0.00047, 0), { scale: 0.00061, zeroPoint: 0 }, 0, { options: { potScaleInt16: false } }),
  qbin('int16 general broadcast', q('int16', [2, 1, 4], 0.0011, 0), q('int16', [3, 1], 0.0007, 0), { scale: 0.0013, zeroPoint: 0 }, 0, { options: { potScaleInt16: false } }),
  qbin('int16 general relu6', q('int16', [2, 6], 0.0004, 0), q('int16', [6], 0.0003, 0), { scale: 0.00025, zeroPoint: 0 }, 3, { options: { potScaleInt16: false } }),
  qbin('int16 pot flag with other scales takes the general path', q('int16', [2, 5], 0.0003, 0), q('int16', [2, 5], 0.0002, 0), { scale: 0.0005, zeroPoint: 0 }),
  qbin('int16 power-of-two scales', q('int16', [2, 8], 2 ** -12, 0), q('int16', [2, 8], 2 ** -10, 0), { scale: 2 ** -10, zeroPoint: 0 }),
  qbin('int16 power-of-two saturates', q('int16', [6], 2 ** -10, 0, { data: [32767, -32768, 32000, 100, -5, 7] }), q('int16', [6], 2 ** -10, 0, { data: [32767, -32768, 1000, -100, 3, -9] }), { scale: 2 ** -10, zeroPoint: 0 }),
  qbin('int16 power-of-two broadcast fails', q('int16', [2, 4], 2 ** -10, 0), q('int16', [4], 2 ** -10, 0), { scale: 2 ** -10, zeroPoint: 0 }, 0, { error: 'broadcast' }),
  qbin('int16 nonzero zero point fails', q('int16', [4], 0.001, 3), q('int16', [4], 0.001, 0), { scale: 0.002, zeroPoint: 0 }, 0, { error: 'zero point' }),
  qbin('int8 without quantization fails', t('int8', [4]), t('int8', [4]), undefined, 0, { error: 'quantization' }),
  wrongOutputTypeCase(bin),
];
