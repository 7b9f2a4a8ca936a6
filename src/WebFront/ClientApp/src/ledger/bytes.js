// Byte helpers for the ledger checks: UTF-8, strict base64, hex and SHA-256 through WebCrypto (crypto.subtle).

/** A malformed receipt, key or note; `message` says what is wrong in plain words. */
export class FormatError extends Error {
  constructor(message) {
    super(message);
    this.name = 'FormatError';
  }
}

const encoder = new TextEncoder();

export function utf8(text) {
  return encoder.encode(text);
}

export function utf8Text(bytes) {
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

export function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export function equalBytes(a, b) {
  if (!(a instanceof Uint8Array) || !(b instanceof Uint8Array) || a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

export function toBase64(bytes) {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/**
 * Standard padded base64 (RFC 4648 section 4), refusing any other spelling of the same bytes, as the C# side's
 * StrictBase64 does: a text that verifies has exactly one form.
 */
export function fromBase64(text, what = 'value') {
  if (typeof text !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) {
    throw new FormatError(`${what} is not base64`);
  }
  let binary;
  try {
    binary = atob(text);
  } catch {
    throw new FormatError(`${what} is not base64`);
  }
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  if (toBase64(bytes) !== text) throw new FormatError(`${what} is not canonical padded base64`);
  return bytes;
}

export function toHex(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function fromHex(text) {
  if (typeof text !== 'string' || text.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(text)) throw new FormatError('not hex');
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(text.slice(2 * i, 2 * i + 2), 16);
  return out;
}

function subtle() {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error('WebCrypto (crypto.subtle) is not available: open the page over HTTPS or from localhost');
  return s;
}

export { subtle };

export async function sha256(bytes) {
  return new Uint8Array(await subtle().digest('SHA-256', bytes));
}
