// App Service Authentication (Easy Auth) with Microsoft Entra ID for the dashboard at /api/dashboard/.
// Anonymous requests are let through to the app on purpose: Zulip's webhook and the admin API authenticate with
// function keys, and the dashboard itself refuses every request that arrives without the signed-in principal
// (X-MS-CLIENT-PRINCIPAL), sending the browser to /.auth/login/aad. Microsoft's Flex Consumption notes (preview) say
// unauthenticated callers are not blocked there even with Easy Auth on, so the app never relies on the platform to
// block them. No client secret: the sign-in uses the ID token (enable "ID tokens" on the app registration).
param functionAppName string

@description('Application (client) id of the Entra ID app registration users sign in to.')
param clientId string

@description('Tenant of that app registration.')
param tenantId string

resource functionApp 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

resource auth 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    httpSettings: {
      requireHttps: true
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: clientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: [
            clientId
            'api://${clientId}'
          ]
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
    }
  }
}
