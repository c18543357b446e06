using BenchmarkDotNet.Attributes;
using Gaia.Client;
using Gaia.Protocol;

namespace Gaia.Bench.Micro;

/// <summary>
/// ECIES of 1 KiB as putFile and getFile pay it: a one-time key, ECDH, SHA-512, AES-256-CBC and HMAC-SHA256 to encrypt;
/// ECDH, the MAC check and AES to decrypt.
/// </summary>
[MemoryDiagnoser]
public class EciesBenchmarks
{
    private readonly byte[] content = new byte[1024];
    private BucketKey key = null!;
    private CipherObject cipher = null!;

    [GlobalSetup]
    public void Setup()
    {
        key = BucketKey.New();
        Random.Shared.NextBytes(content);
        cipher = GaiaEncryption.EncryptECIES(key.PublicKeyHex, content, wasString: false);
    }

    [Benchmark(Description = "ECIES encrypt 1 KiB")]
    public CipherObject Encrypt() => GaiaEncryption.EncryptECIES(key.PublicKeyHex, content, wasString: false);

    [Benchmark(Description = "ECIES decrypt 1 KiB")]
    public byte[] Decrypt() => GaiaEncryption.DecryptECIES(key, cipher);
}
