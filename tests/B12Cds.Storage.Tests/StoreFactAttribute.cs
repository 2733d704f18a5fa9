using Xunit.Sdk;

namespace B12Cds.Storage.Tests;

/// <summary>
/// A contract test, written once in <see cref="StoreContractTests"/> and run by each provider's class. An attribute on
/// the shared method cannot tell the providers apart, so the discoverer does: in a class marked
/// <see cref="RequiresPostgresAttribute"/> the test is skipped as <see cref="PostgresFactAttribute"/> would be.
/// </summary>
[XunitTestCaseDiscoverer("B12Cds.Storage.Tests.StoreFactDiscoverer", "B12Cds.Storage.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;
