namespace Gaia.Hub.S3;

/// <summary>
/// Settings of the <c>s3</c> driver, bound from <c>Gaia:S3</c> (<c>Gaia__S3__Bucket</c> etc. in the environment).
/// Credentials come from the AWS SDK's default chain unless <see cref="AccessKeyId"/> and <see cref="SecretAccessKey"/> are set.
/// </summary>
public sealed class S3StorageOptions
{
    public const string SectionName = "Gaia:S3";

    /// <summary>The S3 bucket that holds every Gaia bucket as <c>{address}/{path}</c> (and revocations as <c>{address}-auth/authTimestamp</c>).</summary>
    public string? Bucket { get; set; }

    /// <summary>The AWS region (e.g. <c>eu-west-1</c>); with <see cref="ServiceUrl"/> the signing region (default <c>us-east-1</c>; R2 uses <c>auto</c>).</summary>
    public string? Region { get; set; }

    /// <summary>Empty for AWS; otherwise the service's endpoint, e.g. <c>http://127.0.0.1:9000</c> (MinIO) or <c>https://{account}.r2.cloudflarestorage.com</c>.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>Address the bucket in the path (<c>{url}/{bucket}/{key}</c>) rather than in the host name; MinIO and most local servers need it.</summary>
    public bool ForcePathStyle { get; set; }

    /// <summary>For development: an access key id; unset means the AWS SDK's default credential chain.</summary>
    public string? AccessKeyId { get; set; }

    /// <summary>For development: the secret of <see cref="AccessKeyId"/>.</summary>
    public string? SecretAccessKey { get; set; }

    /// <summary>Create the bucket at start when it does not exist (for development servers); otherwise a missing bucket stops the hub.</summary>
    public bool CreateBucket { get; set; }

    /// <summary>How long a revocation timestamp read from the bucket is reused; a revocation made through another instance takes effect here within this bound.</summary>
    public int RevocationCacheSeconds { get; set; } = 5;

    /// <summary>A body up to this size is sent in one PutObject; a larger one as a multipart upload in parts of this size (S3's minimum part is 5 MiB).</summary>
    public int PartSizeBytes { get; set; } = 8 * 1024 * 1024;
}
