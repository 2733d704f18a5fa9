using System.Text.Json.Serialization;

namespace B12Cds.Storage.Sql;

/// <summary>Source-generated JSON for the lists SQLite stores as JSON arrays.</summary>
[JsonSerializable(typeof(IReadOnlyCollection<string>))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
