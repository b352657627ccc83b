// Azure Container Apps dynamic sessions: the Python code-interpreter pool where Archon runs model-written code
// (HumanEval/MBPP unit tests, stdin/stdout programs). Each session is its own Hyper-V sandbox with egress disabled.
// Archon uses a fresh session per evaluation for the candidate and another for the checker (docs/sandbox.md).
param name string
param location string
param tags object

@description('Principal id of the app\'s user-assigned identity: gets the Session Executor role on this pool only.')
param executorPrincipalId string

@description('Stable, deployment-time value that names the role assignment (the identity\'s name).')
param assignmentSeed string

@description('Sessions that may exist at once (each evaluation holds two: candidate and checker).')
@minValue(1)
param maxConcurrentSessions int

@description('Sessions kept allocated and idle so an evaluation does not wait for one.')
@minValue(0)
param readySessionInstances int

@description('Seconds an idle session lives before the platform deletes it.')
@minValue(300)
param cooldownPeriodInSeconds int = 300

// Built-in role "Azure ContainerApps Session Executor": may execute code in the pool's sessions, nothing else.
var roleIds = {
  sessionExecutor: '0fb8eba5-a2bb-4abe-b1c1-49dfad359bb0'
}

resource pool 'Microsoft.App/sessionPools@2024-10-02-preview' = {
  name: name
  location: location
  tags: tags
  properties: {
    poolManagementType: 'Dynamic'
    containerType: 'PythonLTS'
    scaleConfiguration: {
      maxConcurrentSessions: maxConcurrentSessions
      readySessionInstances: readySessionInstances
    }
    dynamicPoolConfiguration: {
      executionType: 'Timed'
      cooldownPeriodInSeconds: cooldownPeriodInSeconds
    }
    // Model code gets no network at all: nothing to exfiltrate to, nothing to download.
    sessionNetworkConfiguration: {
      status: 'EgressDisabled'
    }
  }
}

resource executor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(pool.id, assignmentSeed, roleIds.sessionExecutor)
  scope: pool
  properties: {
    principalId: executorPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.sessionExecutor)
  }
}

output name string = pool.name
output poolManagementEndpoint string = pool.properties.poolManagementEndpoint
