export { redline } from './diff.ts';
export { applyRedline, oldText } from './apply.ts';
export { tokenize, segmenterFor, type Token, type TokenKind } from './tokenize.ts';
export { compareDocuments, diffPointPairs, type DocPoint, type PointPair, type PointComparison, type DocumentComparison } from './document.ts';
export type { RedlineOp, RedlineOpKind, RedlineOptions } from './types.ts';
