namespace B12Cds.Service;

/// <summary>The service's settings (configuration section <c>B12Cds</c>; environment variables <c>B12Cds__Name</c>).</summary>
public sealed class ServiceOptions
{
    /// <summary>The configuration section the options are read from.</summary>
    public const string Section = "B12Cds";

    /// <summary>Gets or sets the rules folder; empty means <c>$B12CDS_RULES</c>, <c>./rules</c>, or the nearest <c>rules/</c> above the program.</summary>
    public string? RulesDirectory { get; set; }

    /// <summary>Gets or sets the regimen profile (<c>us</c> or <c>uk</c>) used when a request does not name one.</summary>
    public string Profile { get; set; } = "us";

    /// <summary>Gets or sets the folder of the embedded SQLite database (created on first start).</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Gets or sets a PostgreSQL connection string; when set, PostgreSQL is used instead of SQLite.</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>Gets or sets the hard deadline for answering a hook call, prefetch included.</summary>
    public TimeSpan Deadline { get; set; } = TimeSpan.FromMilliseconds(1500);

    /// <summary>Gets or sets the largest request body accepted, in bytes.</summary>
    public long MaxRequestBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Gets or sets the EHR origins allowed to call from a browser (CORS); none by default.</summary>
    public IList<string> AllowedOrigins { get; } = [];

    /// <summary>Gets or sets the window in which the same card is not shown again for the same patient, across hooks.</summary>
    public TimeSpan RepeatWindow { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// Gets or sets how long a patient's card history (snoozes and cards shown) is used from memory before it is read
    /// from the database again: what this instance shows and snoozes is seen at once; what other instances sharing a
    /// PostgreSQL database do is seen within this time.
    /// </summary>
    public TimeSpan CardHistoryRefresh { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how many patients' card histories are held in memory (the least recently used are forgotten past it).</summary>
    public int CardHistoryCapacity { get; set; } = 100_000;

    /// <summary>Gets or sets the public base URL of the service (JWT <c>aud</c> and card source links); empty means the request's own scheme and host.</summary>
    public string? PublicBaseUrl { get; set; }
}
