// MentorFunctions on Azure, provisioned by `azd up`: a Flex Consumption function app that reaches storage, Azure OpenAI,
// Key Vault and Application Insights with one user-assigned identity. No shared keys, no connection strings with secrets.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; seeds the names of all resources.')
param environmentName string

@minLength(1)
@description('Region for all resources. Must offer Flex Consumption and the chosen Azure OpenAI model.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the deploying user (azd sets AZURE_PRINCIPAL_ID). When set, that user gets the same data roles as the app, for local runs against the deployed resources.')
param principalId string = ''

@description('Kind of principal behind principalId.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

@description('Name of the resource group; empty for rg-<environment>.')
param resourceGroupName string = ''

@description('The Zulip organisation the bot lives in, e.g. https://mentoring.zulipchat.com.')
param zulipSite string

@description('The outgoing-webhook bot\'s email, as Zulip sends it in bot_email.')
param zulipBotEmail string

@secure()
@minLength(1)
@description('The bot\'s API key. Stored in Key Vault only.')
param zulipBotApiKey string

@secure()
@minLength(1)
@description('The bot\'s outgoing-webhook token. Stored in Key Vault only.')
param zulipWebhookToken string

@description('Azure OpenAI chat model. The default, gpt-5.4-mini, is a reasoning model (the app sends it max_completion_tokens and no temperature); it is offered as Global Standard in every region of Azure OpenAI\'s Global Standard table, among them eastus, eastus2, swedencentral, francecentral, germanywestcentral, japaneast, australiaeast and canadaeast.')
param openAiModelName string = 'gpt-5.4-mini'

@description('Version of the Azure OpenAI chat model (gpt-5.4-mini 2026-03-17 is GA; a GA version stays deployable for at least 12 months).')
param openAiModelVersion string = '2026-03-17'

@description('Deployment type (SKU) of the model deployment.')
param openAiDeploymentSku string = 'GlobalStandard'

@minValue(1)
@description('Capacity of the model deployment, in thousands of tokens per minute.')
param openAiDeploymentCapacity int = 30

@allowed([
  512
  2048
  4096
])
@description('Memory of each Flex Consumption instance.')
param instanceMemoryMB int = 2048

@minValue(1)
@maxValue(1000)
@description('Upper bound on on-demand Flex Consumption instances, per scale group (http, durable); Flex accepts 1 to 1000 (learn.microsoft.com, Event-driven scaling: Limit scale-out, 2026-08). The always-ready instances do not count toward it.')
param maximumInstanceCount int = 40

@description('Email address that alerts go to (failed AI replies, webhook 5xx, token budget reached); empty for alerts without notification.')
param alertEmail string = ''

@description('Application (client) id of the Entra ID app registration for the dashboard\'s sign-in; empty leaves App Service Authentication off and the dashboard closed (see docs/dashboard.md).')
param dashboardClientId string = ''

@description('Programme staff who see every mentor on the dashboard, by sign-in email (comma-separated); the app role Dashboard.Staff works too.')
param dashboardStaffEmails string = ''

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var functionAppName = 'func-mentor-${resourceToken}'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-mentor-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: 'app-package-${take(functionAppName, 32)}-${take(resourceToken, 7)}'
  }
}

module openAi 'modules/openai.bicep' = {
  name: 'openai'
  scope: rg
  params: {
    name: 'oai-${resourceToken}'
    location: location
    tags: tags
    modelName: openAiModelName
    modelVersion: openAiModelVersion
    deploymentSku: openAiDeploymentSku
    deploymentCapacity: openAiDeploymentCapacity
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: 'kv-${resourceToken}'
    location: location
    tags: tags
    zulipBotApiKey: zulipBotApiKey
    zulipWebhookToken: zulipWebhookToken
  }
}

// The app's identity gets exactly the data-plane roles it needs; nothing at subscription or group level.
module appRoles 'modules/role-assignments.bicep' = {
  name: 'app-role-assignments'
  scope: rg
  params: {
    principalId: identity.outputs.principalId
    principalType: 'ServicePrincipal'
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    openAiAccountName: openAi.outputs.name
    keyVaultName: keyVault.outputs.name
  }
}

module userRoles 'modules/role-assignments.bicep' = if (!empty(principalId)) {
  name: 'user-role-assignments'
  scope: rg
  params: {
    principalId: principalId
    principalType: principalType
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    openAiAccountName: openAi.outputs.name
    keyVaultName: keyVault.outputs.name
  }
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  scope: rg
  params: {
    name: functionAppName
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    serviceName: 'api'
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerName: storage.outputs.deploymentContainerName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    zulipSite: zulipSite
    zulipBotEmail: zulipBotEmail
    zulipApiKeySecretUri: keyVault.outputs.apiKeyReferenceUri
    zulipWebhookTokenSecretUri: keyVault.outputs.webhookTokenReferenceUri
    openAiEndpoint: openAi.outputs.endpoint
    openAiDeploymentName: openAi.outputs.deploymentName
    openAiModelName: openAiModelName
    dashboardStaffEmails: dashboardStaffEmails
    dashboardClientId: dashboardClientId
    dashboardTenantId: tenant().tenantId
  }
  // The app must not start before its identity may read storage and the vault.
  dependsOn: [
    appRoles
  ]
}

// Diagnostic settings into Log Analytics and the alerts an operator needs (see modules/alerts.bicep).
module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  scope: rg
  params: {
    namePrefix: 'mentor-${resourceToken}'
    location: location
    tags: tags
    functionAppName: functionApp.outputs.name
    storageAccountName: storage.outputs.name
    openAiAccountName: openAi.outputs.name
    keyVaultName: keyVault.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    logAnalyticsName: monitoring.outputs.logAnalyticsName
    alertEmail: alertEmail
  }
}

// The dashboard's sign-in (Easy Auth with Entra ID), once an app registration exists.
module dashboardAuth 'modules/dashboard-auth.bicep' = if (!empty(dashboardClientId)) {
  name: 'dashboard-auth'
  scope: rg
  params: {
    functionAppName: functionApp.outputs.name
    clientId: dashboardClientId
    tenantId: tenant().tenantId
  }
}

// Names and endpoints only: azd reads these into the environment. No keys, no secrets, no connection strings.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output SERVICE_API_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_NAME string = functionApp.outputs.name
output SERVICE_API_URI string = functionApp.outputs.uri
output ZULIP_WEBHOOK_URL string = '${functionApp.outputs.uri}/api/zulip/webhook'
output DASHBOARD_URL string = '${functionApp.outputs.uri}/api/dashboard/'
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_TABLE_ENDPOINT string = storage.outputs.tableEndpoint
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_OPENAI_ENDPOINT string = openAi.outputs.endpoint
output AZURE_OPENAI_DEPLOYMENT string = openAi.outputs.deploymentName
output AZURE_USER_ASSIGNED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
