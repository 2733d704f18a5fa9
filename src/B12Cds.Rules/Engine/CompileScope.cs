using B12Cds.Facts.Terminology;
using B12Cds.Rules.Schema;

namespace B12Cds.Rules.Engine;

/// <summary>What names mean while compiling one expression: the bindings so far, the current pattern, parameters and value sets.</summary>
internal sealed record CompileScope(
    FactSchema Schema,
    TerminologyCatalog Terminology,
    IReadOnlyDictionary<string, BindingInfo> Bindings,
    BindingInfo? Current,
    IReadOnlyDictionary<string, Value> Parameters);
