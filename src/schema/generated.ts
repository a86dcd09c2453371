// TFLite flatbuffer schema tables for tflite-ts.
//
// Hand-written from, and mirroring, TensorFlow Lite's schema.fbs (namespace
// tflite, file_identifier "TFL3", schema version 3, i.e. 3/3a/3b/3c), in the
// newest form available (BuiltinOperator up to STABLEHLO_CASE = 209,
// BuiltinOptions2 up to StablehloCaseOptions). Nothing here is produced by
// flatc; these are plain data tables that a generic flatbuffer reader/writer
// walks.
//
// IMPORTANT: union, enum and field orders must match the schema exactly. The
// index of a table in BUILTIN_OPTIONS is its BuiltinOptions union type value
// and the `id` of a field is its vtable slot (declaration order, deprecated
// fields included). An off-by-one here silently breaks every model.

/** Schema version written in Model.version. */
export const SCHEMA_VERSION = 3;

// ---------------------------------------------------------------------------
// TensorType (enum TensorType : byte)
// ---------------------------------------------------------------------------

/**
 * Tensor element types. INT2 (19) is in the newest LiteRT schema.fbs; UINT4,
 * FLOAT8_E4M3FN and FLOAT8_E5M2 (20..22) are taken from LiteRT's TensorType
 * mirror (litert_tfl_types.h) and are listed so such models load with a
 * proper type name rather than an unknown number.
 */
export const TensorType = {
  FLOAT32: 0,
  FLOAT16: 1,
  INT32: 2,
  UINT8: 3,
  INT64: 4,
  STRING: 5,
  BOOL: 6,
  INT16: 7,
  COMPLEX64: 8,
  INT8: 9,
  FLOAT64: 10,
  COMPLEX128: 11,
  UINT64: 12,
  RESOURCE: 13,
  VARIANT: 14,
  UINT32: 15,
  UINT16: 16,
  INT4: 17,
  BFLOAT16: 18,
  INT2: 19,
  UINT4: 20,
  FLOAT8_E4M3FN: 21,
  FLOAT8_E5M2: 22,
} as const;
export type TensorTypeValue = (typeof TensorType)[keyof typeof TensorType];

/** Lowercase TensorType names, index = TensorType value. */
export const TENSOR_TYPE_NAMES: readonly string[] = Object.freeze([
  'float32', 'float16', 'int32', 'uint8', 'int64', 'string', 'bool', 'int16',
  'complex64', 'int8', 'float64', 'complex128', 'uint64', 'resource', 'variant', 'uint32',
  'uint16', 'int4', 'bfloat16', 'int2', 'uint4', 'float8_e4m3fn', 'float8_e5m2',
]);

// ---------------------------------------------------------------------------
// BuiltinOperator (enum BuiltinOperator : int32)
// ---------------------------------------------------------------------------

/**
 * All builtin operator codes. Codes < 127 (PLACEHOLDER_FOR_GREATER_OP_CODES)
 * may also appear in OperatorCode.deprecated_builtin_code (a byte); the
 * effective code is max(deprecated_builtin_code, builtin_code).
 * REDUCE_WINDOW (205) is deprecated in the schema but keeps its number.
 */
export const BuiltinOperator = {
  ADD: 0,
  AVERAGE_POOL_2D: 1,
  CONCATENATION: 2,
  CONV_2D: 3,
  DEPTHWISE_CONV_2D: 4,
  DEPTH_TO_SPACE: 5,
  DEQUANTIZE: 6,
  EMBEDDING_LOOKUP: 7,
  FLOOR: 8,
  FULLY_CONNECTED: 9,
  HASHTABLE_LOOKUP: 10,
  L2_NORMALIZATION: 11,
  L2_POOL_2D: 12,
  LOCAL_RESPONSE_NORMALIZATION: 13,
  LOGISTIC: 14,
  LSH_PROJECTION: 15,
  LSTM: 16,
  MAX_POOL_2D: 17,
  MUL: 18,
  RELU: 19,
  RELU_N1_TO_1: 20,
  RELU6: 21,
  RESHAPE: 22,
  RESIZE_BILINEAR: 23,
  RNN: 24,
  SOFTMAX: 25,
  SPACE_TO_DEPTH: 26,
  SVDF: 27,
  TANH: 28,
  CONCAT_EMBEDDINGS: 29,
  SKIP_GRAM: 30,
  CALL: 31,
  CUSTOM: 32,
  EMBEDDING_LOOKUP_SPARSE: 33,
  PAD: 34,
  UNIDIRECTIONAL_SEQUENCE_RNN: 35,
  GATHER: 36,
  BATCH_TO_SPACE_ND: 37,
  SPACE_TO_BATCH_ND: 38,
  TRANSPOSE: 39,
  MEAN: 40,
  SUB: 41,
  DIV: 42,
  SQUEEZE: 43,
  UNIDIRECTIONAL_SEQUENCE_LSTM: 44,
  STRIDED_SLICE: 45,
  BIDIRECTIONAL_SEQUENCE_RNN: 46,
  EXP: 47,
  TOPK_V2: 48,
  SPLIT: 49,
  LOG_SOFTMAX: 50,
  DELEGATE: 51,
  BIDIRECTIONAL_SEQUENCE_LSTM: 52,
  CAST: 53,
  PRELU: 54,
  MAXIMUM: 55,
  ARG_MAX: 56,
  MINIMUM: 57,
  LESS: 58,
  NEG: 59,
  PADV2: 60,
  GREATER: 61,
  GREATER_EQUAL: 62,
  LESS_EQUAL: 63,
  SELECT: 64,
  SLICE: 65,
  SIN: 66,
  TRANSPOSE_CONV: 67,
  SPARSE_TO_DENSE: 68,
  TILE: 69,
  EXPAND_DIMS: 70,
  EQUAL: 71,
  NOT_EQUAL: 72,
  LOG: 73,
  SUM: 74,
  SQRT: 75,
  RSQRT: 76,
  SHAPE: 77,
  POW: 78,
  ARG_MIN: 79,
  FAKE_QUANT: 80,
  REDUCE_PROD: 81,
  REDUCE_MAX: 82,
  PACK: 83,
  LOGICAL_OR: 84,
  ONE_HOT: 85,
  LOGICAL_AND: 86,
  LOGICAL_NOT: 87,
  UNPACK: 88,
  REDUCE_MIN: 89,
  FLOOR_DIV: 90,
  REDUCE_ANY: 91,
  SQUARE: 92,
  ZEROS_LIKE: 93,
  FILL: 94,
  FLOOR_MOD: 95,
  RANGE: 96,
  RESIZE_NEAREST_NEIGHBOR: 97,
  LEAKY_RELU: 98,
  SQUARED_DIFFERENCE: 99,
  MIRROR_PAD: 100,
  ABS: 101,
  SPLIT_V: 102,
  UNIQUE: 103,
  CEIL: 104,
  REVERSE_V2: 105,
  ADD_N: 106,
  GATHER_ND: 107,
  COS: 108,
  WHERE: 109,
  RANK: 110,
  ELU: 111,
  REVERSE_SEQUENCE: 112,
  MATRIX_DIAG: 113,
  QUANTIZE: 114,
  MATRIX_SET_DIAG: 115,
  ROUND: 116,
  HARD_SWISH: 117,
  IF: 118,
  WHILE: 119,
  NON_MAX_SUPPRESSION_V4: 120,
  NON_MAX_SUPPRESSION_V5: 121,
  SCATTER_ND: 122,
  SELECT_V2: 123,
  DENSIFY: 124,
  SEGMENT_SUM: 125,
  BATCH_MATMUL: 126,
  PLACEHOLDER_FOR_GREATER_OP_CODES: 127,
  CUMSUM: 128,
  CALL_ONCE: 129,
  BROADCAST_TO: 130,
  RFFT2D: 131,
  CONV_3D: 132,
  IMAG: 133,
  REAL: 134,
  COMPLEX_ABS: 135,
  HASHTABLE: 136,
  HASHTABLE_FIND: 137,
  HASHTABLE_IMPORT: 138,
  HASHTABLE_SIZE: 139,
  REDUCE_ALL: 140,
  CONV_3D_TRANSPOSE: 141,
  VAR_HANDLE: 142,
  READ_VARIABLE: 143,
  ASSIGN_VARIABLE: 144,
  BROADCAST_ARGS: 145,
  RANDOM_STANDARD_NORMAL: 146,
  BUCKETIZE: 147,
  RANDOM_UNIFORM: 148,
  MULTINOMIAL: 149,
  GELU: 150,
  DYNAMIC_UPDATE_SLICE: 151,
  RELU_0_TO_1: 152,
  UNSORTED_SEGMENT_PROD: 153,
  UNSORTED_SEGMENT_MAX: 154,
  UNSORTED_SEGMENT_SUM: 155,
  ATAN2: 156,
  UNSORTED_SEGMENT_MIN: 157,
  SIGN: 158,
  BITCAST: 159,
  BITWISE_XOR: 160,
  RIGHT_SHIFT: 161,
  STABLEHLO_LOGISTIC: 162,
  STABLEHLO_ADD: 163,
  STABLEHLO_DIVIDE: 164,
  STABLEHLO_MULTIPLY: 165,
  STABLEHLO_MAXIMUM: 166,
  STABLEHLO_RESHAPE: 167,
  STABLEHLO_CLAMP: 168,
  STABLEHLO_CONCATENATE: 169,
  STABLEHLO_BROADCAST_IN_DIM: 170,
  STABLEHLO_CONVOLUTION: 171,
  STABLEHLO_SLICE: 172,
  STABLEHLO_CUSTOM_CALL: 173,
  STABLEHLO_REDUCE: 174,
  STABLEHLO_ABS: 175,
  STABLEHLO_AND: 176,
  STABLEHLO_COSINE: 177,
  STABLEHLO_EXPONENTIAL: 178,
  STABLEHLO_FLOOR: 179,
  STABLEHLO_LOG: 180,
  STABLEHLO_MINIMUM: 181,
  STABLEHLO_NEGATE: 182,
  STABLEHLO_OR: 183,
  STABLEHLO_POWER: 184,
  STABLEHLO_REMAINDER: 185,
  STABLEHLO_RSQRT: 186,
  STABLEHLO_SELECT: 187,
  STABLEHLO_SUBTRACT: 188,
  STABLEHLO_TANH: 189,
  STABLEHLO_SCATTER: 190,
  STABLEHLO_COMPARE: 191,
  STABLEHLO_CONVERT: 192,
  STABLEHLO_DYNAMIC_SLICE: 193,
  STABLEHLO_DYNAMIC_UPDATE_SLICE: 194,
  STABLEHLO_PAD: 195,
  STABLEHLO_IOTA: 196,
  STABLEHLO_DOT_GENERAL: 197,
  STABLEHLO_REDUCE_WINDOW: 198,
  STABLEHLO_SORT: 199,
  STABLEHLO_WHILE: 200,
  STABLEHLO_GATHER: 201,
  STABLEHLO_TRANSPOSE: 202,
  DILATE: 203,
  STABLEHLO_RNG_BIT_GENERATOR: 204,
  REDUCE_WINDOW: 205,
  STABLEHLO_COMPOSITE: 206,
  STABLEHLO_SHIFT_LEFT: 207,
  STABLEHLO_CBRT: 208,
  STABLEHLO_CASE: 209,
} as const;
export type BuiltinOperatorCode = (typeof BuiltinOperator)[keyof typeof BuiltinOperator];

