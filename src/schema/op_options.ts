// Which BuiltinOptions table each builtin operator carries (schema.fbs pairs them by convention).
import { BUILTIN_OPERATOR_NAMES, BUILTIN_OPTIONS_BY_NAME } from './generated.js';

/** Ops whose options table is not simply `<CamelCaseName>Options`. */
const EXCEPTIONS: Readonly<Record<string, string>> = {
  AVERAGE_POOL_2D: 'Pool2DOptions', MAX_POOL_2D: 'Pool2DOptions', L2_POOL_2D: 'Pool2DOptions',
  CONV_2D: 'Conv2DOptions', DEPTHWISE_CONV_2D: 'DepthwiseConv2DOptions', CONV_3D: 'Conv3DOptions', CONV_3D_TRANSPOSE: 'Conv3DOptions',
  L2_NORMALIZATION: 'L2NormOptions', LSH_PROJECTION: 'LSHProjectionOptions', LSTM: 'LSTMOptions', SVDF: 'SVDFOptions', RNN: 'RNNOptions',
  UNIDIRECTIONAL_SEQUENCE_RNN: 'SequenceRNNOptions', UNIDIRECTIONAL_SEQUENCE_LSTM: 'UnidirectionalSequenceLSTMOptions',
  BIDIRECTIONAL_SEQUENCE_RNN: 'BidirectionalSequenceRNNOptions', BIDIRECTIONAL_SEQUENCE_LSTM: 'BidirectionalSequenceLSTMOptions',
  BATCH_TO_SPACE_ND: 'BatchToSpaceNDOptions', SPACE_TO_BATCH_ND: 'SpaceToBatchNDOptions',
  MEAN: 'ReducerOptions', SUM: 'ReducerOptions', REDUCE_PROD: 'ReducerOptions', REDUCE_MAX: 'ReducerOptions',
  REDUCE_MIN: 'ReducerOptions', REDUCE_ANY: 'ReducerOptions', REDUCE_ALL: 'ReducerOptions',
  MAXIMUM: 'MaximumMinimumOptions', MINIMUM: 'MaximumMinimumOptions', TOPK_V2: 'TopKV2Options', PADV2: 'PadV2Options',
  NON_MAX_SUPPRESSION_V4: 'NonMaxSuppressionV4Options', NON_MAX_SUPPRESSION_V5: 'NonMaxSuppressionV5Options',
  RFFT2D: 'Rfft2dOptions', BATCH_MATMUL: 'BatchMatMulOptions', RANDOM_STANDARD_NORMAL: 'RandomOptions', RANDOM_UNIFORM: 'RandomOptions', MULTINOMIAL: 'RandomOptions', ATAN2: 'ATan2Options', EMBEDDING_LOOKUP_SPARSE: 'EmbeddingLookupSparseOptions',
};

function camel(name: string): string {
  return name.toLowerCase().split('_').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

/** The BuiltinOptions union type of `op` (0 when it has none). */
export function optionsTypeForOp(op: number | string): number {
  const name = typeof op === 'number' ? BUILTIN_OPERATOR_NAMES[op] : op;
  if (name === undefined) return 0;
  const table = EXCEPTIONS[name] ?? `${camel(name)}Options`;
  return BUILTIN_OPTIONS_BY_NAME[table] ?? 0;
}
