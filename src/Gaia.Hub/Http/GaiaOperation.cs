namespace Gaia.Hub.Http;

/// <summary>The authenticated operations of the hub.</summary>
public enum GaiaOperation
{
    Store,
    Delete,
    ListFiles,
    RevokeAll,
}
