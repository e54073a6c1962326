using System.Data.Common;
using System.Globalization;
using System.Reflection;

namespace ServantLeader.Domain.Dashboard;

/// <summary>Column-to-property setters for a row type, by name, built once per type.</summary>
internal static class RowMap<T>
{
    private static readonly Dictionary<string, PropertyInfo> Properties =
        typeof(T).GetProperties().ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

    public static List<Action<DbDataReader, T>> For(DbDataReader reader)
    {
        var setters = new List<Action<DbDataReader, T>>();
        for (var i = 0; i < reader.FieldCount; i++)
        {
            if (!Properties.TryGetValue(reader.GetName(i), out var property))
            {
                continue;
            }
            var ordinal = i;
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            setters.Add((r, row) =>
            {
                if (!r.IsDBNull(ordinal))
                {
                    property.SetValue(row, Convert.ChangeType(r.GetValue(ordinal), type, CultureInfo.InvariantCulture));
                }
            });
        }
        return setters;
    }
}
