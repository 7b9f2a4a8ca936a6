// Checkpoints (https://c2sp.org/tlog-checkpoint) as the server's Checkpoint and LedgerOrigin write them.
import { FormatError, fromBase64 } from './bytes.js';
import { HASH_SIZE } from './merkle.js';
import { parseSignedNote } from './note.js';

const MAX_LONG = 0x7fffffffffffffffn;
const CASE_SEGMENT = '/case/';

/** A decimal with no sign and no leading zeroes that fits a 64-bit signed integer, as BigInt; else null. */
export function parseDecimal(text) {
  if (!/^(0|[1-9][0-9]*)$/.test(text)) return null;
  const value = BigInt(text);
  return value > MAX_LONG ? null : value;
}

/** Parses checkpoint note text: origin, size (BigInt), 32-byte root, extension lines. */
export function parseCheckpoint(text) {
  if (!text.endsWith('\n')) throw new FormatError('checkpoint text ends with a newline');
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3) throw new FormatError('a checkpoint has an origin, a size and a root hash line');
  if (lines[0].length === 0) throw new FormatError('the checkpoint origin is empty');
  const size = parseDecimal(lines[1]);
  if (size === null) throw new FormatError(`'${lines[1]}' is not a tree size (decimal, no leading zeroes)`);
  const root = fromBase64(lines[2], 'root hash');
  if (root.length !== HASH_SIZE) throw new FormatError(`the root hash is ${root.length} bytes, not ${HASH_SIZE}`);
  const extensions = lines.slice(3);
  if (extensions.some((line) => line.length === 0)) throw new FormatError('checkpoint extension lines are non-empty');
  return { origin: lines[0], size, root, extensions };
}

/** Parses a signed checkpoint: { checkpoint, note, text } where text is the signed note verbatim. Does not verify. */
export function parseSignedCheckpoint(signedNote) {
  const note = parseSignedNote(signedNote);
  return { checkpoint: parseCheckpoint(note.text), note, text: signedNote };
}

/** The case a log origin "<prefix>/case/<caseId>" names, or null. */
export function caseIdOf(origin) {
  const at = typeof origin === 'string' ? origin.lastIndexOf(CASE_SEGMENT) : -1;
  if (at <= 0 || at + CASE_SEGMENT.length === origin.length) return null;
  return origin.slice(at + CASE_SEGMENT.length);
}

/** The origin of a case's log, as LedgerOrigin.For writes it. */
export function originFor(prefix, caseId) {
  return `${prefix.replace(/\/+$/, '')}${CASE_SEGMENT}${caseId}`;
}
