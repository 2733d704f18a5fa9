namespace B12Cds.Storage.Tests;

/// <summary>Marks a test class whose store tests need PostgreSQL.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresPostgresAttribute : Attribute;
