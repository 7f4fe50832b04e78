// What an operator needs to see: every resource's platform logs and metrics in the Log Analytics workspace, and alerts
// on the outcomes that mean students are not being answered. The app's own metrics (MentorFunctions.Core/Telemetry,
// meter "MentorFunctions") reach Application Insights' customMetrics table through OpenTelemetry; the log alerts below
// query them by instrument name and attribute.
param namePrefix string
param location string
param tags object
param functionAppName string
param storageAccountName string
param openAiAccountName string
param keyVaultName string
param applicationInsightsName string
param logAnalyticsName string

@description('Where alerts are emailed; empty for alerts that only show in the portal.')
param alertEmail string = ''

resource functionApp 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' existing = {
  parent: storage
  name: 'default'
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' existing = {
  parent: storage
  name: 'default'
}

resource openAi 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = {
  name: openAiAccountName
}

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: logAnalyticsName
}

// --- Diagnostic settings: platform logs and metrics of each resource into the workspace.

resource functionAppDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: functionApp
  properties: {
    workspaceId: logAnalytics.id
    logs: [
      {
        category: 'FunctionAppLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

// Table and queue transactions (the app's tables, Durable Functions' queues): throttling and failed requests show here.
resource tableDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: tableService
  properties: {
    workspaceId: logAnalytics.id
    logs: [
      {
        category: 'StorageWrite'
        enabled: true
      }
      {
        category: 'StorageDelete'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'Transaction'
        enabled: true
      }
    ]
  }
}

resource queueDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: queueService
  properties: {
    workspaceId: logAnalytics.id
    metrics: [
      {
        category: 'Transaction'
        enabled: true
      }
    ]
  }
}

// Azure OpenAI: request and audit logs (no prompt or completion text is logged by these categories).
resource openAiDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: openAi
  properties: {
    workspaceId: logAnalytics.id
    logs: [
      {
        category: 'Audit'
        enabled: true
      }
      {
        category: 'RequestResponse'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

// Key Vault: who read the bot's secrets, and when.
resource keyVaultDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: keyVault
  properties: {
    workspaceId: logAnalytics.id
    logs: [
      {
        category: 'AuditEvent'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

// --- Alerts.

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = if (!empty(alertEmail)) {
  name: '${namePrefix}-operators'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'mentor-ops'
    enabled: true
    emailReceivers: [
      {
        name: 'operator'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

var actions = empty(alertEmail) ? [] : [
  {
    actionGroupId: actionGroup.id
  }
]

// Any 5xx from the app, the webhook's 503 (a dependency is down, Zulip shows the student a failure) included.
resource http5xxAlert 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: '${namePrefix}-http-5xx'
  location: 'global'
  tags: tags
  properties: {
    description: 'The function app answered with 5xx (the webhook answers 503 when storage or the workflow is unavailable; Zulip then shows a failure in the conversation).'
    severity: 1
    enabled: true
    scopes: [
      functionApp.id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT5M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          name: 'http5xx'
          criterionType: 'StaticThresholdCriterion'
          metricNamespace: 'Microsoft.Web/sites'
          metricName: 'Http5xx'
          operator: 'GreaterThan'
          threshold: 0
          timeAggregation: 'Total'
        }
      ]
    }
    actions: actions
  }
}

// The app's own metrics, as Application Insights stores them (customMetrics: name, valueSum, customDimensions).
var appMetricAlerts = [
  {
    name: 'reply-failed'
    description: 'An AI reply failed for good (delivery or model error after the step retries): a student was not answered.'
    severity: 1
    query: 'customMetrics | where name == "mentor.replies" and tostring(customDimensions["mentor.reply.outcome"]) == "failed" | summarize failed = sum(valueSum)'
    measure: 'failed'
  }
  {
    name: 'webhook-unavailable'
    description: 'The webhook answered 503: Zulip showed "Failure!" in a conversation and DMed the bot owner.'
    severity: 1
    query: 'customMetrics | where name == "mentor.webhook.requests" and tostring(customDimensions["http.response.status_code"]) startswith "5" | summarize unavailable = sum(valueSum)'
    measure: 'unavailable'
  }
  {
    name: 'token-budget-reached'
    description: 'The organisation-wide daily token budget is used up: AI replies are held until tomorrow (mentors still answer).'
    severity: 2
    query: 'customMetrics | where name == "mentor.replies" and tostring(customDimensions["mentor.reply.outcome"]) == "limited" and tostring(customDimensions["mentor.reply.reason"]) == "organisation-tokens" | summarize limited = sum(valueSum)'
    measure: 'limited'
  }
]

resource appAlerts 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = [for alert in appMetricAlerts: {
  name: '${namePrefix}-${alert.name}'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    description: alert.description
    displayName: '${namePrefix} ${alert.name}'
    severity: alert.severity
    enabled: true
    scopes: [
      applicationInsights.id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: alert.query
          timeAggregation: 'Total'
          metricMeasureColumn: alert.measure
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: empty(alertEmail) ? [] : [
        actionGroup.id
      ]
    }
  }
}]

output alertNames array = concat([http5xxAlert.name], map(appMetricAlerts, a => '${namePrefix}-${a.name}'))
