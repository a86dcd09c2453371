// Case generators shared by the comparison ops (EQUAL, NOT_EQUAL, GREATER, GREATER_EQUAL, LESS, LESS_EQUAL):
// a op b → bool with numpy broadcasting at any rank; quantized uint8/int8 rescaled to real values before comparing.
const f = (shape, extra = {}) => ({ dtype: 'float32', shape, ...extra });
const t = (dtype, shape, extra = {}) => ({ dtype, shape, ...extra });
// Small integer ranges so that equal values occur often.
export const small = (dtype, shape) => t(dtype, shape, { range: [-2, 3] });
const q = (dtype, shape, scale, zeroPoint, range) => ({ dtype, shape, quant: { scale, zeroPoint }, range });

/** int16 inputs without quantization: compared like the other integers. */
export const int16Cases = (bin) => [
  bin('int16 same shape', small('int16', [3, 4]), small('int16', [3, 4])),
  bin('int16 broadcast', small('int16', [2, 1, 3]), small('int16', [4, 1])),
];

/**
 * The table of comparison `op`. The op-specific slots are functions of the op's case builder
 * `bin(name, a, b, extra)`: `bool` (after the int64 cases), `int16` (after those) and `int16Quantized`
 * (after the uint8/int8 quantized cases).
 */
export function comparisonCases(op, { bool, int16, int16Quantized }) {
  const bin = (name, a, b, extra = {}) => ({ name, op, inputs: [a, b], outputs: [{ dtype: 'bool' }], ...extra });
  return [
    bin('float same shape', f([2, 3, 4]), f([2, 3, 4])),
    bin('float equal values', f([6], { data: [1, -2, 0.5, 0, -0, 3] }), f([6], { data: [1, 2, 0.5, -0, 0, -3] })),
    bin('float scalar', f([2, 3]), f([], { data: [0] })),
    bin('float trailing vector', f([2, 3, 4]), f([4])),
    bin('float both broadcast', f([1, 3, 1]), f([2, 1, 4])),
    bin('float rank 4 broadcast', f([2, 1, 3, 1]), f([1, 4, 1, 5])),
    bin('float rank 5 broadcast', f([2, 1, 3, 1, 2]), f([1, 2, 1, 4, 1])),
    bin('float rank 6 broadcast', f([2, 1, 2, 1, 2, 3]), f([1, 2, 1, 2, 1, 3])),
    bin('float rank 7 broadcast', f([2, 1, 2, 1, 2, 1, 2]), f([1, 2, 1, 2, 1, 2, 1])),
    bin('int32 rank 7 broadcast', small('int32', [2, 1, 2, 1, 2, 1, 2]), small('int32', [1, 2, 1, 2, 1, 2, 1])),
    bin('float rank 5 same shape', f([1, 2, 1, 3, 2]), f([1, 2, 1, 3, 2])),
    bin('float constant operand', f([2, 3]), f([3], { constant: true })),
    bin('int32 same shape', small('int32', [3, 4]), small('int32', [3, 4])),
    bin('int32 broadcast', small('int32', [2, 1, 3]), small('int32', [4, 1])),
    bin('int64 same shape', small('int64', [3, 4]), small('int64', [3, 4])),
    bin('int64 broadcast', small('int64', [3, 1]), small('int64', [1, 4])),
    ...bool(bin),
    ...int16(bin),
    // Quantized: both sides rescaled to real values before comparing.
    bin('uint8 same params', q('uint8', [3, 4], 0.05, 128, [125, 132]), q('uint8', [3, 4], 0.05, 128, [125, 132])),
    bin('uint8 different scales', q('uint8', [4, 6], 0.1, 3, [0, 12]), q('uint8', [4, 6], 0.05, 6, [0, 24])),
    bin('uint8 broadcast', q('uint8', [2, 1, 3], 0.0731, 100, [95, 106]), q('uint8', [4, 1], 0.0365, 90, [80, 101])),
    bin('uint8 scale above one', q('uint8', [8], 2, 10, [5, 16]), q('uint8', [8], 1.5, 0, [0, 16])),
    bin('int8 same params', q('int8', [3, 4], 0.05, -3, [-6, 1]), q('int8', [3, 4], 0.05, -3, [-6, 1])),
    bin('int8 different scales', q('int8', [4, 6], 0.02, -128, [-128, -110]), q('int8', [4, 6], 0.04, -128, [-128, -119])),
    bin('int8 rank 5 broadcast', q('int8', [2, 1, 3, 1, 2], 0.0123, 4, [0, 9]), q('int8', [1, 2, 1, 4, 1], 0.0246, 2, [0, 5])),
    bin('int8 scalar', q('int8', [2, 5], 0.1, 0, [-3, 4]), q('int8', [], 0.3, 0, [-1, 2])),
    bin('int8 without quantization fails', t('int8', [2]), t('int8', [2]), { error: 'quantization' }),
    ...int16Quantized(bin),
    bin('type mismatch fails', f([2]), t('int32', [2]), { error: 'differ' }),
    bin('incompatible shapes fail', f([2, 3]), f([4]), { error: 'broadcast' }),
    { name: 'float output fails', op, inputs: [f([2]), f([2])], outputs: [{ dtype: 'float32' }], error: 'type' },
  ];
}

/** GREATER, GREATER_EQUAL, LESS, LESS_EQUAL: bool inputs fail; quantized int16 compares raw values. */
export const orderedComparisonCases = (op) => comparisonCases(op, {
  bool: (bin) => [bin('bool fails', t('bool', [2]), t('bool', [2]), { error: 'type' })],
  int16: int16Cases,
  int16Quantized: (bin) => [
    // int16 compares raw values even with different scales.
    bin('int16 quantized compares raw values', q('int16', [4, 6], 0.001, 0, [-12, 12]), q('int16', [4, 6], 0.002, 0, [-6, 6])),
  ],
});

/** EQUAL, NOT_EQUAL: bool inputs compare; quantized int16 too. `int16` is the op's slot for unquantized int16. */
export const equalityCases = (op, int16) => comparisonCases(op, {
  bool: (bin) => [
    bin('bool same shape', t('bool', [2, 3]), t('bool', [2, 3])),
    bin('bool broadcast', t('bool', [2, 1, 2]), t('bool', [3, 1])),
  ],
  int16,
  int16Quantized: (bin) => [
    bin('int16 quantized different scales', q('int16', [4, 6], 0.001, 0, [-12, 12]), q('int16', [4, 6], 0.002, 0, [-6, 6])),
    bin('int16 quantized broadcast', q('int16', [2, 1, 3], 0.0005, 0, [-6, 6]), q('int16', [4, 1], 0.0015, 0, [-2, 3])),
  ],
});
