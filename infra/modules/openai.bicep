// Azure OpenAI account with key auth disabled (Entra ID only) and one deployment per catalog model.
import { modelDeployment } from 'types.bicep'

param name string
param location string
param tags object
param deployments modelDeployment[]

resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  tags: tags
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    // A custom subdomain is required for Entra ID token auth.
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

// One at a time: the account rejects concurrent deployment updates.
@batchSize(1)
resource modelDeployments 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = [
  for d in deployments: {
    parent: account
    name: d.name
    sku: {
      name: d.sku
      capacity: d.capacity
    }
    properties: {
      model: {
        format: 'OpenAI'
        name: d.model
        version: d.version
      }
    }
  }
]

output name string = account.name
output endpoint string = account.properties.endpoint
output deploymentNames string[] = [for (d, i) in deployments: modelDeployments[i].name]
