namespace B12Cds.Cards.Tests.Support;

/// <summary>What one command line run wrote, and its exit code.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error);
