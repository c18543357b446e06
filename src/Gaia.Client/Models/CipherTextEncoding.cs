namespace Gaia.Client;

/// <summary>How the cipher text is written in an ECIES envelope (<c>cipherTextEncoding</c> of @stacks/encryption).</summary>
public enum CipherTextEncoding
{
    /// <summary>Lower-case hex, the default of <c>putFile</c> (no <c>cipherTextEncoding</c> member is written).</summary>
    Hex,

    /// <summary>Base64, a third smaller (written with <c>"cipherTextEncoding": "base64"</c>).</summary>
    Base64,
}
