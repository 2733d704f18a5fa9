using B12Cds.Facts.Terminology;
using B12Cds.Rules.Schema;

namespace B12Cds.Rules.Engine;

/// <summary>What names mean while compiling one expression: the bindings so far, the current pattern, parameters and value sets.</summary>
internal sealed record CompileScope(
    FactSchema Schema,
    TerminologyCatalog Terminology,
    IReadOnlyDictionary<string, BindingInfo> Bindings,
    BindingInfo? Current,
    IReadOnlyDictionary<string, Value> Parameters,
    BindingUse? Use = null);

/// <summary>Records whether an expression read any binding, so the engine knows when a pattern's result is the same for every rule and match.</summary>
internal sealed class BindingUse
{
    /// <summary>Gets or sets a value indicating whether a binding was read.</summary>
    public bool Used { get; set; }
}
