// AVERAGE_POOL_2D (float32; uint8, int8, int16 on raw values with the quantized activation clamp): padding (only in-bounds elements count), strides, filter sizes, activation.
import { poolCases } from './_shared/pool.mjs';

export default poolCases('AVERAGE_POOL_2D', { edgesName: 'same 3x3 stride 1 (edges average fewer)' });