function invertEnum(e: Readonly<Record<string, number>>): (string | undefined)[] {
  let max = -1;
  for (const v of Object.values(e)) if (v > max) max = v;
  const out: (string | undefined)[] = new Array<string | undefined>(max + 1).fill(undefined);
  for (const [k, v] of Object.entries(e)) if (out[v] === undefined) out[v] = k;
  return out;
}

/** Operator names (e.g. 'CONV_2D'), index = BuiltinOperator code. */
export const BUILTIN_OPERATOR_NAMES: readonly (string | undefined)[] = Object.freeze(invertEnum(BuiltinOperator));

// ---------------------------------------------------------------------------
// Enums referenced by tables (underlying flatbuffer type in the trailing comment)
// ---------------------------------------------------------------------------

export const Padding = {
  SAME: 0,
  VALID: 1,
} as const; // byte

export const ActivationFunctionType = {
  NONE: 0,
  RELU: 1,
  RELU_N1_TO_1: 2,
  RELU6: 3,
  TANH: 4,
  SIGN_BIT: 5,
} as const; // byte

export const LSHProjectionType = {
  UNKNOWN: 0,
  SPARSE: 1,
  DENSE: 2,
} as const; // byte

export const FullyConnectedOptionsWeightsFormat = {
  DEFAULT: 0,
  SHUFFLED4x16INT8: 1,
} as const; // byte

export const LSTMKernelType = {
  FULL: 0,
  BASIC: 1,
} as const; // byte

export const CombinerType = {
  SUM: 0,
  MEAN: 1,
  SQRTN: 2,
} as const; // byte

export const MirrorPadMode = {
  REFLECT: 0,
  SYMMETRIC: 1,
} as const; // byte

export const CustomOptionsFormat = {
  FLEXBUFFERS: 0,
} as const; // byte

export const ReduceWindowFunction = {
  UNSUPPORTED: 0,
  ADD: 1,
  MUL: 2,
  MINIMUM: 3,
  MAXIMUM: 4,
  ALL: 5,
  ANY: 6,
} as const; // int

export const RngAlgorithm = {
  DEFAULT: 0,
  PHILOX: 1,
  THREEFRY: 2,
} as const; // byte

export const StablehloPrecisionConfig = {
  DEFAULT: 0,
  HIGH: 1,
  HIGHEST: 2,
} as const; // uint

export const StablehloComparisonDirection = {
  STABLEHLO_COMPARISON_DIRECTION_EQ: 0,
  STABLEHLO_COMPARISON_DIRECTION_NE: 1,
  STABLEHLO_COMPARISON_DIRECTION_GE: 2,
  STABLEHLO_COMPARISON_DIRECTION_GT: 3,
  STABLEHLO_COMPARISON_DIRECTION_LE: 4,
  STABLEHLO_COMPARISON_DIRECTION_LT: 5,
} as const; // uint

export const StablehloComparisonType = {
  STABLEHLO_COMPARISON_TYPE_NOTYPE: 0,
  STABLEHLO_COMPARISON_TYPE_FLOAT: 1,
  STABLEHLO_COMPARISON_TYPE_FLOAT_TOTAL_ORDER: 2,
  STABLEHLO_COMPARISON_TYPE_SIGNED: 3,
  STABLEHLO_COMPARISON_TYPE_UNSIGNED: 4,
} as const; // uint

export const DimensionType = {
  DENSE: 0,
  SPARSE_CSR: 1,
} as const; // byte

/** Union type tags of the SparseIndexVector union (DimensionMetadata.array_segments / array_indices). */
export const SparseIndexVector = {
  NONE: 0,
  Int32Vector: 1,
  Uint16Vector: 2,
  Uint8Vector: 3,
} as const; // union type (ubyte)

/** Union type tags of the QuantizationDetails union (QuantizationParameters.details). */
export const QuantizationDetails = {
  NONE: 0,
  CustomQuantization: 1,
  BlockwiseQuantization: 2,
} as const; // union type (ubyte)

// ---------------------------------------------------------------------------
// BuiltinOptions / BuiltinOptions2 unions as data
// ---------------------------------------------------------------------------

/**
 * Flatbuffer field types used by option tables. Enum-typed fields use the
 * enum's underlying type (TensorType/Padding/ActivationFunctionType... are
 * `byte` -> 'int8'; ReduceWindowFunction is `int` -> 'int32'; the Stablehlo
 * comparison enums are `uint` -> 'uint32'). '[uint32]' is only used for
 * vectors of StablehloPrecisionConfig (a `uint` enum).
 */
