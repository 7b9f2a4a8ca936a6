import test from 'node:test';
import assert from 'node:assert/strict';
import { fromBase64, toBase64, utf8 } from '../src/ledger/bytes.js';
import { isVerifiedBy, parseSignedNote, parseVkey } from '../src/ledger/note.js';
import { caseIdOf, parseSignedCheckpoint } from '../src/ledger/checkpoint.js';
import { ballotCommitment, formatReceiptFile, parseReceipt, parseReceiptFile } from '../src/ledger/receipt.js';
import { STEPS, verifyReceipt } from '../src/ledger/verify.js';
import { consistencyProof, entry, makeLogKey, receiptText, signedCheckpoint } from './reference.js';

const prefix = 'casegrains.test';
const caseId = 'case-1';
const origin = `${prefix}/case/${caseId}`;

test('a note signed by the log key verifies; another key, a changed text or a changed signature does not', async () => {
  const key = await makeLogKey('casegrains.test-log');
  const other = await makeLogKey('casegrains.test-log');
  const verifier = await parseVkey(key.vkey);
  assert.equal(verifier.keyId, key.keyId);
  const text = `${origin}\n3\n${toBase64(new Uint8Array(32))}\n`;
  const note = `${text}\n${await key.signLine(text)}`;

  assert.ok(await isVerifiedBy(parseSignedNote(note), verifier));
  // Someone else's signature line is ignored; the log's own must still be there and good.
  assert.ok(await isVerifiedBy(parseSignedNote(`${note}${await (await makeLogKey('witness')).signLine(text)}`), verifier));
  assert.equal(await isVerifiedBy(parseSignedNote(`${text}\n${await other.signLine(text)}`), verifier), false);
  assert.equal(await isVerifiedBy(parseSignedNote(note.replace('\n3\n', '\n4\n')), verifier), false);
  const line = note.slice(note.lastIndexOf('\u2014'));
  const bytes = fromBase64(line.trim().split(' ')[2]);
  bytes[10] ^= 0x40;
  assert.equal(await isVerifiedBy(parseSignedNote(`${text}\n\u2014 ${key.name} ${toBase64(bytes)}\n`), verifier), false);
});

test('a cosignature verifies with the witness key and only over its own timestamp', async () => {
  const witness = await makeLogKey('court-witness', 'cosignature');
  const verifier = await parseVkey(witness.vkey);
  assert.equal(verifier.type, 'cosignature');
  const text = `${origin}\n3\n${toBase64(new Uint8Array(32))}\n`;
  const line = await witness.cosignLine(text, 1767225600);
  assert.ok(await isVerifiedBy(parseSignedNote(`${text}\n${line}`), verifier));
  const bytes = fromBase64(line.trim().split(' ')[2]);
  bytes[11] ^= 1; // the timestamp's last byte
  assert.equal(await isVerifiedBy(parseSignedNote(`${text}\n\u2014 court-witness ${toBase64(bytes)}\n`), verifier), false);
});

test('malformed notes and keys are refused with a reason', async () => {
  assert.throws(() => parseSignedNote('no blank line\n\u2014 k AAAAAAA=\n'), /blank line/);
  assert.throws(() => parseSignedNote('text\n\n'), /at least one signature/);
  assert.throws(() => parseSignedNote('text\r\n\n\u2014 k AAAAAAA=\n'), /control characters/);
  assert.throws(() => parseSignedNote('text\n\n- k AAAAAAA=\n'), /em dash/);
  assert.throws(() => parseSignedNote('text\n\n\u2014 k AAAAAAA\n'), /base64/);
  const key = await makeLogKey('log');
  await assert.rejects(parseVkey(key.vkey.replace(/\+[0-9a-f]{8}\+/, '+00000000+')), /key ID/);
  await assert.rejects(parseVkey(`PRIVATE+KEY+${key.vkey}`), /private key/);
});

