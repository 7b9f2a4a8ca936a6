import test from 'node:test';
import assert from 'node:assert/strict';
import { concat, fromHex, sha256, toHex } from '../src/ledger/bytes.js';
import { emptyRoot, leafHash, rootFromInclusionProof, verifyConsistency, verifyInclusion } from '../src/ledger/merkle.js';
import { consistencyProof, mth, path } from './reference.js';

// The RFC 6962 reference tree of eight leaves, from transparency-dev/merkle proof/verify_test.go (leaves, roots,
// inclusionProofs, consistencyProofs), which repeats google/certificate-transparency
// cpp/merkletree/merkle_tree_test.cc; the same numbers as tests/Ledger.Tests/MerkleTreeKnownAnswerTests.cs.
// Those files number leaves from 1; the indexes here are 0-based.
const leaves = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(fromHex);
const roots = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const root = (size) => fromHex(roots[size - 1]);
const inclusion = [
  [0, 1, []],
  [0, 8, ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
    '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4']],
  [5, 8, ['bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
    'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7']],
  [2, 3, ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125']],
  [1, 5, ['6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
    'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b']],
];
const consistency = [
  [1, 1, []],
  [1, 8, ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
    '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4']],
  [6, 8, ['0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
    'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7']],
  [2, 5, ['5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b']],
  [6, 7, ['0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a', 'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
    'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7']],
];

const flipped = (bytes, at = 0) => {
  const copy = Uint8Array.from(bytes);
  copy[at] ^= 1;
  return copy;
};

