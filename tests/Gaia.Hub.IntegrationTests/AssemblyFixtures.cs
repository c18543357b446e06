// One Azurite for the whole run of the assembly (this file is also compiled into Gaia.Cli.Tests; Gaia.Hub.Functions.Tests
// compiles AzuriteFixture without it and starts Azurite from its worker fixture).
[assembly: AssemblyFixture(typeof(Gaia.Hub.IntegrationTests.AzuriteFixture))]