export type FieldType =
  | 'bool' | 'int8' | 'uint8' | 'int16' | 'uint16' | 'int32' | 'uint32' | 'int64' | 'uint64'
  | 'float32' | 'float64' | 'string'
  | '[int8]' | '[uint8]' | '[int16]' | '[int32]' | '[uint32]' | '[int64]' | '[float32]' | '[bool]';

export interface FieldSpec {
  /** camelCase of the schema field name. */
  readonly name: string;
  readonly type: FieldType;
  /** Schema default; null for strings and vectors (absent). */
  readonly default: number | boolean | null;
  /** vtable slot index (declaration order, counting deprecated fields). */
  readonly id: number;
}

export interface OptionsSpec {
  /** Schema table name, e.g. 'Conv2DOptions'. */
  readonly name: string;
  readonly fields: readonly FieldSpec[];
}

function f(id: number, name: string, type: FieldType, def: number | boolean | null): FieldSpec {
  return Object.freeze({ name, type, default: def, id });
}

function t(name: string, fields: FieldSpec[]): OptionsSpec {
  return Object.freeze({ name, fields: Object.freeze(fields) });
}

/**
 * union BuiltinOptions, index = union type value (0 = NONE = null).
 * No option table contains nested tables; the only fields left out are the
 * deprecated ones (ResizeBilinearOptions.new_height/new_width), whose slots are
 * still skipped by the ids.
 */
