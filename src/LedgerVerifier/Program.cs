return await CaseGrains.LedgerVerifier.VerifierCli.RunAsync(args, Console.Out, Console.Error);
