// The Gaia hub function app (src/Gaia.Hub.Functions) on Flex Consumption: .NET 10 isolated worker, running as a
// user-assigned identity, with the hub's Gaia__… settings pointing at the separate hub data account.

@description('Function app name; also the first label of its default host name.')
param name string

@description('Azure region of the app.')
param location string

@description('Tags put on the app (azd-service-name is added here).')
param tags object

@description('azd service name from azure.yaml; azd deploys to the app carrying this tag.')
param serviceName string

@description('Resource id of the Flex Consumption plan.')
param planId string

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity.')
param identityClientId string

@description('Functions runtime storage account (AzureWebJobsStorage and the deployment package).')
param runtimeStorageAccountName string

@description('Blob container in the runtime account that holds the deployment package.')
param deploymentContainerName string

@description('Hub data storage account.')
param hubStorageAccountName string

@description('Blob container of all hub buckets.')
param hubContainerName string

@description('Table of revocation timestamps.')
param hubTableName string

@description('Application Insights component receiving the app\'s telemetry.')
param applicationInsightsName string

@description('Gaia__ServerName (bound into every token\'s challenge text); empty means the app\'s default host name.')
param serverName string

@description('Gaia__ReadUrl: where files are read back (a public container or CDN); empty means {public URL}/read/.')
param readUrl string

@description('Memory of each instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('Most instances the app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

resource runtimeStorage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: runtimeStorageAccountName
}

resource hubStorage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: hubStorageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource app 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: planId
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      // No platform CORS: the hub answers CORS itself (the same HTTP layer as the self-hosted server), and App
      // Service CORS, once configured, would replace those headers.
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${runtimeStorage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  // Flex Consumption refuses FUNCTIONS_WORKER_RUNTIME, FUNCTIONS_EXTENSION_VERSION and WEBSITE_RUN_FROM_PACKAGE:
  // the runtime and the package location come from functionAppConfig above.
  resource appSettings 'config' = {
    name: 'appsettings'
    properties: union(
      {
        // Host storage through the identity; no connection string, no key.
        AzureWebJobsStorage__accountName: runtimeStorage.name
        AzureWebJobsStorage__credential: 'managedidentity'
        AzureWebJobsStorage__clientId: identityClientId
        APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
        APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=${identityClientId}'
        Gaia__Driver: 'azure'
        Gaia__Azure__BlobServiceUri: hubStorage.properties.primaryEndpoints.blob
        Gaia__Azure__TableServiceUri: hubStorage.properties.primaryEndpoints.table
        Gaia__Azure__ManagedIdentityClientId: identityClientId
        Gaia__Azure__ContainerName: hubContainerName
        Gaia__Azure__TableName: hubTableName
        Gaia__ServerName: empty(serverName) ? app.properties.defaultHostName : serverName
        Gaia__PublicUrl: 'https://${app.properties.defaultHostName}'
      },
      empty(readUrl) ? {} : { Gaia__ReadUrl: readUrl }
    )
  }
}

output name string = app.name
output defaultHostName string = app.properties.defaultHostName
output url string = 'https://${app.properties.defaultHostName}'
