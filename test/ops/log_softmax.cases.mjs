// LOG_SOFTMAX: float32 (any rank, last axis); uint8 / int8 (float-table kernel, output scale 16/256,
// zero point 255 / 127).
const f32 = (shape, extra = {}) => ({ dtype: 'float32', shape, ...extra });
const q = (dtype, shape, scale, zeroPoint, extra = {}) => ({ dtype, shape, quant: { scale, zeroPoint }, ...extra });
const qo = (dtype, scale, zeroPoint) => ({ dtype, quant: { scale, zeroPoint } });
const ls = (name, input, extra = {}) => ({ name, op: 'LOG_SOFTMAX', version: 1, options: {}, inputs: [input], outputs: [{ dtype: 'float32' }], ...extra });

export default [
  ls('rank 2', f32([2, 5])),
  ls('rank 1', f32([7], { range: [-5, 5] })),
  ls('rank 3 wide range', f32([2, 3, 6], { range: [-20, 20] })),
  ls('rank 4', f32([1, 2, 3, 4], { range: [-4, 4] })),
  ls('rank 5', f32([2, 1, 2, 2, 3])),
  ls('large logits (stability)', f32([2, 4], { range: [500, 600] })),
  ls('last axis of 1', f32([3, 1])),
  ls('long rows 3x500', f32([3, 500], { range: [-8, 8] })),
  ls('error: rank 0', f32([]), { error: 'rank' }),
  ls('uint8 rank 2', q('uint8', [3, 10], 0.1, 128), { outputs: [qo('uint8', 16 / 256, 255)] }),
  ls('uint8 rank 4 small scale', q('uint8', [1, 2, 3, 8], 0.02, 0), { outputs: [qo('uint8', 16 / 256, 255)] }),
  ls('uint8 long row 2x1001', q('uint8', [2, 1001], 0.13, 96), { outputs: [qo('uint8', 16 / 256, 255)] }),
  ls('int8 rank 2', q('int8', [3, 10], 0.1, 3), { outputs: [qo('int8', 16 / 256, 127)] }),
  ls('int8 rank 3 wide scale', q('int8', [2, 3, 7], 0.3, -10), { outputs: [qo('int8', 16 / 256, 127)] }),
  ls('int8 last axis of 1', q('int8', [4, 1], 0.05, 0), { outputs: [qo('int8', 16 / 256, 127)] }),
  ls('error: int8 output zero point', q('int8', [2, 5], 0.1, 0), { outputs: [qo('int8', 16 / 256, 0)], error: 'zero point' }),
  ls('error: uint8 output scale', q('uint8', [2, 5], 0.1, 0), { outputs: [qo('uint8', 1 / 256, 255)], error: 'scale' }),
  ls('error: int16 input', q('int16', [2, 5], 0.001, 0), { outputs: [qo('int16', 16 / 256, 0)], error: 'type' }),
];
