namespace B12Cds.Rules.Hosting;

/// <summary>Settings of a <see cref="RuleSetProvider"/>: whether it watches the rules folder, and how long it lets a burst of changes settle.</summary>
public sealed record RuleSetProviderOptions
{
    /// <summary>The default debounce: long enough for an editor or a <c>git checkout</c> to finish writing several files.</summary>
    public static readonly TimeSpan DefaultDebounce = TimeSpan.FromMilliseconds(500);

    /// <summary>Gets how long the folder must stay quiet after a change before it is reloaded; every further change restarts the wait.</summary>
    /// <value>The default is 500 ms.</value>
    public TimeSpan Debounce { get; init; } = DefaultDebounce;

    /// <summary>Gets a value indicating whether the folder is watched for changes; when false, only <see cref="RuleSetProvider.ReloadAsync"/> reloads.</summary>
    /// <value>The default is true.</value>
    public bool Watch { get; init; } = true;
}
