// Verifies a kept receipt step by step, in the page: nothing is taken on the server's word except the data it
// serves (the log key, the current checkpoint and a consistency proof), and each of those is checked here.
import { FormatError, fromBase64, toHex, utf8Text } from './bytes.js';
import { leafHash, verifyConsistency, verifyInclusion } from './merkle.js';
import { isVerifiedBy, parseVkey } from './note.js';
import { caseIdOf, originFor, parseSignedCheckpoint } from './checkpoint.js';
import { ballotCommitment, parseReceiptFile } from './receipt.js';

/** The steps in the order they run; a failed step stops the ones after it. */
export const STEPS = ['format', 'key', 'signature', 'inclusion', 'entry', 'ballot', 'current', 'consistency'];

class StepFailure extends Error {}

function fail(message) {
  throw new StepFailure(message);
}

/**
 * Runs every step against `source`, which fetches what the server publishes:
 *   keys() → { logKey (vkey), originPrefix, witnesses: [{ name, vkey }] }      (GET /api/ledger/keys)
 *   checkpoint(caseId) → { checkpoint (signed note text) }                      (GET .../ledger/checkpoint)
 *   consistency(caseId, from, to) → { fromSize, toSize, hashes (base64) }        (GET .../ledger/proof/consistency)
 * Returns { ok, failedStep, steps: [{ id, status: passed|failed|skipped|notChecked, values, detail }] }; `values`
 * name what a step established (for the page to word), `detail` is the technical reason of a failure or skip.
 */