export const BUILTIN_OPTIONS: readonly (OptionsSpec | null)[] = Object.freeze([
  /*   0 */ null,
  /*   1 */ t('Conv2DOptions', [
    f(0, 'padding', 'int8', 0),
    f(1, 'strideW', 'int32', 0),
    f(2, 'strideH', 'int32', 0),
    f(3, 'fusedActivationFunction', 'int8', 0),
    f(4, 'dilationWFactor', 'int32', 1),
    f(5, 'dilationHFactor', 'int32', 1),
    f(6, 'quantizedBiasType', 'int8', 0),
  ]),
  /*   2 */ t('DepthwiseConv2DOptions', [
    f(0, 'padding', 'int8', 0),
    f(1, 'strideW', 'int32', 0),
    f(2, 'strideH', 'int32', 0),
    f(3, 'depthMultiplier', 'int32', 0),
    f(4, 'fusedActivationFunction', 'int8', 0),
    f(5, 'dilationWFactor', 'int32', 1),
    f(6, 'dilationHFactor', 'int32', 1),
  ]),
  /*   3 */ t('ConcatEmbeddingsOptions', [
    f(0, 'numChannels', 'int32', 0),
    f(1, 'numColumnsPerChannel', '[int32]', null),
    f(2, 'embeddingDimPerChannel', '[int32]', null),
  ]),
  /*   4 */ t('LSHProjectionOptions', [f(0, 'type', 'int8', 0)]),
  /*   5 */ t('Pool2DOptions', [
    f(0, 'padding', 'int8', 0),
    f(1, 'strideW', 'int32', 0),
    f(2, 'strideH', 'int32', 0),
    f(3, 'filterWidth', 'int32', 0),
    f(4, 'filterHeight', 'int32', 0),
    f(5, 'fusedActivationFunction', 'int8', 0),
  ]),
  /*   6 */ t('SVDFOptions', [
    f(0, 'rank', 'int32', 0),
    f(1, 'fusedActivationFunction', 'int8', 0),
    f(2, 'asymmetricQuantizeInputs', 'bool', false),
  ]),
  /*   7 */ t('RNNOptions', [
    f(0, 'fusedActivationFunction', 'int8', 0),
    f(1, 'asymmetricQuantizeInputs', 'bool', false),
  ]),
  /*   8 */ t('FullyConnectedOptions', [
    f(0, 'fusedActivationFunction', 'int8', 0),
    f(1, 'weightsFormat', 'int8', 0),
    f(2, 'keepNumDims', 'bool', false),
    f(3, 'asymmetricQuantizeInputs', 'bool', false),
    f(4, 'quantizedBiasType', 'int8', 0),
  ]),
  /*   9 */ t('SoftmaxOptions', [f(0, 'beta', 'float32', 0)]),
  /*  10 */ t('ConcatenationOptions', [f(0, 'axis', 'int32', 0), f(1, 'fusedActivationFunction', 'int8', 0)]),
  /*  11 */ t('AddOptions', [
    f(0, 'fusedActivationFunction', 'int8', 0),
    f(1, 'potScaleInt16', 'bool', true),
  ]),
  /*  12 */ t('L2NormOptions', [f(0, 'fusedActivationFunction', 'int8', 0)]),
  /*  13 */ t('LocalResponseNormalizationOptions', [
    f(0, 'radius', 'int32', 0),
    f(1, 'bias', 'float32', 0),
    f(2, 'alpha', 'float32', 0),
    f(3, 'beta', 'float32', 0),
  ]),
  /*  14 */ t('LSTMOptions', [
    f(0, 'fusedActivationFunction', 'int8', 0),
    f(1, 'cellClip', 'float32', 0),
    f(2, 'projClip', 'float32', 0),
    f(3, 'kernelType', 'int8', 0),
    f(4, 'asymmetricQuantizeInputs', 'bool', false),
  ]),
  /*  15 */ t('ResizeBilinearOptions', [ // deprecated, slot kept: new_height (id 0), new_width (id 1)
    f(2, 'alignCorners', 'bool', false),
    f(3, 'halfPixelCenters', 'bool', false),
  ]),
  /*  16 */ t('CallOptions', [f(0, 'subgraph', 'uint32', 0)]),
  /*  17 */ t('ReshapeOptions', [f(0, 'newShape', '[int32]', null)]),
  /*  18 */ t('SkipGramOptions', [
    f(0, 'ngramSize', 'int32', 0),
    f(1, 'maxSkipSize', 'int32', 0),
    f(2, 'includeAllNgrams', 'bool', false),
  ]),
  /*  19 */ t('SpaceToDepthOptions', [f(0, 'blockSize', 'int32', 0)]),
  /*  20 */ t('EmbeddingLookupSparseOptions', [f(0, 'combiner', 'int8', 0)]),
  /*  21 */ t('MulOptions', [f(0, 'fusedActivationFunction', 'int8', 0)]),
  /*  22 */ t('PadOptions', []),
  /*  23 */ t('GatherOptions', [f(0, 'axis', 'int32', 0), f(1, 'batchDims', 'int32', 0)]),
  /*  24 */ t('BatchToSpaceNDOptions', []),
  /*  25 */ t('SpaceToBatchNDOptions', []),
  /*  26 */ t('TransposeOptions', []),
  /*  27 */ t('ReducerOptions', [f(0, 'keepDims', 'bool', false)]),
  /*  28 */ t('SubOptions', [
    f(0, 'fusedActivationFunction', 'int8', 0),
    f(1, 'potScaleInt16', 'bool', true),
  ]),
  /*  29 */ t('DivOptions', [f(0, 'fusedActivationFunction', 'int8', 0)]),
  /*  30 */ t('SqueezeOptions', [f(0, 'squeezeDims', '[int32]', null)]),
  /*  31 */ t('SequenceRNNOptions', [
    f(0, 'timeMajor', 'bool', false),
    f(1, 'fusedActivationFunction', 'int8', 0),
    f(2, 'asymmetricQuantizeInputs', 'bool', false),
  ]),
  /*  32 */ t('StridedSliceOptions', [
    f(0, 'beginMask', 'int32', 0),
    f(1, 'endMask', 'int32', 0),
    f(2, 'ellipsisMask', 'int32', 0),
    f(3, 'newAxisMask', 'int32', 0),
    f(4, 'shrinkAxisMask', 'int32', 0),
    f(5, 'offset', 'bool', false),
  ]),
  /*  33 */ t('ExpOptions', []),
  /*  34 */ t('TopKV2Options', []),
  /*  35 */ t('SplitOptions', [f(0, 'numSplits', 'int32', 0)]),
  /*  36 */ t('LogSoftmaxOptions', []),
  /*  37 */ t('CastOptions', [f(0, 'inDataType', 'int8', 0), f(1, 'outDataType', 'int8', 0)]),
  /*  38 */ t('DequantizeOptions', []),
  /*  39 */ t('MaximumMinimumOptions', []),
  /*  40 */ t('ArgMaxOptions', [f(0, 'outputType', 'int8', 0)]),
  /*  41 */ t('LessOptions', []),
  /*  42 */ t('NegOptions', []),
  /*  43 */ t('PadV2Options', []),
  /*  44 */ t('GreaterOptions', []),
  /*  45 */ t('GreaterEqualOptions', []),
  /*  46 */ t('LessEqualOptions', []),
  /*  47 */ t('SelectOptions', []),
  /*  48 */ t('SliceOptions', []),
  /*  49 */ t('TransposeConvOptions', [
    f(0, 'padding', 'int8', 0),
    f(1, 'strideW', 'int32', 0),
    f(2, 'strideH', 'int32', 0),
    f(3, 'fusedActivationFunction', 'int8', 0),
    f(4, 'quantizedBiasType', 'int8', 0),
  ]),
  /*  50 */ t('SparseToDenseOptions', [f(0, 'validateIndices', 'bool', false)]),
  /*  51 */ t('TileOptions', []),
  /*  52 */ t('ExpandDimsOptions', []),
  /*  53 */ t('EqualOptions', []),
  /*  54 */ t('NotEqualOptions', []),
  /*  55 */ t('ShapeOptions', [f(0, 'outType', 'int8', 0)]),
  /*  56 */ t('PowOptions', []),
  /*  57 */ t('ArgMinOptions', [f(0, 'outputType', 'int8', 0)]),
  /*  58 */ t('FakeQuantOptions', [
    f(0, 'min', 'float32', 0),
    f(1, 'max', 'float32', 0),
    f(2, 'numBits', 'int32', 0),
    f(3, 'narrowRange', 'bool', false),
  ]),
  /*  59 */ t('PackOptions', [f(0, 'valuesCount', 'int32', 0), f(1, 'axis', 'int32', 0)]),
  /*  60 */ t('LogicalOrOptions', []),
  /*  61 */ t('OneHotOptions', [f(0, 'axis', 'int32', 0)]),
  /*  62 */ t('LogicalAndOptions', []),
  /*  63 */ t('LogicalNotOptions', []),
  /*  64 */ t('UnpackOptions', [f(0, 'num', 'int32', 0), f(1, 'axis', 'int32', 0)]),
  /*  65 */ t('FloorDivOptions', []),
  /*  66 */ t('SquareOptions', []),
  /*  67 */ t('ZerosLikeOptions', []),
  /*  68 */ t('FillOptions', []),
  /*  69 */ t('BidirectionalSequenceLSTMOptions', [
    f(0, 'fusedActivationFunction', 'int8', 0),
    f(1, 'cellClip', 'float32', 0),
    f(2, 'projClip', 'float32', 0),
    f(3, 'mergeOutputs', 'bool', false),
    f(4, 'timeMajor', 'bool', true),
    f(5, 'asymmetricQuantizeInputs', 'bool', false),
  ]),
  /*  70 */ t('BidirectionalSequenceRNNOptions', [
    f(0, 'timeMajor', 'bool', false),
    f(1, 'fusedActivationFunction', 'int8', 0),
    f(2, 'mergeOutputs', 'bool', false),
    f(3, 'asymmetricQuantizeInputs', 'bool', false),
  ]),
  /*  71 */ t('UnidirectionalSequenceLSTMOptions', [
    f(0, 'fusedActivationFunction', 'int8', 0),
    f(1, 'cellClip', 'float32', 0),
    f(2, 'projClip', 'float32', 0),
    f(3, 'timeMajor', 'bool', false),
    f(4, 'asymmetricQuantizeInputs', 'bool', false),
    f(5, 'diagonalRecurrentTensors', 'bool', false),
  ]),
  /*  72 */ t('FloorModOptions', []),
  /*  73 */ t('RangeOptions', []),
  /*  74 */ t('ResizeNearestNeighborOptions', [
    f(0, 'alignCorners', 'bool', false),
    f(1, 'halfPixelCenters', 'bool', false),
  ]),
  /*  75 */ t('LeakyReluOptions', [f(0, 'alpha', 'float32', 0)]),
  /*  76 */ t('SquaredDifferenceOptions', []),
  /*  77 */ t('MirrorPadOptions', [f(0, 'mode', 'int8', 0)]),
  /*  78 */ t('AbsOptions', []),
  /*  79 */ t('SplitVOptions', [f(0, 'numSplits', 'int32', 0)]),
  /*  80 */ t('UniqueOptions', [f(0, 'idxOutType', 'int8', 2)]),
  /*  81 */ t('ReverseV2Options', []),
  /*  82 */ t('AddNOptions', []),
  /*  83 */ t('GatherNdOptions', []),
  /*  84 */ t('CosOptions', []),
  /*  85 */ t('WhereOptions', []),
  /*  86 */ t('RankOptions', []),
  /*  87 */ t('ReverseSequenceOptions', [f(0, 'seqDim', 'int32', 0), f(1, 'batchDim', 'int32', 0)]),
  /*  88 */ t('MatrixDiagOptions', []),
  /*  89 */ t('QuantizeOptions', []),
  /*  90 */ t('MatrixSetDiagOptions', []),
  /*  91 */ t('HardSwishOptions', []),
  /*  92 */ t('IfOptions', [f(0, 'thenSubgraphIndex', 'int32', 0), f(1, 'elseSubgraphIndex', 'int32', 0)]),
  /*  93 */ t('WhileOptions', [f(0, 'condSubgraphIndex', 'int32', 0), f(1, 'bodySubgraphIndex', 'int32', 0)]),
  /*  94 */ t('DepthToSpaceOptions', [f(0, 'blockSize', 'int32', 0)]),
  /*  95 */ t('NonMaxSuppressionV4Options', []),
  /*  96 */ t('NonMaxSuppressionV5Options', []),
  /*  97 */ t('ScatterNdOptions', []),
  /*  98 */ t('SelectV2Options', []),
  /*  99 */ t('DensifyOptions', []),
  /* 100 */ t('SegmentSumOptions', []),
  /* 101 */ t('BatchMatMulOptions', [
    f(0, 'adjX', 'bool', false),
    f(1, 'adjY', 'bool', false),
    f(2, 'asymmetricQuantizeInputs', 'bool', false),
  ]),
  /* 102 */ t('CumsumOptions', [f(0, 'exclusive', 'bool', false), f(1, 'reverse', 'bool', false)]),
  /* 103 */ t('CallOnceOptions', [f(0, 'initSubgraphIndex', 'int32', 0)]),
  /* 104 */ t('BroadcastToOptions', []),
  /* 105 */ t('Rfft2dOptions', []),
  /* 106 */ t('Conv3DOptions', [
    f(0, 'padding', 'int8', 0),
    f(1, 'strideD', 'int32', 0),
    f(2, 'strideW', 'int32', 0),
    f(3, 'strideH', 'int32', 0),
    f(4, 'fusedActivationFunction', 'int8', 0),
    f(5, 'dilationDFactor', 'int32', 1),
    f(6, 'dilationWFactor', 'int32', 1),
    f(7, 'dilationHFactor', 'int32', 1),
  ]),
  /* 107 */ t('HashtableOptions', [
    f(0, 'tableId', 'int32', 0),
    f(1, 'keyDtype', 'int8', 0),
    f(2, 'valueDtype', 'int8', 0),
  ]),
  /* 108 */ t('HashtableFindOptions', []),
  /* 109 */ t('HashtableImportOptions', []),
  /* 110 */ t('HashtableSizeOptions', []),
  /* 111 */ t('VarHandleOptions', [f(0, 'container', 'string', null), f(1, 'sharedName', 'string', null)]),
  /* 112 */ t('ReadVariableOptions', []),
  /* 113 */ t('AssignVariableOptions', []),
  /* 114 */ t('RandomOptions', [f(0, 'seed', 'int64', 0), f(1, 'seed2', 'int64', 0)]),
  /* 115 */ t('BucketizeOptions', [f(0, 'boundaries', '[float32]', null)]),
  /* 116 */ t('GeluOptions', [f(0, 'approximate', 'bool', false)]),
  /* 117 */ t('DynamicUpdateSliceOptions', []),
  /* 118 */ t('UnsortedSegmentProdOptions', []),
  /* 119 */ t('UnsortedSegmentMaxOptions', []),
  /* 120 */ t('UnsortedSegmentMinOptions', []),
  /* 121 */ t('UnsortedSegmentSumOptions', []),
  /* 122 */ t('ATan2Options', []),
  /* 123 */ t('SignOptions', []),
  /* 124 */ t('BitcastOptions', []),
  /* 125 */ t('BitwiseXorOptions', []),
  /* 126 */ t('RightShiftOptions', []),
]);

