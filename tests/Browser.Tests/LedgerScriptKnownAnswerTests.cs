using System.Text.Json;
using System.Text.Json.Nodes;
using CaseGrains.Ledger;
using CaseGrains.Meetings;
using CaseGrains.Meetings.Voting;
using CaseGrains.Testing;
using Microsoft.Playwright;

namespace CaseGrains.Browser.Tests;

/// <summary>
/// The receipt page's ledger code (/dist/ledger.js, the same modules the page bundles) run in Chromium against answers
/// the server's C# code gives for the same inputs: leaf hashes, RFC 9162 inclusion and consistency proofs (the RFC
/// 6962 reference tree and a larger one, with the reference suites' corruptions), note signatures and cosignatures,
/// ballot commitments and whole receipts. Wherever the two could disagree, the test says which side said what.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LedgerScriptKnownAnswerTests(PostgresServer postgres, Chromium chromium)
{
    // The RFC 6962 reference leaves, from transparency-dev/merkle proof/verify_test.go (as in tests/Ledger.Tests).
    private static readonly string[] ReferenceLeaves =
        ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"];

    private const string Script = """
        async (json) => {
          const v = JSON.parse(json);
          const L = await import('/dist/ledger.js');
          const hex = L.fromHex;
          const out = { leafHashes: [], inclusion: [], consistency: [], notes: [], commitments: [], receipts: [] };
          for (const entry of v.entries) out.leafHashes.push(L.toHex(await L.leafHash(hex(entry))));
          for (const c of v.inclusion) {
            out.inclusion.push(await L.verifyInclusion(BigInt(c.index), BigInt(c.size), hex(c.leaf), c.proof.map(hex), hex(c.root)));
          }
          for (const c of v.consistency) {
            out.consistency.push(await L.verifyConsistency(BigInt(c.oldSize), BigInt(c.newSize), hex(c.oldRoot), hex(c.newRoot), c.proof.map(hex)));
          }
          const logKey = await L.parseVkey(v.logKey);
          const witnessKey = await L.parseVkey(v.witnessKey);
          out.logKeyId = logKey.keyId;
          out.witnessKeyId = witnessKey.keyId;
          for (const n of v.notes) out.notes.push(await L.isVerifiedBy(L.parseSignedNote(n.note), n.byWitness ? witnessKey : logKey));
          for (const b of v.ballots) out.commitments.push(await L.ballotCommitment(b));
          const source = {
            keys: async () => ({ logKey: v.logKey, originPrefix: v.originPrefix, witnesses: [{ name: 'court', vkey: v.witnessKey }] }),
            checkpoint: async () => ({ checkpoint: v.current }),
            consistency: async (caseId, from, to) => ({ fromSize: Number(from), toSize: Number(to), hashes: v.consistencyProofs[`${from}-${to}`] ?? [] }),
          };
          for (const r of v.receipts) {
            const result = await L.verifyReceipt(r, source);
            out.receipts.push({ ok: result.ok, failedStep: result.failedStep, witnesses: result.steps.find((s) => s.id === 'current').values.witnesses ?? '' });
          }
          return JSON.stringify(out);
        }
        """;

    [Fact]
    public async Task The_pages_ledger_code_gives_the_same_answers_as_the_servers_code()
    {
        await using var server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync());
        var page = await chromium.NewPersonAsync(server.Address);
        await page.GotoAsync("/#/signin");
        await page.WaitForSelectorAsync("main[data-view='signin']");

        using var vectors = new Vectors();
        var merkle = vectors.Merkle();
        var notes = vectors.Notes();
        var receipts = vectors.Receipts();
        var input = new JsonObject
        {
            ["entries"] = new JsonArray([.. merkle.Entries.Select(e => JsonValue.Create(Convert.ToHexStringLower(e)))]),
            ["inclusion"] = new JsonArray([.. merkle.Inclusion.Select(c => c.Json)]),
            ["consistency"] = new JsonArray([.. merkle.Consistency.Select(c => c.Json)]),
            ["logKey"] = vectors.LogKey.Verifier.ToVkey(),
            ["witnessKey"] = vectors.Witness.Verifier.ToVkey(),
            ["notes"] = new JsonArray([.. notes.Select(n => new JsonObject { ["note"] = n.Note, ["byWitness"] = n.ByWitness })]),
            ["ballots"] = new JsonArray([.. vectors.Ballots.Select(b => b.Json)]),
            ["originPrefix"] = Vectors.OriginPrefix,
            ["current"] = receipts.Current,
            ["consistencyProofs"] = receipts.ConsistencyProofs,
            ["receipts"] = new JsonArray([.. receipts.Cases.Select(c => JsonValue.Create(c.File))]),
        };

        var output = JsonNode.Parse(await page.EvaluateAsync<string>(Script, input.ToJsonString()))!;

        var leafHashes = output["leafHashes"]!.AsArray().Select(h => (string)h!).ToList();
        Assert.Equal(merkle.Entries.Select(e => Convert.ToHexStringLower(MerkleHash.Leaf(e))), leafHashes);
        AssertAgree("inclusion", merkle.Inclusion, output["inclusion"]!);
        AssertAgree("consistency", merkle.Consistency, output["consistency"]!);
        Assert.Equal(vectors.LogKey.KeyId, (uint)output["logKeyId"]!);
        Assert.Equal(vectors.Witness.KeyId, (uint)output["witnessKeyId"]!);
        AssertAgree("note", notes.Select(n => (n.Note, n.Expected)).ToList(), output["notes"]!);
        Assert.Equal(vectors.Ballots.Select(b => b.Commitment), output["commitments"]!.AsArray().Select(c => (string)c!));

        var results = output["receipts"]!.AsArray();
        Assert.Equal(receipts.Cases.Count, results.Count);
        for (var i = 0; i < results.Count; i++)
        {
            var expected = receipts.Cases[i];
            var actual = results[i]!;
            Assert.True((bool)actual["ok"]! == (expected.FailedStep is null),
                $"receipt '{expected.What}': the server says {(expected.FailedStep is null ? "good" : "bad at " + expected.FailedStep)}, the page says {actual.ToJsonString()}");
            Assert.Equal(expected.FailedStep, (string?)actual["failedStep"]);
            if (expected.FailedStep is null)
                Assert.Equal("court", (string)actual["witnesses"]!);
        }
    }

    private static void AssertAgree<T>(string what, IReadOnlyList<(T Case, bool Expected)> cases, JsonNode results)
    {
        var actual = results.AsArray().Select(r => (bool)r!).ToList();
        Assert.Equal(cases.Count, actual.Count);
        for (var i = 0; i < cases.Count; i++)
            Assert.True(cases[i].Expected == actual[i], $"{what} {i} ({cases[i].Case}): the server's code says {cases[i].Expected}, the page's says {actual[i]}");
        Assert.Contains(true, actual);
        Assert.Contains(false, actual);
    }

    private static void AssertAgree(string what, IReadOnlyList<ProofCase> cases, JsonNode results) =>
        AssertAgree(what, cases.Select(c => (c.What, c.Expected)).ToList(), results);

    private sealed record ProofCase(string What, JsonObject Json, bool Expected);

    private sealed record MerkleVectors(List<byte[]> Entries, List<ProofCase> Inclusion, List<ProofCase> Consistency);

    private sealed record BallotVector(JsonObject Json, string Commitment);

    private sealed record ReceiptCase(string What, string File, string? FailedStep);

    private sealed record ReceiptVectors(string Current, JsonObject ConsistencyProofs, List<ReceiptCase> Cases);

    /// <summary>Inputs and the server code's answers; every expected value is computed by the C# ledger code.</summary>
    private sealed class Vectors : IDisposable
    {
        public const string OriginPrefix = "casegrains.kat";
        private const string CaseId = "kat-case";

        public NoteSigner LogKey { get; } = NoteSigner.Generate("casegrains.kat-log");

        public CosignatureSigner Witness { get; } = CosignatureSigner.Generate("court");

        public List<BallotVector> Ballots { get; } =
        [
            Ballot("m1", "r1", "cr-1", VoteChoice.For, 1, "00112233445566778899aabbccddeeff"),
            Ballot("kat-case-m2", "plan", "银行-7", VoteChoice.Against, 12, BallotCommitment.NewSalt()),
            Ballot("m3", "r-2", "cr-9", VoteChoice.Abstain, 3, BallotCommitment.NewSalt()),
        ];

        private static BallotVector Ballot(string meeting, string resolution, string creditor, VoteChoice choice, long number, string salt) => new(
            new JsonObject
            {
                ["meetingId"] = meeting, ["resolutionId"] = resolution, ["creditorId"] = creditor,
                ["choice"] = JsonNamingPolicy.CamelCase.ConvertName(choice.ToString()), ["ballotNumber"] = number, ["salt"] = salt,
            },
            BallotCommitment.Of(meeting, resolution, creditor, choice.ToString(), number, salt));

        public MerkleVectors Merkle()
        {
            var entries = ReferenceLeaves.Select(Convert.FromHexString).ToList();
            for (var i = entries.Count; i < 70; i++)
                entries.Add(System.Text.Encoding.UTF8.GetBytes($"entry {i}"));
            var tree = new MerkleTree();
            foreach (var entry in entries)
                tree.AppendEntry(entry);

            var inclusion = new List<ProofCase>();
            var consistency = new List<ProofCase>();
            var someHash = Convert.FromHexString("abacaba000000000000000000000000000000000000000000060061e00123456");
            long[] sizes = [1, 2, 3, 5, 7, 8, 9, 16, 17, 31, 32, 33, 63, 64, 65, 70];
            foreach (var size in sizes)
            {
                var root = tree.RootAt(size);
                foreach (var index in new[] { 0, size / 2, size - 1 }.Distinct())
                {
                    var proof = tree.InclusionProof(index, size).ToList();
                    var leaf = tree.LeafHash(index);
                    void Add(string what, long i, long n, byte[] l, List<byte[]> p, byte[] r) =>
                        inclusion.Add(new ProofCase($"{what}: {index} in {size}", Inclusion(i, n, l, p, r), MerkleProof.VerifyInclusion(i, n, l, p, r)));
                    Add("good", index, size, leaf, proof, root);
                    Add("index + 1", index + 1, size, leaf, proof, root);
                    Add("size * 2", index, size * 2, leaf, proof, root);
                    Add("size + 1", index, size + 1, leaf, proof, root);
                    Add("random root", index, size, leaf, proof, someHash);
                    Add("trailing root", index, size, leaf, [.. proof, root], root);
                    if (proof.Count > 0)
                    {
                        Add("last removed", index, size, leaf, proof[..^1], root);
                        var flipped = proof.Select(h => (byte[])h.Clone()).ToList();
                        flipped[^1][31] ^= 0x80;
                        Add("bit flipped", index, size, leaf, flipped, root);
                    }
                }
                foreach (var older in new[] { 0, 1, size / 2, size - 1, size }.Where(m => m >= 0 && m <= size).Distinct())
                {
                    var proof = tree.ConsistencyProof(older, size).ToList();
                    var oldRoot = tree.RootAt(older);
                    void Add(string what, long m, long n, byte[] r1, byte[] r2, List<byte[]> p) =>
                        consistency.Add(new ProofCase($"{what}: {older} to {size}", Consistency(m, n, r1, r2, p), MerkleProof.VerifyConsistency(m, n, r1, r2, p)));
                    Add("good", older, size, oldRoot, root, proof);
                    Add("wrong new root", older, size, oldRoot, someHash, proof);
                    Add("sizes swapped", size, older, root, oldRoot, proof);
                    if (proof.Count > 0)
                    {
                        var flipped = proof.Select(h => (byte[])h.Clone()).ToList();
                        flipped[0][0] ^= 1;
                        Add("bit flipped", older, size, oldRoot, root, flipped);
                        Add("first removed", older, size, oldRoot, root, proof[1..]);
                    }
                }
            }
            return new MerkleVectors(entries, inclusion, consistency);
        }

        private static JsonObject Inclusion(long index, long size, byte[] leaf, List<byte[]> proof, byte[] root) => new()
        {
            ["index"] = index, ["size"] = size, ["leaf"] = Convert.ToHexStringLower(leaf),
            ["proof"] = new JsonArray([.. proof.Select(h => JsonValue.Create(Convert.ToHexStringLower(h)))]), ["root"] = Convert.ToHexStringLower(root),
        };

        private static JsonObject Consistency(long oldSize, long newSize, byte[] oldRoot, byte[] newRoot, List<byte[]> proof) => new()
        {
            ["oldSize"] = oldSize, ["newSize"] = newSize, ["oldRoot"] = Convert.ToHexStringLower(oldRoot), ["newRoot"] = Convert.ToHexStringLower(newRoot),
            ["proof"] = new JsonArray([.. proof.Select(h => JsonValue.Create(Convert.ToHexStringLower(h)))]),
        };

        public List<(string Note, bool ByWitness, bool Expected)> Notes()
        {
            var checkpoint = new Checkpoint(LedgerOrigin.For(OriginPrefix, CaseId), 42, MerkleHash.Leaf("x"u8), ["extension line"]);
            var signed = SignedNote.Sign(checkpoint.Format(), LogKey);
            var cosigned = signed.WithSignature(Witness.Cosign(checkpoint.Format(), 1_767_225_600));
            using var otherLog = NoteSigner.Generate(LogKey.Name);
            var notes = new List<(string Note, bool ByWitness)>
            {
                (signed.Format(), false),
                (cosigned.Format(), false),
                (cosigned.Format(), true),
                (signed.Format(), true),
                (SignedNote.Sign(checkpoint.Format(), otherLog).Format(), false),
                (signed.Format().Replace("\n42\n", "\n43\n", StringComparison.Ordinal), false),
                (new SignedNote(signed.Text, [signed.Signatures[0] with { Signature = Flip(signed.Signatures[0].Signature, 3) }]).Format(), false),
                (new SignedNote(signed.Text, [signed.Signatures[0], signed.Signatures[0] with { Signature = Flip(signed.Signatures[0].Signature, 40) }]).Format(), false),
                (signed.WithSignature(cosigned.Signatures[1] with { Signature = Flip(cosigned.Signatures[1].Signature, 7) }).Format(), true),
            };
            return [.. notes.Select(n => (n.Note, n.ByWitness, SignedNote.Parse(n.Note).IsVerifiedBy(n.ByWitness ? Witness.Verifier : LogKey.Verifier)))];
        }

        /// <summary>A ledger of 120 entries with a ballot at 41; receipts against size 50, the current checkpoint at 120.</summary>
        public ReceiptVectors Receipts()
        {
            const int ballotAt = 41;
            const int receiptSize = 50;
            var origin = LedgerOrigin.For(OriginPrefix, CaseId);
            var salt = BallotCommitment.NewSalt();
            var cast = new BallotCast(CaseId, "kat-case-m1", "cr-1", DateTimeOffset.Parse("2026-03-01T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
                "r1", "kat-case-cr1", VoteChoice.Against, 3, salt);
            var tree = new MerkleTree();
            var entries = new List<LedgerEntry>();
            for (var i = 0; i < 120; i++)
            {
                var entry = i == ballotAt
                    ? LedgerEntryEncoding.Encode(CaseId, i, cast.At, cast.Actor, cast.LedgerKind, CanonicalJson.Serialize(cast.LedgerData, cast.LedgerData.GetType()))
                    : LedgerEntryEncoding.Encode(CaseId, i, cast.At.AddMinutes(i), "admin-kat", "claim.declared", CanonicalJson.Serialize(new { ClaimId = $"c{i}" }));
                entries.Add(entry);
                tree.AppendEntry(entry.Encoded);
            }
            var receiptCheckpoint = SignedCheckpoint.Create(new Checkpoint(origin, receiptSize, tree.RootAt(receiptSize)), LogKey);
            var current = SignedCheckpoint.Create(new Checkpoint(origin, tree.Size, tree.Root()), LogKey);
            current = current.WithCosignature(Witness.Cosign(current.Checkpoint.Format(), 1_767_225_600));
            var receipt = Receipt.Create(tree, ballotAt, receiptCheckpoint, entries[ballotAt].Encoded);
            var proofs = new JsonObject
            {
                [$"{receiptSize}-{tree.Size}"] = new JsonArray([.. tree.ConsistencyProof(receiptSize, tree.Size).Select(h => JsonValue.Create(Convert.ToBase64String(h)))]),
            };

            // The server's own verifier judges each receipt first; the page must come to the same verdict.
            var verifier = new ReceiptVerifier(LogKey.Verifier, origin);
            var consistency = tree.ConsistencyProof(receiptSize, tree.Size);
            string? ServerVerdict(Receipt r, string? ballotCommitment)
            {
                var included = verifier.Verify(r);
                if (!included.Ok)
                    return included.Message;
                if (ballotCommitment is not null && ballotCommitment != BallotCommitment.Of(cast))
                    return "the ballot and salt do not give the entry's commitment";
                var still = verifier.VerifyStillIncluded(r, current.Format(), consistency);
                return still.Ok ? null : still.Message;
            }

            var ballot = new JsonObject
            {
                ["meetingId"] = cast.MeetingId, ["resolutionId"] = cast.ResolutionId, ["creditorId"] = cast.CreditorId,
                ["choice"] = "against", ["ballotNumber"] = cast.BallotNumber, ["salt"] = salt,
            };
            string File(Receipt r, JsonObject? b) => new JsonObject { ["format"] = "casegrains-vote-receipt/v1", ["receipt"] = r.Format(), ["ballot"] = b?.DeepClone() }.ToJsonString();
            var otherSalt = (JsonObject)ballot.DeepClone();
            otherSalt["salt"] = BallotCommitment.NewSalt();
            var otherChoice = (JsonObject)ballot.DeepClone();
            otherChoice["choice"] = "for";
            var tamperedEntry = receipt with { Extra = Flip(receipt.Extra!, 30) };
            var tamperedProof = receipt with { InclusionProof = [.. receipt.InclusionProof.Select((h, i) => i == 2 ? Flip(h, 17) : h)] };
            var otherIndex = receipt with { Index = ballotAt + 1 };
            using var stranger = NoteSigner.Generate(LogKey.Name);
            var forged = receipt with { SignedCheckpoint = SignedCheckpoint.Create(receiptCheckpoint.Checkpoint, stranger).Format() };

            var cases = new List<(string What, Receipt Receipt, JsonObject? Ballot, string? Step)>
            {
                ("as issued, with the ballot", receipt, ballot, null),
                ("as issued, bare tlog-proof", receipt, null, null),
                ("one byte of the entry changed", tamperedEntry, ballot, "inclusion"),
                ("one byte of a proof hash changed", tamperedProof, ballot, "inclusion"),
                ("another index", otherIndex, ballot, "inclusion"),
                ("checkpoint signed by another key of the same name", forged, ballot, "signature"),
                ("another salt", receipt, otherSalt, "ballot"),
                ("another choice", receipt, otherChoice, "ballot"),
            };
            var receiptCases = new List<ReceiptCase>();
            foreach (var (what, r, b, step) in cases)
            {
                var verdict = ServerVerdict(r, b is null ? null : Recommit(b, cast));
                Assert.True((verdict is null) == (step is null), $"the server's own verifier on '{what}': {verdict ?? "good"}");
                receiptCases.Add(new ReceiptCase(what, b is null ? r.Format() : File(r, b), step));
            }
            return new ReceiptVectors(current.Format(), proofs, receiptCases);
        }

        // The ballot as the API names it (camelCase choice), committed the way the server commits a ballot it took.
        private static string Recommit(JsonObject ballot, BallotCast cast) => BallotCommitment.Of(cast.MeetingId, cast.ResolutionId, cast.CreditorId,
            Enum.Parse<VoteChoice>((string)ballot["choice"]!, ignoreCase: true).ToString(), cast.BallotNumber, (string)ballot["salt"]!);

        public void Dispose()
        {
            LogKey.Dispose();
            Witness.Dispose();
        }

        private static byte[] Flip(byte[] bytes, int at)
        {
            var copy = (byte[])bytes.Clone();
            copy[at % copy.Length] ^= 0x01;
            return copy;
        }
    }
}
