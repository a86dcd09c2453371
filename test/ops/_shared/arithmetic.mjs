// Case builders and cases shared by the binary arithmetic ops ADD, SUB and MUL: numpy broadcasting at any rank,
// fused activations. The cases are functions of the op's `bin` builder (see arithmeticBuilders).
export const f = (shape, extra = {}) => ({ dtype: 'float32', shape, ...extra });
export const t = (dtype, shape, extra = {}) => ({ dtype, shape, ...extra });
export const q = (dtype, shape, scale, zeroPoint, extra = {}) => ({ dtype, shape, quant: { scale, zeroPoint }, ...extra });

/**
 * The case builders of `op`, whose options for fused activation `act` are `opts(act)`:
 * `bin(name, a, b, act, extra)`, the output of a's type; `qbin(name, a, b, out, act, extra)`, quantized inputs and
 * output with their own scales and zero points (`out`: the output's), `extra.options` added to the options and
 * `extra.outType` the output type where it is not a's.
 */
export function arithmeticBuilders(op, opts) {
  const bin = (name, a, b, act = 0, extra = {}) => ({ name, op, options: opts(act), inputs: [a, b], outputs: [{ dtype: a.dtype }], ...extra });
  const qbin = (name, a, b, out, act = 0, { outType, ...extra } = {}) => ({
    name, op, options: { ...opts(act), ...extra.options }, inputs: [a, b], outputs: [{ dtype: outType ?? a.dtype, quant: out }], ...extra,
  });
  return { bin, qbin };
}

/** float32: shapes and broadcasting up to rank 7, empty, constant, activations, large values; `overflow`: b's data in 'float overflow gives inf'. */
export const floatCases = (bin, overflow) => [
  bin('float same shape', f([2, 3, 4]), f([2, 3, 4])),
  bin('float rank 0 both', f([]), f([])),
  bin('float scalar + tensor', f([]), f([2, 3])),
  bin('float tensor + scalar', f([2, 3]), f([])),
  bin('float trailing vector', f([2, 3, 4]), f([4])),
  bin('float both broadcast', f([1, 3, 1]), f([2, 1, 4])),
  bin('float rank 4 broadcast', f([2, 1, 3, 1]), f([1, 4, 1, 5])),
  bin('float rank 5 broadcast', f([2, 1, 3, 1, 2]), f([1, 2, 1, 4, 1])),
  bin('float rank 6 broadcast', f([2, 1, 2, 1, 2, 3]), f([1, 2, 1, 2, 1, 3])),
  bin('float rank 7 same shape', f([1, 2, 1, 2, 1, 2, 3]), f([1, 2, 1, 2, 1, 2, 3])),
  bin('float size 1 vs rank 2', f([1]), f([3, 2])),
  bin('float empty', f([0, 3]), f([3]), 0, { expected: [[]], expectedShapes: [[0, 3]] }),
  bin('float constant operand', f([2, 3]), f([3], { constant: true })),
  bin('float relu', f([3, 4], { range: [-5, 5] }), f([4], { range: [-5, 5] }), 1),
  bin('float relu_n1_to_1', f([3, 4], { range: [-3, 3] }), f([3, 4], { range: [-3, 3] }), 2),
  bin('float relu6', f([3, 4], { range: [-10, 10] }), f([1, 4], { range: [-10, 10] }), 3),
  bin('float tanh activation is ignored', f([3, 4], { range: [-3, 3] }), f([3, 4], { range: [-3, 3] }), 4),
  bin('float sign_bit activation is ignored', f([3, 4], { range: [-3, 3] }), f([4], { range: [-3, 3] }), 5),
  bin('float overflow gives inf', f([4], { data: [3e38, -3e38, 1, 3.4e38] }), f([4], { data: overflow })),
  bin('float large values', f([2, 5], { range: [-1e6, 1e6] }), f([5], { range: [-1e6, 1e6] })),
];

/** int32 and int64: broadcasting, activations; `wrapsA`, `wrapsB`: the data of 'int32 wraps on overflow'. */
export const intCases = (bin, wrapsA, wrapsB) => [
  bin('int32 same shape', t('int32', [2, 3], { range: [-100, 100] }), t('int32', [2, 3], { range: [-100, 100] })),
  bin('int32 broadcast', t('int32', [2, 1, 3], { range: [-100, 100] }), t('int32', [4, 1], { range: [-100, 100] })),
  bin('int32 rank 6 broadcast', t('int32', [2, 1, 2, 1, 2, 1]), t('int32', [1, 2, 1, 2, 1, 3])),
  bin('int32 relu', t('int32', [2, 5], { range: [-10, 10] }), t('int32', [5], { range: [-10, 10] }), 1),
  bin('int32 relu6', t('int32', [2, 5], { range: [-10, 10] }), t('int32', [2, 5], { range: [-10, 10] }), 3),
  bin('int32 relu_n1_to_1', t('int32', [2, 5], { range: [-3, 3] }), t('int32', [2, 5], { range: [-3, 3] }), 2),
  bin('int32 wraps on overflow', t('int32', [3], { data: wrapsA }), t('int32', [3], { data: wrapsB })),
  bin('int64 same shape', t('int64', [2, 3], { range: [-1000, 1000] }), t('int64', [2, 3], { range: [-1000, 1000] })),
  bin('int64 broadcast', t('int64', [3, 1]), t('int64', [1, 4])),
  bin('int64 relu6', t('int64', [2, 4], { range: [-10, 10] }), t('int64', [4], { range: [-10, 10] }), 3),
];

/** int16 without quantization: broadcasting, activations after the wrap-around; `wrapsB`: b's data in the wrapping cases. */
export const int16Cases = (bin, wrapsB) => [
  bin('int16 broadcast', t('int16', [2, 3], { range: [-100, 100] }), t('int16', [3], { range: [-100, 100] })),
  bin('int16 wraps before the activation', t('int16', [6], { data: [30000, -30000, 5, -5, 2, -1] }), t('int16', [6], { data: wrapsB })),
  bin('int16 relu', t('int16', [6], { data: [30000, -30000, 5, -5, 2, -1] }), t('int16', [6], { data: wrapsB }), 1),
  bin('int16 relu6', t('int16', [2, 6], { range: [-10, 10] }), t('int16', [6], { range: [-10, 10] }), 3),
  bin('int16 relu_n1_to_1', t('int16', [2, 6], { range: [-10, 10] }), t('int16', [6], { range: [-10, 10] }), 2),
];

/** bool inputs and incompatible shapes fail; rank 7 and 8 broadcasting. */
export const tailCases = (bin) => [
  bin('bool fails', t('bool', [2]), t('bool', [2]), 0, { error: 'type' }),
  bin('incompatible shapes fail', f([2, 3]), f([4]), 0, { error: 'broadcast' }),
  bin('float rank 7 broadcast', f([2, 1, 2, 1, 2, 1, 2]), f([1, 2, 1, 2, 1, 2, 1])),
  bin('float rank 8 broadcast', f([2, 1, 2, 1, 2, 1, 2, 1]), f([1, 2, 1, 2, 1, 2, 1, 2])),
  bin('int32 rank 7 broadcast', t('int32', [2, 1, 2, 1, 2, 1, 2]), t('int32', [1, 2, 1, 2, 1, 2, 1])),
];

export const wrongOutputTypeCase = (bin) => bin('wrong output type fails', f([2]), f([2]), 0, { outputs: [{ dtype: 'int32' }], error: 'type' });