export async function verifyReceipt(fileText, source) {
  const steps = [];
  const s = {};
  const run = async (id, check) => {
    try {
      const outcome = (await check()) ?? {};
      steps.push({ id, status: outcome.skipped ? 'skipped' : 'passed', values: outcome.values ?? {}, detail: outcome.detail ?? '' });
      return true;
    } catch (e) {
      const detail = e instanceof StepFailure || e instanceof FormatError ? e.message : `${e?.name ?? 'Error'}: ${e?.message ?? e}`;
      steps.push({ id, status: 'failed', values: {}, detail });
      return false;
    }
  };

  const checks = {
    format: () => {
      const file = parseReceiptFile(fileText);
      Object.assign(s, file);
      s.caseId = caseIdOf(file.receipt.checkpoint.origin);
      if (s.caseId === null) fail(`the checkpoint's origin '${file.receipt.checkpoint.origin}' names no case`);
      return { values: { caseId: s.caseId, index: String(file.receipt.index), size: String(file.receipt.checkpoint.size) } };
    },
    key: async () => {
      s.keys = await source.keys();
      s.logKey = await parseVkey(s.keys.logKey);
      if (s.logKey.type !== 'checkpoint') fail('the published log key is not a checkpoint key');
      return { values: { name: s.logKey.name, keyId: s.logKey.keyId.toString(16).padStart(8, '0') } };
    },
    signature: async () => {
      const { origin, size } = s.receipt.checkpoint;
      const expected = originFor(s.keys.originPrefix, s.caseId);
      if (origin !== expected) fail(`the checkpoint is of '${origin}', not of this server's log '${expected}'`);
      const { note } = parseSignedCheckpoint(s.receipt.checkpointText);
      if (!(await isVerifiedBy(note, s.logKey))) fail(`the receipt's checkpoint has no valid signature by ${s.logKey.name}`);
      return { values: { origin, size: String(size) } };
    },
    inclusion: async () => {
      const { index, proof, extra, checkpoint } = s.receipt;
      if (extra === null) fail('the receipt carries no entry (no extra line)');
      if (index >= checkpoint.size) fail(`index ${index} is not in a tree of ${checkpoint.size} entries`);
      const leaf = await leafHash(extra);
      if (!(await verifyInclusion(index, checkpoint.size, leaf, proof, checkpoint.root))) {
        fail(`the entry is not at index ${index} of the tree of ${checkpoint.size} entries: the entry or the proof was altered`);
      }
      return { values: { index: String(index), size: String(checkpoint.size), leafHash: toHex(leaf) } };
    },
    entry: () => {
      let entry;
      try {
        entry = JSON.parse(utf8Text(s.receipt.extra));
      } catch {
        fail('the entry is not a CaseGrains ledger entry (canonical JSON)');
      }
      if (entry === null || typeof entry !== 'object' || entry.v !== 1) fail('the entry is not a version 1 CaseGrains ledger entry');
      if (!Number.isSafeInteger(entry.position) || BigInt(entry.position) !== s.receipt.index) {
        fail(`the entry says position ${entry.position} but is logged at index ${s.receipt.index}`);
      }
      if (entry.case !== s.caseId) fail(`the entry is of case '${entry.case}' but the log is case '${s.caseId}'`);
      s.entry = entry;
      return { values: { kind: String(entry.kind), time: String(entry.time), actor: String(entry.actor), position: String(entry.position) } };
    },
    ballot: async () => {
      const { ballot, entry } = s;
      if (ballot === null) {
        return entry.kind === 'vote.cast'
          ? { skipped: true, values: { reason: 'noSalt' }, detail: 'no ballot and salt in this receipt: the choice is not checked' }
          : { skipped: true, values: { reason: 'notBallot' }, detail: `the entry is '${entry.kind}', not a ballot` };
      }
      if (entry.kind !== 'vote.cast') fail(`the receipt names a ballot, but the entry is '${entry.kind}', not 'vote.cast'`);
      const data = entry.data ?? {};
      for (const name of ['meetingId', 'resolutionId', 'ballotNumber']) {
        if (data[name] !== ballot[name]) fail(`the ballot's ${name} is '${ballot[name]}' but the entry's is '${data[name]}'`);
      }
      const commitment = await ballotCommitment(ballot);
      if (commitment !== data.commitment) {
        fail(`SHA-256 of the ballot and its salt is ${commitment}, but the entry commits to ${data.commitment}: the ballot or the salt was altered`);
      }
      return { values: { choice: ballot.choice, commitment } };
    },
    current: async () => {
      const response = await source.checkpoint(s.caseId);
      let current;
      try {
        current = parseSignedCheckpoint(response.checkpoint);
      } catch (e) {
        fail(`the current checkpoint is malformed: ${e.message}`);
      }
      const older = s.receipt.checkpoint;
      if (current.checkpoint.origin !== older.origin) fail(`the current checkpoint is of '${current.checkpoint.origin}', not '${older.origin}'`);
      if (!(await isVerifiedBy(current.note, s.logKey))) fail(`the current checkpoint has no valid signature by ${s.logKey.name}`);
      if (current.checkpoint.size < older.size) {
        fail(`the current checkpoint has ${current.checkpoint.size} entries, fewer than the receipt's ${older.size}: the log shrank`);
      }
      s.current = current.checkpoint;
      const witnesses = [];
      for (const witness of s.keys.witnesses ?? []) {
        try {
          const key = await parseVkey(witness.vkey);
          if (key.type === 'cosignature' && await isVerifiedBy(current.note, key)) witnesses.push(witness.name);
        } catch {
          // A witness key this page cannot read proves nothing either way; the log's own signature is what counts here.
        }
      }
      return { values: { size: String(current.checkpoint.size), witnesses: witnesses.join(', ') } };
    },
    consistency: async () => {
      const older = s.receipt.checkpoint;
      const newer = s.current;
      let proof = [];
      if (newer.size !== older.size) {
        const response = await source.consistency(s.caseId, older.size, newer.size);
        if (String(response.fromSize) !== String(older.size) || String(response.toSize) !== String(newer.size)) {
          fail(`the server sent a proof from ${response.fromSize} to ${response.toSize}, not from ${older.size} to ${newer.size}`);
        }
        proof = (response.hashes ?? []).map((hash, i) => fromBase64(hash, `consistency proof hash ${i}`));
      }
      if (!(await verifyConsistency(older.size, newer.size, older.root, newer.root, proof))) {
        fail(older.size === newer.size
          ? `two different roots for the same size ${older.size}: the log forked`
          : `the consistency proof from size ${older.size} to ${newer.size} does not verify: the log was rewritten or the proof is wrong`);
      }
      return { values: { from: String(older.size), to: String(newer.size) } };
    },
  };

  let failedStep = null;
  for (const id of STEPS) {
    if (failedStep !== null) {
      steps.push({ id, status: 'notChecked', values: {}, detail: '' });
    } else if (!(await run(id, checks[id]))) {
      failedStep = id;
    }
  }
  return { ok: failedStep === null, failedStep, steps };
}