/** union BuiltinOptions2 (StableHLO etc.), index = union type value (0 = NONE = null). */
export const BUILTIN_OPTIONS_2: readonly (OptionsSpec | null)[] = Object.freeze([
  /*   0 */ null,
  /*   1 */ t('StablehloConcatenateOptions', [f(0, 'dimension', 'int64', 0)]),
  /*   2 */ t('StablehloBroadcastInDimOptions', [f(0, 'broadcastDimensions', '[int64]', null)]),
  /*   3 */ t('StablehloSliceOptions', [
    f(0, 'startIndices', '[int64]', null),
    f(1, 'limitIndices', '[int64]', null),
    f(2, 'strides', '[int64]', null),
  ]),
  /*   4 */ t('StablehloConvolutionOptions', [
    f(0, 'windowStrides', '[int64]', null),
    f(1, 'padding', '[int64]', null),
    f(2, 'lhsDilation', '[int64]', null),
    f(3, 'rhsDilation', '[int64]', null),
    f(4, 'windowReversal', '[bool]', null),
    f(5, 'inputBatchDimension', 'int64', 0),
    f(6, 'inputFeatureDimension', 'int64', 0),
    f(7, 'inputSpatialDimensions', '[int64]', null),
    f(8, 'kernelInputFeatureDimension', 'int64', 0),
    f(9, 'kernelOutputFeatureDimension', 'int64', 0),
    f(10, 'kernelSpatialDimensions', '[int64]', null),
    f(11, 'outputBatchDimension', 'int64', 0),
    f(12, 'outputFeatureDimension', 'int64', 0),
    f(13, 'outputSpatialDimensions', '[int64]', null),
    f(14, 'featureGroupCount', 'int64', 0),
    f(15, 'batchGroupCount', 'int64', 0),
    f(16, 'precisionConfig', '[uint32]', null),
  ]),
  /*   5 */ t('StablehloCustomCallOptions', [
    f(0, 'callTargetName', 'string', null),
    f(1, 'hasSideEffect', 'bool', false),
    f(2, 'backendConfig', 'string', null),
    f(3, 'apiVersion', 'int32', 0),
    f(4, 'calledComputations', '[int32]', null),
    f(5, 'customAttributes', '[uint8]', null),
  ]),
  /*   6 */ t('StablehloReduceOptions', [
    f(0, 'dimensions', '[int64]', null),
    f(1, 'bodySubgraphIndex', 'int32', 0),
  ]),
  /*   7 */ t('StablehloScatterOptions', [
    f(0, 'indicesAreSorted', 'bool', false),
    f(1, 'updateWindowDims', '[int64]', null),
    f(2, 'insertedWindowDims', '[int64]', null),
    f(3, 'scatterDimsToOperandDims', '[int64]', null),
    f(4, 'indexVectorDim', 'int64', 0),
    f(5, 'uniqueIndices', 'bool', false),
    f(6, 'updateComputationSubgraphIndex', 'int32', 0),
  ]),
  /*   8 */ t('StablehloCompareOptions', [
    f(0, 'comparisonDirection', 'uint32', 0),
    f(1, 'compareType', 'uint32', 0),
  ]),
  /*   9 */ t('StablehloDynamicSliceOptions', [f(0, 'sliceSizes', '[int64]', null)]),
  /*  10 */ t('StablehloPadOptions', [
    f(0, 'edgePaddingLow', '[int64]', null),
    f(1, 'edgePaddingHigh', '[int64]', null),
    f(2, 'interiorPadding', '[int64]', null),
  ]),
  /*  11 */ t('StablehloIotaOptions', [f(0, 'iotaDimension', 'int64', 0)]),
  /*  12 */ t('StablehloDotGeneralOptions', [
    f(0, 'lhsBatchingDimensions', '[int64]', null),
    f(1, 'rhsBatchingDimensions', '[int64]', null),
    f(2, 'lhsContractingDimensions', '[int64]', null),
    f(3, 'rhsContractingDimensions', '[int64]', null),
    f(4, 'precisionConfig', '[uint32]', null),
  ]),
  /*  13 */ t('StablehloReduceWindowOptions', [
    f(0, 'windowDimensions', '[int64]', null),
    f(1, 'windowStrides', '[int64]', null),
    f(2, 'baseDilations', '[int64]', null),
    f(3, 'windowDilations', '[int64]', null),
    f(4, 'padding', '[int64]', null),
    f(5, 'bodySubgraphIndex', 'int32', 0),
  ]),
  /*  14 */ t('StablehloSortOptions', [
    f(0, 'dimension', 'int64', 0),
    f(1, 'isStable', 'bool', false),
    f(2, 'comparatorSubgraphIndex', 'int32', 0),
  ]),
  /*  15 */ t('StablehloWhileOptions', [
    f(0, 'condSubgraphIndex', 'int32', 0),
    f(1, 'bodySubgraphIndex', 'int32', 0),
  ]),
  /*  16 */ t('StablehloGatherOptions', [
    f(0, 'offsetDims', '[int64]', null),
    f(1, 'collapsedSliceDims', '[int64]', null),
    f(2, 'startIndexMap', '[int64]', null),
    f(3, 'indexVectorDim', 'int64', 0),
    f(4, 'sliceSizes', '[int64]', null),
    f(5, 'indicesAreSorted', 'bool', false),
  ]),
  /*  17 */ t('StablehloTransposeOptions', [f(0, 'permutation', '[int64]', null)]),
  /*  18 */ t('DilateOptions', []),
  /*  19 */ t('StablehloRngBitGeneratorOptions', [f(0, 'algorithm', 'int8', 0)]),
  /*  20 */ t('ReduceWindowOptions', [f(0, 'reduceFunction', 'int32', 0)]),
  /*  21 */ t('StableHLOCompositeOptions', [
    f(0, 'name', 'string', null),
    f(1, 'decompositionSubgraphIndex', 'int32', 0),
    f(2, 'compositeAttributes', '[uint8]', null),
    f(3, 'compositeAttributesFormat', 'int8', 0),
    f(4, 'version', 'int32', 0),
  ]),
  /*  22 */ t('StablehloShiftLeftOptions', []),
  /*  23 */ t('StablehloCaseOptions', [f(0, 'branchSubgraphIndices', '[int32]', null)]),
]);

function indexByName(specs: readonly (OptionsSpec | null)[]): Readonly<Record<string, number>> {
  const out: Record<string, number> = Object.create(null) as Record<string, number>;
  specs.forEach((s, i) => {
    if (s) out[s.name] = i;
  });
  return Object.freeze(out);
}

/** BuiltinOptions table name -> union type value. */
export const BUILTIN_OPTIONS_BY_NAME: Readonly<Record<string, number>> = indexByName(BUILTIN_OPTIONS);

/** BuiltinOptions2 table name -> union type value. */
export const BUILTIN_OPTIONS_2_BY_NAME: Readonly<Record<string, number>> = indexByName(BUILTIN_OPTIONS_2);

// ---------------------------------------------------------------------------
// Decoded option objects
//
// Field names are the camelCase schema names. Enum fields hold the numeric
// enum value (see the const objects above). int64/uint64 scalars and vectors
// are read as number. Strings and vectors have no schema default (FieldSpec
// default null); these interfaces assume the decoder yields '' / [] when such
// a field is absent. Tables without fields decode to an empty object.
// ---------------------------------------------------------------------------

