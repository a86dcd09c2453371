// Case builders shared by the unary elementwise ops' tables, and the float32 cases most of them share.
export const t = (dtype, shape, extra = {}) => ({ dtype, shape, ...extra });
export const f = (shape, extra = {}) => t('float32', shape, extra);
export const q = (dtype, shape, scale, zeroPoint, extra = {}) => ({ dtype, shape, quant: { scale, zeroPoint }, ...extra });

/**
 * The case builders of `op`: `un(name, x, extra)`, the output of x's type unless `extra.out` names one;
 * `qun(name, x, out, extra)`, quantized, `out` the output's quantization.
 */
export function unaryBuilders(op) {
  const un = (name, x, extra = {}) => ({ name, op, inputs: [x], outputs: [{ dtype: extra.out ?? x.dtype }], ...extra, out: undefined });
  const qun = (name, x, out, extra = {}) => ({ name, op, inputs: [x], outputs: [{ dtype: x.dtype, quant: out }], ...extra });
  return { un, qun };
}

/** float32 inputs in [lo, hi] of ranks 0 to 6, constant, and empty. */
export const floatShapeCases = (un, [lo, hi] = [-10, 10]) => [
  un('rank 3', f([2, 3, 4], { range: [lo, hi] })),
  un('scalar', f([], { range: [lo, hi] })),
  un('rank 1 long', f([257], { range: [lo, hi] })),
  un('constant input', f([2, 3], { constant: true, range: [lo, hi] })),
  un('rank 6', f([1, 2, 1, 2, 3, 2], { range: [lo, hi] })),
  un('empty', f([0, 2]), { expected: [[]], expectedShapes: [[0, 2]] }),
];

/** The clamping activations (RELU, RELU6, RELU_0_TO_1, RELU_N1_TO_1) on quantized uint8/int8, rescaled. */
export const clampQuantizedCases = (qun) => [
  qun('uint8 same params', q('uint8', [2, 3, 4], 0.05, 128), { scale: 0.05, zeroPoint: 128 }),
  qun('uint8 rescaled', q('uint8', [3, 5], 0.0731, 120), { scale: 0.0193, zeroPoint: 100 }),
  qun('uint8 output zero point at the bottom', q('uint8', [16], 0.03, 70), { scale: 0.011, zeroPoint: 0 }),
  qun('int8 same params', q('int8', [2, 3, 4], 0.05, -3), { scale: 0.05, zeroPoint: -3 }),
  qun('int8 rescaled', q('int8', [3, 5], 0.0731, 12), { scale: 0.0193, zeroPoint: -100 }),
  qun('int8 narrow output', q('int8', [4, 8], 0.1, 0), { scale: 0.004, zeroPoint: -128 }),
  qun('int8 rank 6', q('int8', [1, 2, 1, 2, 3, 2], 0.0217, -5), { scale: 0.0331, zeroPoint: -30 }),
  qun('int8 without quantization fails', t('int8', [4]), undefined, { error: 'quantization' }),
];
