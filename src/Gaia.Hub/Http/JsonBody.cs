using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Gaia.Hub.Errors;
using Gaia.Hub.Hub;
using Microsoft.AspNetCore.Http;

namespace Gaia.Hub.Http;

/// <summary>The small JSON bodies of list-files and revoke-all: at most 4 KiB, read whatever the Content-Type says.</summary>
internal static class JsonBody
{
    public const int MaxBytes = 4096;

    /// <summary>Largest accepted revocation timestamp: the end of year 9999, in seconds.</summary>
    public const long MaxTimestamp = 253_402_300_799;

    public static async Task<JsonElement?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            throw TooLarge();
        }

        var buffer = ArrayPool<byte>.Shared.Rent(MaxBytes + 1);
        try
        {
            return await ParseAsync(request, buffer, cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads at most <see cref="MaxBytes"/> + 1 bytes into the (pooled) buffer; the result is a copy, independent of it.</summary>
    private static async Task<JsonElement?> ParseAsync(HttpRequest request, byte[] buffer, CancellationToken cancellationToken)
    {
        var total = 0;
        int read;
        while (total <= MaxBytes && (read = await request.Body.ReadAsync(buffer.AsMemory(total, MaxBytes + 1 - total), cancellationToken)) > 0)
        {
            total += read;
        }

        if (total > MaxBytes)
        {
            throw TooLarge();
        }

        if (buffer.AsSpan(0, total).Trim(" \t\r\n"u8).IsEmpty)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.AsMemory(0, total));
            var root = document.RootElement;
            return root.ValueKind != JsonValueKind.Object ? throw GaiaException.InvalidInput("The request body must be a JSON object.")
                : !JsonText.IsValidUnicode(root) ? throw GaiaException.InvalidInput("The request body holds a string that is not valid Unicode.")
                : root.Clone();
        }
        catch (JsonException)
        {
            throw GaiaException.InvalidInput("The request body is not valid JSON.");
        }
    }

    public static ListFilesRequest ToListRequest(JsonElement? body)
    {
        if (body is not { } json)
        {
            return new ListFilesRequest(null, false, null);
        }

        var page = json.TryGetProperty("page", out var p) ? p.ValueKind switch
        {
            JsonValueKind.String => p.GetString() is { Length: > 0 } text ? text : null,
            JsonValueKind.Number => p.GetRawText() is "0" ? null : p.GetRawText(),
            JsonValueKind.Null or JsonValueKind.False or JsonValueKind.Undefined => null,
            _ => throw GaiaException.InvalidInput("'page' must be a string or null."),
        } : null;
        var prefix = json.TryGetProperty("prefix", out var x) ? x.ValueKind switch
        {
            JsonValueKind.String => x.GetString(),
            JsonValueKind.Null => null,
            _ => throw GaiaException.InvalidInput("'prefix' must be a string."),
        } : null;
        return new ListFilesRequest(page, json.TryGetProperty("stat", out var s) && IsTruthy(s), prefix);
    }

    /// <summary><c>oldestValidTimestamp</c> as the reference reads it (a number, or a string with parseInt), in whole seconds.</summary>
    public static long ToOldestValidTimestamp(JsonElement? body)
    {
        if (body is not { } json || !json.TryGetProperty("oldestValidTimestamp", out var value) || !IsTruthy(value))
        {
            throw GaiaException.InvalidInput("Invalid or missing oldestValidTimestamp.");
        }

        double seconds = value.ValueKind switch
        {
            JsonValueKind.Number => Math.Truncate(value.GetDouble()),
            JsonValueKind.String => ParseIntPrefix(value.GetString()!),
            _ => double.NaN,
        };
        if (double.IsNaN(seconds) || seconds < 0 || seconds > MaxTimestamp)
        {
            throw GaiaException.InvalidInput(
                $"oldestValidTimestamp must be a whole number of seconds since the epoch, from 0 to {MaxTimestamp}.");
        }

        return (long)seconds;
    }

    private static double ParseIntPrefix(string text)
    {
        var span = text.AsSpan().TrimStart();
        var sign = span.Length > 0 && span[0] is '-' or '+' ? 1 : 0;
        var digits = sign;
        while (digits < span.Length && char.IsAsciiDigit(span[digits]))
        {
            digits++;
        }

        return digits == sign ? double.NaN : double.Parse(span[..digits], CultureInfo.InvariantCulture);
    }

    private static bool IsTruthy(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.Object or JsonValueKind.Array => true,
        JsonValueKind.Number => value.GetDouble() != 0,
        JsonValueKind.String => value.GetString()!.Length > 0,
        _ => false,
    };

    private static GaiaException TooLarge() =>
        new(GaiaError.PayloadTooLargeError, $"The JSON body is larger than {MaxBytes} bytes.");
}
