// Gaia hub on Azure Functions (Flex Consumption), provisioned by `azd up` (azure.yaml at the repository root).
//
// Resource group rg-{environmentName} holds:
//   - a user-assigned managed identity: the app reaches storage and Application Insights with it; no shared keys
//   - a storage account for the Functions runtime (AzureWebJobsStorage) and the deployment package container
//   - a separate storage account for hub data: the blob container of all buckets and the revocations table
//   - a Flex Consumption (FC1) plan and the function app (.NET 10 isolated worker), tagged azd-service-name=hub
//   - Log Analytics + Application Insights (Entra ID-authenticated ingestion only), with an availability test of the
//     hub's readiness route and an alert on it (Flex Consumption has no App Service health check)
// Plain resources only: registry (br/public) modules are not used, so `bicep build` works offline (infra/build.sh).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; names the resource group and seeds every resource name.')
param environmentName string

@minLength(1)
@description('Region of every resource; it must offer the Flex Consumption plan.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

// The deploying user (azd sets AZURE_PRINCIPAL_ID) may inspect hub files and revocations in the hub account.
@description('Object id given data access to the hub storage account; empty for none.')
param principalId string = ''

@description('Type of principalId: User for `azd up` at a desk, ServicePrincipal in a pipeline.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

@description('Blob container holding every bucket (Gaia__Azure__ContainerName).')
@minLength(3)
@maxLength(63)
param hubContainerName string = 'hub'

@description('Table of revocation timestamps (Gaia__Azure__TableName).')
@minLength(3)
@maxLength(63)
param hubTableName string = 'gaiarevocations'

// Bound into the challenge text of every token: changing it invalidates tokens already issued.
@description('Gaia__ServerName; empty means the function app\'s default host name.')
param serverName string = ''

// Set when files are served by a public container or a CDN instead of the hub's read function.
@description('Gaia__ReadUrl, the read_url_prefix the hub announces; empty means {GAIA_HUB_URL}/read/.')
param readUrl string = ''

@description('Memory of each function app instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Most instances the function app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var functionAppName = '${abbrs.webSitesFunctions}hub-${resourceToken}'
// Flex Consumption runs the package that `azd deploy` uploads to this container of the runtime account.
var deploymentContainerSuffix = take(toLower(uniqueString(functionAppName, resourceToken)), 7)
var deploymentContainerName = 'app-package-${take(functionAppName, 32)}-${deploymentContainerSuffix}'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'core/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}hub-${resourceToken}'
    location: location
    tags: tags
  }
}

module runtimeStorage 'core/storage-account.bicep' = {
  name: 'runtimeStorage'
  scope: rg
  params: {
    name: '${abbrs.storageStorageAccounts}func${resourceToken}'
    location: location
    tags: tags
    containerNames: [
      deploymentContainerName
    ]
  }
}

module hubStorage 'core/storage-account.bicep' = {
  name: 'hubStorage'
  scope: rg
  params: {
    name: '${abbrs.storageStorageAccounts}hub${resourceToken}'
    location: location
    tags: tags
    containerNames: [
      hubContainerName
    ]
    tableNames: [
      hubTableName
    ]
  }
}

module monitoring 'core/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
  }
}

module plan 'core/flex-plan.bicep' = {
  name: 'plan'
  scope: rg
  params: {
    name: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    runtimeStorageAccountName: runtimeStorage.outputs.name
    hubStorageAccountName: hubStorage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    identityPrincipalId: identity.outputs.principalId
    principalId: principalId
    principalType: principalType
  }
}

module hub 'app/hub.bicep' = {
  name: 'hub'
  scope: rg
  params: {
    name: functionAppName
    location: location
    tags: tags
    serviceName: 'hub'
    planId: plan.outputs.id
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    runtimeStorageAccountName: runtimeStorage.outputs.name
    deploymentContainerName: deploymentContainerName
    hubStorageAccountName: hubStorage.outputs.name
    hubContainerName: hubContainerName
    hubTableName: hubTableName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    serverName: serverName
    readUrl: readUrl
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
  }
  // The app's first start already reads host storage and creates the hub container and table with its identity:
  // let the role assignments exist first.
  dependsOn: [
    rbac
  ]
}

module health 'app/health.bicep' = {
  name: 'health'
  scope: rg
  params: {
    name: '${abbrs.insightsComponents}ready-${resourceToken}'
    location: location
    tags: tags
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    hubHostName: hub.outputs.defaultHostName
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = hub.outputs.name
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output AZURE_STORAGE_ACCOUNT_NAME string = runtimeStorage.outputs.name
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.applicationInsightsConnectionString
output GAIA_HUB_URL string = hub.outputs.url
output GAIA_HUB_READINESS_TEST string = health.outputs.availabilityTestName
// azd stores outputs in the environment, and main.parameters.json reads GAIA_SERVER_NAME back: the name tokens are
// bound to stays fixed across later `azd provision` runs unless it is set explicitly.
output GAIA_SERVER_NAME string = empty(serverName) ? hub.outputs.defaultHostName : serverName
output GAIA_HUB_STORAGE_ACCOUNT_NAME string = hubStorage.outputs.name
output GAIA_HUB_BLOB_ENDPOINT string = hubStorage.outputs.blobEndpoint
output GAIA_HUB_TABLE_ENDPOINT string = hubStorage.outputs.tableEndpoint
output GAIA_HUB_CONTAINER_NAME string = hubContainerName
output GAIA_HUB_TABLE_NAME string = hubTableName
