// SOFTMAX: float32 (beta, any rank, last axis); uint8 / int8 → uint8 / int8 / int16 (TFLite's
// float-table kernel) and int16 → int16 (exp / reciprocal interpolation tables).
const f32 = (shape, extra = {}) => ({ dtype: 'float32', shape, ...extra });
const q = (dtype, shape, scale, zeroPoint, extra = {}) => ({ dtype, shape, quant: { scale, zeroPoint }, ...extra });
const qo = (dtype, scale, zeroPoint) => ({ dtype, quant: { scale, zeroPoint } });
const sm = (name, beta, input, extra = {}) => ({ name, op: 'SOFTMAX', version: 1, options: { beta }, inputs: [input], outputs: [{ dtype: 'float32' }], ...extra });

export default [
  sm('rank 2 beta 1', 1, f32([2, 5])),
  sm('rank 1', 1, f32([7], { range: [-5, 5] })),
  sm('rank 3 wide range', 1, f32([2, 3, 6], { range: [-20, 20] })),
  sm('rank 4 beta 0.5', 0.5, f32([1, 2, 3, 4], { range: [-4, 4] })),
  sm('rank 5 beta 2', 2, f32([1, 2, 2, 2, 3], { range: [-3, 3] })),
  sm('rank 6', 1, f32([1, 2, 1, 2, 1, 5])),
  sm('large logits (stability)', 1, f32([2, 4], { range: [500, 600] })),
  sm('last axis of 1', 1, f32([3, 1])),
  sm('long rows 2x1001', 1, f32([2, 1001], { range: [-8, 8] })),
  sm('constant rows', 1, f32([2, 3], { data: [1, 1, 1, -3, -3, -3] })),
  sm('uint8 mobilenet head 1x1001', 1, q('uint8', [1, 1001], 0.130833, 96), { outputs: [qo('uint8', 1 / 256, 0)] }),
  sm('uint8 rank 2 beta 1', 1, q('uint8', [3, 10], 0.1, 128), { outputs: [qo('uint8', 1 / 256, 0)] }),
  sm('uint8 beta 0.5 rank 4', 0.5, q('uint8', [1, 2, 3, 8], 0.2, 100), { outputs: [qo('uint8', 1 / 256, 0)] }),
  sm('uint8 small scale (flat)', 1, q('uint8', [2, 6], 0.005, 0), { outputs: [qo('uint8', 1 / 256, 0)] }),
  sm('uint8 to int16', 1, q('uint8', [2, 12], 0.08, 128), { outputs: [qo('int16', 1 / 32768, 0)] }),
  sm('int8 rank 2', 1, q('int8', [3, 10], 0.128202, 2), { outputs: [qo('int8', 1 / 256, -128)] }),
  sm('int8 tf2 mobilenet head 1x1001', 1, q('int8', [1, 1001], 0.063365, -53), { outputs: [qo('int8', 1 / 256, -128)] }),
  sm('int8 beta 2 rank 3', 2, q('int8', [2, 3, 7], 0.05, 0), { outputs: [qo('int8', 1 / 256, -128)] }),
  sm('int8 last axis of 1', 1, q('int8', [4, 1], 0.05, 0), { outputs: [qo('int8', 1 / 256, -128)] }),
  sm('int8 to int16', 1, q('int8', [2, 12], 0.08, -3), { outputs: [qo('int16', 1 / 32768, 0)] }),
  sm('int16 rank 2', 1, q('int16', [3, 10], 0.0005, 0), { outputs: [qo('int16', 1 / 32768, 0)] }),
  sm('int16 wide range rank 4', 1, q('int16', [1, 2, 3, 16], 0.002, 0), { outputs: [qo('int16', 1 / 32768, 0)] }),
  sm('int16 beta 0.3 long row', 0.3, q('int16', [2, 300], 0.001, 0), { outputs: [qo('int16', 1 / 32768, 0)] }),
  sm('error: int8 output zero point', 1, q('int8', [2, 5], 0.1, 0), { outputs: [qo('int8', 1 / 256, 0)], error: 'zero point' }),
  sm('error: int16 output scale', 1, q('int16', [2, 5], 0.001, 0), { outputs: [qo('int16', 1 / 256, 0)], error: 'scale' }),
  sm('error: uint8 to int8', 1, q('uint8', [2, 5], 0.1, 0), { outputs: [qo('int8', 1 / 256, -128)], error: 'type' }),
  sm('error: rank 0', 1, f32([]), { error: 'rank' }),
  sm('error: int32 input', 1, { dtype: 'int32', shape: [2, 3] }, { error: 'type' }),
];