export interface Conv2DOptions {
  /** Padding (byte) */
  padding: number;
  strideW: number;
  strideH: number;
  /** ActivationFunctionType (byte) */
  fusedActivationFunction: number;
  dilationWFactor: number;
  dilationHFactor: number;
  /** TensorType (byte) */
  quantizedBiasType: number;
}

export interface DepthwiseConv2DOptions {
  /** Padding (byte) */
  padding: number;
  strideW: number;
  strideH: number;
  depthMultiplier: number;
  /** ActivationFunctionType (byte) */
  fusedActivationFunction: number;
  dilationWFactor: number;
  dilationHFactor: number;
}

export interface ConcatEmbeddingsOptions {
  numChannels: number;
  numColumnsPerChannel: number[];
  embeddingDimPerChannel: number[];
}

export interface LSHProjectionOptions {
  /** LSHProjectionType (byte) */
  type: number;
}

export interface Pool2DOptions {
  /** Padding (byte) */
  padding: number;
  strideW: number;
  strideH: number;
  filterWidth: number;
  filterHeight: number;
  /** ActivationFunctionType (byte) */
  fusedActivationFunction: number;
}

export interface SVDFOptions {
  rank: number;
  /** ActivationFunctionType (byte) */
  fusedActivationFunction: number;
  asymmetricQuantizeInputs: boolean;
}

export interface RNNOptions {
  /** ActivationFunctionType (byte) */
  fusedActivationFunction: number;
  asymmetricQuantizeInputs: boolean;
}

export interface FullyConnectedOptions {
  /** ActivationFunctionType (byte) */
  fusedActivationFunction: number;
  /** FullyConnectedOptionsWeightsFormat (byte) */
  weightsFormat: number;
  keepNumDims: boolean;
  asymmetricQuantizeInputs: boolean;
  /** TensorType (byte) */
  quantizedBiasType: number;
}

export interface SoftmaxOptions {
  beta: number;
}

export interface ConcatenationOptions {
  axis: number;
  /** ActivationFunctionType (byte) */
  fusedActivationFunction: number;
}

export interface AddOptions {
  /** ActivationFunctionType (byte) */
  fusedActivationFunction: number;
  potScaleInt16: boolean;
}

export interface L2NormOptions {
  /** ActivationFunctionType (byte) */
  fusedActivationFunction: number;
}

export interface LocalResponseNormalizationOptions {
  radius: number;
  bias: number;
  alpha: number;
  beta: number;
}

export interface LSTMOptions {
  /** ActivationFunctionType (byte) */
  fusedActivationFunction: number;
  cellClip: number;
  projClip: number;
  /** LSTMKernelType (byte) */
  kernelType: number;
  asymmetricQuantizeInputs: boolean;
}

export interface ResizeBilinearOptions {
  alignCorners: boolean;
  halfPixelCenters: boolean;
}

export interface CallOptions {
  subgraph: number;
}

export interface ReshapeOptions {
  newShape: number[];
}

export interface SkipGramOptions {
  ngramSize: number;
  maxSkipSize: number;
  includeAllNgrams: boolean;
}

export interface SpaceToDepthOptions {
  blockSize: number;
}

export interface EmbeddingLookupSparseOptions {
  /** CombinerType (byte) */
  combiner: number;
}

export interface MulOptions {
  /** ActivationFunctionType (byte) */
  fusedActivationFunction: number;
}

export type PadOptions = Record<string, never>;

export interface GatherOptions {
  axis: number;
  batchDims: number;
}

export type BatchToSpaceNDOptions = Record<string, never>;

export type SpaceToBatchNDOptions = Record<string, never>;

export type TransposeOptions = Record<string, never>;

export interface ReducerOptions {
  keepDims: boolean;
}

export interface SubOptions {
  /** ActivationFunctionType (byte) */
  fusedActivationFunction: number;
  potScaleInt16: boolean;
}

export interface DivOptions {
  /** ActivationFunctionType (byte) */
  fusedActivationFunction: number;
}

export interface SqueezeOptions {
  squeezeDims: number[];
}

export interface SequenceRNNOptions {
  timeMajor: boolean;
  /** ActivationFunctionType (byte) */
  fusedActivationFunction: number;
  asymmetricQuantizeInputs: boolean;
}

export interface StridedSliceOptions {
  beginMask: number;
  endMask: number;
  ellipsisMask: number;
  newAxisMask: number;
  shrinkAxisMask: number;
  offset: boolean;
}

export type ExpOptions = Record<string, never>;

export type TopKV2Options = Record<string, never>;

export interface SplitOptions {
  numSplits: number;
}

export type LogSoftmaxOptions = Record<string, never>;

export interface CastOptions {
  /** TensorType (byte) */
  inDataType: number;
  /** TensorType (byte) */
  outDataType: number;
}

export type DequantizeOptions = Record<string, never>;

export type MaximumMinimumOptions = Record<string, never>;

export interface ArgMaxOptions {
  /** TensorType (byte) */
  outputType: number;
}

export type LessOptions = Record<string, never>;

export type NegOptions = Record<string, never>;

export type PadV2Options = Record<string, never>;

export type GreaterOptions = Record<string, never>;

export type GreaterEqualOptions = Record<string, never>;

export type LessEqualOptions = Record<string, never>;

export type SelectOptions = Record<string, never>;

export type SliceOptions = Record<string, never>;

export interface TransposeConvOptions {
  /** Padding (byte) */
  padding: number;
  strideW: number;
  strideH: number;
  /** ActivationFunctionType (byte) */
  fusedActivationFunction: number;
  /** TensorType (byte) */
  quantizedBiasType: number;
}

export interface SparseToDenseOptions {
  validateIndices: boolean;
}

export type TileOptions = Record<string, never>;

export type ExpandDimsOptions = Record<string, never>;

export type EqualOptions = Record<string, never>;

export type NotEqualOptions = Record<string, never>;

export interface ShapeOptions {
  /** TensorType (byte) */
  outType: number;
}

export type PowOptions = Record<string, never>;

export interface ArgMinOptions {
  /** TensorType (byte) */
  outputType: number;
}

export interface FakeQuantOptions {
  min: number;
  max: number;
  numBits: number;
  narrowRange: boolean;
}

export interface PackOptions {
  valuesCount: number;
  axis: number;
}

export type LogicalOrOptions = Record<string, never>;

export interface OneHotOptions {
  axis: number;
}

export type LogicalAndOptions = Record<string, never>;

export type LogicalNotOptions = Record<string, never>;

export interface UnpackOptions {
  num: number;
  axis: number;
}

export type FloorDivOptions = Record<string, never>;

export type SquareOptions = Record<string, never>;

export type ZerosLikeOptions = Record<string, never>;

export type FillOptions = Record<string, never>;

export interface BidirectionalSequenceLSTMOptions {
  /** ActivationFunctionType (byte) */
  fusedActivationFunction: number;
  cellClip: number;
  projClip: number;
  mergeOutputs: boolean;
  timeMajor: boolean;
  asymmetricQuantizeInputs: boolean;
}

export interface BidirectionalSequenceRNNOptions {
  timeMajor: boolean;
  /** ActivationFunctionType (byte) */
  fusedActivationFunction: number;
  mergeOutputs: boolean;
  asymmetricQuantizeInputs: boolean;
}

export interface UnidirectionalSequenceLSTMOptions {
  /** ActivationFunctionType (byte) */
  fusedActivationFunction: number;
  cellClip: number;
  projClip: number;
  timeMajor: boolean;
  asymmetricQuantizeInputs: boolean;
  diagonalRecurrentTensors: boolean;
}

export type FloorModOptions = Record<string, never>;

export type RangeOptions = Record<string, never>;

export interface ResizeNearestNeighborOptions {
  alignCorners: boolean;
  halfPixelCenters: boolean;
}

export interface LeakyReluOptions {
  alpha: number;
}

