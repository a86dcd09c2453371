// GREATER: a > b → bool, float32/int32/int64/int16 with numpy broadcasting at any rank; quantized uint8/int8 (int16 compared raw).
import { orderedComparisonCases } from './_shared/comparison.mjs';

export default orderedComparisonCases('GREATER');
