// App Service Authentication (Easy Auth) with Microsoft Entra ID for the dashboard at /api/dashboard/: a sign-in page
// for browsers. Anonymous requests are let through to the app on purpose: Zulip's webhook and the admin API
// authenticate with function keys, and the dashboard verifies an Entra ID token on every request itself
// (MentorFunctions.Core/Admin/Dashboard/DashboardTokenVerifier.cs). Microsoft's Flex Consumption notes say Easy Auth
// is not supported there and does not block unauthenticated callers, so the app trusts no header Easy Auth would set
// (X-MS-CLIENT-PRINCIPAL) and accepts only a token it verifies: the token store is on so that, where Easy Auth does
// run, it forwards the signed-in user's ID token (X-MS-TOKEN-AAD-ID-TOKEN). No client secret: the sign-in uses the
// ID token (enable "ID tokens" on the app registration).
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
        enabled: true
      }
    }
  }
}
