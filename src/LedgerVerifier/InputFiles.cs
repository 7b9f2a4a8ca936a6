using CaseGrains.Ledger;

namespace CaseGrains.LedgerVerifier;

/// <summary>Reading the files commands are given. A file that cannot be read is a usage error, reported as such.</summary>
internal static class InputFiles
{
    public static string ReadText(FileInfo file) => File.ReadAllText(file.FullName, System.Text.Encoding.UTF8);

    public static NoteVerifier ReadVerifier(FileInfo file, NoteKeyType expected)
    {
        NoteVerifier key;
        try
        {
            key = NoteVerifier.Parse(ReadText(file));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new InputException($"{file.Name} is not a verifier key (vkey): {e.Message}", e);
        }
        if (key.Type != expected)
            throw new InputException($"{file.Name} is a {key.Type} key; a {expected} key is needed here");
        return key;
    }

    public static IReadOnlyList<byte[]> ReadProof(FileInfo? file)
    {
        if (file is null)
            return [];
        try
        {
            return ProofHashes.Parse(ReadText(file));
        }
        catch (FormatException e)
        {
            throw new InputException($"{file.Name} is not a proof (one base64 hash per line): {e.Message}", e);
        }
    }
}

/// <summary>An input the command cannot use at all (as opposed to material that fails verification).</summary>
internal sealed class InputException(string message, Exception? inner = null) : Exception(message, inner);