export type SquaredDifferenceOptions = Record<string, never>;

export interface MirrorPadOptions {
  /** MirrorPadMode (byte) */
  mode: number;
}

export type AbsOptions = Record<string, never>;

export interface SplitVOptions {
  numSplits: number;
}

export interface UniqueOptions {
  /** TensorType (byte) */
  idxOutType: number;
}

export type ReverseV2Options = Record<string, never>;

export type AddNOptions = Record<string, never>;

export type GatherNdOptions = Record<string, never>;

export type CosOptions = Record<string, never>;

export type WhereOptions = Record<string, never>;

export type RankOptions = Record<string, never>;

export interface ReverseSequenceOptions {
  seqDim: number;
  batchDim: number;
}

export type MatrixDiagOptions = Record<string, never>;

export type QuantizeOptions = Record<string, never>;

export type MatrixSetDiagOptions = Record<string, never>;

export type HardSwishOptions = Record<string, never>;

export interface IfOptions {
  thenSubgraphIndex: number;
  elseSubgraphIndex: number;
}

export interface WhileOptions {
  condSubgraphIndex: number;
  bodySubgraphIndex: number;
}

export interface DepthToSpaceOptions {
  blockSize: number;
}

export type NonMaxSuppressionV4Options = Record<string, never>;

export type NonMaxSuppressionV5Options = Record<string, never>;

export type ScatterNdOptions = Record<string, never>;

export type SelectV2Options = Record<string, never>;

export type DensifyOptions = Record<string, never>;

export type SegmentSumOptions = Record<string, never>;

export interface BatchMatMulOptions {
  adjX: boolean;
  adjY: boolean;
  asymmetricQuantizeInputs: boolean;
}

export interface CumsumOptions {
  exclusive: boolean;
  reverse: boolean;
}

export interface CallOnceOptions {
  initSubgraphIndex: number;
}

export type BroadcastToOptions = Record<string, never>;

export type Rfft2dOptions = Record<string, never>;

export interface Conv3DOptions {
  /** Padding (byte) */
  padding: number;
  strideD: number;
  strideW: number;
  strideH: number;
  /** ActivationFunctionType (byte) */
  fusedActivationFunction: number;
  dilationDFactor: number;
  dilationWFactor: number;
  dilationHFactor: number;
}

export interface HashtableOptions {
  tableId: number;
  /** TensorType (byte) */
  keyDtype: number;
  /** TensorType (byte) */
  valueDtype: number;
}

export type HashtableFindOptions = Record<string, never>;

export type HashtableImportOptions = Record<string, never>;

export type HashtableSizeOptions = Record<string, never>;

export interface VarHandleOptions {
  container: string;
  sharedName: string;
}

export type ReadVariableOptions = Record<string, never>;

export type AssignVariableOptions = Record<string, never>;

export interface RandomOptions {
  /** int64 in the schema, read as number */
  seed: number;
  /** int64 in the schema, read as number */
  seed2: number;
}

export interface BucketizeOptions {
  boundaries: number[];
}

export interface GeluOptions {
  approximate: boolean;
}

export type DynamicUpdateSliceOptions = Record<string, never>;

export type UnsortedSegmentProdOptions = Record<string, never>;

export type UnsortedSegmentMaxOptions = Record<string, never>;

export type UnsortedSegmentMinOptions = Record<string, never>;

export type UnsortedSegmentSumOptions = Record<string, never>;

export type ATan2Options = Record<string, never>;

export type SignOptions = Record<string, never>;

export type BitcastOptions = Record<string, never>;

export type BitwiseXorOptions = Record<string, never>;

export type RightShiftOptions = Record<string, never>;

export interface StablehloConcatenateOptions {
  /** int64 in the schema, read as number */
  dimension: number;
}

export interface StablehloBroadcastInDimOptions {
  broadcastDimensions: number[];
}

export interface StablehloSliceOptions {
  startIndices: number[];
  limitIndices: number[];
  strides: number[];
}

export interface StablehloConvolutionOptions {
  windowStrides: number[];
  padding: number[];
  lhsDilation: number[];
  rhsDilation: number[];
  windowReversal: boolean[];
  /** int64 in the schema, read as number */
  inputBatchDimension: number;
  /** int64 in the schema, read as number */
  inputFeatureDimension: number;
  inputSpatialDimensions: number[];
  /** int64 in the schema, read as number */
  kernelInputFeatureDimension: number;
  /** int64 in the schema, read as number */
  kernelOutputFeatureDimension: number;
  kernelSpatialDimensions: number[];
  /** int64 in the schema, read as number */
  outputBatchDimension: number;
  /** int64 in the schema, read as number */
  outputFeatureDimension: number;
  outputSpatialDimensions: number[];
  /** int64 in the schema, read as number */
  featureGroupCount: number;
  /** int64 in the schema, read as number */
  batchGroupCount: number;
  /** StablehloPrecisionConfig (uint) */
  precisionConfig: number[];
}

export interface StablehloCustomCallOptions {
  callTargetName: string;
  hasSideEffect: boolean;
  backendConfig: string;
  apiVersion: number;
  calledComputations: number[];
  customAttributes: number[];
}

export interface StablehloReduceOptions {
  dimensions: number[];
  bodySubgraphIndex: number;
}

export interface StablehloScatterOptions {
  indicesAreSorted: boolean;
  updateWindowDims: number[];
  insertedWindowDims: number[];
  scatterDimsToOperandDims: number[];
  /** int64 in the schema, read as number */
  indexVectorDim: number;
  uniqueIndices: boolean;
  updateComputationSubgraphIndex: number;
}

export interface StablehloCompareOptions {
  /** StablehloComparisonDirection (uint) */
  comparisonDirection: number;
  /** StablehloComparisonType (uint) */
  compareType: number;
}

export interface StablehloDynamicSliceOptions {
  sliceSizes: number[];
}

export interface StablehloPadOptions {
  edgePaddingLow: number[];
  edgePaddingHigh: number[];
  interiorPadding: number[];
}

export interface StablehloIotaOptions {
  /** int64 in the schema, read as number */
  iotaDimension: number;
}

export interface StablehloDotGeneralOptions {
  lhsBatchingDimensions: number[];
  rhsBatchingDimensions: number[];
  lhsContractingDimensions: number[];
  rhsContractingDimensions: number[];
  /** StablehloPrecisionConfig (uint) */
  precisionConfig: number[];
}

export interface StablehloReduceWindowOptions {
  windowDimensions: number[];
  windowStrides: number[];
  baseDilations: number[];
  windowDilations: number[];
  padding: number[];
  bodySubgraphIndex: number;
}

export interface StablehloSortOptions {
  /** int64 in the schema, read as number */
  dimension: number;
  isStable: boolean;
  comparatorSubgraphIndex: number;
}

export interface StablehloWhileOptions {
  condSubgraphIndex: number;
  bodySubgraphIndex: number;
}

export interface StablehloGatherOptions {
  offsetDims: number[];
  collapsedSliceDims: number[];
  startIndexMap: number[];
  /** int64 in the schema, read as number */
  indexVectorDim: number;
  sliceSizes: number[];
  indicesAreSorted: boolean;
}

export interface StablehloTransposeOptions {
  permutation: number[];
}

export type DilateOptions = Record<string, never>;

export interface StablehloRngBitGeneratorOptions {
  /** RngAlgorithm (byte) */
  algorithm: number;
}

export interface ReduceWindowOptions {
  /** ReduceWindowFunction (int) */
  reduceFunction: number;
}

export interface StableHLOCompositeOptions {
  name: string;
  decompositionSubgraphIndex: number;
  compositeAttributes: number[];
  /** CustomOptionsFormat (byte) */
  compositeAttributesFormat: number;
  version: number;
}

export type StablehloShiftLeftOptions = Record<string, never>;

export interface StablehloCaseOptions {
  branchSubgraphIndices: number[];
}

