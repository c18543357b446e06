namespace Gaia.Hub.Tests.Authentication;

/// <summary>The tokens of the protocol spec's Appendix A, copied verbatim.</summary>
internal static class AppendixVectors
{
    /// <summary>A.1: legacy token by the key of 1AotVNASQouiNiBtfxv49WWvSNcQUzGYuU over the 2018 challenge of storage.blockstack.org.</summary>
    public const string LegacyA1 =
        "eyJwdWJsaWNrZXkiOiIwMjQxYTViMDQ2Mjg1ZjVlMjgwMDRmOTJjY2M0MjNmY2RkODYyZmYzYjgwODUwNzE4MDY4MGIyNDA3ZTIyOWE3NzgiLCJzaWduYXR1cmUiOiIzMDQ0MDIyMDY5ODUwNmNjYjg3MDg1ZmY5ZGI3ZTc4MTIwYTVmMjY1YzExZmY0ODc4OTBlNDQ1MWZjYWM3NjA4NTkyMDhjZWMwMjIwNTZkY2I0OGUyYzE4Y2YwZjQ1NDZiMmQ3M2I2MDY4MWM5ODEyMzQyMmIzOTRlZjRkMWI2MjE3NTYyODQ4MzUwNCJ9";

    public const string LegacyA1Address = "1AotVNASQouiNiBtfxv49WWvSNcQUzGYuU";

    public const string LegacyA1ServerName = "storage.blockstack.org";

    /// <summary>A.3 #1: key0, hubUrl https://test-server, no exp, no iat, low-S.</summary>
    public const string Valid =
        "eyJ0eXAiOiJKV1QiLCJhbGciOiJFUzI1NksifQ.eyJnYWlhQ2hhbGxlbmdlIjoiW1wiZ2FpYWh1YlwiLFwiMFwiLFwidGVzdC1zZXJ2ZXJcIixcImJsb2Nrc3RhY2tfc3RvcmFnZV9wbGVhc2Vfc2lnblwiXSIsImh1YlVybCI6Imh0dHBzOi8vdGVzdC1zZXJ2ZXIiLCJpc3MiOiIwM2NjODIyZmJlNjM0OWVjYzVmNDM0MjIwNTI3NDA0MWRhNTNkNTRkNmFiOGU3YzRlZTM0M2ExMTIxNmU1NTQwYTciLCJzYWx0IjoiMDAxMTIyMzM0NDU1NjY3Nzg4OTlhYWJiY2NkZGVlZmYifQ.EFB416kk-BJvIyLtHgkIhNGME2TrL_vl3QKx-0Z5P_BoZdViO899DXmAtghcdBL3SfCMwCAcSF65eoze1-Z4JA";

    /// <summary>A.3 #2: key0, high-S signature, no hubUrl.</summary>
    public const string HighS =
        "eyJ0eXAiOiJKV1QiLCJhbGciOiJFUzI1NksifQ.eyJnYWlhQ2hhbGxlbmdlIjoiW1wiZ2FpYWh1YlwiLFwiMFwiLFwidGVzdC1zZXJ2ZXJcIixcImJsb2Nrc3RhY2tfc3RvcmFnZV9wbGVhc2Vfc2lnblwiXSIsImlzcyI6IjAzY2M4MjJmYmU2MzQ5ZWNjNWY0MzQyMjA1Mjc0MDQxZGE1M2Q1NGQ2YWI4ZTdjNGVlMzQzYTExMjE2ZTU1NDBhNyIsInNhbHQiOiJmZmVlZGRjY2JiYWE5OTg4Nzc2NjU1NDQzMzIyMTEwMCJ9.z2ELUFkelH1H6Cm08bQZx2O_N0CgD-CyKnpMAISF7yqfeyovSmnzIU9wNuBwz5ZAIvs7j7SMCSE9tV_mEMqEYw";

    /// <summary>A.3 #3: key0, exp 1.</summary>
    public const string Expired =
        "eyJ0eXAiOiJKV1QiLCJhbGciOiJFUzI1NksifQ.eyJnYWlhQ2hhbGxlbmdlIjoiW1wiZ2FpYWh1YlwiLFwiMFwiLFwidGVzdC1zZXJ2ZXJcIixcImJsb2Nrc3RhY2tfc3RvcmFnZV9wbGVhc2Vfc2lnblwiXSIsImlzcyI6IjAzY2M4MjJmYmU2MzQ5ZWNjNWY0MzQyMjA1Mjc0MDQxZGE1M2Q1NGQ2YWI4ZTdjNGVlMzQzYTExMjE2ZTU1NDBhNyIsImV4cCI6MSwic2FsdCI6ImRkIn0.zXk5GpI0etWE6jWGYjeSSPZqATnBQqgcve1pGJlVyPZ7uZg6WzOiOmCNYBvi548DmwK9XBBa9ef88OTMVHC0iQ";

