// LEAKY_RELU: x > 0 ? x : alpha * x (float32; quantized uint8/int8/int16).
const OP = 'LEAKY_RELU';
const f = (shape, extra = {}) => ({ dtype: 'float32', shape, ...extra });
const lr = (name, x, alpha, extra = {}) => ({ name, op: OP, options: { alpha }, inputs: [x], outputs: [{ dtype: x.dtype }], ...extra });
const q = (dtype, shape, scale, zeroPoint, extra = {}) => ({ dtype, shape, quant: { scale, zeroPoint }, ...extra });
const qlr = (name, x, alpha, out, extra = {}) => ({ name, op: OP, options: { alpha }, inputs: [x], outputs: [{ dtype: x.dtype, quant: out }], ...extra });

export default [
  lr('alpha 0.2', f([2, 3, 4], { range: [-5, 5] }), 0.2),
  lr('alpha 0.01', f([100], { range: [-5, 5] }), 0.01),
  lr('alpha 0', f([10], { range: [-5, 5] }), 0),
  lr('alpha 1', f([10], { range: [-5, 5] }), 1),
  lr('alpha above 1', f([10], { range: [-5, 5] }), 3.5),
  lr('negative alpha', f([10], { range: [-5, 5] }), -0.5),
  lr('zeros', f([3], { data: [0, -0, -1e-30] }), 0.3),
  lr('scalar', f([], { data: [-2] }), 0.1),
  lr('rank 6', f([1, 2, 1, 2, 3, 2]), 0.1),
  qlr('uint8 alpha 0.2', q('uint8', [2, 3, 4], 0.05, 128), 0.2, { scale: 0.03, zeroPoint: 60 }),
  qlr('uint8 same params', q('uint8', [4, 8], 0.0731, 100), 0.1, { scale: 0.0731, zeroPoint: 100 }),
  qlr('int8 alpha 0.1', q('int8', [2, 3, 4], 0.0617, -5), 0.1, { scale: 0.0431, zeroPoint: -20 }),
  qlr('int8 alpha 0', q('int8', [16], 0.05, 0), 0, { scale: 0.05, zeroPoint: -128 }),
  qlr('int8 alpha above 1', q('int8', [16], 0.05, 0), 2.5, { scale: 0.11, zeroPoint: 30 }),
  qlr('int8 negative alpha', q('int8', [16], 0.05, 7), -0.5, { scale: 0.04, zeroPoint: -60 }),
  qlr('int8 rank 6', q('int8', [1, 2, 1, 2, 3, 2], 0.0217, -5), 0.3, { scale: 0.0331, zeroPoint: -30 }),
  // Scale ratios XNNPACK declines run TFLite's builtin kernel.
  qlr('int8 tiny input-to-output scale', q('int8', [16], 0.0001, 7), 0.3, { scale: 0.05, zeroPoint: -60 }),
  qlr('uint8 tiny negative slope', q('uint8', [16], 0.05, 128), 0.001, { scale: 0.04, zeroPoint: 100 }),
  qlr('int16', q('int16', [4, 8], 0.00031, 0), 0.2, { scale: 0.00027, zeroPoint: 0 }),
  qlr('int16 negative alpha', q('int16', [16], 0.0005, 0), -0.7, { scale: 0.0006, zeroPoint: 0 }),
  qlr('int16 nonzero zero point fails', q('int16', [4], 0.001, 1), 0.2, { scale: 0.001, zeroPoint: 0 }, { error: 'zero point' }),
  qlr('int8 without quantization fails', { dtype: 'int8', shape: [4] }, 0.2, undefined, { error: 'quantization' }),
  lr('int32 fails', { dtype: 'int32', shape: [2] }, 0.1, { error: 'type' }),
];
