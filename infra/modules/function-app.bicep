// The Flex Consumption plan and function app. Every connection is identity-based through the user-assigned identity:
// storage (host, Durable Functions, the app's tables), Key Vault references, Application Insights and Azure OpenAI.
param name string
param planName string
param location string
param tags object

@description('azd service name from azure.yaml; azd finds the app to deploy to by this tag.')
param serviceName string

param identityId string
param identityClientId string
param storageAccountName string
param deploymentContainerName string
param applicationInsightsName string
param instanceMemoryMB int
param maximumInstanceCount int

param zulipSite string
param zulipBotEmail string
param zulipApiKeySecretUri string
param zulipWebhookTokenSecretUri string

param openAiEndpoint string
param openAiDeploymentName string

@description('The model behind the deployment; the app picks the request shape (chat or reasoning) and the tokenizer from it.')
param openAiModelName string = ''

@description('Dashboard staff by sign-in email, comma-separated.')
param dashboardStaffEmails string = ''

@description('Application (client) id of the dashboard\'s Entra ID app registration; empty turns the dashboard off.')
param dashboardClientId string = ''

@description('Tenant of that app registration: the app verifies sign-in tokens against its published keys.')
param dashboardTenantId string = ''

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

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

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references resolve with this identity (the default would be a system-assigned one, which the app lacks).
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
        // A conversation's timers fire in the durable group; one warm instance keeps a due reply from waiting on a cold start.
        // The http group answers Zulip, which gives up after 10 s and re-sends: a warm instance keeps a cold start out
        // of that budget.
        alwaysReady: [
          {
            name: 'durable'
            instanceCount: 1
          }
          {
            name: 'http'
            instanceCount: 1
          }
        ]
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// Flex Consumption takes the worker runtime and version from functionAppConfig; FUNCTIONS_WORKER_RUNTIME and
// FUNCTIONS_EXTENSION_VERSION must not be set here.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: {
    // The Functions host and Durable Functions: identity-based, no account key.
    AzureWebJobsStorage__accountName: storage.name
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId

    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'

    // DefaultAzureCredential in the worker picks the user-assigned identity from this.
    AZURE_CLIENT_ID: identityClientId

    // The app's own tables (MentorFunctions.Core StorageOptions), reached with the same identity.
    Storage__TableServiceUri: storage.properties.primaryEndpoints.table

    Zulip__Bots__0__Site: zulipSite
    Zulip__Bots__0__Email: zulipBotEmail
    Zulip__Bots__0__ApiKey: '@Microsoft.KeyVault(SecretUri=${zulipApiKeySecretUri})'
    Zulip__Bots__0__WebhookToken: '@Microsoft.KeyVault(SecretUri=${zulipWebhookTokenSecretUri})'

    Llm__Provider: 'AzureOpenAI'
    Llm__Endpoint: openAiEndpoint
    Llm__Deployment: openAiDeploymentName
    Llm__Model: openAiModelName
    Llm__ManagedIdentityClientId: identityClientId

    Dashboard__StaffEmails: dashboardStaffEmails
    // The app verifies every dashboard token itself against this tenant and registration (Flex Consumption does not
    // run App Service Authentication in front of it); without a registration the dashboard is closed, never open.
    Dashboard__SignIn: empty(dashboardClientId) ? 'Off' : 'AppService'
    Dashboard__TenantId: dashboardTenantId
    Dashboard__ClientId: dashboardClientId
  }
}

output name string = functionApp.name
output uri string = 'https://${functionApp.properties.defaultHostName}'