    /// <summary>A.3 #4: key0, iat 1600000000, exp 4102444800.</summary>
    public const string IssuedAt =
        "eyJ0eXAiOiJKV1QiLCJhbGciOiJFUzI1NksifQ.eyJnYWlhQ2hhbGxlbmdlIjoiW1wiZ2FpYWh1YlwiLFwiMFwiLFwidGVzdC1zZXJ2ZXJcIixcImJsb2Nrc3RhY2tfc3RvcmFnZV9wbGVhc2Vfc2lnblwiXSIsImlzcyI6IjAzY2M4MjJmYmU2MzQ5ZWNjNWY0MzQyMjA1Mjc0MDQxZGE1M2Q1NGQ2YWI4ZTdjNGVlMzQzYTExMjE2ZTU1NDBhNyIsImlhdCI6MTYwMDAwMDAwMCwiZXhwIjo0MTAyNDQ0ODAwLCJzYWx0IjoiYWEifQ.H3RaAT-nRpjUtlUgm91qMQY9rBwDdY_aJv4XwIGfuut4q_ebOL0xKHL_O082-vXYA3cVHxeK6p2rMvK9xZ12Mw";

    /// <summary>A.3 #5: key0, scopes putFilePrefix photos/ and deleteFile photos/a.jpg.</summary>
    public const string Scoped =
        "eyJ0eXAiOiJKV1QiLCJhbGciOiJFUzI1NksifQ.eyJnYWlhQ2hhbGxlbmdlIjoiW1wiZ2FpYWh1YlwiLFwiMFwiLFwidGVzdC1zZXJ2ZXJcIixcImJsb2Nrc3RhY2tfc3RvcmFnZV9wbGVhc2Vfc2lnblwiXSIsImlzcyI6IjAzY2M4MjJmYmU2MzQ5ZWNjNWY0MzQyMjA1Mjc0MDQxZGE1M2Q1NGQ2YWI4ZTdjNGVlMzQzYTExMjE2ZTU1NDBhNyIsInNhbHQiOiJlZSIsInNjb3BlcyI6W3sic2NvcGUiOiJwdXRGaWxlUHJlZml4IiwiZG9tYWluIjoicGhvdG9zLyJ9LHsic2NvcGUiOiJkZWxldGVGaWxlIiwiZG9tYWluIjoicGhvdG9zL2EuanBnIn1dfQ.J7F9DCLHgnFSOrAlQ4Yv5PNqaPC3doLvwAlS2pLuX1N4TY68KyxN03zQHcKhDxq8cJSy6JHSJGB0Fo0PRB2sGA";

    /// <summary>A.3 #6: outer token by key0 carrying an association token signed by key1 (child key0, exp 4102444800).</summary>
    public const string Associated =
        "eyJ0eXAiOiJKV1QiLCJhbGciOiJFUzI1NksifQ.eyJnYWlhQ2hhbGxlbmdlIjoiW1wiZ2FpYWh1YlwiLFwiMFwiLFwidGVzdC1zZXJ2ZXJcIixcImJsb2Nrc3RhY2tfc3RvcmFnZV9wbGVhc2Vfc2lnblwiXSIsImlzcyI6IjAzY2M4MjJmYmU2MzQ5ZWNjNWY0MzQyMjA1Mjc0MDQxZGE1M2Q1NGQ2YWI4ZTdjNGVlMzQzYTExMjE2ZTU1NDBhNyIsImFzc29jaWF0aW9uVG9rZW4iOiJleUowZVhBaU9pSktWMVFpTENKaGJHY2lPaUpGVXpJMU5rc2lmUS5leUpqYUdsc1pGUnZRWE56YjJOcFlYUmxJam9pTUROall6Z3lNbVppWlRZek5EbGxZMk0xWmpRek5ESXlNRFV5TnpRd05ERmtZVFV6WkRVMFpEWmhZamhsTjJNMFpXVXpORE5oTVRFeU1UWmxOVFUwTUdFM0lpd2lhWE56SWpvaU1ESXhNR05pWkRrek56VmhORE00TWpBM01qbGlNemN5TUROaE5HVTJZbUU1TWpBd05UUmpZVEV4TlRJek9XRTBOakJsTVRoaU5HVXpOR05oWWpZME5tSXpJaXdpWlhod0lqbzBNVEF5TkRRME9EQXdMQ0pwWVhRaU9qRTJNREF3TURBd01EQXNJbk5oYkhRaU9pSmlZaUo5Lk9lSHhrOUkzWlZrU0t6YzR3bS1DX3VoVUNSS3ZKTFh3QkVVMFdHam44NmxaNENZU1BJNGI0Z3N1am9jUlZqa1N3MkZ4MEl4UzVlQnFOYVhfZEl0OVd3Iiwic2FsdCI6ImNjIn0.2k1nwrNNDoDun-kvnWRFF73ugO3ZfoTnYLUVHHUYR5dfst1VBdkIF7-rbL8bHF6zhjGVqYi67iejK9C-SUx_eg";

    /// <summary>A.3 #7: #1 with the last two signature characters ("JA") changed.</summary>
    public static readonly string Tampered = Valid[..^2] + "KQ";
}
