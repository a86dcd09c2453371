// BATCH_TO_SPACE_ND: 4-D and 3-D inputs, crops, uneven blocks, every dtype, computed
// block/crops (dynamic output), errors.
import { x, out, QU, QU2, QS, QH, qt, qo } from './_shared/movement.mjs';
const c = (shape, data) => ({ dtype: 'int32', shape, constant: true, data });
export default [
  { name: '4-D block 2x2 no crops', op: 'BATCH_TO_SPACE_ND', inputs: [x('float32', [4, 2, 2, 1]), c([2], [2, 2]), c([2, 2], [0, 0, 0, 0])], outputs: out() },
  { name: '4-D block 2x2, 3 channels', op: 'BATCH_TO_SPACE_ND', inputs: [x('float32', [4, 1, 2, 3]), c([2], [2, 2]), c([2, 2], [0, 0, 0, 0])], outputs: out() },
  { name: '4-D block 2x3 with crops, batch 2', op: 'BATCH_TO_SPACE_ND', inputs: [x('float32', [12, 2, 2, 2]), c([2], [2, 3]), c([2, 2], [1, 0, 1, 2])], outputs: out() },
  { name: '4-D block 3x2 crops', op: 'BATCH_TO_SPACE_ND', inputs: [x('float32', [6, 2, 1, 1]), c([2], [3, 2]), c([2, 2], [0, 1, 1, 0])], outputs: out() },
  { name: '4-D block 1x1 crops only', op: 'BATCH_TO_SPACE_ND', inputs: [x('float32', [1, 4, 3, 1]), c([2], [1, 1]), c([2, 2], [1, 2, 0, 1])], outputs: out() },
  { name: '3-D block 2', op: 'BATCH_TO_SPACE_ND', inputs: [x('float32', [4, 2, 3]), c([1], [2]), c([1, 2], [0, 0])], outputs: out() },
  { name: '3-D block 3 with crops', op: 'BATCH_TO_SPACE_ND', inputs: [x('float32', [3, 2, 2]), c([1], [3]), c([1, 2], [1, 1])], outputs: out() },
  { name: 'int32 data', op: 'BATCH_TO_SPACE_ND', inputs: [x('int32', [4, 1, 1, 2]), c([2], [2, 2]), c([2, 2], [0, 0, 0, 0])], outputs: out('int32') },
  { name: 'int64 data', op: 'BATCH_TO_SPACE_ND', inputs: [x('int64', [2, 2, 1, 1]), c([2], [2, 1]), c([2, 2], [0, 1, 0, 0])], outputs: out('int64') },
  { name: 'uint8 data', op: 'BATCH_TO_SPACE_ND', inputs: [x('uint8', [4, 2, 2, 1], { quant: { scale: 0.5, zeroPoint: 3 } }), c([2], [2, 2]), c([2, 2], [0, 1, 1, 0])], outputs: [{ dtype: 'uint8', quant: { scale: 0.5, zeroPoint: 3 } }] },
  { name: 'int8 data', op: 'BATCH_TO_SPACE_ND', inputs: [x('int8', [4, 1, 2, 2]), c([2], [2, 2]), c([2, 2], [0, 0, 0, 1])], outputs: out('int8') },
  { name: 'computed block and crops (dynamic output)', oracle: 'tfjs-tflite', op: 'BATCH_TO_SPACE_ND',
    inputs: [x('float32', [4, 2, 2, 1]), { dtype: 'int32', shape: [2], data: [2, 2] }, { dtype: 'int32', shape: [2, 2], data: [0, 1, 1, 0] }], outputs: out() },
  { name: 'error: batch not divisible', op: 'BATCH_TO_SPACE_ND', inputs: [x('float32', [3, 2, 2, 1]), c([2], [2, 2]), c([2, 2], [0, 0, 0, 0])], outputs: out(), error: 'divisible' },
  { name: 'error: negative crop', op: 'BATCH_TO_SPACE_ND', inputs: [x('float32', [4, 2, 2, 1]), c([2], [2, 2]), c([2, 2], [0, -1, 0, 0])], outputs: out(), error: 'crops must be >= 0' },
  { name: 'error: crops exceed size', op: 'BATCH_TO_SPACE_ND', inputs: [x('float32', [4, 1, 1, 1]), c([2], [2, 2]), c([2, 2], [2, 1, 0, 0])], outputs: out(), error: 'exceed' },
  { name: 'error: rank 2', op: 'BATCH_TO_SPACE_ND', inputs: [x('float32', [4, 2]), c([0], []), c([0, 2], [])], outputs: out(), error: 'rank' },
  { name: 'error: bool data', op: 'BATCH_TO_SPACE_ND', inputs: [x('bool', [4, 1, 1, 1]), c([2], [2, 2]), c([2, 2], [0, 0, 0, 0])], outputs: out('bool'), error: 'has type bool' },
  { name: 'int8 quantized with crops', op: 'BATCH_TO_SPACE_ND', inputs: [qt('int8', [4, 2, 3, 2], QS), c([2], [2, 2]), c([2, 2], [1, 0, 0, 2])], outputs: qo('int8', QS) },
  { name: 'int16 quantized', op: 'BATCH_TO_SPACE_ND', inputs: [qt('int16', [4, 2, 2, 1], QH), c([2], [2, 2]), c([2, 2], [0, 0, 0, 0])], outputs: qo('int16', QH) },
  { name: 'int16 3-D', op: 'BATCH_TO_SPACE_ND', inputs: [x('int16', [2, 3, 2]), c([1], [2]), c([1, 2], [0, 1])], outputs: out('int16') },
  { name: 'error: quantization differs', op: 'BATCH_TO_SPACE_ND', inputs: [qt('uint8', [4, 1, 1, 1], QU), c([2], [2, 2]), c([2, 2], [0, 0, 0, 0])], outputs: qo('uint8', QU2), error: 'must be quantized as' },
];
