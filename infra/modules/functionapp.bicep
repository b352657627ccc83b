// The Archon Functions app on the Flex Consumption plan (Linux, dotnet-isolated), running as the user-assigned
// identity. Every setting that reaches Azure services is identity-based; none holds a key.
import { modelDeployment } from 'types.bicep'

param planName string
param appName string
param location string
param tags object
param identityName string
param storageAccountName string
param deploymentContainerName string
param appInsightsName string
param openAiEndpoint string
param modelDeployments modelDeployment[]
param taskHubName string
param searchSchedule string
param searchSpec string
param searchId string
param promptPack string
param datasetLocation string
@description('Management endpoint of the dynamic-sessions pool that runs model-written code.')
param sessionPoolEndpoint string
param maximumInstanceCount int
param instanceMemoryMB int

@description('dotnet-isolated runtime version on Flex Consumption; must match the app\'s target framework (net10.0).')
param dotnetVersion string = '10.0'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: identityName
}

resource storageAccount 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

// The model catalog the app loads: one azure-openai entry per deployment. No apiKeyEnv: the provider
// authenticates with the managed identity (AZURE_CLIENT_ID) because the account has local auth disabled.
var catalogModels = [
  for d in modelDeployments: {
    id: d.name
    provider: 'azure-openai'
    endpoint: openAiEndpoint
    deployment: d.name
    inputPricePerMillion: json(d.inputPricePerMillion)
    outputPricePerMillion: json(d.outputPricePerMillion)
  }
]
var modelCatalog = { models: catalogModels }

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true // Linux
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageAccount.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: dotnetVersion
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: [
        // Host storage + Durable Task Azure Storage backend, through the managed identity.
        { name: 'AzureWebJobsStorage__accountName', value: storageAccount.name }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: identity.properties.clientId }
        // DefaultAzureCredential picks the user-assigned identity from this (Blob client, Azure OpenAI).
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        // Telemetry: the connection string only addresses the resource; Entra auth (below) authorises ingestion.
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'Authorization=AAD;ClientId=${identity.properties.clientId}' }
        // Archon settings.
        { name: 'ARCHON_TASK_HUB', value: taskHubName }
        // Result store (Archon.Durable ResultStoreOptions): Blob Storage through DefaultAzureCredential.
        { name: 'ArchonStorage__Kind', value: 'blob' }
        { name: 'ArchonStorage__ServiceUri', value: storageAccount.properties.primaryEndpoints.blob }
        // The catalog itself, inline JSON (its Azure OpenAI endpoint is only known at deployment time).
        { name: 'ARCHON_MODEL_CATALOG', value: string(modelCatalog) }
        // Benchmark data as <container>/<prefix> in the same account (Archon.Durable BlobDatasetMirror).
        { name: 'ARCHON_DATASET_LOCATION', value: datasetLocation }
        // Timer-triggered search (Archon.Durable ScheduledSearchOptions): six-field NCRONTAB, instance id, spec JSON.
        { name: 'ARCHON_SEARCH_SCHEDULE', value: searchSchedule }
        { name: 'ARCHON_SEARCH_ID', value: searchId }
        { name: 'ARCHON_SEARCH_SPEC', value: searchSpec }
        // Prompt pack (Archon.Core ArchonComponentsOptions): inline pack JSON or a path; empty = the embedded default.
        { name: 'ARCHON_PROMPTS', value: promptPack }
        // Code sandbox (Archon.Core CodeSandboxOptions): Azure Container Apps dynamic sessions, Entra auth via AZURE_CLIENT_ID.
        { name: 'ArchonSandbox__Kind', value: 'SessionPool' }
        { name: 'ArchonSandbox__SessionPool__Endpoint', value: sessionPoolEndpoint }
      ]
    }
  }
}

output name string = site.name
output url string = 'https://${site.properties.defaultHostName}'
output planName string = plan.name
