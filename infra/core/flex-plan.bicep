// A Flex Consumption (FC1) plan: Linux, scale to zero, per-app instance memory and maximum instance count.

@description('Plan name.')
param name string

@description('Azure region of the plan (must offer Flex Consumption).')
param location string

@description('Tags put on the plan.')
param tags object

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    // Linux.
    reserved: true
  }
}

output id string = plan.id
output name string = plan.name
