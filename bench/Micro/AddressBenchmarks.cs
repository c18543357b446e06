using BenchmarkDotNet.Attributes;
using Gaia.Protocol;

namespace Gaia.Bench.Micro;

/// <summary>
/// Bucket address derivation: from a compressed public key (SHA-256, RIPEMD-160, Base58Check), and from a key in hex
/// as an association token's childToAssociate gives it (hex decode and point validation first).
/// </summary>
[MemoryDiagnoser]
public class AddressBenchmarks
{
    private byte[] compressedKey = [];
    private string publicKeyHex = "";

    [GlobalSetup]
    public void Setup()
    {
        (_, _, publicKeyHex) = BenchTokens.Mint();
        compressedKey = Convert.FromHexString(publicKeyHex);
    }

    [Benchmark(Description = "address from compressed key")]
    public string FromCompressedKey() => BitcoinAddress.FromCompressedKey(compressedKey);

    [Benchmark(Description = "address from public key hex")]
    public string? FromPublicKeyHex() => BitcoinAddress.FromPublicKeyHex(publicKeyHex);
}
