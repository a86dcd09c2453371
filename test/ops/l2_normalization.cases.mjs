// L2_NORMALIZATION: float32 (last axis, rank 1–4, norm clamped to 1e-6: zero rows stay zero);
// uint8 / int8 in fixed point, output scale 1/128 with zero point 128 / 0.
const f32 = (shape, extra = {}) => ({ dtype: 'float32', shape, ...extra });
const q = (dtype, shape, scale, zeroPoint, extra = {}) => ({ dtype, shape, quant: { scale, zeroPoint }, ...extra });
const qo = (dtype, scale, zeroPoint) => ({ dtype, quant: { scale, zeroPoint } });
const l2 = (name, input, act = 0, extra = {}) => ({ name, op: 'L2_NORMALIZATION', version: 1, options: { fusedActivationFunction: act }, inputs: [input], outputs: [{ dtype: 'float32' }], ...extra });

export default [
  l2('rank 2', f32([2, 5])),
  l2('rank 1', f32([6], { range: [-3, 3] })),
  l2('rank 4', f32([1, 2, 3, 4])),
  l2('rank 3 large values', f32([2, 2, 8], { range: [-1000, 1000] })),
  l2('zero row and tiny row', f32([3, 3], { data: [0, 0, 0, 1e-8, -1e-8, 2e-8, 3, 4, 0] })),
  l2('last axis of 1', f32([4, 1])),
  l2('long rows', f32([2, 512])),
  l2('uint8 rank 2', q('uint8', [3, 10], 0.05, 128), 0, { outputs: [qo('uint8', 1 / 128, 128)] }),
  l2('uint8 rank 4', q('uint8', [1, 2, 3, 8], 0.1, 100), 0, { outputs: [qo('uint8', 1 / 128, 128)] }),
  l2('uint8 zero row and single element', q('uint8', [3, 4], 0.1, 128, { data: [128, 128, 128, 128, 128, 200, 128, 128, 0, 255, 17, 128] }), 0, { outputs: [qo('uint8', 1 / 128, 128)] }),
  l2('uint8 long rows', q('uint8', [2, 512], 0.02, 128), 0, { outputs: [qo('uint8', 1 / 128, 128)] }),
  l2('int8 rank 2', q('int8', [3, 10], 0.05, 3), 0, { outputs: [qo('int8', 1 / 128, 0)] }),
  l2('int8 rank 3', q('int8', [2, 2, 8], 0.1, -20), 0, { outputs: [qo('int8', 1 / 128, 0)] }),
  l2('int8 zero row and single element', q('int8', [3, 4], 0.1, 0, { data: [0, 0, 0, 0, 0, -90, 0, 0, -128, 127, 5, 0] }), 0, { outputs: [qo('int8', 1 / 128, 0)] }),
  l2('int8 long rows', q('int8', [2, 512], 0.02, -1), 0, { outputs: [qo('int8', 1 / 128, 0)] }),
  l2('error: int8 output zero point', q('int8', [2, 3], 0.1, 0), 0, { outputs: [qo('int8', 1 / 128, 5)], error: 'zero point' }),
  l2('error: uint8 output scale', q('uint8', [2, 3], 0.1, 128), 0, { outputs: [qo('uint8', 1 / 256, 128)], error: 'scale' }),
  l2('error: rank 5', f32([1, 1, 2, 2, 3]), 0, { error: 'rank' }),
  l2('error: fused relu', f32([2, 3]), 1, { error: 'activation' }),
  l2('error: int32 input', { dtype: 'int32', shape: [2, 3] }, 0, { error: 'type' }),
];
