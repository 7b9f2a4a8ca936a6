namespace CaseGrains.Ledger;

/// <summary>
/// An append-only list of 32-byte hashes packed into fixed-size chunks, so that a million hashes cost 32 MB and
/// growing never copies more than one chunk (a single growing array would briefly need twice the memory). The first
/// chunk starts small and doubles, so a case with a handful of entries does not pay for a full chunk.
/// </summary>
internal sealed class HashList
{
    private const int ChunkShift = 15;
    private const int HashesPerChunk = 1 << ChunkShift;
    private const long ChunkMask = HashesPerChunk - 1;
    private const int InitialHashes = 16;

    private readonly List<byte[]> chunks = [];

    public long Count { get; private set; }

    public void Add(ReadOnlySpan<byte> hash)
    {
        if (hash.Length != MerkleHash.Size)
            throw new ArgumentException($"a hash is {MerkleHash.Size} bytes, not {hash.Length}", nameof(hash));
        var offset = (int)(Count & ChunkMask);
        if (offset == 0)
            chunks.Add(new byte[(chunks.Count == 0 ? InitialHashes : HashesPerChunk) * MerkleHash.Size]);
        else if (chunks[^1].Length == offset * MerkleHash.Size)
        {
            var grown = chunks[^1];
            Array.Resize(ref grown, Math.Min(offset * 2, HashesPerChunk) * MerkleHash.Size);
            chunks[^1] = grown;
        }
        hash.CopyTo(chunks[^1].AsSpan(offset * MerkleHash.Size, MerkleHash.Size));
        Count++;
    }

    public ReadOnlySpan<byte> this[long index]
    {
        get
        {
            if ((ulong)index >= (ulong)Count)
                throw new ArgumentOutOfRangeException(nameof(index), index, $"only {Count} hashes are stored");
            var chunk = chunks[(int)(index >> ChunkShift)];
            return chunk.AsSpan((int)(index & ChunkMask) * MerkleHash.Size, MerkleHash.Size);
        }
    }
}
