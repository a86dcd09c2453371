// ARG_MIN: index of the smallest value along the axis in input 1 (TFLite arg_min_max.cc).
import type { ArgMinOptions } from '../schema/generated.js';
import type { KernelRegistration } from './registration.js';
import { argMinMaxKernel } from './util/arg_min_max.js';

export const ARG_MIN: KernelRegistration<{ axis: number }, ArgMinOptions> = argMinMaxKernel(false);
