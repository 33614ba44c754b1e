/**
 * The character rules of C2SP signed-note, shared by notes, key names and checkpoints. A
 * JavaScript string is UTF-16: a well-formed one (no lone surrogate) is exactly one that
 * encodes to valid UTF-8.
 */

/** Valid UTF-8 with no ASCII control character (below U+0020) other than newline. */
export function isValidNoteText(text: string): boolean {
  if (!text.isWellFormed()) return false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x0a) return false;
  }
  return true;
}

/** Non-empty, no Unicode space and no `+`, which separates the parts of a verifier key. */
export function isValidKeyName(name: string): boolean {
  return name.length > 0 && isValidNoteText(name) && !/[\s+]/u.test(name);
}
