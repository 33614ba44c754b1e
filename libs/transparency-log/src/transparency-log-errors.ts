/**
 * Input that does not have the exact form a format requires: a checkpoint, a signed note, a
 * verifier key, a seed, a hash of the wrong length, an impossible tree size or index. The
 * formats are parsed strictly because an auditor's tool and ours must agree byte for byte.
 */
export class MalformedInputError extends Error {
  override readonly name = 'MalformedInputError';
}

/** Why a well-formed signed note was still not accepted. */
export type NoteRejection = 'unknown-key' | 'invalid-signature';

/** A signed note that parses but carries no valid signature from the trusted key. */
export class NoteVerificationError extends Error {
  override readonly name = 'NoteVerificationError';

  constructor(
    readonly reason: NoteRejection,
    message: string,
  ) {
    super(message);
  }
}

/** A node the tree needs is absent from storage: the store lost or never kept it. */
export class MissingTreeNodeError extends Error {
  override readonly name = 'MissingTreeNodeError';

  constructor(
    readonly level: number,
    readonly index: number,
  ) {
    super(`tree node at level ${level}, index ${index} is not stored`);
  }
}
