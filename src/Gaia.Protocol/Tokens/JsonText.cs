using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;

namespace Gaia.Protocol;

/// <summary>Reader helpers for token JSON: every name and string is checked to be valid Unicode before it is used.</summary>
internal static class JsonText
{
    private const int StackLimit = 512;

    /// <summary>Throws the token error unless the current name or string decodes (no lone surrogate, valid UTF-8).</summary>
    public static void Check(ref Utf8JsonReader reader, string what)
    {
        if (!reader.ValueIsEscaped)
        {
            if (!Utf8.IsValid(reader.ValueSpan))
            {
                throw Invalid(what);
            }

            return;
        }

        var length = reader.ValueSpan.Length;
        var rented = length > StackLimit ? ArrayPool<char>.Shared.Rent(length) : null;
        try
        {
            var buffer = rented is null ? stackalloc char[length] : rented;
            reader.CopyString(buffer);
        }
        catch (InvalidOperationException)
        {
            throw Invalid(what);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The string value (checked), or null when the value is of another kind (which is skipped).</summary>
    public static string? String(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            SkipValue(ref reader, what);
            return null;
        }

        Check(ref reader, what);
        return reader.GetString();
    }

    /// <summary>Steps over the current value, checking every name and string inside it.</summary>
    public static void SkipValue(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                Check(ref reader, what);
            }

            return;
        }

        var depth = reader.CurrentDepth;
        while (reader.Read() && reader.CurrentDepth > depth)
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
            {
                Check(ref reader, what);
            }
        }
    }

    /// <summary>Reads whatever follows the root value: only white space may (the reader throws on anything else).</summary>
    public static void ReadToEnd(ref Utf8JsonReader reader, string what)
    {
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
            {
                Check(ref reader, what);
            }
        }
    }

    public static GaiaException Invalid(string what) => GaiaException.Validation($"The {what} has text that is not valid Unicode.");
}
