// Archon for .NET: everything `azd up` provisions. Subscription scope so one deployment also creates the resource group.
// Every connection is identity-based: shared keys are off on Storage, local auth is off on Azure OpenAI and
// Application Insights, and no output or app setting carries a secret.
targetScope = 'subscription'

import { modelDeployment } from 'modules/types.bicep'

@minLength(1)
@maxLength(64)
@description('azd environment name; seeds resource names and the azd-env-name tag.')
param environmentName string

@minLength(1)
@description('Azure region for every resource (Flex Consumption and the chosen models must be offered there).')
param location string

@description('Optional principal id of the developer running azd; gets data access for local runs against the cloud resources.')
param principalId string = ''

@description('Kind of principal principalId is: User for a developer, ServicePrincipal when azd runs from a pipeline.')
@allowed(['User', 'ServicePrincipal', 'Group'])
param principalType string = 'User'

@description('Azure OpenAI model deployments; each becomes one entry of the app\'s model catalog under its deployment name.')
param modelDeployments modelDeployment[] = [
  {
    name: 'gpt-4o-mini'
    model: 'gpt-4o-mini'
    version: '2024-07-18'
    sku: 'GlobalStandard'
    capacity: 50
    inputPricePerMillion: '0.15'
    outputPricePerMillion: '0.6'
  }
  {
    name: 'gpt-4o'
    model: 'gpt-4o'
    version: '2024-11-20'
    sku: 'GlobalStandard'
    capacity: 30
    inputPricePerMillion: '2.5'
    outputPricePerMillion: '10'
  }
]

@description('Durable Functions task hub name (letters and digits, 3-45 characters).')
@minLength(3)
@maxLength(45)
param taskHubName string = 'archon'

@description('NCRONTAB schedule of the scheduled architecture search (six fields). Default: 03:00 UTC every day.')
param searchSchedule string = '0 0 3 * * *'

@description('Search spec (JSON, Archon.Core.Search.SearchSpec) the timer trigger starts. Default: a small SIMULATED search, which costs nothing; point "catalog"/"models" at the Azure OpenAI deployments for a real one.')
param searchSpec string = '{"name":"scheduled","catalog":"sim","benchmark":"builtin","algorithm":"bo-mf"}'

@description('Prompt pack for every component call (ARCHON_PROMPTS): the pack JSON itself, as `archon prompts --export` writes it, or a path inside the deployed app. Empty: the default pack embedded in the build.')
param promptPack string = ''

@description('Instance id of the scheduled search; a run with this id that is still going is never started twice.')
@minLength(1)
param searchId string = 'scheduled-search'

@description('Where benchmark datasets live in the storage account, as <container>/<prefix> (one folder per benchmark: gsm8k/, math500/, ...). Mirrored to local disk on first use.')
param datasetLocation string = 'archon-search/datasets'

@description('Maximum instances the Flex Consumption plan may scale out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Most dynamic sessions at once in the code-interpreter pool (an evaluation holds two: candidate and checker).')
@minValue(2)
@maxValue(600)
param sandboxMaxSessions int = 40

@description('Idle sessions the pool keeps ready, so code scoring does not wait for allocation.')
@minValue(0)
@maxValue(100)
param sandboxReadySessions int = 4

@description('Memory per Flex Consumption instance in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

var tags = { 'azd-env-name': environmentName }
// Deterministic per subscription + environment, so a redeploy updates rather than duplicates.
var token = toLower(uniqueString(subscription().id, environmentName, location))
// Names are computed here (not read from module outputs) so What-If can predict every resource id.
var names = {
  identity: 'id-archon-${token}'
  logAnalytics: 'log-archon-${token}'
  appInsights: 'appi-archon-${token}'
  storage: take('starchon${token}', 24)
  openAi: 'oai-archon-${token}'
  plan: 'plan-archon-${token}'
  functionApp: 'func-archon-${token}'
  sessionPool: 'sp-archon-${token}'
}

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: names.logAnalytics
    appInsightsName: names.appInsights
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: names.storage
    location: location
    tags: tags
  }
}

module openAi 'modules/openai.bicep' = {
  name: 'openai'
  scope: rg
  params: {
    name: names.openAi
    location: location
    tags: tags
    deployments: modelDeployments
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  scope: rg
  dependsOn: [storage, openAi, monitoring]
  params: {
    principalId: identity.outputs.principalId
    principalType: 'ServicePrincipal'
    assignmentSeed: names.identity
    storageAccountName: names.storage
    openAiAccountName: names.openAi
    appInsightsName: names.appInsights
  }
}

module developerRoles 'modules/roles.bicep' = if (!empty(principalId)) {
  name: 'developer-roles'
  scope: rg
  dependsOn: [storage, openAi, monitoring]
  params: {
    principalId: principalId
    principalType: principalType
    assignmentSeed: principalId
    storageAccountName: names.storage
    openAiAccountName: names.openAi
    appInsightsName: names.appInsights
  }
}

// Where model-written code runs in Azure (the Functions app has no Python and may not create namespaces).
module sessionPool 'modules/sessionpool.bicep' = {
  name: 'sessionpool'
  scope: rg
  params: {
    name: names.sessionPool
    location: location
    tags: tags
    executorPrincipalId: identity.outputs.principalId
    assignmentSeed: names.identity
    maxConcurrentSessions: sandboxMaxSessions
    readySessionInstances: sandboxReadySessions
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  scope: rg
  params: {
    planName: names.plan
    appName: names.functionApp
    location: location
    tags: tags
    identityName: names.identity
    storageAccountName: names.storage
    deploymentContainerName: storage.outputs.deploymentContainerName
    appInsightsName: names.appInsights
    openAiEndpoint: openAi.outputs.endpoint
    modelDeployments: modelDeployments
    taskHubName: taskHubName
    searchSchedule: searchSchedule
    searchSpec: searchSpec
    promptPack: promptPack
    searchId: searchId
    datasetLocation: datasetLocation
    sessionPoolEndpoint: sessionPool.outputs.poolManagementEndpoint
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
  }
  // The host must be able to reach its storage as soon as it starts: grant the roles first.
  dependsOn: [roles, monitoring]
}

// Names and endpoints only: nothing here is a secret.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_URL string = functionApp.outputs.url
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output AZURE_OPENAI_ENDPOINT string = openAi.outputs.endpoint
output AZURE_OPENAI_NAME string = openAi.outputs.name
output AZURE_SESSION_POOL_ENDPOINT string = sessionPool.outputs.poolManagementEndpoint
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.appInsightsName
