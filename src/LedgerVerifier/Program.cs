return CaseGrains.LedgerVerifier.VerifierCli.Run(args, Console.Out, Console.Error);
