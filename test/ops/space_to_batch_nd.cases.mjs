// SPACE_TO_BATCH_ND: 4-D and 3-D inputs, paddings, batch > 1, quantized zero-point padding,
// every dtype, computed block/paddings (dynamic output), errors.
import { x, QS, QH, qt, qo } from './_shared/movement.mjs';
const c = (shape, data) => ({ dtype: 'int32', shape, constant: true, data });
const out = (dtype = 'float32', extra = {}) => [{ dtype, ...extra }];
export default [
  { name: '4-D block 2x2 no padding', op: 'SPACE_TO_BATCH_ND', inputs: [x('float32', [1, 4, 4, 1]), c([2], [2, 2]), c([2, 2], [0, 0, 0, 0])], outputs: out() },
  { name: '4-D block 2x2, 3 channels', op: 'SPACE_TO_BATCH_ND', inputs: [x('float32', [1, 2, 4, 3]), c([2], [2, 2]), c([2, 2], [0, 0, 0, 0])], outputs: out() },
  { name: '4-D block 2x3 with padding', op: 'SPACE_TO_BATCH_ND', inputs: [x('float32', [2, 3, 4, 2]), c([2], [2, 3]), c([2, 2], [1, 0, 1, 1])], outputs: out() },
  { name: '4-D block 3x2 uneven padding', op: 'SPACE_TO_BATCH_ND', inputs: [x('float32', [1, 5, 2, 1]), c([2], [3, 2]), c([2, 2], [0, 1, 2, 0])], outputs: out() },
  { name: '4-D block 1x1 padding only', op: 'SPACE_TO_BATCH_ND', inputs: [x('float32', [1, 2, 2, 1]), c([2], [1, 1]), c([2, 2], [1, 1, 0, 2])], outputs: out() },
  { name: '3-D block 2', op: 'SPACE_TO_BATCH_ND', inputs: [x('float32', [2, 4, 3]), c([1], [2]), c([1, 2], [0, 0])], outputs: out() },
  { name: '3-D block 3 with padding', op: 'SPACE_TO_BATCH_ND', inputs: [x('float32', [1, 4, 2]), c([1], [3]), c([1, 2], [1, 1])], outputs: out() },
  { name: 'int32 data', op: 'SPACE_TO_BATCH_ND', inputs: [x('int32', [1, 2, 2, 2]), c([2], [2, 2]), c([2, 2], [1, 1, 0, 0])], outputs: out('int32') },
  { name: 'int64 data', op: 'SPACE_TO_BATCH_ND', inputs: [x('int64', [1, 4, 2, 1]), c([2], [2, 1]), c([2, 2], [0, 0, 0, 1])], outputs: out('int64') },
  { name: 'uint8 quantized pads zero point', op: 'SPACE_TO_BATCH_ND',
    inputs: [x('uint8', [1, 3, 3, 1], { quant: { scale: 0.5, zeroPoint: 100 } }), c([2], [2, 2]), c([2, 2], [1, 0, 0, 1])],
    outputs: out('uint8', { quant: { scale: 0.5, zeroPoint: 100 } }) },
  { name: 'int8 quantized pads zero point', op: 'SPACE_TO_BATCH_ND',
    inputs: [x('int8', [1, 2, 3, 2], { quant: { scale: 0.2, zeroPoint: -20 } }), c([2], [2, 2]), c([2, 2], [0, 0, 1, 0])],
    outputs: out('int8', { quant: { scale: 0.2, zeroPoint: -20 } }) },
  { name: 'int16 data', op: 'SPACE_TO_BATCH_ND', inputs: [x('int16', [1, 2, 2, 1]), c([2], [2, 2]), c([2, 2], [0, 0, 0, 0])], outputs: out('int16') },
  { name: 'computed block and paddings (dynamic output)', oracle: 'tfjs-tflite', op: 'SPACE_TO_BATCH_ND',
    inputs: [x('float32', [1, 4, 3, 1]), { dtype: 'int32', shape: [2], data: [2, 2] }, { dtype: 'int32', shape: [2, 2], data: [0, 0, 0, 1] }], outputs: out() },
  { name: 'error: padded size not a multiple of block', op: 'SPACE_TO_BATCH_ND', inputs: [x('float32', [1, 3, 4, 1]), c([2], [2, 2]), c([2, 2], [0, 0, 0, 0])], outputs: out(), error: 'multiple' },
  { name: 'error: block 0', op: 'SPACE_TO_BATCH_ND', inputs: [x('float32', [1, 2, 2, 1]), c([2], [0, 1]), c([2, 2], [0, 0, 0, 0])], outputs: out(), error: '>= 1' },
  { name: 'error: rank 5', op: 'SPACE_TO_BATCH_ND', inputs: [x('float32', [1, 2, 2, 2, 1]), c([3], [1, 1, 1]), c([3, 2], [0, 0, 0, 0, 0, 0])], outputs: out(), error: 'rank' },
  { name: 'error: block_shape length', op: 'SPACE_TO_BATCH_ND', inputs: [x('float32', [1, 2, 2, 1]), c([1], [2]), c([1, 2], [0, 0])], outputs: out(), error: 'block_shape must have shape' },
  { name: 'error: quantization differs', op: 'SPACE_TO_BATCH_ND',
    inputs: [x('uint8', [1, 2, 2, 1], { quant: { scale: 0.5, zeroPoint: 1 } }), c([2], [2, 2]), c([2, 2], [0, 0, 0, 0])],
    outputs: out('uint8', { quant: { scale: 0.5, zeroPoint: 2 } }), error: 'quantization' },
  { name: 'int16 quantized', op: 'SPACE_TO_BATCH_ND', inputs: [qt('int16', [1, 3, 4, 2], QH), c([2], [2, 2]), c([2, 2], [1, 0, 0, 0])], outputs: qo('int16', QH) },
  { name: 'int8 quantized 3-D', op: 'SPACE_TO_BATCH_ND', inputs: [qt('int8', [2, 5, 3], QS), c([1], [3]), c([1, 2], [1, 0])], outputs: qo('int8', QS) },
];
