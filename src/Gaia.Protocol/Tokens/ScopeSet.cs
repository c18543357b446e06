
namespace Gaia.Protocol;

/// <summary>The write/delete restrictions of a token (spec 3.9). Each category restricts only its own operation.</summary>
public sealed class ScopeSet(IReadOnlyList<AuthScope> scopes)
{
    /// <summary>No scopes: the whole bucket.</summary>
    public static readonly ScopeSet Unrestricted = new([]);

    /// <summary>The entries, in the token's order.</summary>
    public IReadOnlyList<AuthScope> Scopes { get; } = scopes;

    /// <summary>True when any archival scope is present: history is kept and hidden from listings.</summary>
    public bool IsArchival { get; } = scopes.Any(s => s.Scope is AuthScope.PutFileArchival or AuthScope.PutFileArchivalPrefix);

    /// <summary>Throws 401 <c>ValidationError</c> unless the scopes allow a write of <paramref name="path"/>.</summary>
    public void EnsureCanWrite(string path)
    {
        EnsureArchivalAllows(path);
        EnsureCategoryAllows(path, AuthScope.PutFile, AuthScope.PutFilePrefix, "write");
    }

    /// <summary>Throws 401 <c>ValidationError</c> unless the scopes allow a delete of <paramref name="path"/>.</summary>
    public void EnsureCanDelete(string path)
    {
        EnsureArchivalAllows(path);
        EnsureCategoryAllows(path, AuthScope.DeleteFile, AuthScope.DeleteFilePrefix, "delete");
    }

    private void EnsureArchivalAllows(string path) =>
        EnsureCategoryAllows(path, AuthScope.PutFileArchival, AuthScope.PutFileArchivalPrefix, "write or delete");

    private void EnsureCategoryAllows(string path, string exact, string prefix, string operation)
    {
        var category = Scopes.Where(s => s.Scope == exact || s.Scope == prefix).ToList();
        if (category.Count > 0 && !category.Any(s => s.Matches(path)))
        {
            throw GaiaException.Validation($"Token scopes do not allow {operation} of '{path}'.");
        }
    }
}
