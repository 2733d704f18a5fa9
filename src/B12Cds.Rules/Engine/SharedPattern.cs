namespace B12Cds.Rules.Engine;

/// <summary>
/// The identity of a pattern that reads no binding (its value sets, window, condition and selection as written, on
/// one fact type): every pattern written alike, in any rule, finds the same facts, so an evaluation works out its
/// result once and the others reuse it, as NRules shares alpha nodes between rules. Interned per fact type when the
/// rules load; compared by reference.
/// </summary>
internal sealed class SharedPattern
{
    private int _patterns;

    public SharedPattern(string key)
    {
        Key = key;
    }

    /// <summary>Gets what the patterns sharing it have in common, for debugging.</summary>
    public string Key { get; }

    /// <summary>
    /// Gets a value indicating whether more than one pattern is written this way. Remembering what a pattern found
    /// costs more than it saves when no other pattern asks again.
    /// </summary>
    public bool IsShared => Volatile.Read(ref _patterns) > 1;

    /// <summary>Counts one more pattern written this way (while the rules load).</summary>
    public SharedPattern AddPattern()
    {
        Interlocked.Increment(ref _patterns);
        return this;
    }

    /// <inheritdoc/>
    public override string ToString() => Key;
}