test('the ballot commitment is SHA-256 of the ballot text with the choice named as the server names it', async () => {
  // printf 'casegrains-ballot/v1\nm1\nr1\ncr-1\nFor\n1\n00112233445566778899aabbccddeeff' | sha256sum
  assert.equal(await ballotCommitment({ meetingId: 'm1', resolutionId: 'r1', creditorId: 'cr-1', choice: 'for', ballotNumber: 1, salt: '00112233445566778899aabbccddeeff' }),
    '69112e2546c6f04d1e6fa789eb11d6aa1a49aa08e96c26c6ecd9ab01c6ac4080');
});

/** A log of `size` entries with a ballot at `ballotAt`, and what a creditor and the server would hold. */
async function fixture({ size = 6, ballotAt = 3, later = 11 } = {}) {
  const key = await makeLogKey('casegrains.test-log');
  const ballot = { meetingId: 'm1', resolutionId: 'r1', creditorId: 'cr-1', choice: 'against', ballotNumber: 2, salt: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' };
  const entries = [];
  for (let i = 0; i < later; i++) {
    entries.push(i === ballotAt
      ? entry(caseId, i, 'vote.cast', { meetingId: 'm1', resolutionId: 'r1', round: 0, ballotNumber: 2, channel: 'online', scanSha256: null, commitment: await ballotCommitment(ballot) })
      : entry(caseId, i, 'claim.declared', { claimId: `c${i}` }));
  }
  const receiptCheckpoint = await signedCheckpoint(key, origin, entries.slice(0, size));
  const current = await signedCheckpoint(key, origin, entries);
  const receipt = await receiptText(ballotAt, entries, size, receiptCheckpoint);
  const requests = [];
  const source = {
    keys: async () => ({ logKey: key.vkey, originPrefix: prefix, witnesses: [] }),
    checkpoint: async (id) => { requests.push(['checkpoint', id]); return { checkpoint: current }; },
    consistency: async (id, from, to) => {
      requests.push(['consistency', id, String(from), String(to)]);
      return { fromSize: Number(from), toSize: Number(to), hashes: (await consistencyProof(Number(from), entries.slice(0, Number(to)))).map(toBase64) };
    },
  };
  return { key, ballot, entries, receipt, file: formatReceiptFile(receipt, { ...ballot, ledgerPosition: ballotAt }), source, requests };
}

const statuses = (result) => Object.fromEntries(result.steps.map((s) => [s.id, s.status]));

test('a vote receipt verifies step by step against a later checkpoint', async () => {
  const f = await fixture();
  const result = await verifyReceipt(f.file, f.source);
  assert.deepEqual(result.steps.map((s) => s.id), STEPS);
  assert.ok(result.ok, JSON.stringify(result.steps));
  assert.ok(result.steps.every((s) => s.status === 'passed'));
  assert.deepEqual(f.requests, [['checkpoint', caseId], ['consistency', caseId, '6', '11']]);
  assert.equal(result.steps.find((s) => s.id === 'ballot').values.choice, 'against');
  assert.equal(result.steps.find((s) => s.id === 'entry').values.kind, 'vote.cast');
});

test('a bare tlog-proof receipt verifies, with the ballot step skipped', async () => {
  const f = await fixture();
  const result = await verifyReceipt(f.receipt, f.source);
  assert.ok(result.ok);
  assert.equal(statuses(result).ballot, 'skipped');
  assert.equal(parseReceipt(f.receipt).index, 3n);
  assert.equal(caseIdOf(parseSignedCheckpoint(parseReceipt(f.receipt).checkpointText).checkpoint.origin), caseId);
});

test('a receipt whose checkpoint is the current one needs no consistency proof', async () => {
  const f = await fixture({ size: 11 });
  const result = await verifyReceipt(f.file, f.source);
  assert.ok(result.ok);
  assert.deepEqual(f.requests, [['checkpoint', caseId]]);
});

function tamperFile(fileText, change) {
  const file = JSON.parse(fileText);
  change(file);
  return JSON.stringify(file);
}

function tamperReceipt(fileText, changeLines) {
  return tamperFile(fileText, (file) => {
    const lines = file.receipt.split('\n');
    changeLines(lines);
    file.receipt = lines.join('\n');
  });
}

function flipBase64(text, at) {
  const bytes = fromBase64(text);
  bytes[at] ^= 1;
  return toBase64(bytes);
}

test('one changed byte anywhere makes the step it touches fail and stops the rest', async () => {
  const f = await fixture();
  const cases = [
    ['inclusion', tamperReceipt(f.file, (l) => { l[1] = `extra ${flipBase64(l[1].slice(6), 60)}`; })],
    ['inclusion', tamperReceipt(f.file, (l) => { l[3] = flipBase64(l[3], 5); })],
    ['inclusion', tamperReceipt(f.file, (l) => { l[2] = 'index 2'; })],
    ['signature', tamperReceipt(f.file, (l) => { l[l.length - 4] = flipBase64(l[l.length - 4], 0); })],
    ['ballot', tamperFile(f.file, (file) => { file.ballot.salt = file.ballot.salt.replace(/^a/, 'b'); })],
    ['ballot', tamperFile(f.file, (file) => { file.ballot.choice = 'for'; })],
    ['format', tamperReceipt(f.file, (l) => { l[0] = 'c2sp.org/tlog-proof@v2'; })],
    ['format', 'not a receipt'],
  ];
  for (const [step, text] of cases) {
    const result = await verifyReceipt(text, f.source);
    assert.equal(result.ok, false);
    assert.equal(result.failedStep, step, `${step}: ${JSON.stringify(result.steps)}`);
    const at = STEPS.indexOf(step);
    assert.ok(result.steps.slice(at + 1).every((s) => s.status === 'notChecked'));
    assert.ok(result.steps[at].detail.length > 0);
  }
});

test('a current checkpoint that does not extend the receipt\'s, or is not signed by the log, fails', async () => {
  const f = await fixture();
  const forked = [...f.entries];
  forked[1] = utf8('rewritten');
  const forkedSource = { ...f.source, checkpoint: async () => ({ checkpoint: await signedCheckpoint(f.key, origin, forked) }) };
  assert.equal((await verifyReceipt(f.file, forkedSource)).failedStep, 'consistency');

  const stranger = await makeLogKey(f.key.name);
  const strangerSource = { ...f.source, checkpoint: async () => ({ checkpoint: await signedCheckpoint(stranger, origin, f.entries) }) };
  assert.equal((await verifyReceipt(f.file, strangerSource)).failedStep, 'current');

  const shrunk = { ...f.source, checkpoint: async () => ({ checkpoint: await signedCheckpoint(f.key, origin, f.entries.slice(0, 5)) }) };
  assert.equal((await verifyReceipt(f.file, shrunk)).failedStep, 'current');

  const otherLog = { ...f.source, keys: async () => ({ logKey: stranger.vkey, originPrefix: prefix, witnesses: [] }) };
  assert.equal((await verifyReceipt(f.file, otherLog)).failedStep, 'signature');

  const otherPrefix = { ...f.source, keys: async () => ({ logKey: f.key.vkey, originPrefix: 'elsewhere.example', witnesses: [] }) };
  assert.equal((await verifyReceipt(f.file, otherPrefix)).failedStep, 'signature');

  const offline = { ...f.source, checkpoint: async () => { throw new Error('HTTP 503'); } };
  const result = await verifyReceipt(f.file, offline);
  assert.equal(result.failedStep, 'current');
  assert.match(result.steps.find((s) => s.id === 'current').detail, /HTTP 503/);
});

test('a receipt file keeps the ballot exactly and refuses one with a field missing', () => {
  const text = formatReceiptFile('c2sp.org/tlog-proof@v1\n', { meetingId: 'm', resolutionId: 'r', creditorId: 'c', choice: 'for', ballotNumber: 1, salt: 's', extra: 'dropped' });
  assert.deepEqual(JSON.parse(text).ballot, { meetingId: 'm', resolutionId: 'r', creditorId: 'c', choice: 'for', ballotNumber: 1, salt: 's' });
  assert.throws(() => parseReceiptFile(text.replace('"salt": "s"', '"salt": ""')), /salt/);
});
