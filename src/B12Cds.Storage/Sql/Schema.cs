namespace B12Cds.Storage.Sql;

/// <summary>
/// The schema's versions, written once for both providers: <c>{time}</c>, <c>{list}</c>, <c>{duration}</c>,
/// <c>{uuid}</c> and <c>{id}</c> stand for the dialect's column types. A migration is never edited once released:
/// a change is a new version appended to <see cref="Migrations"/>.
/// </summary>
internal static class Schema
{
    /// <summary>The table recording which versions were applied.</summary>
    public const string VersionTable = "cds_schema_version";

    /// <summary>
    /// The migrations, in order: version 1 is the first schema; version 2 keeps, per patient, card and service, only
    /// when the card was last shown, so the repeat-window check reads a handful of rows however often a patient's
    /// chart is opened (and the per-showing indexes it replaces are dropped: each card shown writes one index, not three).
    /// </summary>
    public static readonly IReadOnlyList<string> Migrations =
    [
        """
        CREATE TABLE cds_shown_card (
            card_uuid text NOT NULL PRIMARY KEY,
            card_key text NOT NULL,
            patient_id text NOT NULL,
            service_id text NOT NULL,
            hook text NOT NULL,
            hook_instance text NOT NULL,
            shown_at {time} NOT NULL);
        CREATE INDEX ix_cds_shown_card_patient_key ON cds_shown_card (patient_id, card_key, shown_at);
        CREATE INDEX ix_cds_shown_card_patient_time ON cds_shown_card (patient_id, shown_at);

        CREATE TABLE cds_feedback (
            id {id},
            service_id text NOT NULL,
            card_uuid text NOT NULL,
            outcome text NOT NULL,
            accepted_suggestions {list} NOT NULL,
            reason_system text NULL,
            reason_code text NULL,
            user_comment text NULL,
            outcome_at {time} NOT NULL,
            received_at {time} NOT NULL,
            patient_id text NULL,
            card_key text NULL);
        CREATE INDEX ix_cds_feedback_card ON cds_feedback (card_uuid);
        CREATE INDEX ix_cds_feedback_patient ON cds_feedback (patient_id, received_at);
        CREATE INDEX ix_cds_feedback_received ON cds_feedback (received_at);

        CREATE TABLE cds_suppression (
            id {id},
            patient_id text NOT NULL,
            card_key text NOT NULL,
            until_at {time} NOT NULL,
            reason text NOT NULL,
            card_uuid text NULL);
        CREATE INDEX ix_cds_suppression_patient_key ON cds_suppression (patient_id, card_key, until_at);

        CREATE TABLE cds_audit (
            id {uuid} NOT NULL PRIMARY KEY,
            occurred_at {time} NOT NULL,
            service_id text NOT NULL,
            hook text NULL,
            hook_instance text NULL,
            patient_id text NULL,
            rule_set_version text NULL,
            rules_fired {list} NOT NULL,
            card_uuids {list} NOT NULL,
            outcome text NOT NULL,
            duration {duration} NOT NULL,
            detail text NULL);
        CREATE INDEX ix_cds_audit_time ON cds_audit (occurred_at);
        CREATE INDEX ix_cds_audit_patient ON cds_audit (patient_id, occurred_at);
        """,
        """
        CREATE TABLE cds_card_last_shown (
            patient_id text NOT NULL,
            card_key text NOT NULL,
            service_id text NOT NULL,
            shown_at {time} NOT NULL,
            PRIMARY KEY (patient_id, card_key, service_id));
        INSERT INTO cds_card_last_shown (patient_id, card_key, service_id, shown_at)
            SELECT patient_id, card_key, service_id, MAX(shown_at) FROM cds_shown_card GROUP BY patient_id, card_key, service_id;
        DROP INDEX IF EXISTS ix_cds_shown_card_patient_key;
        DROP INDEX IF EXISTS ix_cds_shown_card_patient_time;
        """,
    ];

    /// <summary>Gets the version this build migrates to.</summary>
    public static int CurrentVersion => Migrations.Count;

    /// <summary>Gets the table recording the applied versions, in the dialect's types.</summary>
    public static string VersionTableDdl(SqlDialect dialect) =>
        Render($"CREATE TABLE IF NOT EXISTS {VersionTable} (version integer NOT NULL PRIMARY KEY, applied_at {{time}} NOT NULL)", dialect);

    /// <summary>Gets one migration in the dialect's types.</summary>
    public static string Migration(int version, SqlDialect dialect) => Render(Migrations[version - 1], dialect);

    private static string Render(string sql, SqlDialect dialect) => sql
        .Replace("{time}", dialect.TimeType, StringComparison.Ordinal)
        .Replace("{list}", dialect.ListType, StringComparison.Ordinal)
        .Replace("{duration}", dialect.DurationType, StringComparison.Ordinal)
        .Replace("{uuid}", dialect.UuidType, StringComparison.Ordinal)
        .Replace("{id}", dialect.IdentityColumn, StringComparison.Ordinal);
}