test('the root of every prefix of the reference tree is the published one, and the empty tree is SHA-256 of nothing', async () => {
  for (let size = 1; size <= 8; size++) assert.equal(toHex(await mth(leaves.slice(0, size))), roots[size - 1]);
  assert.equal(toHex(await emptyRoot()), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
});

test('published inclusion proofs verify, and so do proofs made by the RFC definition', async () => {
  for (const [index, size, proof] of inclusion) {
    assert.deepEqual((await path(index, leaves.slice(0, size))).map(toHex), proof);
    assert.ok(await verifyInclusion(index, size, await leafHash(leaves[index]), proof.map(fromHex), root(size)), `${index} in ${size}`);
  }
});

// The corruptions both reference suites try against every good proof (verify_test.go corruptInclusionProof,
// merkle_tree_test.cc VerifierCheck).
test('corrupted inclusion proofs fail', async () => {
  const someHash = fromHex('abacaba000000000000000000000000000000000000000000060061e00123456');
  const emptyRootValue = await emptyRoot();
  for (const [index, size, hex] of inclusion) {
    const proof = hex.map(fromHex);
    const leaf = await leafHash(leaves[index]);
    const probes = [
      [index - 1, size, leaf, proof, root(size)],
      [index + 1, size, leaf, proof, root(size)],
      [index ^ 2, size, leaf, proof, root(size)],
      [index, size * 2, leaf, proof, root(size)],
      [index, Math.floor(size / 2), leaf, proof, root(size)],
      [index, size, await leafHash(new TextEncoder().encode('WrongLeaf')), proof, root(size)],
      [index, size, leaf, proof, await emptyRoot()],
      [index, size, leaf, proof, someHash],
      [index, size, leaf, [...proof, new Uint8Array(0)], root(size)],
      [index, size, leaf, [...proof, root(size)], root(size)],
      [index, size, leaf, [new Uint8Array(0), ...proof], root(size)],
      [index, size, leaf, [root(size), ...proof], root(size)],
    ];
    for (let i = 0; i < proof.length; i++) {
      probes.push([index, size, leaf, proof.map((h, j) => (j === i ? flipped(h, 0) : h)), root(size)]);
      probes.push([index, size, leaf, proof.map((h, j) => (j === i ? emptyRootValue : h)), root(size)]);
    }
    if (proof.length > 0) probes.push([index, size, leaf, proof.slice(0, -1), root(size)]);
    if (proof.length > 1) probes.push([index, size, leaf, [proof[0], someHash, ...proof.slice(1)], root(size)]);
    for (const [i, n, l, p, r] of probes) assert.equal(await verifyInclusion(i, n, l, p, r), false, `probe ${i} in ${n}`);
  }
  assert.equal(await rootFromInclusionProof(-1, 8, await leafHash(leaves[0]), []), null);
  assert.equal(await rootFromInclusionProof(0, 0, await leafHash(leaves[0]), []), null);
  assert.equal(await rootFromInclusionProof(0, 1, new Uint8Array(31), []), null);
});

test('published consistency proofs verify, match the RFC definition, and corrupted ones fail', async () => {
  for (const [m, n, hex] of consistency) {
    const proof = hex.map(fromHex);
    if (m < n) assert.deepEqual((await consistencyProof(m, leaves.slice(0, n))).map(toHex), hex);
    assert.ok(await verifyConsistency(m, n, root(m), root(n), proof), `${m} to ${n}`);
    assert.equal(await verifyConsistency(m, n, flipped(root(m)), root(n), proof), false);
    assert.equal(await verifyConsistency(m, n, root(m), flipped(root(n)), proof), false);
    assert.equal(await verifyConsistency(n, m, root(n), root(m), proof), m === n);
    for (let i = 0; i < proof.length; i++) {
      assert.equal(await verifyConsistency(m, n, root(m), root(n), proof.map((h, j) => (j === i ? flipped(h, 7) : h))), false);
    }
    if (proof.length > 0) assert.equal(await verifyConsistency(m, n, root(m), root(n), proof.slice(0, -1)), false);
    assert.equal(await verifyConsistency(m, n, root(m), root(n), [...proof, root(1)]), false);
  }
  assert.ok(await verifyConsistency(0, 5, await emptyRoot(), root(5), []));
  assert.equal(await verifyConsistency(0, 5, root(1), root(5), []), false);
});

test('every inclusion and consistency proof of trees up to 33 leaves verifies, and a flipped bit fails', async () => {
  const entries = Array.from({ length: 33 }, (_, i) => Uint8Array.of(i, i * 7 % 256, 0x5a));
  const rootsBySize = [null];
  for (let n = 1; n <= entries.length; n++) rootsBySize.push(await mth(entries.slice(0, n)));
  for (let n = 1; n <= entries.length; n += 4) {
    for (let i = 0; i < n; i++) {
      const proof = await path(i, entries.slice(0, n));
      const leaf = await leafHash(entries[i]);
      assert.ok(await verifyInclusion(i, n, leaf, proof, rootsBySize[n]), `${i} in ${n}`);
      if (proof.length > 0) assert.equal(await verifyInclusion(i, n, leaf, [flipped(proof[0], 3), ...proof.slice(1)], rootsBySize[n]), false);
    }
    for (let m = 1; m < n; m++) {
      const proof = await consistencyProof(m, entries.slice(0, n));
      assert.ok(await verifyConsistency(m, n, rootsBySize[m], rootsBySize[n], proof), `${m} to ${n}`);
      assert.equal(await verifyConsistency(m, n, rootsBySize[m], rootsBySize[n], proof.map((h, j) => (j === proof.length - 1 ? flipped(h, 9) : h))), false);
    }
  }
});

test('a consistency proof of another length than the claimed sizes need fails, even when its hashes end on the claimed root', async () => {
  // A proof of m to k, given with k's root but claimed for m to n: where n needs more hashes than k, the walk runs out
  // before the new tree's top, and only the final size check refuses it (1 to 2 read as 1 to 3, for one). Where both
  // need as many, the proof may well pass: a hash can stand for any subtree, so it shows a tree of n leaves.
  const entries = Array.from({ length: 16 }, (_, i) => Uint8Array.of(i, 0xa5));
  const rootsBySize = [null];
  for (let n = 1; n <= entries.length; n++) rootsBySize.push(await mth(entries.slice(0, n)));
  let refused = 0;
  for (let n = 3; n <= entries.length; n++) {
    for (let k = 2; k < n; k++) {
      for (let m = 1; m < k; m++) {
        const proof = await consistencyProof(m, entries.slice(0, k));
        if (proof.length === (await consistencyProof(m, entries.slice(0, n))).length) continue;
        assert.equal(await verifyConsistency(m, n, rootsBySize[m], rootsBySize[k], proof), false, `proof of ${m} to ${k} taken for ${m} to ${n}`);
        refused++;
      }
    }
  }
  assert.ok(refused > 100, `only ${refused} proofs of another length were tried`);
});

test('sizes beyond 2^32 are handled exactly: a leaf index whose low 32 bits are zero still needs the right path length', async () => {
  const leaf = await leafHash(leaves[0]);
  // 2^32 leaves: index 2^32 - 1 is the right-most leaf and its path has 32 hashes; 32-bit arithmetic would get this wrong.
  const size = 2n ** 32n;
  const proof = Array.from({ length: 32 }, (_, i) => Uint8Array.from({ length: 32 }, () => i));
  const r = await rootFromInclusionProof(size - 1n, size, leaf, proof);
  assert.notEqual(r, null);
  assert.equal(await rootFromInclusionProof(size - 1n, size, leaf, proof.slice(1)), null);
});

// Tampering with a good proof or with what it is checked against, on a tree small enough to try every case
// (tests/Ledger.Tests MerklePropertyTests check the same on the server: a changed leaf, and a history rewritten
// below the old size, are not accepted).
const tamperEntries = Array.from({ length: 17 }, (_, i) => Uint8Array.of(0xc0, i, i * 13 % 256));
const tamperRoots = [null];
const tamperReady = (async () => {
  for (let n = 1; n <= tamperEntries.length; n++) tamperRoots.push(await mth(tamperEntries.slice(0, n)));
})();

test('a changed leaf is not in the tree: a changed, longer or shorter entry, its hash without the leaf prefix, or the entry itself unhashed', async () => {
  await tamperReady;
  for (const n of [1, 2, 5, 8, 11, 17]) {
    const entries = tamperEntries.slice(0, n);
    for (let i = 0; i < n; i++) {
      const proof = await path(i, entries);
      const entry = entries[i];
      assert.ok(await verifyInclusion(i, n, await leafHash(entry), proof, tamperRoots[n]), `${i} in ${n}`);
      const changed = [flipped(entry, 2), concat(entry, Uint8Array.of(0)), entry.slice(0, -1), entries[(i + 1) % n]];
      for (const other of changed) {
        if (other === entry) continue;
        assert.equal(await verifyInclusion(i, n, await leafHash(other), proof, tamperRoots[n]), false, `changed entry at ${i} in ${n}`);
      }
      assert.equal(await verifyInclusion(i, n, await sha256(entry), proof, tamperRoots[n]), false, `unprefixed hash at ${i} in ${n}`);
      assert.equal(await verifyInclusion(i, n, entry, proof, tamperRoots[n]), false, `raw entry at ${i} in ${n}`);
    }
  }
});

test('a proof made for one index is refused for every other index, with either leaf', async () => {
  await tamperReady;
  for (const n of [2, 3, 5, 8, 11, 17]) {
    const entries = tamperEntries.slice(0, n);
    const proofs = await Promise.all(entries.map((_, j) => path(j, entries)));
    const leafHashes = await Promise.all(entries.map(leafHash));
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        if (i === j) continue;
        assert.equal(await verifyInclusion(i, n, leafHashes[j], proofs[j], tamperRoots[n]), false, `proof of ${j} as ${i} in ${n}`);
        assert.equal(await verifyInclusion(i, n, leafHashes[i], proofs[j], tamperRoots[n]), false, `leaf ${i} with the proof of ${j} in ${n}`);
      }
    }
  }
});

