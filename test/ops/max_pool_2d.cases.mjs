// MAX_POOL_2D (float32; uint8, int8, int16 on raw values with the quantized activation clamp): padding, strides, filter sizes, activation.
import { poolCases, f32 } from './_shared/pool.mjs';

export default poolCases('MAX_POOL_2D', {
  edgesName: 'same 3x3 stride 1 (edges see fewer)',
  floatExtra: (pool) => [
    pool('same padding never wins over negative values', { padding: 0, filterWidth: 3, filterHeight: 3, strideW: 2, strideH: 2 }, f32([1, 6, 6, 2], { range: [-5, -1] })),
  ],
});
