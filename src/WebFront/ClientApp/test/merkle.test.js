import test from 'node:test';
import assert from 'node:assert/strict';
import { fromHex, toHex } from '../src/ledger/bytes.js';
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

test('sizes beyond 2^32 are handled exactly: a leaf index whose low 32 bits are zero still needs the right path length', async () => {
  const leaf = await leafHash(leaves[0]);
  // 2^32 leaves: index 2^32 - 1 is the right-most leaf and its path has 32 hashes; 32-bit arithmetic would get this wrong.
  const size = 2n ** 32n;
  const proof = Array.from({ length: 32 }, (_, i) => Uint8Array.from({ length: 32 }, () => i));
  const r = await rootFromInclusionProof(size - 1n, size, leaf, proof);
  assert.notEqual(r, null);
  assert.equal(await rootFromInclusionProof(size - 1n, size, leaf, proof.slice(1)), null);
});
