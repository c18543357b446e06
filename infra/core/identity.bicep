// The user-assigned managed identity the function app runs as: it reaches both storage accounts and Application
// Insights with Entra ID tokens (role assignments in app/rbac.bicep), and it pulls the deployment package.

@description('Identity name.')
param name string

@description('Azure region of the identity.')
param location string

@description('Tags put on the identity.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output principalId string = identity.properties.principalId
output clientId string = identity.properties.clientId
