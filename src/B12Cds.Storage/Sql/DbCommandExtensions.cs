using System.Data.Common;

namespace B12Cds.Storage.Sql;

/// <summary>Parameters without the ceremony: every value goes through a parameter, never into the SQL text.</summary>
internal static class DbCommandExtensions
{
    /// <summary>Adds a parameter (<see langword="null"/> becomes <see cref="DBNull"/>).</summary>
    public static DbCommand AddParameter(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }

    /// <summary>Reads a nullable text column.</summary>
    public static string? GetNullableString(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
