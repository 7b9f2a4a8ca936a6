// Receipts: the C2SP tlog-proof text the server issues (CaseGrains.Ledger.Receipt), and the vote receipt file a
// creditor keeps, which wraps that text together with what only the voter knows about the ballot (its salt).
import { FormatError, fromBase64, sha256, toHex, utf8 } from './bytes.js';
import { HASH_SIZE } from './merkle.js';
import { MAX_NOTE_LENGTH } from './note.js';
import { parseDecimal, parseSignedCheckpoint } from './checkpoint.js';

export const PROOF_HEADER = 'c2sp.org/tlog-proof@v1';
export const RECEIPT_FILE_FORMAT = 'casegrains-vote-receipt/v1';
const MAX_PROOF_HASHES = 130;

/**
 * Parses a tlog-proof receipt: { index (BigInt), proof (hashes), checkpointText, checkpoint, extra (the entry's bytes
 * or null) }. Checks the form only; verifyReceipt checks what it claims.
 */
export function parseReceipt(text) {
  if (typeof text !== 'string') throw new FormatError('a receipt is text');
  if (text.length > MAX_NOTE_LENGTH + 16 * 1024) throw new FormatError('the receipt is too long');
  let at = 0;
  const nextLine = () => {
    const end = text.indexOf('\n', at);
    if (end < 0) throw new FormatError('the receipt ends before its checkpoint');
    const line = text.slice(at, end);
    at = end + 1;
    return line;
  };
  if (nextLine() !== PROOF_HEADER) throw new FormatError(`a receipt starts with the line ${PROOF_HEADER}`);
  let line = nextLine();
  let extra = null;
  if (line.startsWith('extra ')) {
    extra = fromBase64(line.slice('extra '.length), 'extra data');
    line = nextLine();
  }
  if (!line.startsWith('index ')) throw new FormatError("a receipt has an 'index N' line after its header");
  const index = parseDecimal(line.slice('index '.length));
  if (index === null) throw new FormatError(`'${line.slice('index '.length)}' is not a leaf index (decimal, no leading zeroes)`);
  const proof = [];
  while ((line = nextLine()).length !== 0) {
    if (proof.length === MAX_PROOF_HASHES) throw new FormatError(`an inclusion proof has at most ${MAX_PROOF_HASHES} hashes`);
    const hash = fromBase64(line, `inclusion proof hash ${proof.length}`);
    if (hash.length !== HASH_SIZE) throw new FormatError(`inclusion proof hash ${proof.length} is ${hash.length} bytes, not ${HASH_SIZE}`);
    proof.push(hash);
  }
  const checkpointText = text.slice(at);
  const { checkpoint } = parseSignedCheckpoint(checkpointText);
  return { index, proof, checkpointText, checkpoint, extra };
}

const BALLOT_FIELDS = ['meetingId', 'resolutionId', 'creditorId', 'choice', 'ballotNumber', 'salt'];

/**
 * Reads what a creditor kept: either a vote receipt file (JSON: format, receipt, ballot) or a bare tlog-proof.
 * Returns { receiptText, receipt, ballot (or null) }.
 */
export function parseReceiptFile(text) {
  if (typeof text !== 'string' || text.trim().length === 0) throw new FormatError('the receipt is empty');
  const trimmed = text.replace(/^\uFEFF/, '');
  if (trimmed.startsWith(PROOF_HEADER)) return { receiptText: trimmed, receipt: parseReceipt(trimmed), ballot: null };
  let file;
  try {
    file = JSON.parse(trimmed);
  } catch {
    throw new FormatError(`this is neither a vote receipt file (${RECEIPT_FILE_FORMAT}) nor a receipt starting with ${PROOF_HEADER}`);
  }
  if (file === null || typeof file !== 'object' || file.format !== RECEIPT_FILE_FORMAT) {
    throw new FormatError(`a vote receipt file has "format": "${RECEIPT_FILE_FORMAT}"`);
  }
  if (typeof file.receipt !== 'string') throw new FormatError('a vote receipt file carries the receipt text in "receipt"');
  let ballot = null;
  if (file.ballot !== undefined && file.ballot !== null) {
    const b = file.ballot;
    for (const name of BALLOT_FIELDS) {
      const value = b[name];
      const ok = name === 'ballotNumber' ? Number.isSafeInteger(value) && value >= 0 : typeof value === 'string' && value.length > 0;
      if (!ok) throw new FormatError(`the ballot's "${name}" is missing or malformed`);
    }
    ballot = Object.fromEntries(BALLOT_FIELDS.map((name) => [name, b[name]]));
  }
  return { receiptText: file.receipt, receipt: parseReceipt(file.receipt), ballot };
}

/** The vote receipt file for a ballot acknowledgement (BallotAck) and the receipt text the server issued for it. */
export function formatReceiptFile(receiptText, ack) {
  const ballot = Object.fromEntries(BALLOT_FIELDS.map((name) => [name, ack[name]]));
  return `${JSON.stringify({ format: RECEIPT_FILE_FORMAT, receipt: receiptText, ballot }, null, 2)}\n`;
}

/** The server names a choice as the C# enum does ("For"); the API spells it in camelCase ("for"). */
function choiceName(choice) {
  return choice.charAt(0).toUpperCase() + choice.slice(1);
}

/**
 * The ballot commitment the ledger holds (the server's BallotCommitment): lowercase hex SHA-256 of
 * "casegrains-ballot/v1\n{meeting}\n{resolution}\n{creditor}\n{Choice}\n{ballotNumber}\n{salt}".
 */
export async function ballotCommitment(ballot) {
  const text = `casegrains-ballot/v1\n${ballot.meetingId}\n${ballot.resolutionId}\n${ballot.creditorId}\n${choiceName(ballot.choice)}\n${ballot.ballotNumber}\n${ballot.salt}`;
  return toHex(await sha256(utf8(text)));
}