test('a truncated or padded proof is refused: any element left out at the start, in the middle or at the end, or one more', async () => {
  await tamperReady;
  const variants = (proof) => {
    const out = [];
    for (let k = 0; k < proof.length; k++) {
      out.push(proof.slice(0, k));
      out.push(proof.slice(k + 1));
      out.push([...proof.slice(0, k), ...proof.slice(k + 1)]);
    }
    out.push([...proof, proof[proof.length - 1] ?? tamperRoots[1]]);
    return out.filter((p) => p.length !== proof.length || p.some((h, x) => h !== proof[x]));
  };
  for (const n of [2, 3, 5, 8, 11, 17]) {
    const entries = tamperEntries.slice(0, n);
    for (let i = 0; i < n; i++) {
      const leaf = await leafHash(entries[i]);
      for (const p of variants(await path(i, entries))) {
        assert.equal(await verifyInclusion(i, n, leaf, p, tamperRoots[n]), false, `inclusion of ${i} in ${n} with ${p.length} hashes`);
      }
    }
    for (let m = 1; m < n; m++) {
      for (const p of variants(await consistencyProof(m, entries))) {
        assert.equal(await verifyConsistency(m, n, tamperRoots[m], tamperRoots[n], p), false, `consistency ${m} to ${n} with ${p.length} hashes`);
      }
    }
  }
});

// Checked against the real roots of the sizes claimed. With the roots of its own sizes relabelled, a proof can still
// fit (1 to 2 read as 2 to 3: a size-2 tree whose root were leaf 0 does extend to h(leaf 0, leaf 1)); what binds a
// root to its size is the signed checkpoint, not the proof.
test('a consistency proof is refused between any sizes other than its own', async () => {
  await tamperReady;
  const size = tamperEntries.length;
  const proofs = new Map();
  for (let n = 2; n <= size; n++) {
    for (let m = 1; m < n; m++) proofs.set(`${m}:${n}`, await consistencyProof(m, tamperEntries.slice(0, n)));
  }
  for (const [key, proof] of proofs) {
    const [m, n] = key.split(':').map(Number);
    assert.ok(await verifyConsistency(m, n, tamperRoots[m], tamperRoots[n], proof), `${m} to ${n}`);
    for (let n2 = 1; n2 <= size; n2++) {
      for (let m2 = 1; m2 <= n2; m2++) {
        if (m2 === m && n2 === n) continue;
        assert.equal(await verifyConsistency(m2, n2, tamperRoots[m2], tamperRoots[n2], proof), false, `proof of ${m} to ${n} as ${m2} to ${n2}`);
      }
    }
  }
});

test('a history rewritten below the old size is not consistent with the old root, though it is with its own', async () => {
  await tamperReady;
  for (const [m, n] of [[3, 8], [4, 9], [7, 17], [16, 17]]) {
    for (const changedAt of [0, m - 1]) {
      const forked = tamperEntries.slice(0, n).map((e, i) => (i === changedAt ? flipped(e, 1) : e));
      const proof = await consistencyProof(m, forked);
      assert.ok(await verifyConsistency(m, n, await mth(forked.slice(0, m)), await mth(forked), proof), `forked ${m} to ${n}`);
      assert.equal(await verifyConsistency(m, n, tamperRoots[m], await mth(forked), proof), false, `honest ${m} to forked ${n}, entry ${changedAt}`);
      assert.equal(await verifyConsistency(m, n, await mth(forked.slice(0, m)), tamperRoots[n], proof), false, `forked ${m} to honest ${n}, entry ${changedAt}`);
    }
  }
});
