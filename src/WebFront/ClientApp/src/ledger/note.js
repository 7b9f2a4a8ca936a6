// Signed notes (https://c2sp.org/signed-note) and CaseGrains note keys, checked with WebCrypto. The formats are the
// ones the server's SignedNote, NoteSignature, NoteKeys, NoteKeyText and EcdsaP256 write:
// - a vkey is "name+<8 hex key ID>+base64(type identifier || DER SubjectPublicKeyInfo)";
// - the type identifier is 0xff followed by "casegrains/ecdsa-p256-sha256/v1" (log key) or
//   "casegrains/cosignature-ecdsa-p256-sha256/v1" (witness key);
// - the key ID is the first four bytes, big-endian, of SHA-256(name || 0x0a || type identifier || public key);
// - a signature line is "— name base64(key ID || signature)", the signature ECDSA P-256 / SHA-256 in IEEE P1363
//   form (r || s, 64 bytes); a cosignature is an 8-byte big-endian POSIX time followed by the ECDSA signature of
//   "cosignature/v1\ntime <t>\n" || note text.
import { FormatError, concat, fromBase64, sha256, subtle, utf8 } from './bytes.js';

export const MAX_NOTE_LENGTH = 64 * 1024;
export const MAX_SIGNATURES = 64;
const SIGNATURE_SIZE = 64;
const LINE_PREFIX = '\u2014 ';

export const KEY_TYPES = {
  checkpoint: concat(Uint8Array.of(0xff), utf8('casegrains/ecdsa-p256-sha256/v1')),
  cosignature: concat(Uint8Array.of(0xff), utf8('casegrains/cosignature-ecdsa-p256-sha256/v1')),
};

// As the server's NoteKeys.IsValidName (char.IsWhiteSpace, char.IsControl): no '+', no white space, no control characters.
export function isValidKeyName(name) {
  return typeof name === 'string' && name.length > 0 && !/[+\u0000-\u001f\u007f-\u009f]/.test(name) && !/[\s\u0085]/.test(name.replace(/\uFEFF/g, ''));
}

function requireNoteCharacters(text) {
  if (/[\u0000-\u0009\u000b-\u001f]/.test(text)) throw new FormatError('a signed note contains no control characters other than newline');
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text)) {
    throw new FormatError('a signed note is valid UTF-8: it has no unpaired surrogates');
  }
}

function parseSignatureLine(line) {
  if (!line.startsWith(LINE_PREFIX)) throw new FormatError('a signature line starts with an em dash and a space');
  const rest = line.slice(LINE_PREFIX.length);
  const space = rest.indexOf(' ');
  if (space <= 0) throw new FormatError('a signature line has a key name, a space and a signature');
  const keyName = rest.slice(0, space);
  if (!isValidKeyName(keyName)) throw new FormatError(`'${keyName}' is not a valid key name`);
  const bytes = fromBase64(rest.slice(space + 1), 'signature');
  if (bytes.length < 5) throw new FormatError('a signature holds a 4-byte key ID and at least one byte');
  const keyId = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, false);
  return { keyName, keyId, signature: bytes.slice(4) };
}

/** Parses a signed note into its text (ending in a newline) and signature lines. Does not verify. */
export function parseSignedNote(note) {
  if (typeof note !== 'string') throw new FormatError('a signed note is text');
  if (note.length > MAX_NOTE_LENGTH) throw new FormatError(`a note longer than ${MAX_NOTE_LENGTH} characters is refused`);
  requireNoteCharacters(note);
  if (!note.endsWith('\n')) throw new FormatError('a signed note ends with a newline');
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw new FormatError('a signed note has a blank line between its text and its signatures');
  if (split + 2 === note.length) throw new FormatError('a signed note has at least one signature line');
  const lines = note.slice(split + 2, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) throw new FormatError(`a note with more than ${MAX_SIGNATURES} signatures is refused`);
  return { text: note.slice(0, split + 1), signatures: lines.map(parseSignatureLine) };
}

