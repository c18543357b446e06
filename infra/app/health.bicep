// Readiness of the Gaia hub function app, watched from outside. Flex Consumption has no App Service health check
// (siteConfig.healthCheckPath), so an Application Insights standard availability test requests the app's readiness
// route (/healthz/ready: 200 while hub storage answers, 503 when it does not) every 5 minutes from three regions,
// and a metric alert fires when it fails from at least two of them.

@description('Name of the availability test; the alert is named after it.')
param name string

@description('Azure region of the availability test (the region of its Application Insights component).')
param location string

@description('Tags put on both resources.')
param tags object

@description('Application Insights component that runs the test and receives its results.')
param applicationInsightsName string

@description('Default host name of the function app.')
param hubHostName string

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource readiness 'Microsoft.Insights/webtests@2022-06-15' = {
  name: name
  location: location
  // Availability tests are shown under the component they are linked to with this tag.
  tags: union(tags, { 'hidden-link:${applicationInsights.id}': 'Resource' })
  kind: 'standard'
  properties: {
    SyntheticMonitorId: name
    Name: 'Gaia hub readiness'
    Description: 'GET /healthz/ready must answer 200: the hub runs and reaches its blob container and revocation table.'
    Enabled: true
    Kind: 'standard'
    Frequency: 300
    Timeout: 30
    RetryEnabled: true
    Locations: [
      { Id: 'us-va-ash-azr' }
      { Id: 'emea-nl-ams-azr' }
      { Id: 'apac-sg-sin-azr' }
    ]
    Request: {
      RequestUrl: 'https://${hubHostName}/healthz/ready'
      HttpVerb: 'GET'
      ParseDependentRequests: false
    }
    ValidationRules: {
      ExpectedHttpStatusCode: 200
      SSLCheck: true
      SSLCertRemainingLifetimeCheck: 7
    }
  }
}

resource readinessAlert 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: '${name}-failing'
  location: 'global'
  tags: tags
  properties: {
    description: 'The Gaia hub answered /healthz/ready with something other than 200 from at least two regions.'
    severity: 1
    enabled: true
    scopes: [
      readiness.id
      applicationInsights.id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT5M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.WebtestLocationAvailabilityCriteria'
      webTestId: readiness.id
      componentId: applicationInsights.id
      failedLocationCount: 2
    }
  }
}

output availabilityTestName string = readiness.name
