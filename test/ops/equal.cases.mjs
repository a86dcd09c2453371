// EQUAL: a == b → bool, float32/int32/int64/int16/bool with numpy broadcasting at any rank; quantized uint8/int8 and int16.
import { equalityCases, int16Cases } from './_shared/comparison.mjs';

export default equalityCases('EQUAL', int16Cases);
