// ARG_MIN: axis (int32/int64, negative, computed), output_type int32/int64, float32/int32/uint8/int8/bool inputs,
// ties keep the first index, ranks 1-5, errors.
import { argMinMaxCases } from './_shared/arg_min_max.mjs';

export default argMinMaxCases('ARG_MIN');
