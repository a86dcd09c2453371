// SPACE_TO_DEPTH: block sizes 2/3, batch > 1, several channels, every dtype, errors.
import { x, out, QU, QS, qt, qo } from './_shared/movement.mjs';
export default [
  { name: 'block 2, 1 channel', op: 'SPACE_TO_DEPTH', options: { blockSize: 2 }, inputs: [x('float32', [1, 4, 6, 1])], outputs: out() },
  { name: 'block 2, 3 channels, batch 2', op: 'SPACE_TO_DEPTH', options: { blockSize: 2 }, inputs: [x('float32', [2, 4, 4, 3])], outputs: out() },
  { name: 'block 3', op: 'SPACE_TO_DEPTH', options: { blockSize: 3 }, inputs: [x('float32', [1, 3, 6, 2])], outputs: out() },
  { name: 'block 1 (identity)', op: 'SPACE_TO_DEPTH', options: { blockSize: 1 }, inputs: [x('float32', [1, 2, 2, 3])], outputs: out() },
  { name: 'int32 data', op: 'SPACE_TO_DEPTH', options: { blockSize: 2 }, inputs: [x('int32', [1, 2, 4, 2])], outputs: out('int32') },
  { name: 'int64 data', op: 'SPACE_TO_DEPTH', options: { blockSize: 2 }, inputs: [x('int64', [1, 2, 2, 1])], outputs: out('int64') },
  { name: 'uint8 data', op: 'SPACE_TO_DEPTH', options: { blockSize: 2 }, inputs: [x('uint8', [1, 4, 2, 2], { quant: { scale: 0.1, zeroPoint: 128 } })], outputs: [{ dtype: 'uint8', quant: { scale: 0.1, zeroPoint: 128 } }] },
  { name: 'int8 data', op: 'SPACE_TO_DEPTH', options: { blockSize: 2 }, inputs: [x('int8', [2, 2, 2, 2])], outputs: out('int8') },
  { name: 'error: height not divisible', op: 'SPACE_TO_DEPTH', options: { blockSize: 2 }, inputs: [x('float32', [1, 3, 2, 1])], outputs: out(), error: 'multiples' },
  { name: 'error: block size 0', op: 'SPACE_TO_DEPTH', options: { blockSize: 0 }, inputs: [x('float32', [1, 2, 2, 1])], outputs: out(), error: 'block_size' },
  { name: 'error: rank 5', op: 'SPACE_TO_DEPTH', options: { blockSize: 2 }, inputs: [x('float32', [1, 1, 2, 2, 1])], outputs: out(), error: 'rank' },
  { name: 'uint8 quantized block 3', op: 'SPACE_TO_DEPTH', options: { blockSize: 3 }, inputs: [qt('uint8', [1, 6, 3, 2], QU)], outputs: qo('uint8', QU) },
  { name: 'int8 quantized', op: 'SPACE_TO_DEPTH', options: { blockSize: 2 }, inputs: [qt('int8', [2, 4, 6, 3], QS)], outputs: qo('int8', QS) },
];
