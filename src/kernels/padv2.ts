// PADV2: PAD with an explicit scalar pad value (third input); the kernel is PAD's (pad.ts).
import { padEval, padPrepare, type PadData } from './pad.js';
import type { KernelRegistration } from './registration.js';

export const PADV2: KernelRegistration<PadData> = { prepare: padPrepare, eval: padEval };
