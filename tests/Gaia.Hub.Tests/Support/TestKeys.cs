namespace Gaia.Hub.Tests.Support;

/// <summary>The fixed keys of the spec's Appendix A.2.</summary>
internal static class TestKeys
{
    public const string Key0 = "e0a0eab434faf2c609cac5919b71a2348a747cdf7618cc8847c2d55d98e3df4e";
    public const string PublicKey0 = "03cc822fbe6349ecc5f4342205274041da53d54d6ab8e7c4ee343a11216e5540a7";
    public const string Address0 = "16mHK3nMEhVGjSYGbzEGA37vej7HYzJ9Xn";

    public const string Key1 = "bb75bbdd1ac307c4a9f7a72dc04e2982d055a39f9e468e9bad9e807e5ad38260";
    public const string PublicKey1 = "0210cbd9375a43820729b37203a4e6ba920054ca115239a460e18b4e34cab646b3";
    public const string Address1 = "1FjG1mM47ydAe84j237QZMgcWYnwLo8tm2";
}
