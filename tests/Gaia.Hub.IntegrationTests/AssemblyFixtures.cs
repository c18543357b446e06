// One Azurite for the whole run of this assembly (AzuriteFixture is also compiled into Gaia.Hub.Functions.Tests,
// which starts it itself, from its worker fixture).
[assembly: AssemblyFixture(typeof(Gaia.Hub.IntegrationTests.AzuriteFixture))]
