// Shared parameter types.

@export()
@description('One Azure OpenAI model deployment and the catalog entry it becomes.')
type modelDeployment = {
  @description('Deployment name; also the model id in the catalog.')
  name: string
  @description('OpenAI model name, e.g. gpt-4o.')
  model: string
  @description('Model version, e.g. 2024-11-20.')
  version: string
  @description('Deployment SKU, e.g. GlobalStandard or Standard.')
  sku: string
  @description('Capacity in thousands of tokens per minute.')
  capacity: int
  @description('USD per million input tokens, as a decimal string (Bicep has no float literals).')
  inputPricePerMillion: string
  @description('USD per million output tokens, as a decimal string.')
  outputPricePerMillion: string
}
