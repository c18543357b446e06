using Gaia.Hub.Errors;

namespace Gaia.Hub.Storage;

/// <summary>A write precondition: <c>If-Match: etag</c> (or <c>*</c>, "the file exists"), or <c>If-None-Match: *</c>.</summary>
public sealed record WriteCondition(string? IfMatch, bool IfNoneMatchAny)
{
    public static readonly WriteCondition None = new(null, false);

    public static readonly WriteCondition MustNotExist = new(null, true);

    public static WriteCondition Match(string etag) => new(etag, false);

    public bool IsNone => IfMatch is null && !IfNoneMatchAny;

    /// <summary>For drivers that check preconditions themselves: throws a 412 unless <paramref name="current"/> satisfies it.</summary>
    public void EnsureSatisfiedBy(FileStat? current)
    {
        if (IfNoneMatchAny && current is not null)
        {
            throw GaiaException.PreconditionFailed("The file already exists (If-None-Match: *).", current.ETag);
        }

        if (IfMatch is not null && (current is null || (IfMatch != "*" && !ETags.Same(IfMatch, current.ETag))))
        {
            throw GaiaException.PreconditionFailed(
                current is null ? "The file does not exist (If-Match)." : "The file has changed (If-Match).", current?.ETag);
        }
    }
}
