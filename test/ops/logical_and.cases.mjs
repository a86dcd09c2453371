// LOGICAL_AND: a && b over bool tensors with numpy broadcasting at any rank.
import { logicalBinaryCases } from './_shared/logical.mjs';

export default logicalBinaryCases('LOGICAL_AND');
