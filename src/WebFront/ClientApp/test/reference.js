// Test-only reference code: RFC 9162 trees built from their definitions (MTH, PATH, SUBPROOF in 2.1.1, 2.1.3.1 and
// 2.1.4.1), and a log key made with WebCrypto, to produce the inputs the verifying modules check.
import { webcrypto } from 'node:crypto';
import { concat, sha256, toBase64, utf8 } from '../src/ledger/bytes.js';
import { leafHash, nodeHash } from '../src/ledger/merkle.js';
import { KEY_TYPES, keyId } from '../src/ledger/note.js';

// Node 18 (Debian 12's) has WebCrypto only as node:crypto's webcrypto, not yet as the global the page uses.
globalThis.crypto ??= webcrypto;

function split(n) {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

export async function mth(entries) {
  if (entries.length === 0) return sha256(new Uint8Array(0));
  if (entries.length === 1) return leafHash(entries[0]);
  const k = split(entries.length);
  return nodeHash(await mth(entries.slice(0, k)), await mth(entries.slice(k)));
}

export async function path(m, entries) {
  if (entries.length <= 1) return [];
  const k = split(entries.length);
  return m < k
    ? [...(await path(m, entries.slice(0, k))), await mth(entries.slice(k))]
    : [...(await path(m - k, entries.slice(k))), await mth(entries.slice(0, k))];
}

async function subproof(m, entries, complete) {
  const n = entries.length;
  if (m === n) return complete ? [] : [await mth(entries)];
  const k = split(n);
  return m <= k
    ? [...(await subproof(m, entries.slice(0, k), complete)), await mth(entries.slice(k))]
    : [...(await subproof(m - k, entries.slice(k), false)), await mth(entries.slice(0, k))];
}

export function consistencyProof(m, entries) {
  return subproof(m, entries, true);
}

/** A P-256 log key: { vkey, name, sign(text) → signature line }. */
export async function makeLogKey(name, type = 'checkpoint') {
  const pair = await globalThis.crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const spki = new Uint8Array(await globalThis.crypto.subtle.exportKey('spki', pair.publicKey));
  const id = await keyId(name, type, spki);
  const idBytes = new Uint8Array(4);
  new DataView(idBytes.buffer).setUint32(0, id, false);
  const signBytes = async (message) => new Uint8Array(await globalThis.crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, message));
  return {
    name,
    keyId: id,
    vkey: `${name}+${id.toString(16).padStart(8, '0')}+${toBase64(concat(KEY_TYPES[type], spki))}`,
    async signLine(text) {
      return `\u2014 ${name} ${toBase64(concat(idBytes, await signBytes(utf8(text))))}\n`;
    },
    async cosignLine(text, time) {
      const t = new Uint8Array(8);
      new DataView(t.buffer).setBigUint64(0, BigInt(time), false);
      const signature = await signBytes(utf8(`cosignature/v1\ntime ${time}\n${text}`));
      return `\u2014 ${name} ${toBase64(concat(idBytes, t, signature))}\n`;
    },
  };
}

export async function signedCheckpoint(key, origin, entries) {
  const text = `${origin}\n${entries.length}\n${toBase64(await mth(entries))}\n`;
  return `${text}\n${await key.signLine(text)}`;
}

/** An entry in the server's canonical form (LedgerEntryEncoding). */
export function entry(caseId, position, kind, data) {
  return utf8(JSON.stringify({ v: 1, case: caseId, position, time: '2026-03-01T08:00:00.0000000Z', actor: 'cr-1', kind, data }));
}

export async function receiptText(index, entries, size, checkpoint) {
  const proof = await path(index, entries.slice(0, size));
  return `c2sp.org/tlog-proof@v1\nextra ${toBase64(entries[index])}\nindex ${index}\n${proof.map((h) => `${toBase64(h)}\n`).join('')}\n${checkpoint}`;
}
