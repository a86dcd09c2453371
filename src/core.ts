// tflite-ts/core: the runtime without any kernel, for selective registration.
export { Interpreter, SignatureRunner, loadModelBytes } from './interpreter/interpreter.js';
export type { InterpreterOptions, TensorDetails, QuantizationDetails, TensorData, SignatureInfo } from './interpreter/interpreter.js';
export { MutableOpResolver } from './interpreter/op_resolver.js';
export type { OpResolver, BuiltinName } from './interpreter/op_resolver.js';
export { Tensor } from './interpreter/tensor.js';
export type { QuantParams, Allocation } from './interpreter/tensor.js';
export type { KernelRegistration, OpContext, SubgraphHost, OpProfiler, OpTiming } from './kernels/registration.js';
export { TfliteError, ModelError, KernelError, ApiError, UnresolvedOpError } from './errors.js';
export { readModel, writeModel, opcodeBuiltin, FILE_IDENTIFIER, SCHEMA_VERSION } from './schema/model.js';
export type * from './schema/model.js';
export { verifyModel } from './schema/verify.js';
export { BuiltinOperator, TensorType, BUILTIN_OPERATOR_NAMES, BUILTIN_OPTIONS, BUILTIN_OPTIONS_BY_NAME } from './schema/generated.js';
export { readFlexbuffer, buildFlexbufferMap } from './schema/flexbuffers.js';
export type { DType, TypedArray } from './types.js';
export { DTYPES } from './types.js';
export { ModelBuilder, SubgraphBuilder } from './schema/builder.js';
export type { TensorSpec } from './schema/builder.js';
export { registerCustomOps, TFLITE_CUSTOM_OPS } from './kernels/custom/index.js';
