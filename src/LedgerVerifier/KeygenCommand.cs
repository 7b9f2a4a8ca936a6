using System.CommandLine;
using CaseGrains.Ledger;

namespace CaseGrains.LedgerVerifier;

internal static class KeygenCommand
{
    public static Command Create(CliContext context)
    {
        var name = new Option<string>("--name") { Description = "The key name, e.g. court.example/witness", Required = true };
        var witness = new Option<bool>("--witness") { Description = "Make a witness (cosignature) key instead of a log (checkpoint) key" };
        var output = new Option<string>("--out") { Description = "Path prefix: writes <out>.skey (private) and <out>.vkey (public)", Required = true };
        var command = new Command("keygen", "Generate an ECDSA P-256 note key pair") { name, witness, output };
        command.SetAction(result => VerifierCli.Guard(context, () =>
        {
            var keyName = result.GetRequiredValue(name);
            if (!NoteKeys.IsValidName(keyName))
                throw new InputException($"'{keyName}' is not a valid key name: no spaces or '+'");
            var prefix = result.GetRequiredValue(output);
            string skey;
            string vkey;
            if (result.GetValue(witness))
            {
                using var key = CosignatureSigner.Generate(keyName);
                (skey, vkey) = (key.ToSkey(), key.Verifier.ToVkey());
            }
            else
            {
                using var key = NoteSigner.Generate(keyName);
                (skey, vkey) = (key.ToSkey(), key.Verifier.ToVkey());
            }
            WritePrivate(prefix + ".skey", skey + "\n");
            File.WriteAllText(prefix + ".vkey", vkey + "\n");
            return context.Ok(vkey);
        }));
        return command;
    }

    private static void WritePrivate(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var writer = new StreamWriter(path, System.Text.Encoding.UTF8, options);
        writer.Write(text);
    }
}
