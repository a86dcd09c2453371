// ARG_MAX: index of the largest value along the axis in input 1 (TFLite arg_min_max.cc).
import type { ArgMaxOptions } from '../schema/generated.js';
import type { KernelRegistration } from './registration.js';
import { argMinMaxKernel } from './util/arg_min_max.js';

export const ARG_MAX: KernelRegistration<{ axis: number }, ArgMaxOptions> = argMinMaxKernel(true);
