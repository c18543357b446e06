// Data-plane role assignments. Neither storage account accepts shared keys, so these roles are the only way in.
//
// Function app identity:
//   runtime account   Storage Blob Data Owner         AzureWebJobsStorage (host keys, leases), deployment package
//   hub data account  Storage Blob Data Owner         hub files; the app creates its container at start if missing
//   hub data account  Storage Table Data Contributor  revocation timestamps; the app creates its table at start
//   App Insights      Monitoring Metrics Publisher    Entra ID-authenticated telemetry (local auth is disabled)
// No queue or runtime-table role: an HTTP-only app's host uses blobs only (queues and tables are needed by Durable
// Functions and queue/MCP triggers, none of which the hub has).
//
// Optional deploying principal (principalId): Storage Blob Data Contributor and Storage Table Data Contributor on the
// hub data account, to look at hub files and revocations from the portal or Storage Explorer.

@description('Name of the Functions runtime storage account.')
param runtimeStorageAccountName string

@description('Name of the hub data storage account.')
param hubStorageAccountName string

@description('Name of the Application Insights component.')
param applicationInsightsName string

@description('Principal (object) id of the function app\'s user-assigned identity.')
param identityPrincipalId string

@description('Object id of a user or service principal given data access to the hub account; empty for none.')
param principalId string

@description('Type of principalId.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string

// Built-in role definitions (ids are the same in every tenant).
var roleDefinitionType = 'Microsoft.Authorization/roleDefinitions'
var roleDefinitions = {
  storageBlobDataOwner: subscriptionResourceId(roleDefinitionType, 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b')
  storageBlobDataContributor: subscriptionResourceId(roleDefinitionType, 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
  storageTableDataContributor: subscriptionResourceId(roleDefinitionType, '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3')
  monitoringMetricsPublisher: subscriptionResourceId(roleDefinitionType, '3913510d-42f4-4e42-8a64-420c390055eb')
}

resource runtimeStorage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: runtimeStorageAccountName
}

resource hubStorage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: hubStorageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource runtimeBlobOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(runtimeStorage.id, identityPrincipalId, roleDefinitions.storageBlobDataOwner)
  scope: runtimeStorage
  properties: {
    roleDefinitionId: roleDefinitions.storageBlobDataOwner
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource hubBlobOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(hubStorage.id, identityPrincipalId, roleDefinitions.storageBlobDataOwner)
  scope: hubStorage
  properties: {
    roleDefinitionId: roleDefinitions.storageBlobDataOwner
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource hubTableContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(hubStorage.id, identityPrincipalId, roleDefinitions.storageTableDataContributor)
  scope: hubStorage
  properties: {
    roleDefinitionId: roleDefinitions.storageTableDataContributor
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource telemetryPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, identityPrincipalId, roleDefinitions.monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    roleDefinitionId: roleDefinitions.monitoringMetricsPublisher
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource userHubBlobContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(principalId)) {
  name: guid(hubStorage.id, principalId, roleDefinitions.storageBlobDataContributor)
  scope: hubStorage
  properties: {
    roleDefinitionId: roleDefinitions.storageBlobDataContributor
    principalId: principalId
    principalType: principalType
  }
}

resource userHubTableContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(principalId)) {
  name: guid(hubStorage.id, principalId, roleDefinitions.storageTableDataContributor)
  scope: hubStorage
  properties: {
    roleDefinitionId: roleDefinitions.storageTableDataContributor
    principalId: principalId
    principalType: principalType
  }
}
