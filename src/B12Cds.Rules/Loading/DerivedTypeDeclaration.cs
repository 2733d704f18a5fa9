using B12Cds.Facts.Terminology;

namespace B12Cds.Rules.Loading;

/// <summary>A derived fact type as a rule file declares it under <c>derived:</c>, before its field types are resolved.</summary>
internal sealed record DerivedTypeDeclaration(string Name, string? Description, IReadOnlyList<(string Field, TreeScalar Type)> Fields, SourceLocation Location);
