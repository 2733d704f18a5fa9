using B12Cds.Facts.Model;
using B12Cds.Rules.Engine;

namespace B12Cds.Rules.Schema;

/// <summary>One field a rule can read from a fact: its name in rule files, its type, how to read it, and what it means.</summary>
/// <param name="Name">The name rule files use, e.g. <c>effective</c>.</param>
/// <param name="Type">Its static type.</param>
/// <param name="Read">Reads it from a fact of the owning type.</param>
/// <param name="Description">What it means, for people (lint output, documentation).</param>
public sealed record FactField(string Name, ExprType Type, Func<Fact, Value> Read, string Description);
