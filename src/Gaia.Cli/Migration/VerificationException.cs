namespace Gaia.Cli.Migration;

/// <summary>The destination's read URL did not give back what was stored (yet): worth another attempt.</summary>
internal sealed class VerificationException(string message) : Exception("verification failed: " + message);
