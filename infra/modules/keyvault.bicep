// Key Vault (RBAC authorization) holding the Zulip bot's secrets. The function app reads them through Key Vault
// references in its app settings, so the secrets never appear in the app's configuration or in deployment outputs.
param name string
param location string
param tags object

@secure()
param zulipBotApiKey string

@secure()
param zulipWebhookToken string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

resource apiKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'zulip-bot-api-key'
  properties: {
    value: zulipBotApiKey
    contentType: 'text/plain'
  }
}

resource webhookToken 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'zulip-webhook-token'
  properties: {
    value: zulipWebhookToken
    contentType: 'text/plain'
  }
}

output name string = vault.name
// Version-less URIs (not the secrets): a Key Vault reference to one follows the latest version after a rotation.
output apiKeyReferenceUri string = '${vault.properties.vaultUri}secrets/${apiKey.name}/'
output webhookTokenReferenceUri string = '${vault.properties.vaultUri}secrets/${webhookToken.name}/'
