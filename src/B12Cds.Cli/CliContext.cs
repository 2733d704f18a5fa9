namespace B12Cds.Cli;

/// <summary>What every command writes to and reads the time from.</summary>
internal sealed record CliContext(TextWriter Output, TextWriter Error, TimeProvider Time);
