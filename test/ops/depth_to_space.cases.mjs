// DEPTH_TO_SPACE: block sizes 2/3, batch > 1, several output channels, every dtype, errors.
import { x, out, QU, QS, qt, qo } from './_shared/movement.mjs';
export default [
  { name: 'block 2, 1 output channel', op: 'DEPTH_TO_SPACE', options: { blockSize: 2 }, inputs: [x('float32', [1, 2, 3, 4])], outputs: out() },
  { name: 'block 2, 3 output channels, batch 2', op: 'DEPTH_TO_SPACE', options: { blockSize: 2 }, inputs: [x('float32', [2, 2, 2, 12])], outputs: out() },
  { name: 'block 3', op: 'DEPTH_TO_SPACE', options: { blockSize: 3 }, inputs: [x('float32', [1, 2, 1, 18])], outputs: out() },
  { name: 'block 1 (identity)', op: 'DEPTH_TO_SPACE', options: { blockSize: 1 }, inputs: [x('float32', [1, 2, 2, 3])], outputs: out() },
  { name: 'int32 data', op: 'DEPTH_TO_SPACE', options: { blockSize: 2 }, inputs: [x('int32', [1, 1, 2, 8])], outputs: out('int32') },
  { name: 'int64 data', op: 'DEPTH_TO_SPACE', options: { blockSize: 2 }, inputs: [x('int64', [1, 2, 1, 4])], outputs: out('int64') },
  { name: 'uint8 data', op: 'DEPTH_TO_SPACE', options: { blockSize: 2 }, inputs: [x('uint8', [1, 2, 2, 4], { quant: { scale: 0.1, zeroPoint: 128 } })], outputs: [{ dtype: 'uint8', quant: { scale: 0.1, zeroPoint: 128 } }] },
  { name: 'int8 data', op: 'DEPTH_TO_SPACE', options: { blockSize: 2 }, inputs: [x('int8', [2, 1, 1, 8])], outputs: out('int8') },
  { name: 'error: depth not divisible', op: 'DEPTH_TO_SPACE', options: { blockSize: 2 }, inputs: [x('float32', [1, 2, 2, 6])], outputs: out(), error: 'multiple' },
  { name: 'error: block size 0', op: 'DEPTH_TO_SPACE', options: { blockSize: 0 }, inputs: [x('float32', [1, 2, 2, 4])], outputs: out(), error: 'block_size' },
  { name: 'error: rank 3', op: 'DEPTH_TO_SPACE', options: { blockSize: 2 }, inputs: [x('float32', [2, 2, 4])], outputs: out(), error: 'rank' },
  { name: 'error: bool data', op: 'DEPTH_TO_SPACE', options: { blockSize: 2 }, inputs: [x('bool', [1, 1, 1, 4])], outputs: out('bool'), error: 'has type bool' },
  { name: 'uint8 quantized block 3', op: 'DEPTH_TO_SPACE', options: { blockSize: 3 }, inputs: [qt('uint8', [1, 2, 2, 18], QU)], outputs: qo('uint8', QU) },
  { name: 'int8 quantized', op: 'DEPTH_TO_SPACE', options: { blockSize: 2 }, inputs: [qt('int8', [2, 2, 3, 8], QS)], outputs: qo('int8', QS) },
];
