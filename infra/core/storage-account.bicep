// A StorageV2 account reached only with Microsoft Entra ID (no shared keys), with optional blob containers and tables.
// Used twice by main.bicep: once for the Functions runtime (AzureWebJobsStorage + the deployment package
// container) and once, separately, for the hub's data (files container + revocations table).

@description('Storage account name: 3-24 lowercase letters and digits, globally unique.')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region of the account.')
param location string

@description('Tags put on the account.')
param tags object

@description('Blob containers to create. All are private: nothing in them can be read anonymously.')
param containerNames string[] = []

@description('Tables to create.')
param tableNames string[] = []

resource account 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    // Identity-based access only: the function app's user-assigned identity holds data-plane RBAC roles.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    // No anonymous reads anywhere. The hub serves GET /read/{address}/{path} itself (the read function), so its
    // container can stay private. To serve reads straight from storage instead, set this to true, give the hub
    // container publicAccess 'Blob' (or put Azure Front Door / a CDN with private-origin access in front of it) and
    // pass that URL as readUrl in main.bicep (Gaia__ReadUrl, the read_url_prefix the hub announces).
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    dnsEndpointType: 'Standard'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }

  resource blobService 'blobServices' = {
    name: 'default'

    resource containers 'containers' = [
      for containerName in containerNames: {
        name: containerName
        properties: {
          publicAccess: 'None'
        }
      }
    ]
  }

  resource tableService 'tableServices' = {
    name: 'default'

    resource tables 'tables' = [
      for tableName in tableNames: {
        name: tableName
      }
    ]
  }
}

output name string = account.name
output id string = account.id
output blobEndpoint string = account.properties.primaryEndpoints.blob
output tableEndpoint string = account.properties.primaryEndpoints.table
