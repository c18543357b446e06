using System.Globalization;

namespace Gaia.Cli.Output;

/// <summary>Byte counts for people: <c>512 B</c>, <c>1.5 KiB</c>, <c>20.0 MiB</c>.</summary>
internal static class ByteSize
{
    private static readonly string[] Units = ["B", "KiB", "MiB", "GiB", "TiB"];

    public static string Format(double bytes)
    {
        var unit = 0;
        while (Math.Abs(bytes) >= 1024 && unit < Units.Length - 1)
        {
            bytes /= 1024;
            unit++;
        }

        return unit == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes:0} B")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes:0.0} {Units[unit]}");
    }
}
