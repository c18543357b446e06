using Gaia.Cli.Keys;
using Gaia.Protocol;

namespace Gaia.Cli.Hubs;

/// <summary>What a hub token is made from: the bucket key and, for whitelisted hubs, an association token.</summary>
internal sealed record HubCredentials(BucketKey Key, string? AssociationToken);