/** Table name -> decoded options type, for both unions. */
export interface BuiltinOptionsTypes {
  Conv2DOptions: Conv2DOptions;
  DepthwiseConv2DOptions: DepthwiseConv2DOptions;
  ConcatEmbeddingsOptions: ConcatEmbeddingsOptions;
  LSHProjectionOptions: LSHProjectionOptions;
  Pool2DOptions: Pool2DOptions;
  SVDFOptions: SVDFOptions;
  RNNOptions: RNNOptions;
  FullyConnectedOptions: FullyConnectedOptions;
  SoftmaxOptions: SoftmaxOptions;
  ConcatenationOptions: ConcatenationOptions;
  AddOptions: AddOptions;
  L2NormOptions: L2NormOptions;
  LocalResponseNormalizationOptions: LocalResponseNormalizationOptions;
  LSTMOptions: LSTMOptions;
  ResizeBilinearOptions: ResizeBilinearOptions;
  CallOptions: CallOptions;
  ReshapeOptions: ReshapeOptions;
  SkipGramOptions: SkipGramOptions;
  SpaceToDepthOptions: SpaceToDepthOptions;
  EmbeddingLookupSparseOptions: EmbeddingLookupSparseOptions;
  MulOptions: MulOptions;
  PadOptions: PadOptions;
  GatherOptions: GatherOptions;
  BatchToSpaceNDOptions: BatchToSpaceNDOptions;
  SpaceToBatchNDOptions: SpaceToBatchNDOptions;
  TransposeOptions: TransposeOptions;
  ReducerOptions: ReducerOptions;
  SubOptions: SubOptions;
  DivOptions: DivOptions;
  SqueezeOptions: SqueezeOptions;
  SequenceRNNOptions: SequenceRNNOptions;
  StridedSliceOptions: StridedSliceOptions;
  ExpOptions: ExpOptions;
  TopKV2Options: TopKV2Options;
  SplitOptions: SplitOptions;
  LogSoftmaxOptions: LogSoftmaxOptions;
  CastOptions: CastOptions;
  DequantizeOptions: DequantizeOptions;
  MaximumMinimumOptions: MaximumMinimumOptions;
  ArgMaxOptions: ArgMaxOptions;
  LessOptions: LessOptions;
  NegOptions: NegOptions;
  PadV2Options: PadV2Options;
  GreaterOptions: GreaterOptions;
  GreaterEqualOptions: GreaterEqualOptions;
  LessEqualOptions: LessEqualOptions;
  SelectOptions: SelectOptions;
  SliceOptions: SliceOptions;
  TransposeConvOptions: TransposeConvOptions;
  SparseToDenseOptions: SparseToDenseOptions;
  TileOptions: TileOptions;
  ExpandDimsOptions: ExpandDimsOptions;
  EqualOptions: EqualOptions;
  NotEqualOptions: NotEqualOptions;
  ShapeOptions: ShapeOptions;
  PowOptions: PowOptions;
  ArgMinOptions: ArgMinOptions;
  FakeQuantOptions: FakeQuantOptions;
  PackOptions: PackOptions;
  LogicalOrOptions: LogicalOrOptions;
  OneHotOptions: OneHotOptions;
  LogicalAndOptions: LogicalAndOptions;
  LogicalNotOptions: LogicalNotOptions;
  UnpackOptions: UnpackOptions;
  FloorDivOptions: FloorDivOptions;
  SquareOptions: SquareOptions;
  ZerosLikeOptions: ZerosLikeOptions;
  FillOptions: FillOptions;
  BidirectionalSequenceLSTMOptions: BidirectionalSequenceLSTMOptions;
  BidirectionalSequenceRNNOptions: BidirectionalSequenceRNNOptions;
  UnidirectionalSequenceLSTMOptions: UnidirectionalSequenceLSTMOptions;
  FloorModOptions: FloorModOptions;
  RangeOptions: RangeOptions;
  ResizeNearestNeighborOptions: ResizeNearestNeighborOptions;
  LeakyReluOptions: LeakyReluOptions;
  SquaredDifferenceOptions: SquaredDifferenceOptions;
  MirrorPadOptions: MirrorPadOptions;
  AbsOptions: AbsOptions;
  SplitVOptions: SplitVOptions;
  UniqueOptions: UniqueOptions;
  ReverseV2Options: ReverseV2Options;
  AddNOptions: AddNOptions;
  GatherNdOptions: GatherNdOptions;
  CosOptions: CosOptions;
  WhereOptions: WhereOptions;
  RankOptions: RankOptions;
  ReverseSequenceOptions: ReverseSequenceOptions;
  MatrixDiagOptions: MatrixDiagOptions;
  QuantizeOptions: QuantizeOptions;
  MatrixSetDiagOptions: MatrixSetDiagOptions;
  HardSwishOptions: HardSwishOptions;
  IfOptions: IfOptions;
  WhileOptions: WhileOptions;
  DepthToSpaceOptions: DepthToSpaceOptions;
  NonMaxSuppressionV4Options: NonMaxSuppressionV4Options;
  NonMaxSuppressionV5Options: NonMaxSuppressionV5Options;
  ScatterNdOptions: ScatterNdOptions;
  SelectV2Options: SelectV2Options;
  DensifyOptions: DensifyOptions;
  SegmentSumOptions: SegmentSumOptions;
  BatchMatMulOptions: BatchMatMulOptions;
  CumsumOptions: CumsumOptions;
  CallOnceOptions: CallOnceOptions;
  BroadcastToOptions: BroadcastToOptions;
  Rfft2dOptions: Rfft2dOptions;
  Conv3DOptions: Conv3DOptions;
  HashtableOptions: HashtableOptions;
  HashtableFindOptions: HashtableFindOptions;
  HashtableImportOptions: HashtableImportOptions;
  HashtableSizeOptions: HashtableSizeOptions;
  VarHandleOptions: VarHandleOptions;
  ReadVariableOptions: ReadVariableOptions;
  AssignVariableOptions: AssignVariableOptions;
  RandomOptions: RandomOptions;
  BucketizeOptions: BucketizeOptions;
  GeluOptions: GeluOptions;
  DynamicUpdateSliceOptions: DynamicUpdateSliceOptions;
  UnsortedSegmentProdOptions: UnsortedSegmentProdOptions;
  UnsortedSegmentMaxOptions: UnsortedSegmentMaxOptions;
  UnsortedSegmentMinOptions: UnsortedSegmentMinOptions;
  UnsortedSegmentSumOptions: UnsortedSegmentSumOptions;
  ATan2Options: ATan2Options;
  SignOptions: SignOptions;
  BitcastOptions: BitcastOptions;
  BitwiseXorOptions: BitwiseXorOptions;
  RightShiftOptions: RightShiftOptions;
  StablehloConcatenateOptions: StablehloConcatenateOptions;
  StablehloBroadcastInDimOptions: StablehloBroadcastInDimOptions;
  StablehloSliceOptions: StablehloSliceOptions;
  StablehloConvolutionOptions: StablehloConvolutionOptions;
  StablehloCustomCallOptions: StablehloCustomCallOptions;
  StablehloReduceOptions: StablehloReduceOptions;
  StablehloScatterOptions: StablehloScatterOptions;
  StablehloCompareOptions: StablehloCompareOptions;
  StablehloDynamicSliceOptions: StablehloDynamicSliceOptions;
  StablehloPadOptions: StablehloPadOptions;
  StablehloIotaOptions: StablehloIotaOptions;
  StablehloDotGeneralOptions: StablehloDotGeneralOptions;
  StablehloReduceWindowOptions: StablehloReduceWindowOptions;
  StablehloSortOptions: StablehloSortOptions;
  StablehloWhileOptions: StablehloWhileOptions;
  StablehloGatherOptions: StablehloGatherOptions;
  StablehloTransposeOptions: StablehloTransposeOptions;
  DilateOptions: DilateOptions;
  StablehloRngBitGeneratorOptions: StablehloRngBitGeneratorOptions;
  ReduceWindowOptions: ReduceWindowOptions;
  StableHLOCompositeOptions: StableHLOCompositeOptions;
  StablehloShiftLeftOptions: StablehloShiftLeftOptions;
  StablehloCaseOptions: StablehloCaseOptions;
}
