// REDUCE_MAX: axes (negative, duplicate, empty, computed), keepDims, ranks 0-6, float32/int32/int64/uint8/int8/int16,
// infinities, empty input (the neutral element), errors.
import { reduceMinMaxCases } from './_shared/reduce.mjs';

export default reduceMinMaxCases('REDUCE_MAX', [-Infinity, -Infinity, -Infinity, -Infinity, 1, 2]);
