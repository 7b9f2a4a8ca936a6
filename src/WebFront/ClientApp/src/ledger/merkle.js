// RFC 9162 section 2.1 Merkle hashing and proof verification, the same rules as CaseGrains.Ledger.MerkleHash and
// MerkleProof on the server. Proof checks take untrusted input: anything wrong, malformed or out of range is false.
import { concat, equalBytes, sha256 } from './bytes.js';

export const HASH_SIZE = 32;

/** HASH(0x00 || entry). */
export function leafHash(entry) {
  return sha256(concat(Uint8Array.of(0x00), entry));
}

/** HASH(0x01 || left || right). */
export function nodeHash(left, right) {
  return sha256(concat(Uint8Array.of(0x01), left, right));
}

/** The root of the empty tree: the hash of the empty string. */
export function emptyRoot() {
  return sha256(new Uint8Array(0));
}

// Sizes and indexes are BigInt so that bit operations stay exact beyond 2^31 (JS numbers shift as 32-bit integers).
function big(value) {
  if (typeof value === 'bigint') return value;
  if (Number.isSafeInteger(value)) return BigInt(value);
  return null;
}

function allHashes(proof) {
  return Array.isArray(proof) && proof.every((h) => h instanceof Uint8Array && h.length === HASH_SIZE);
}

/**
 * RFC 9162 2.1.3.2: the root an inclusion proof leads to for the leaf at `index` of a tree of `treeSize` leaves, or
 * null when the proof cannot belong to a tree of that size at all.
 */
export async function rootFromInclusionProof(index, treeSize, leaf, proof) {
  const i = big(index);
  const n = big(treeSize);
  if (i === null || n === null || i < 0n || n <= 0n || i >= n || !(leaf instanceof Uint8Array) || leaf.length !== HASH_SIZE || !allHashes(proof)) {
    return null;
  }
  let fn = i;
  let sn = n - 1n;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0n) return null;
    if ((fn & 1n) === 1n || fn === sn) {
      r = await nodeHash(p, r);
      if ((fn & 1n) === 0n) {
        while (fn !== 0n && (fn & 1n) === 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      r = await nodeHash(r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n ? r : null;
}

export async function verifyInclusion(index, treeSize, leaf, proof, root) {
  const computed = await rootFromInclusionProof(index, treeSize, leaf, proof);
  return computed !== null && equalBytes(computed, root);
}

/**
 * RFC 9162 2.1.4.2: whether `proof` shows the tree of `oldSize` leaves (root `oldRoot`) is a prefix of the tree of
 * `newSize` leaves (root `newRoot`). Edges as on the server: equal sizes need equal roots and an empty proof; the
 * empty tree (root = hash of the empty string) is a prefix of every tree with an empty proof.
 */
export async function verifyConsistency(oldSize, newSize, oldRoot, newRoot, proof) {
  const m = big(oldSize);
  const n = big(newSize);
  if (m === null || n === null || !Array.isArray(proof) || m < 0n || n < m
      || !(oldRoot instanceof Uint8Array) || oldRoot.length !== HASH_SIZE || !(newRoot instanceof Uint8Array) || newRoot.length !== HASH_SIZE) {
    return false;
  }
  if (m === n) return proof.length === 0 && equalBytes(oldRoot, newRoot);
  if (m === 0n) return proof.length === 0 && equalBytes(oldRoot, await emptyRoot());
  if (proof.length === 0 || !allHashes(proof)) return false;

  let next = 0;
  let fr;
  let sr;
  // When the old tree is a complete subtree of the new one, its root is the proof's implicit first element.
  if ((m & (m - 1n)) === 0n) {
    fr = oldRoot;
    sr = oldRoot;
  } else {
    fr = proof[0];
    sr = proof[0];
    next = 1;
  }
  let fn = m - 1n;
  let sn = n - 1n;
  while ((fn & 1n) === 1n) {
    fn >>= 1n;
    sn >>= 1n;
  }
  for (const c of proof.slice(next)) {
    if (sn === 0n) return false;
    if ((fn & 1n) === 1n || fn === sn) {
      fr = await nodeHash(c, fr);
      sr = await nodeHash(c, sr);
      if ((fn & 1n) === 0n) {
        while (fn !== 0n && (fn & 1n) === 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      sr = await nodeHash(sr, c);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n && equalBytes(fr, oldRoot) && equalBytes(sr, newRoot);
}
