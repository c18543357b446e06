using System.Globalization;
using System.Text.RegularExpressions;

namespace Gaia.Cli.Tokens;

/// <summary>
/// Times for <c>--exp</c>, <c>--iat</c> and <c>--before</c>: Unix seconds (<c>1700000000</c>), an offset from now
/// (<c>1h</c>, <c>+30m</c>, <c>-5m</c>, <c>7d</c>; units s, m, h, d, w), <c>now</c>, or an ISO 8601 date.
/// </summary>
internal static partial class TokenTime
{
    public static double Parse(string text, string option, DateTimeOffset now)
    {
        var value = text.Trim();
        if (value.Equals("now", StringComparison.OrdinalIgnoreCase))
        {
            return now.ToUnixTimeSeconds();
        }

        if (Offset().Match(value) is { Success: true } offset)
        {
            var amount = double.Parse(offset.Groups["amount"].Value, CultureInfo.InvariantCulture);
            var seconds = amount * offset.Groups["unit"].Value switch
            {
                "s" => 1,
                "m" => 60,
                "h" => 3600,
                "d" => 86_400,
                _ => 604_800,
            };
            return now.ToUnixTimeSeconds() + (offset.Groups["sign"].Value == "-" ? -seconds : seconds);
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var unix) && double.IsFinite(unix) && unix >= 0)
        {
            return unix;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            return date.ToUnixTimeSeconds();
        }

        throw CliException.Usage($"{option} '{text}' is not a time: use Unix seconds, an offset such as 1h or 7d, 'now' or an ISO 8601 date");
    }

    [GeneratedRegex(@"^(?<sign>[+-]?)(?<amount>[0-9]+(\.[0-9]+)?)(?<unit>[smhdw])$")]
    private static partial Regex Offset();
}
