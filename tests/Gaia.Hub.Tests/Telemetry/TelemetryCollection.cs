namespace Gaia.Hub.Tests.Telemetry;

/// <summary>
/// Tests that listen to the hub's meter and source by name: they run alone, so measurements made by other tests'
/// hosts at the same time cannot mix in.
/// </summary>
[CollectionDefinition(nameof(TelemetryCollection), DisableParallelization = true)]
public sealed class TelemetryCollection;
