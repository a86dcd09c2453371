// Case builders and cases shared by FLOOR_DIV and FLOOR_MOD: numpy broadcasting, signs, zero divisors.
export const f = (shape, extra = {}) => ({ dtype: 'float32', shape, ...extra });
export const t = (dtype, shape, extra = {}) => ({ dtype, shape, ...extra });
// Dividend / divisor pairs: every combination of signs, exact quotients, a zero dividend.
export const SIGNS_A = [7, -7, 7, -7, 6, -6, 0, 1, -1, 100];
export const SIGNS_B = [2, 2, -2, -2, 3, 3, 5, 7, 7, -9];

/** The case builder of `op`: `bin(name, a, b, extra)`, the output of a's type. */
export const floorBuilder = (op) => (name, a, b, extra = {}) => ({ name, op, inputs: [a, b], outputs: [{ dtype: a.dtype }], ...extra });

/** float32: shapes, signs and broadcasting up to rank 7 (dividends in [-10, 10], divisors away from 0). */
export const floatCases = (bin) => [
  bin('float same shape', f([2, 3, 4], { range: [-10, 10] }), f([2, 3, 4], { range: [0.5, 3] })),
  bin('float signs', f([10], { data: SIGNS_A.map((v) => v * 0.5) }), f([10], { data: SIGNS_B.map((v) => v * 0.5) })),
  bin('float negative divisors', f([2, 3], { range: [-10, 10] }), f([3], { range: [-3, -0.5] })),
  bin('float scalar divisor', f([2, 3], { range: [-10, 10] }), f([], { data: [1.5] })),
  bin('float both broadcast', f([1, 3, 1], { range: [-10, 10] }), f([2, 1, 4], { range: [0.5, 3] })),
  bin('float rank 4 broadcast', f([2, 1, 3, 1], { range: [-10, 10] }), f([1, 4, 1, 5], { range: [0.5, 3] })),
  bin('float rank 5 broadcast', f([2, 1, 3, 1, 2], { range: [-10, 10] }), f([1, 2, 1, 4, 1], { range: [0.5, 3] })),
  bin('float rank 7 broadcast', f([2, 1, 2, 1, 2, 1, 2], { range: [-10, 10] }), f([1, 2, 1, 2, 1, 2, 1], { range: [0.5, 3] })),
  bin('int32 rank 7 broadcast', t('int32', [2, 1, 2, 1, 2, 1, 2], { range: [-50, 50] }), t('int32', [1, 2, 1, 2, 1, 2, 1], { range: [1, 9] })),
  bin('float rank 5 same shape', f([1, 2, 1, 3, 2], { range: [-10, 10] }), f([1, 2, 1, 3, 2], { range: [0.5, 3] })),
];

/** int32: signs, broadcasting, a negative scalar divisor; a zero divisor fails. */
export const int32Cases = (bin) => [
  bin('int32 signs', t('int32', [10], { data: SIGNS_A }), t('int32', [10], { data: SIGNS_B })),
  bin('int32 broadcast', t('int32', [2, 1, 3], { range: [-100, 100] }), t('int32', [4, 1], { range: [1, 10] })),
  bin('int32 negative scalar divisor', t('int32', [2, 3], { range: [-100, 100] }), t('int32', [], { data: [-7] })),
  bin('int32 zero divisor fails', t('int32', [2], { data: [1, 2] }), t('int32', [2], { data: [1, 0] }), { error: 'division by zero' }),
];

/** int16 and int8: signs, broadcasting; a zero int8 divisor fails. */
export const int16Int8Cases = (bin) => [
  bin('int16 signs', t('int16', [10], { data: SIGNS_A }), t('int16', [10], { data: SIGNS_B })),
  bin('int16 broadcast', t('int16', [2, 3], { range: [-1000, 1000] }), t('int16', [3], { range: [1, 20] })),
  bin('int8 signs', t('int8', [10], { data: SIGNS_A }), t('int8', [10], { data: SIGNS_B })),
  bin('int8 broadcast', t('int8', [2, 3], { range: [-128, 128] }), t('int8', [3], { range: [-9, -1] })),
  bin('int8 zero divisor fails', t('int8', [2], { data: [1, 2] }), t('int8', [2], { data: [1, 0] }), { error: 'division by zero' }),
];
