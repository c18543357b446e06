using System.Text.RegularExpressions;
using Gaia.Hub.Configuration;
using Microsoft.Extensions.Options;

namespace Gaia.Hub.S3;

/// <summary>Refuses to start the <c>s3</c> driver without a bucket, with half a key pair, or with sizes S3 would reject.</summary>
internal sealed partial class S3StorageOptionsValidator(IOptions<GaiaHubOptions> hub) : IValidateOptions<S3StorageOptions>
{
    public const int MinPartSize = 5 * 1024 * 1024;
    public const int MaxPartSize = 512 * 1024 * 1024;

    /// <summary>The largest object one CopyObject request copies (archival history and renames are copies).</summary>
    public const long MaxCopySize = 5L * 1024 * 1024 * 1024;

    public ValidateOptionsResult Validate(string? name, S3StorageOptions o)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(o.Bucket))
        {
            errors.Add("Gaia:S3:Bucket must name the S3 bucket that holds the hub's files.");
        }
        else if (!BucketNamePattern().IsMatch(o.Bucket))
        {
            errors.Add($"Gaia:S3:Bucket must be 3-63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit (got '{o.Bucket}').");
        }

        var hasServiceUrl = !string.IsNullOrWhiteSpace(o.ServiceUrl);
        if (hasServiceUrl && !(Uri.TryCreate(o.ServiceUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            errors.Add($"Gaia:S3:ServiceUrl must be an absolute http(s) URL, or empty for AWS (got '{o.ServiceUrl}').");
        }

        if (!hasServiceUrl && string.IsNullOrWhiteSpace(o.Region))
        {
            errors.Add("Gaia:S3:Region is needed on AWS (e.g. 'us-east-1'); for another service set Gaia:S3:ServiceUrl.");
        }
        else if (!string.IsNullOrWhiteSpace(o.Region) && !RegionPattern().IsMatch(o.Region))
        {
            errors.Add($"Gaia:S3:Region must be a region name such as 'eu-west-1' or 'auto' (got '{o.Region}').");
        }

        if (string.IsNullOrWhiteSpace(o.AccessKeyId) != string.IsNullOrWhiteSpace(o.SecretAccessKey))
        {
            errors.Add("Gaia:S3:AccessKeyId and Gaia:S3:SecretAccessKey must be set together (or neither, to use the AWS SDK's default credential chain).");
        }

        if (o.RevocationCacheSeconds is < 0 or > 3600)
        {
            errors.Add($"Gaia:S3:RevocationCacheSeconds must be between 0 and 3600 (got {o.RevocationCacheSeconds}).");
        }

        if (o.PartSizeBytes is < MinPartSize or > MaxPartSize)
        {
            errors.Add($"Gaia:S3:PartSizeBytes must be between {MinPartSize} (S3's smallest part) and {MaxPartSize} (got {o.PartSizeBytes}).");
        }

        // 5 GiB also stays far below S3's 10,000 parts of the smallest part size.
        if (hub.Value.MaxFileUploadSizeBytes > MaxCopySize)
        {
            errors.Add("Gaia:MaxFileUploadSizeMegabytes must be at most 5120 on the s3 driver: archival history and renames are S3 copies, which stop at 5 GiB.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9][a-z0-9.-]*[a-z0-9]$")]
    private static partial Regex BucketNamePattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,40}$")]
    private static partial Regex RegionPattern();
}
