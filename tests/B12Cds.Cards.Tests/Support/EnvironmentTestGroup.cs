namespace B12Cds.Cards.Tests.Support;

/// <summary>Tests that set process environment variables (B12CDS_PROFILE): run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentTestGroup
{
    public const string Name = "Process environment";
}
