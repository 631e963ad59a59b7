/** The operations of a redline, with UTF-16 offsets into both texts. */
export type RedlineOpKind = 'equal' | 'insert' | 'delete' | 'move-from' | 'move-to';

/**
 * One operation. Operations come in the order of both texts at once: the old text is the
 * concatenation of `equal`, `delete` and `move-from` texts, the new text that of `equal`,
 * `insert` and `move-to` texts. `oldStart..oldEnd` is the slice of the old text the operation
 * covers (empty, at the current position, for insertions); likewise `newStart..newEnd`.
 */
export interface RedlineOp {
  op: RedlineOpKind;
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
  text: string;
  /** Pairs a `move-from` with its `move-to`. */
  moveId?: string;
  /**
   * On a `move-to` whose passage was also edited: the word-level changes between the moved
   * passage as it left (old offsets) and as it arrived (new offsets).
   */
  edits?: RedlineOp[];
}

export interface RedlineOptions {
  /** BCP 47 language of both texts, for the segmenter (Chinese needs it to find words). */
  lang?: string;
  /** Detect moved passages (default true). */
  moves?: boolean;
  /** The fewest words a passage needs to be reported as moved (default 4). */
  minMoveWords?: number;
}