/** SHA-256(name || 0x0a || type identifier || public key), first four bytes read big-endian. */
export async function keyId(name, type, publicKey) {
  const hash = await sha256(concat(utf8(name), Uint8Array.of(0x0a), KEY_TYPES[type], publicKey));
  return new DataView(hash.buffer).getUint32(0, false);
}

function startsWith(bytes, prefix) {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/**
 * Parses a vkey and imports its P-256 key; refuses a private key, an unknown type, a key that is not P-256 and a key
 * ID that does not match its name and key. Returns { name, type, keyId, publicKey, cryptoKey }.
 */
export async function parseVkey(vkey) {
  if (typeof vkey !== 'string') throw new FormatError('a verifier key is text');
  const text = vkey.trim();
  if (text.startsWith('PRIVATE+KEY+')) throw new FormatError('this is a private key (skey), not a verifier key (vkey)');
  const first = text.indexOf('+');
  const second = first < 0 ? -1 : text.indexOf('+', first + 1);
  if (second < 0) throw new FormatError('a note key is name+keyid+base64');
  const name = text.slice(0, first);
  const hex = text.slice(first + 1, second);
  if (!isValidKeyName(name)) throw new FormatError(`'${name}' is not a valid key name`);
  if (!/^[0-9a-fA-F]{8}$/.test(hex)) throw new FormatError("a note key's ID is eight hex digits");
  const bytes = fromBase64(text.slice(second + 1), 'key');
  const type = Object.keys(KEY_TYPES).find((t) => startsWith(bytes, KEY_TYPES[t]));
  if (!type) throw new FormatError('the key is not of a type CaseGrains knows (ECDSA P-256 checkpoint or cosignature key)');
  const publicKey = bytes.slice(KEY_TYPES[type].length);
  let cryptoKey;
  try {
    cryptoKey = await subtle().importKey('spki', publicKey, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
  } catch (e) {
    throw new FormatError(`not a P-256 SubjectPublicKeyInfo: ${e.message}`);
  }
  const id = await keyId(name, type, publicKey);
  if (id !== parseInt(hex, 16)) {
    throw new FormatError(`the vkey's key ID ${hex.toLowerCase()} is not the one its name and key give (${id.toString(16).padStart(8, '0')})`);
  }
  return { name, type, keyId: id, publicKey, cryptoKey };
}

/** Whether the signature line claims to be from this key (name and key ID); says nothing of validity. */
export function matches(verifier, signature) {
  return signature.keyId === verifier.keyId && signature.keyName === verifier.name;
}

function ecdsaVerify(verifier, signature, message) {
  if (signature.length !== SIGNATURE_SIZE) return Promise.resolve(false);
  return subtle().verify({ name: 'ECDSA', hash: 'SHA-256' }, verifier.cryptoKey, signature, message).catch(() => false);
}

/** The POSIX time of a cosignature, or null when it is not shaped like one. */
export function cosignatureTime(signature) {
  if (signature.signature.length !== 8 + SIGNATURE_SIZE) return null;
  const time = new DataView(signature.signature.buffer, signature.signature.byteOffset).getBigUint64(0, false);
  return time > 0x7fffffffffffffffn ? null : time;
}

/** Whether one signature line is a valid signature by `verifier` over the note text. Never throws on bad input. */
export async function verifySignature(verifier, text, signature) {
  if (!matches(verifier, signature)) return false;
  if (verifier.type === 'checkpoint') return ecdsaVerify(verifier, signature.signature, utf8(text));
  const time = cosignatureTime(signature);
  if (time === null) return false;
  return ecdsaVerify(verifier, signature.signature.slice(8), utf8(`cosignature/v1\ntime ${time}\n${text}`));
}

/**
 * signed-note's rule for one trusted key: signatures by other keys are ignored, at least one signature by the key
 * must be present, and every one of them must verify.
 */
export async function isVerifiedBy(note, verifier) {
  let found = false;
  for (const signature of note.signatures) {
    if (!matches(verifier, signature)) continue;
    if (!(await verifySignature(verifier, note.text, signature))) return false;
    found = true;
  }
  return found;
}
