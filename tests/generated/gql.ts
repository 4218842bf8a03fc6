/* eslint-disable */
import * as types from './graphql.ts';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation AdminRotateCreateEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        id\n      }\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.AdminRotateCreateEndpointDocument,
    "\n  query AdminRotateViewer {\n    viewer {\n      organization {\n        id\n      }\n    }\n  }\n": typeof types.AdminRotateViewerDocument,
    "\n  query AdminSyncAuditLog {\n    auditLog(first: 20) {\n      edges {\n        node {\n          action\n          targetId\n          actor {\n            type\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.AdminSyncAuditLogDocument,
    "\n  query AdminViewer {\n    viewer {\n      organization {\n        id\n        name\n        features\n      }\n      apiKey {\n        id\n      }\n    }\n  }\n": typeof types.AdminViewerDocument,
    "\n  mutation AdminCreateWorkflow($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) {\n      workflow {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.AdminCreateWorkflowDocument,
    "\n  mutation AdminUpdateWorkflow($input: UpdateWorkflowInput!) {\n    updateWorkflow(input: $input) {\n      workflow {\n        version\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.AdminUpdateWorkflowDocument,
    "\n  query AdminWorkflowVersion($id: ID!) {\n    workflow(id: $id) {\n      version\n    }\n  }\n": typeof types.AdminWorkflowVersionDocument,
    "\n  query AdminAuditLog {\n    auditLog(first: 10) {\n      edges {\n        node {\n          action\n          targetId\n          actor {\n            type\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.AdminAuditLogDocument,
    "\n  mutation ApiKeysGenerate($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) {\n      apiKey {\n        id\n        name\n        prefix\n        lastFour\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.ApiKeysGenerateDocument,
    "\n  mutation ApiKeysRevoke($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      apiKey {\n        id\n        name\n        revokedAt\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.ApiKeysRevokeDocument,
    "\n  query ApiKeysViewer {\n    viewer {\n      organization {\n        id\n      }\n      apiKey {\n        id\n        name\n      }\n    }\n  }\n": typeof types.ApiKeysViewerDocument,
    "\n  query ApiKeysCount {\n    apiKeys {\n      totalCount\n    }\n  }\n": typeof types.ApiKeysCountDocument,
    "\n  query ApiKeysFields {\n    __type(name: \"ApiKey\") {\n      fields {\n        name\n        args {\n          name\n        }\n        type {\n          kind\n          ofType {\n            kind\n            ofType {\n              kind\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ApiKeysFieldsDocument,
    "\n  query ApiKeysRevokedNode($id: ID!) {\n    node(id: $id) {\n      ... on ApiKey {\n        id\n        revokedAt\n      }\n    }\n  }\n": typeof types.ApiKeysRevokedNodeDocument,
    "\n  query ApiKeysPage($first: Int, $after: String, $last: Int, $before: String) {\n    apiKeys(first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n": typeof types.ApiKeysPageDocument,
    "\n  query ApiKeysFirst101 {\n    apiKeys(first: 101) {\n      totalCount\n    }\n  }\n": typeof types.ApiKeysFirst101Document,
    "\n  query ApiKeysNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on ApiKey {\n        name\n        lastFour\n      }\n    }\n  }\n": typeof types.ApiKeysNodeDocument,
    "\n  query AuditLogEntries($first: Int, $after: String, $filter: AuditLogFilter) {\n    auditLog(first: $first, after: $after, filter: $filter) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          action\n          occurredAt\n          actor {\n            type\n            id\n            name\n          }\n          targetId\n          requestId\n          ipAddress\n          changes\n        }\n      }\n    }\n  }\n": typeof types.AuditLogEntriesDocument,
    "\n  query AuditLogKeys {\n    apiKeys(first: 10) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.AuditLogKeysDocument,
    "\n  mutation AuditLogUpdateIntegration($input: UpdateIntegrationInput!) {\n    updateIntegration(input: $input) {\n      integration {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.AuditLogUpdateIntegrationDocument,
    "\n  mutation AuditLogUpdateWorkflow($input: UpdateWorkflowInput!) {\n    updateWorkflow(input: $input) {\n      workflow {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.AuditLogUpdateWorkflowDocument,
    "\n  mutation AuditLogRequest($input: RequestNewOnboardingInput!) {\n    requestNewOnboarding(input: $input) {\n      session {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.AuditLogRequestDocument,
    "\n  query AuthViewer {\n    viewer {\n      organization {\n        id\n        name\n        features\n      }\n      apiKey {\n        id\n        name\n      }\n    }\n  }\n": typeof types.AuthViewerDocument,
    "\n  mutation AuthGenerateKey($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) {\n      apiKey {\n        id\n        name\n      }\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.AuthGenerateKeyDocument,
    "\n  mutation AuthRevokeKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      apiKey {\n        id\n        revokedAt\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.AuthRevokeKeyDocument,
    "\n  mutation AuthSneakyKey {\n    generateApiKey(input: { name: \"sneaky\" }) {\n      secret\n    }\n  }\n": typeof types.AuthSneakyKeyDocument,
    "\n  query AuthKeyNames {\n    apiKeys(first: 100) {\n      edges {\n        node {\n          name\n        }\n      }\n    }\n  }\n": typeof types.AuthKeyNamesDocument,
    "\n  query AuthKeys {\n    apiKeys {\n      edges {\n        node {\n          id\n          name\n          prefix\n          lastFour\n        }\n      }\n    }\n  }\n": typeof types.AuthKeysDocument,
    "\n  query AuthNode($id: ID!) {\n    node(id: $id) {\n      id\n      ... on Organization {\n        name\n      }\n    }\n  }\n": typeof types.AuthNodeDocument,
    "\n  query AuthKeyUsage($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on ApiKey {\n        createdAt\n        lastUsedAt\n      }\n    }\n  }\n": typeof types.AuthKeyUsageDocument,
    "\n  query BadInputViewer {\n    viewer {\n      organization {\n        id\n      }\n    }\n  }\n": typeof types.BadInputViewerDocument,
    "\n  query BadInputCounts {\n    apiKeys {\n      totalCount\n    }\n    workflows {\n      totalCount\n    }\n  }\n": typeof types.BadInputCountsDocument,
    "\n  mutation ClientSecretsCreate($input: CreateIntegrationInput!) {\n    createIntegration(input: $input) {\n      integration {\n        id\n        clientId\n        clientSecret {\n          lastFour\n          createdAt\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.ClientSecretsCreateDocument,
    "\n  mutation ClientSecretsGenerate($input: GenerateClientSecretInput!) {\n    generateClientSecret(input: $input) {\n      clientSecret\n      integration {\n        id\n        clientId\n        clientSecret {\n          lastFour\n          createdAt\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.ClientSecretsGenerateDocument,
    "\n  query ClientSecretsRead($id: ID!) {\n    integration(id: $id) {\n      id\n      name\n      clientId\n      config\n      clientSecret {\n        lastFour\n        createdAt\n      }\n    }\n    node(id: $id) {\n      __typename\n      id\n      ... on Integration {\n        clientSecret {\n          lastFour\n        }\n      }\n    }\n    integrations(first: 100) {\n      edges {\n        node {\n          id\n          clientId\n          config\n          clientSecret {\n            lastFour\n            createdAt\n          }\n        }\n      }\n    }\n  }\n": typeof types.ClientSecretsReadDocument,
    "\n  query CredentialCacheViewer {\n    viewer {\n      organization {\n        id\n      }\n    }\n  }\n": typeof types.CredentialCacheViewerDocument,
    "\n  mutation CredentialCacheGenerate($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) {\n      apiKey {\n        id\n      }\n      secret\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.CredentialCacheGenerateDocument,
    "\n  mutation CredentialCacheRevoke($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      apiKey {\n        id\n        revokedAt\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.CredentialCacheRevokeDocument,
    "\n  mutation CredentialsRotate($input: GenerateClientSecretInput!) {\n    generateClientSecret(input: $input) {\n      clientSecret\n      integration {\n        id\n        clientSecret {\n          id\n          lastFour\n        }\n        clientSecrets {\n          id\n          lastFour\n          createdAt\n          expiresAt\n          lastUsedAt\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.CredentialsRotateDocument,
    "\n  query CredentialsSecrets($id: ID!) {\n    integration(id: $id) {\n      clientSecret {\n        id\n        lastFour\n      }\n      clientSecrets {\n        id\n        lastFour\n        expiresAt\n        lastUsedAt\n      }\n    }\n  }\n": typeof types.CredentialsSecretsDocument,
    "\n  mutation CredentialsGenerateKey($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) {\n      apiKey {\n        id\n        name\n        expiresAt\n        revokedAt\n      }\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.CredentialsGenerateKeyDocument,
    "\n  mutation CredentialsRollKey($input: RollApiKeyInput!) {\n    rollApiKey(input: $input) {\n      apiKey {\n        id\n        name\n        expiresAt\n        revokedAt\n      }\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.CredentialsRollKeyDocument,
    "\n  query CredentialsKeys {\n    apiKeys(first: 100) {\n      edges {\n        node {\n          id\n          name\n          expiresAt\n          revokedAt\n        }\n      }\n    }\n  }\n": typeof types.CredentialsKeysDocument,
    "\n  query CredentialsViewer {\n    viewer {\n      apiKey {\n        id\n      }\n    }\n  }\n": typeof types.CredentialsViewerDocument,
    "\n  query CredentialsEvents($types: [String!]) {\n    events(first: 50, filter: { types: $types }) {\n      edges {\n        node {\n          type\n          data\n        }\n      }\n    }\n  }\n": typeof types.CredentialsEventsDocument,
    "\n  fragment CursorsPageInfo on PageInfo {\n    hasNextPage\n    hasPreviousPage\n    startCursor\n    endCursor\n  }\n": typeof types.CursorsPageInfoFragmentDoc,
    "\n  fragment CursorsWorkflowPage on WorkflowConnection {\n    totalCount\n    pageInfo {\n      ...CursorsPageInfo\n    }\n    edges {\n      cursor\n      node {\n        id\n      }\n    }\n  }\n": typeof types.CursorsWorkflowPageFragmentDoc,
    "\n  fragment CursorsIntegrationPage on IntegrationConnection {\n    totalCount\n    pageInfo {\n      ...CursorsPageInfo\n    }\n    edges {\n      cursor\n      node {\n        id\n      }\n    }\n  }\n": typeof types.CursorsIntegrationPageFragmentDoc,
    "\n  fragment CursorsApiKeyPage on ApiKeyConnection {\n    totalCount\n    pageInfo {\n      ...CursorsPageInfo\n    }\n    edges {\n      cursor\n      node {\n        id\n      }\n    }\n  }\n": typeof types.CursorsApiKeyPageFragmentDoc,
    "\n  fragment CursorsDirectoryUserPage on DirectoryUserConnection {\n    totalCount\n    pageInfo {\n      ...CursorsPageInfo\n    }\n    edges {\n      cursor\n      node {\n        id\n      }\n    }\n  }\n": typeof types.CursorsDirectoryUserPageFragmentDoc,
    "\n  fragment CursorsSessionPage on OnboardingSessionConnection {\n    totalCount\n    pageInfo {\n      ...CursorsPageInfo\n    }\n    edges {\n      cursor\n      node {\n        id\n      }\n    }\n  }\n": typeof types.CursorsSessionPageFragmentDoc,
    "\n  query CursorsWorkflows($after: String, $before: String, $first: Int, $last: Int) {\n    c: workflows(after: $after, before: $before, first: $first, last: $last) {\n      ...CursorsWorkflowPage\n    }\n  }\n": typeof types.CursorsWorkflowsDocument,
    "\n  query CursorsIntegrations($after: String, $before: String, $first: Int, $last: Int) {\n    c: integrations(after: $after, before: $before, first: $first, last: $last) {\n      ...CursorsIntegrationPage\n    }\n  }\n": typeof types.CursorsIntegrationsDocument,
    "\n  query CursorsApiKeys($after: String, $before: String, $first: Int, $last: Int) {\n    c: apiKeys(after: $after, before: $before, first: $first, last: $last) {\n      ...CursorsApiKeyPage\n    }\n  }\n": typeof types.CursorsApiKeysDocument,
    "\n  query CursorsDirectoryUsers($parent: ID!, $after: String, $before: String, $first: Int, $last: Int) {\n    c: directoryUsers(integrationId: $parent, after: $after, before: $before, first: $first, last: $last) {\n      ...CursorsDirectoryUserPage\n    }\n  }\n": typeof types.CursorsDirectoryUsersDocument,
    "\n  query CursorsIntegrationSessions($parent: ID!, $after: String, $before: String, $first: Int, $last: Int) {\n    integration(id: $parent) {\n      c: onboardingSessions(after: $after, before: $before, first: $first, last: $last) {\n        ...CursorsSessionPage\n      }\n    }\n  }\n": typeof types.CursorsIntegrationSessionsDocument,
    "\n  query CursorsNodeSessions($parent: ID!, $after: String, $before: String, $first: Int, $last: Int) {\n    node(id: $parent) {\n      ... on Integration {\n        c: onboardingSessions(after: $after, before: $before, first: $first, last: $last) {\n          ...CursorsSessionPage\n        }\n      }\n    }\n  }\n": typeof types.CursorsNodeSessionsDocument,
    "\n  query CursorsConnectionSessions($after: String, $before: String, $first: Int, $last: Int) {\n    integrations(first: 100, filter: { templateKey: \"API\" }) {\n      edges {\n        node {\n          id\n          c: onboardingSessions(after: $after, before: $before, first: $first, last: $last) {\n            ...CursorsSessionPage\n          }\n        }\n      }\n    }\n  }\n": typeof types.CursorsConnectionSessionsDocument,
    "\n  query CursorsUserSessions($parent: ID!, $after: String, $before: String, $first: Int, $last: Int) {\n    directoryUser(id: $parent) {\n      c: completedSessions(after: $after, before: $before, first: $first, last: $last) {\n        ...CursorsSessionPage\n      }\n    }\n  }\n": typeof types.CursorsUserSessionsDocument,
    "\n  query CursorsUsersSessions($parent: ID!, $after: String, $before: String, $first: Int, $last: Int) {\n    directoryUsers(integrationId: $parent, filter: { enrollmentStatus: ENROLLED }) {\n      edges {\n        node {\n          c: completedSessions(after: $after, before: $before, first: $first, last: $last) {\n            ...CursorsSessionPage\n          }\n        }\n      }\n    }\n  }\n": typeof types.CursorsUsersSessionsDocument,
    "\n  mutation CursorsGenerateKey($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) {\n      apiKey {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.CursorsGenerateKeyDocument,
    "\n  mutation CursorsComplete($input: CompleteOnboardingSessionInput!) {\n    completeOnboardingSession(input: $input) {\n      session {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.CursorsCompleteDocument,
    "\n  query GroupsList($integrationId: ID!, $first: Int, $after: String, $search: String, $members: Int = 5) {\n    directoryGroups(integrationId: $integrationId, first: $first, after: $after, filter: { search: $search }) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          externalId\n          name\n          description\n          memberCount\n          members(first: $members) {\n            totalCount\n            edges {\n              node {\n                id\n                externalId\n                active\n              }\n            }\n          }\n          integration {\n            id\n          }\n        }\n      }\n    }\n  }\n": typeof types.GroupsListDocument,
    "\n  query GroupsOne($id: ID!) {\n    directoryGroup(id: $id) {\n      id\n      name\n      memberCount\n    }\n    node(id: $id) {\n      __typename\n      id\n    }\n  }\n": typeof types.GroupsOneDocument,
    "\n  query GroupsOfUsers($integrationId: ID!, $groupId: ID, $first: Int = 50) {\n    directoryUsers(integrationId: $integrationId, first: $first, filter: { groupId: $groupId }) {\n      totalCount\n      edges {\n        node {\n          externalId\n          groups(first: 10) {\n            totalCount\n            edges {\n              node {\n                externalId\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.GroupsOfUsersDocument,
    "\n  query GroupsCountsOnly($integrationId: ID!) {\n    directoryGroups(integrationId: $integrationId, first: 10) {\n      edges {\n        node {\n          members {\n            totalCount\n            pageInfo {\n              hasNextPage\n            }\n          }\n        }\n      }\n    }\n    directoryUsers(integrationId: $integrationId, first: 10) {\n      edges {\n        node {\n          groups {\n            totalCount\n          }\n        }\n      }\n    }\n  }\n": typeof types.GroupsCountsOnlyDocument,
    "\n  query GroupsDirectory($id: ID!) {\n    integration(id: $id) {\n      directory {\n        groupCount\n        lastSync {\n          groups\n        }\n      }\n    }\n  }\n": typeof types.GroupsDirectoryDocument,
    "\n  mutation GroupsUpdateConfig($input: UpdateIntegrationInput!) {\n    updateIntegration(input: $input) {\n      integration {\n        id\n        config\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.GroupsUpdateConfigDocument,
    "\n  mutation SchedulesUpdateIntegration($input: UpdateIntegrationInput!) {\n    updateIntegration(input: $input) {\n      integration {\n        id\n        status\n        config\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.SchedulesUpdateIntegrationDocument,
    "\n  mutation SchedulesCreateIntegration($input: CreateIntegrationInput!) {\n    createIntegration(input: $input) {\n      integration {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.SchedulesCreateIntegrationDocument,
    "\n  query SchedulesTemplateFields {\n    integrationTemplates {\n      key\n      fields {\n        key\n        type\n        required\n        defaultValue\n      }\n    }\n  }\n": typeof types.SchedulesTemplateFieldsDocument,
    "\n  mutation DirectorySyncUpdateIntegration($input: UpdateIntegrationInput!) {\n    updateIntegration(input: $input) {\n      integration {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.DirectorySyncUpdateIntegrationDocument,
    "\n  mutation DirectorySyncRequestOnboarding($input: RequestNewOnboardingInput!) {\n    requestNewOnboarding(input: $input) {\n      session {\n        id\n        status\n        directoryUser {\n          ...DirectoryUserFields\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.DirectorySyncRequestOnboardingDocument,
    "\n  mutation DirectorySyncCompleteOnboarding($input: CompleteOnboardingSessionInput!) {\n    completeOnboardingSession(input: $input) {\n      session {\n        id\n        status\n        completedAt\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.DirectorySyncCompleteOnboardingDocument,
    "\n  query DirectorySyncUser($id: ID!) {\n    directoryUser(id: $id) {\n      ...DirectoryUserFields\n      identity {\n        id\n        fullName\n        verifiedAt\n      }\n      completedSessions {\n        totalCount\n        edges {\n          node {\n            id\n            status\n          }\n        }\n      }\n      integration {\n        id\n      }\n    }\n    node(id: $id) {\n      id\n    }\n  }\n": typeof types.DirectorySyncUserDocument,
    "\n  query DirectorySyncNodeId($id: ID!) {\n    node(id: $id) {\n      id\n    }\n  }\n": typeof types.DirectorySyncNodeIdDocument,
    "\n  query DirectorySyncIntegrationId($id: ID!) {\n    integration(id: $id) {\n      id\n    }\n  }\n": typeof types.DirectorySyncIntegrationIdDocument,
    "\n  query EdgeViewer {\n    viewer {\n      organization {\n        id\n      }\n    }\n  }\n": typeof types.EdgeViewerDocument,
    "\n  query EdgeMetricsViewer {\n    viewer {\n      organization {\n        id\n      }\n    }\n  }\n": typeof types.EdgeMetricsViewerDocument,
    "\n  query EdgeRefusedViewer {\n    viewer {\n      apiKey {\n        id\n      }\n    }\n  }\n": typeof types.EdgeRefusedViewerDocument,
    "\n  query EventsList($first: Int, $after: String, $filter: EventFilter) {\n    events(first: $first, after: $after, filter: $filter) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          type\n          occurredAt\n          data\n        }\n      }\n    }\n  }\n": typeof types.EventsListDocument,
    "\n  query EventsNode($id: ID!) {\n    node(id: $id) {\n      id\n      ... on Event {\n        type\n      }\n    }\n  }\n": typeof types.EventsNodeDocument,
    "\n  mutation EventsUpdateIntegration($input: UpdateIntegrationInput!) {\n    updateIntegration(input: $input) {\n      integration {\n        id\n        name\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.EventsUpdateIntegrationDocument,
    "\n  mutation EventsDeleteIntegration($input: DeleteIntegrationInput!) {\n    deleteIntegration(input: $input) {\n      deletedIntegrationId\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.EventsDeleteIntegrationDocument,
    "\n  mutation EventsGenerateKey($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) {\n      apiKey {\n        id\n      }\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.EventsGenerateKeyDocument,
    "\n  mutation EventsRevokeKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      apiKey {\n        id\n        revokedAt\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.EventsRevokeKeyDocument,
    "\n  mutation EventsComplete($input: CompleteOnboardingSessionInput!) {\n    completeOnboardingSession(input: $input) {\n      session {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.EventsCompleteDocument,
    "\n  mutation EventsRequest($input: RequestNewOnboardingInput!) {\n    requestNewOnboarding(input: $input) {\n      session {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.EventsRequestDocument,
    "\n  mutation FaultsRequestOnboarding($input: RequestNewOnboardingInput!) {\n    requestNewOnboarding(input: $input) {\n      session {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.FaultsRequestOnboardingDocument,
    "\n  query FaultsViewer {\n    viewer {\n      organization {\n        id\n        name\n      }\n    }\n  }\n": typeof types.FaultsViewerDocument,
    "\n  query FaultsIntegrations {\n    integrations(first: 20) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.FaultsIntegrationsDocument,
    "\n  fragment FeatureGateTemplate on IntegrationTemplate {\n    key\n    name\n    category\n    description\n    fields {\n      key\n      label\n      type\n      required\n      secret\n      description\n    }\n  }\n": typeof types.FeatureGateTemplateFragmentDoc,
    "\n  query FeatureGateTemplates {\n    integrationTemplates {\n      ...FeatureGateTemplate\n    }\n  }\n": typeof types.FeatureGateTemplatesDocument,
    "\n  query FeatureGateMixed {\n    viewer {\n      organization {\n        id\n      }\n    }\n    integrationTemplates {\n      ...FeatureGateTemplate\n    }\n  }\n": typeof types.FeatureGateMixedDocument,
    "\n  query FeatureGateFeatures {\n    viewer {\n      organization {\n        features\n      }\n    }\n  }\n": typeof types.FeatureGateFeaturesDocument,
    "\n  query FeatureGateViewer {\n    viewer {\n      organization {\n        id\n        name\n        features\n      }\n      apiKey {\n        id\n      }\n    }\n  }\n": typeof types.FeatureGateViewerDocument,
    "\n  mutation FeatureGateCreateAllowed {\n    createWorkflow(input: { name: \"Allowed\", steps: [\"DOCUMENT\"] }) {\n      workflow {\n        id\n      }\n      userErrors {\n        code\n      }\n    }\n  }\n": typeof types.FeatureGateCreateAllowedDocument,
    "\n  query FeatureGateWorkflows($id: ID!) {\n    workflows {\n      totalCount\n    }\n    workflow(id: $id) {\n      name\n    }\n  }\n": typeof types.FeatureGateWorkflowsDocument,
    "\n  mutation FeatureGateGenerateAllowed {\n    generateApiKey(input: { name: \"Allowed\" }) {\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.FeatureGateGenerateAllowedDocument,
    "\n  query FeatureGateApiKeys {\n    apiKeys {\n      totalCount\n    }\n  }\n": typeof types.FeatureGateApiKeysDocument,
    "\n  query FeatureGateDefaults {\n    integrationTemplates {\n      key\n      fields {\n        key\n        defaultValue\n      }\n    }\n  }\n": typeof types.FeatureGateDefaultsDocument,
    "\n  query FuzzSnapshot {\n    viewer {\n      organization {\n        id\n        name\n        features\n      }\n    }\n    apiKeys(first: 20) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          prefix\n          lastFour\n          revokedAt\n        }\n      }\n    }\n    workflows(first: 10) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          version\n          steps\n          status\n          configurationId\n        }\n      }\n    }\n    integrations(first: 10) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          status\n          config\n          clientId\n          clientSecret {\n            lastFour\n            createdAt\n          }\n          workflow {\n            id\n          }\n          directory {\n            userCount\n            lastSync {\n              id\n              status\n            }\n          }\n          onboardingSessions(first: 10) {\n            totalCount\n            edges {\n              node {\n                id\n                status\n                workflowVersion\n                externalUserId\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.FuzzSnapshotDocument,
    "\n  query FuzzViewer {\n    viewer {\n      organization {\n        id\n      }\n    }\n  }\n": typeof types.FuzzViewerDocument,
    "\n  mutation FuzzGenerateKey($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) {\n      apiKey {\n        id\n      }\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.FuzzGenerateKeyDocument,
    "\n  mutation FuzzRevokeKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      apiKey {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.FuzzRevokeKeyDocument,
    "\n  query FuzzLastSync($id: ID!) {\n    integration(id: $id) {\n      directory {\n        lastSync {\n          id\n          status\n        }\n      }\n    }\n  }\n": typeof types.FuzzLastSyncDocument,
    "\n  query FuzzCursors {\n    integrations(first: 2) {\n      edges {\n        cursor\n      }\n    }\n    workflows(first: 1) {\n      edges {\n        cursor\n      }\n    }\n    apiKeys(first: 2) {\n      edges {\n        cursor\n      }\n    }\n  }\n": typeof types.FuzzCursorsDocument,
    "\n  query FuzzOddStringsCounts {\n    workflows {\n      totalCount\n    }\n    integrations {\n      totalCount\n    }\n  }\n": typeof types.FuzzOddStringsCountsDocument,
    "\n  mutation FuzzOddStringsCreate($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) {\n      workflow {\n        name\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.FuzzOddStringsCreateDocument,
    "\n  query GraphiqlWorkflow($id: ID!) {\n    workflow(id: $id) {\n      name\n      steps\n    }\n  }\n": typeof types.GraphiqlWorkflowDocument,
    "\n  fragment CredentialsIntegrationFields on Integration {\n    id\n    name\n    status\n    config\n    updatedAt\n    directory {\n      lastSync {\n        id\n        status\n        error\n      }\n    }\n  }\n": typeof types.CredentialsIntegrationFieldsFragmentDoc,
    "\n  mutation CredentialsCreate($input: CreateIntegrationInput!) {\n    createIntegration(input: $input) {\n      integration {\n        ...CredentialsIntegrationFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.CredentialsCreateDocument,
    "\n  mutation CredentialsUpdate($input: UpdateIntegrationInput!) {\n    updateIntegration(input: $input) {\n      integration {\n        ...CredentialsIntegrationFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.CredentialsUpdateDocument,
    "\n  mutation CredentialsDelete($input: DeleteIntegrationInput!) {\n    deleteIntegration(input: $input) {\n      deletedIntegrationId\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.CredentialsDeleteDocument,
    "\n  query CredentialsGet($id: ID!) {\n    integration(id: $id) {\n      ...CredentialsIntegrationFields\n    }\n  }\n": typeof types.CredentialsGetDocument,
    "\n  query CredentialsCount {\n    integrations {\n      totalCount\n    }\n  }\n": typeof types.CredentialsCountDocument,
    "\n  query CredentialsTemplates {\n    integrationTemplates {\n      key\n      fields {\n        key\n        secret\n        secretDestination\n      }\n    }\n  }\n": typeof types.CredentialsTemplatesDocument,
    "\n    query CredentialsTokenRead($id: ID!) {\n      integration(id: $id) {\n        id\n        name\n        status\n        config\n      }\n      integrations {\n        totalCount\n      }\n    }\n  ": typeof types.CredentialsTokenReadDocument,
    "\n    query CredentialsTokenOwn($id: ID!) {\n      integration(id: $id) {\n        id\n        status\n      }\n    }\n  ": typeof types.CredentialsTokenOwnDocument,
    "\n    mutation CredentialsTokenOnboarding($input: RequestNewOnboardingInput!) {\n      requestNewOnboarding(input: $input) {\n        session {\n          id\n          status\n        }\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  ": typeof types.CredentialsTokenOnboardingDocument,
    "\n    mutation CredentialsTokenStartSync($input: StartDirectorySyncInput!) {\n      startDirectorySync(input: $input) {\n        sync {\n          id\n        }\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  ": typeof types.CredentialsTokenStartSyncDocument,
    "\n  fragment IntegrationsFields on Integration {\n    id\n    name\n    status\n    config\n    clientId\n    createdAt\n    updatedAt\n    template {\n      key\n      name\n      category\n      fields {\n        key\n        type\n        required\n        secret\n      }\n    }\n    workflow {\n      id\n      name\n      version\n    }\n    clientSecret {\n      lastFour\n      createdAt\n    }\n    directory {\n      userCount\n    }\n  }\n": typeof types.IntegrationsFieldsFragmentDoc,
    "\n  mutation IntegrationsCreate($input: CreateIntegrationInput!) {\n    createIntegration(input: $input) {\n      integration {\n        ...IntegrationsFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.IntegrationsCreateDocument,
    "\n  mutation IntegrationsUpdate($input: UpdateIntegrationInput!) {\n    updateIntegration(input: $input) {\n      integration {\n        ...IntegrationsFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.IntegrationsUpdateDocument,
    "\n  mutation IntegrationsDelete($input: DeleteIntegrationInput!) {\n    deleteIntegration(input: $input) {\n      deletedIntegrationId\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.IntegrationsDeleteDocument,
    "\n  mutation IntegrationsGenerateSecret($input: GenerateClientSecretInput!) {\n    generateClientSecret(input: $input) {\n      clientSecret\n      integration {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.IntegrationsGenerateSecretDocument,
    "\n  mutation IntegrationsRequestOnboarding($input: RequestNewOnboardingInput!) {\n    requestNewOnboarding(input: $input) {\n      session {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.IntegrationsRequestOnboardingDocument,
    "\n  mutation IntegrationsCompleteOnboarding($input: CompleteOnboardingSessionInput!) {\n    completeOnboardingSession(input: $input) {\n      session {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.IntegrationsCompleteOnboardingDocument,
    "\n  query IntegrationsGet($id: ID!) {\n    integration(id: $id) {\n      ...IntegrationsFields\n    }\n    node(id: $id) {\n      id\n      ... on Integration {\n        name\n      }\n    }\n  }\n": typeof types.IntegrationsGetDocument,
    "\n  query IntegrationsCount {\n    integrations {\n      totalCount\n    }\n  }\n": typeof types.IntegrationsCountDocument,
    "\n  query IntegrationsConfigs {\n    integrations(first: 100) {\n      edges {\n        node {\n          config\n        }\n      }\n    }\n  }\n": typeof types.IntegrationsConfigsDocument,
    "\n  query IntegrationsTemplates {\n    integrationTemplates {\n      key\n      category\n      fields {\n        key\n        type\n        required\n        secret\n      }\n    }\n  }\n": typeof types.IntegrationsTemplatesDocument,
    "\n  query IntegrationsLastSync($id: ID!) {\n    integration(id: $id) {\n      directory {\n        lastSync {\n          id\n          status\n          error\n        }\n      }\n    }\n  }\n": typeof types.IntegrationsLastSyncDocument,
    "\n  mutation IntegrationsStartSync($id: ID!) {\n    startDirectorySync(input: { integrationId: $id }) {\n      sync {\n        id\n      }\n      userErrors {\n        code\n      }\n    }\n  }\n": typeof types.IntegrationsStartSyncDocument,
    "\n  query IntegrationsList($filter: IntegrationFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    integrations(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n": typeof types.IntegrationsListDocument,
    "\n  query IntegrationsFullPage {\n    integrations(first: 100) {\n      totalCount\n      edges {\n        node {\n          ...IntegrationsFields\n          onboardingSessions(first: 5) {\n            totalCount\n          }\n        }\n      }\n    }\n  }\n": typeof types.IntegrationsFullPageDocument,
    "\n  query IntegrationsDirectoryUsers($id: ID!) {\n    directoryUsers(integrationId: $id) {\n      totalCount\n    }\n  }\n": typeof types.IntegrationsDirectoryUsersDocument,
    "\n  query IntegrationsSessionsOf($id: ID!) {\n    integration(id: $id) {\n      onboardingSessions {\n        totalCount\n        edges {\n          node {\n            id\n          }\n        }\n      }\n    }\n  }\n": typeof types.IntegrationsSessionsOfDocument,
    "\n  query IntegrationsSession($id: ID!) {\n    onboardingSession(id: $id) {\n      id\n      status\n    }\n    node(id: $id) {\n      id\n    }\n  }\n": typeof types.IntegrationsSessionDocument,
    "\n  query IntegrationsUsersOf($id: ID!) {\n    directoryUsers(integrationId: $id) {\n      totalCount\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n": typeof types.IntegrationsUsersOfDocument,
    "\n  query IntegrationsIds {\n    integrations(first: 100) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n": typeof types.IntegrationsIdsDocument,
    "\n  query IntegrationsTheirs($oidc: ID!, $okta: ID!, $session: ID!) {\n    oidc: integration(id: $oidc) {\n      name\n      status\n      clientSecret {\n        lastFour\n      }\n      onboardingSessions {\n        totalCount\n      }\n    }\n    okta: integration(id: $okta) {\n      name\n      status\n    }\n    onboardingSession(id: $session) {\n      status\n      completedAt\n    }\n  }\n": typeof types.IntegrationsTheirsDocument,
    "\n  query IntegrationsGatedTemplates {\n    integrationTemplates {\n      key\n    }\n  }\n": typeof types.IntegrationsGatedTemplatesDocument,
    "\n  query IntegrationsGatedIntegration($id: ID!) {\n    integration(id: $id) {\n      id\n    }\n  }\n": typeof types.IntegrationsGatedIntegrationDocument,
    "\n  query IntegrationsGatedSession($id: ID!) {\n    onboardingSession(id: $id) {\n      id\n    }\n  }\n": typeof types.IntegrationsGatedSessionDocument,
    "\n  query IntegrationsGatedViewer {\n    viewer {\n      organization {\n        id\n        features\n      }\n    }\n  }\n": typeof types.IntegrationsGatedViewerDocument,
    "\n  query IntegrationsGatedWorkflows {\n    workflows {\n      totalCount\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n": typeof types.IntegrationsGatedWorkflowsDocument,
    "\n  query LifecycleViewer {\n    viewer {\n      organization {\n        id\n        name\n      }\n    }\n  }\n": typeof types.LifecycleViewerDocument,
    "\n  query OAuthViewer {\n    viewer {\n      organization {\n        id\n        name\n        features\n      }\n      apiKey {\n        id\n      }\n    }\n  }\n": typeof types.OAuthViewerDocument,
    "\n  mutation OAuthRequestOnboarding($input: RequestNewOnboardingInput!) {\n    requestNewOnboarding(input: $input) {\n      session {\n        id\n        status\n        integration {\n          id\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.OAuthRequestOnboardingDocument,
    "\n  query OAuthApiKeyCount {\n    apiKeys {\n      totalCount\n    }\n  }\n": typeof types.OAuthApiKeyCountDocument,
    "\n  mutation OAuthGenerateApiKey {\n    generateApiKey(input: { name: \"from a token\" }) {\n      secret\n    }\n  }\n": typeof types.OAuthGenerateApiKeyDocument,
    "\n  mutation OAuthRevokeApiKey($id: ID!) {\n    revokeApiKey(input: { id: $id }) {\n      apiKey {\n        id\n      }\n    }\n  }\n": typeof types.OAuthRevokeApiKeyDocument,
    "\n  mutation OAuthRollApiKey($id: ID!) {\n    rollApiKey(input: { id: $id }) {\n      secret\n    }\n  }\n": typeof types.OAuthRollApiKeyDocument,
    "\n  mutation OAuthGenerateSecret($id: ID!) {\n    generateClientSecret(input: { integrationId: $id }) {\n      clientSecret\n    }\n  }\n": typeof types.OAuthGenerateSecretDocument,
    "\n  query OAuthForeignIntegration($id: ID!) {\n    integration(id: $id) {\n      id\n    }\n    node(id: $id) {\n      id\n    }\n  }\n": typeof types.OAuthForeignIntegrationDocument,
    "\n  query OAuthIntegrationCount {\n    integrations {\n      totalCount\n    }\n  }\n": typeof types.OAuthIntegrationCountDocument,
    "\n  query OAuthWsViewer {\n    viewer {\n      organization {\n        id\n      }\n      apiKey {\n        id\n      }\n    }\n  }\n": typeof types.OAuthWsViewerDocument,
    "\n  query OAuthWsOrganization {\n    viewer {\n      organization {\n        id\n      }\n    }\n  }\n": typeof types.OAuthWsOrganizationDocument,
    "\n  query OnboardingPageSession($id: ID!) {\n    onboardingSession(id: $id) {\n      id\n      status\n      completedAt\n    }\n  }\n": typeof types.OnboardingPageSessionDocument,
    "\n  query OnboardingPageEvents($types: [String!]) {\n    events(first: 50, filter: { types: $types }) {\n      edges {\n        node {\n          type\n          data\n        }\n      }\n    }\n  }\n": typeof types.OnboardingPageEventsDocument,
    "\n  query OnboardingPageAudit($targetId: ID!) {\n    auditLog(first: 10, filter: { targetId: $targetId }) {\n      edges {\n        node {\n          action\n          actor {\n            type\n            id\n            name\n          }\n          changes\n        }\n      }\n    }\n  }\n": typeof types.OnboardingPageAuditDocument,
    "\n  fragment OnboardingSessionFields on OnboardingSession {\n    id\n    status\n    onboardingUrl\n    createdAt\n    completedAt\n    workflowVersion\n    steps\n    workflow {\n      id\n      version\n      steps\n    }\n    integration {\n      id\n    }\n    directoryUser {\n      id\n    }\n  }\n": typeof types.OnboardingSessionFieldsFragmentDoc,
    "\n  mutation OnboardingRequest($input: RequestNewOnboardingInput!) {\n    requestNewOnboarding(input: $input) {\n      session {\n        ...OnboardingSessionFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.OnboardingRequestDocument,
    "\n  mutation OnboardingComplete($input: CompleteOnboardingSessionInput!) {\n    completeOnboardingSession(input: $input) {\n      session {\n        ...OnboardingSessionFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.OnboardingCompleteDocument,
    "\n  query OnboardingGetSession($id: ID!) {\n    onboardingSession(id: $id) {\n      ...OnboardingSessionFields\n    }\n    node(id: $id) {\n      id\n    }\n  }\n": typeof types.OnboardingGetSessionDocument,
    "\n  query OnboardingSessionCount($id: ID!) {\n    integration(id: $id) {\n      onboardingSessions(first: 100) {\n        totalCount\n        edges {\n          node {\n            id\n          }\n        }\n      }\n    }\n  }\n": typeof types.OnboardingSessionCountDocument,
    "\n  query OnboardingSessionsPage($id: ID!, $first: Int, $after: String) {\n    integration(id: $id) {\n      onboardingSessions(first: $first, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node {\n            id\n            integration {\n              id\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.OnboardingSessionsPageDocument,
    "\n  mutation OnboardingUpdateIntegration($input: UpdateIntegrationInput!) {\n    updateIntegration(input: $input) {\n      integration {\n        id\n        status\n        workflow {\n          id\n        }\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.OnboardingUpdateIntegrationDocument,
    "\n  mutation OnboardingDeleteIntegration($input: DeleteIntegrationInput!) {\n    deleteIntegration(input: $input) {\n      deletedIntegrationId\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.OnboardingDeleteIntegrationDocument,
    "\n  mutation OnboardingUpdateWorkflow($input: UpdateWorkflowInput!) {\n    updateWorkflow(input: $input) {\n      workflow {\n        id\n        version\n        steps\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.OnboardingUpdateWorkflowDocument,
    "\n  mutation OutboundWebhookCreate($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.OutboundWebhookCreateDocument,
    "\n  mutation OutboundWebhookTest($input: SendTestWebhookInput!) {\n    sendTestWebhook(input: $input) {\n      delivery {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.OutboundWebhookTestDocument,
    "\n  query OutboundWebhookDeliveries($id: ID!) {\n    webhookEndpoint(id: $id) {\n      deliveries(first: 5) {\n        edges {\n          node {\n            status\n            attempts\n            lastError\n            lastResponseStatus\n          }\n        }\n      }\n    }\n  }\n": typeof types.OutboundWebhookDeliveriesDocument,
    "\n  query QueryCountsList($first: Int = 100) {\n    integrations(first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          status\n          config\n          clientId\n          template {\n            key\n            name\n            category\n            fields {\n              key\n            }\n          }\n          workflow {\n            id\n            name\n            version\n          }\n          clientSecret {\n            lastFour\n            createdAt\n          }\n          directory {\n            userCount\n            lastSync {\n              id\n              status\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.QueryCountsListDocument,
    "\n  query QueryCountsSessions($id: ID!) {\n    integration(id: $id) {\n      id\n      onboardingSessions(first: 50) {\n        totalCount\n        edges {\n          node {\n            id\n            status\n            workflow {\n              id\n            }\n            workflowVersion\n            steps\n            integration {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.QueryCountsSessionsDocument,
    "\n  mutation QueryCountsCreateWorkflow($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) {\n      workflow {\n        id\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.QueryCountsCreateWorkflowDocument,
    "\n  mutation QueryCountsCreateIntegration($input: CreateIntegrationInput!) {\n    createIntegration(input: $input) {\n      integration {\n        id\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.QueryCountsCreateIntegrationDocument,
    "\n  mutation QueryCountsGenerateSecret($input: GenerateClientSecretInput!) {\n    generateClientSecret(input: $input) {\n      clientSecret\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.QueryCountsGenerateSecretDocument,
    "\n  mutation QueryCountsRequest($input: RequestNewOnboardingInput!) {\n    requestNewOnboarding(input: $input) {\n      session {\n        id\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.QueryCountsRequestDocument,
    "\n  fragment QueryCountsSessionSelection on OnboardingSession {\n    id\n    status\n    onboardingUrl\n    workflowVersion\n    steps\n    workflow {\n      id\n      name\n      version\n    }\n    integration {\n      id\n      name\n      template {\n        key\n      }\n    }\n  }\n": typeof types.QueryCountsSessionSelectionFragmentDoc,
    "\n  fragment QueryCountsIntegrationSelection on Integration {\n    id\n    name\n    config\n    template {\n      key\n    }\n    workflow {\n      id\n      name\n    }\n    clientSecret {\n      lastFour\n    }\n    directory {\n      userCount\n      lastSync {\n        id\n        status\n      }\n    }\n  }\n": typeof types.QueryCountsIntegrationSelectionFragmentDoc,
    "\n  mutation QueryCountsRequestFull($input: RequestNewOnboardingInput!) {\n    requestNewOnboarding(input: $input) {\n      session {\n        ...QueryCountsSessionSelection\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.QueryCountsRequestFullDocument,
    "\n  query QueryCountsSessionById($id: ID!) {\n    onboardingSession(id: $id) {\n      ...QueryCountsSessionSelection\n    }\n  }\n": typeof types.QueryCountsSessionByIdDocument,
    "\n  mutation QueryCountsCreateIntegrationFull($input: CreateIntegrationInput!) {\n    createIntegration(input: $input) {\n      integration {\n        ...QueryCountsIntegrationSelection\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.QueryCountsCreateIntegrationFullDocument,
    "\n  query QueryCountsIntegrationById($id: ID!) {\n    integration(id: $id) {\n      ...QueryCountsIntegrationSelection\n    }\n  }\n": typeof types.QueryCountsIntegrationByIdDocument,
    "\n  mutation QueryCountsCreateWorkflowColumns($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) {\n      workflow {\n        id\n        name\n        status\n        steps\n        version\n        createdAt\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.QueryCountsCreateWorkflowColumnsDocument,
    "\n  fragment QueryCountsBenchNode on Integration {\n    id\n    name\n    status\n    clientId\n    config\n    createdAt\n    template {\n      key\n      name\n      category\n      takesWorkflow\n    }\n    workflow {\n      id\n      name\n      version\n    }\n    clientSecret {\n      lastFour\n      createdAt\n    }\n  }\n": typeof types.QueryCountsBenchNodeFragmentDoc,
    "\n  query QueryCountsBenchViewer {\n    viewer {\n      organization {\n        id\n        name\n      }\n    }\n  }\n": typeof types.QueryCountsBenchViewerDocument,
    "\n  query QueryCountsBenchIntegrations {\n    integrations(first: 50) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...QueryCountsBenchNode\n        }\n      }\n    }\n  }\n": typeof types.QueryCountsBenchIntegrationsDocument,
    "\n  query QueryCountsBenchIntegration($id: ID!) {\n    integration(id: $id) {\n      ...QueryCountsBenchNode\n    }\n  }\n": typeof types.QueryCountsBenchIntegrationDocument,
    "\n  query QueryCountsBenchSessions($id: ID!) {\n    integration(id: $id) {\n      id\n      onboardingSessions(first: 20) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            status\n            externalUserId\n            email\n            createdAt\n            expiresAt\n            completedAt\n            workflowVersion\n            steps\n            workflow {\n              id\n              name\n              version\n            }\n            integration {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.QueryCountsBenchSessionsDocument,
    "\n  mutation QueryCountsBenchRequest($input: RequestNewOnboardingInput!) {\n    requestNewOnboarding(input: $input) {\n      session {\n        id\n        status\n        externalUserId\n        createdAt\n        expiresAt\n        workflowVersion\n        steps\n        workflow {\n          id\n        }\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.QueryCountsBenchRequestDocument,
    "\n  query QueryCountsGroups($integrationId: ID!) {\n    directoryGroups(integrationId: $integrationId, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          memberCount\n          members(first: 5) {\n            totalCount\n            edges {\n              node {\n                id\n                active\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.QueryCountsGroupsDocument,
    "\n  query QueryCountsUserGroups($integrationId: ID!) {\n    directoryUsers(integrationId: $integrationId, first: 25) {\n      totalCount\n      edges {\n        node {\n          id\n          groups(first: 10) {\n            totalCount\n            edges {\n              node {\n                id\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.QueryCountsUserGroupsDocument,
    "\n  query QueryCountsEvents {\n    events(first: 50) {\n      edges {\n        node {\n          id\n          type\n          occurredAt\n          data\n        }\n      }\n    }\n  }\n": typeof types.QueryCountsEventsDocument,
    "\n  query QueryCountsDeliveries($id: ID!) {\n    webhookEndpoint(id: $id) {\n      id\n      deliveries(first: 50) {\n        totalCount\n        edges {\n          node {\n            id\n            status\n            attempts\n            event {\n              id\n              type\n              data\n            }\n            endpoint {\n              id\n              url\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.QueryCountsDeliveriesDocument,
    "\n  query QueryCountsAuditLog {\n    auditLog(first: 50) {\n      edges {\n        node {\n          id\n          action\n          actor {\n            type\n            id\n            name\n          }\n          targetId\n          changes\n        }\n      }\n    }\n  }\n": typeof types.QueryCountsAuditLogDocument,
    "\n  mutation QueryCountsCreateEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.QueryCountsCreateEndpointDocument,
    "\n  mutation QueryCountsGenerateKey($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) {\n      apiKey {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.QueryCountsGenerateKeyDocument,
    "\n  mutation SecretsScanCreateEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        id\n      }\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.SecretsScanCreateEndpointDocument,
    "\n  mutation SecretsScanRotate($input: RotateWebhookSecretInput!) {\n    rotateWebhookSecret(input: $input) {\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.SecretsScanRotateDocument,
    "\n  mutation SecretsScanGenerateKey($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) {\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.SecretsScanGenerateKeyDocument,
    "\n  mutation SecretsScanClientSecret($input: GenerateClientSecretInput!) {\n    generateClientSecret(input: $input) {\n      clientSecret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.SecretsScanClientSecretDocument,
    "\n  mutation SecretsScanUpdateIntegration($input: UpdateIntegrationInput!) {\n    updateIntegration(input: $input) {\n      integration {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.SecretsScanUpdateIntegrationDocument,
    "\n  query SecretsScanSession($id: ID!) {\n    onboardingSession(id: $id) {\n      onboardingUrl\n    }\n  }\n": typeof types.SecretsScanSessionDocument,
    "\n  query SecretsScanPending($id: ID!) {\n    webhookEndpoint(id: $id) {\n      deliveries(first: 100) {\n        totalCount\n        edges {\n          node {\n            status\n          }\n        }\n      }\n    }\n  }\n": typeof types.SecretsScanPendingDocument,
    "\n  fragment DirectorySyncFields on DirectorySync {\n    id\n    status\n    kind\n    trigger\n    processed\n    total\n    created\n    updated\n    deactivated\n    groups\n    deactivationBlocked\n    error\n    startedAt\n    finishedAt\n  }\n": typeof types.DirectorySyncFieldsFragmentDoc,
    "\n  fragment DirectoryUserFields on DirectoryUser {\n    id\n    externalId\n    email\n    userPrincipalName\n    employeeId\n    displayName\n    active\n    enrollmentStatus\n  }\n": typeof types.DirectoryUserFieldsFragmentDoc,
    "\n  mutation DirectoryCreateIntegration($input: CreateIntegrationInput!) {\n    createIntegration(input: $input) {\n      integration {\n        id\n        directory {\n          userCount\n          lastSync {\n            ...DirectorySyncFields\n          }\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.DirectoryCreateIntegrationDocument,
    "\n  mutation DirectoryStartSync($input: StartDirectorySyncInput!) {\n    startDirectorySync(input: $input) {\n      sync {\n        ...DirectorySyncFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.DirectoryStartSyncDocument,
    "\n  query DirectorySyncNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on DirectorySync {\n        ...DirectorySyncFields\n      }\n    }\n  }\n": typeof types.DirectorySyncNodeDocument,
    "\n  query DirectoryOfIntegration($id: ID!) {\n    integration(id: $id) {\n      id\n      status\n      directory {\n        userCount\n        nextSyncAt\n        lastSync {\n          ...DirectorySyncFields\n        }\n      }\n    }\n  }\n": typeof types.DirectoryOfIntegrationDocument,
    "\n  query DirectoryUsersPage($integrationId: ID!, $first: Int, $after: String, $filter: DirectoryUserFilter) {\n    directoryUsers(integrationId: $integrationId, first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...DirectoryUserFields\n        }\n      }\n    }\n  }\n": typeof types.DirectoryUsersPageDocument,
    "\n  mutation DirectoryCreateWorkflow($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) {\n      workflow {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.DirectoryCreateWorkflowDocument,
    "\n  mutation DirectoryCreateApiIntegration($input: CreateIntegrationInput!) {\n    createIntegration(input: $input) {\n      integration {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.DirectoryCreateApiIntegrationDocument,
    "\n  fragment KitWorkflow on Workflow {\n    id\n    configurationId\n    name\n    status\n    steps\n    version\n  }\n": typeof types.KitWorkflowFragmentDoc,
    "\n  fragment KitIntegration on Integration {\n    id\n    name\n    status\n    clientId\n    config\n    template {\n      key\n      category\n    }\n    workflow {\n      id\n      version\n    }\n  }\n": typeof types.KitIntegrationFragmentDoc,
    "\n  fragment KitSession on OnboardingSession {\n    id\n    status\n    onboardingUrl\n    createdAt\n    completedAt\n    workflowVersion\n    steps\n    workflow {\n      id\n      version\n    }\n    integration {\n      id\n    }\n  }\n": typeof types.KitSessionFragmentDoc,
    "\n  mutation KitCreateWorkflow($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) {\n      workflow {\n        ...KitWorkflow\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.KitCreateWorkflowDocument,
    "\n  mutation KitCreateIntegration($input: CreateIntegrationInput!) {\n    createIntegration(input: $input) {\n      integration {\n        ...KitIntegration\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.KitCreateIntegrationDocument,
    "\n  mutation KitGenerateClientSecret($input: GenerateClientSecretInput!) {\n    generateClientSecret(input: $input) {\n      clientSecret\n      integration {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.KitGenerateClientSecretDocument,
    "\n  mutation KitRequestOnboarding($input: RequestNewOnboardingInput!) {\n    requestNewOnboarding(input: $input) {\n      session {\n        ...KitSession\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.KitRequestOnboardingDocument,
    "\n  mutation OAuthSupportGenerateSecret($input: GenerateClientSecretInput!) {\n    generateClientSecret(input: $input) {\n      clientSecret\n      integration {\n        id\n        clientSecret {\n          lastFour\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.OAuthSupportGenerateSecretDocument,
    "\n  mutation OAuthSupportUpdateIntegration($input: UpdateIntegrationInput!) {\n    updateIntegration(input: $input) {\n      integration {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.OAuthSupportUpdateIntegrationDocument,
    "\n  mutation OAuthSupportDeleteIntegration($input: DeleteIntegrationInput!) {\n    deleteIntegration(input: $input) {\n      deletedIntegrationId\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.OAuthSupportDeleteIntegrationDocument,
    "\n  query OAuthSupportViewer {\n    viewer {\n      organization {\n        id\n      }\n    }\n  }\n": typeof types.OAuthSupportViewerDocument,
    "\n  query SyncAttemptsLastSync($id: ID!) {\n    integration(id: $id) {\n      directory {\n        lastSync {\n          id\n          status\n          error\n        }\n      }\n    }\n  }\n": typeof types.SyncAttemptsLastSyncDocument,
    "\n  mutation SyncFairnessDelete($input: DeleteIntegrationInput!) {\n    deleteIntegration(input: $input) {\n      deletedIntegrationId\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.SyncFairnessDeleteDocument,
    "\n  query SyncFairnessSyncsOf {\n    integrations(first: 100) {\n      edges {\n        node {\n          id\n          directory {\n            lastSync {\n              id\n              status\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.SyncFairnessSyncsOfDocument,
    "\n  mutation WebhooksCreate($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        id\n        url\n        description\n        eventTypes\n        enabled\n        createdAt\n      }\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.WebhooksCreateDocument,
    "\n  mutation WebhooksUpdate($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      endpoint {\n        id\n        url\n        eventTypes\n        enabled\n        description\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.WebhooksUpdateDocument,
    "\n  mutation WebhooksDelete($input: DeleteWebhookEndpointInput!) {\n    deleteWebhookEndpoint(input: $input) {\n      deletedWebhookEndpointId\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.WebhooksDeleteDocument,
    "\n  mutation WebhooksRotate($input: RotateWebhookSecretInput!) {\n    rotateWebhookSecret(input: $input) {\n      endpoint {\n        id\n      }\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.WebhooksRotateDocument,
    "\n  mutation WebhooksTest($input: SendTestWebhookInput!) {\n    sendTestWebhook(input: $input) {\n      delivery {\n        id\n        status\n        event {\n          id\n          type\n        }\n        endpoint {\n          id\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.WebhooksTestDocument,
    "\n  mutation WebhooksRedeliver($input: RedeliverWebhookEventInput!) {\n    redeliverWebhookEvent(input: $input) {\n      delivery {\n        id\n        status\n        event {\n          id\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.WebhooksRedeliverDocument,
    "\n  query WebhooksEndpoint($id: ID!) {\n    webhookEndpoint(id: $id) {\n      id\n      url\n      enabled\n      deliveries(first: 50) {\n        totalCount\n        edges {\n          node {\n            id\n            status\n            attempts\n            lastResponseStatus\n            lastError\n            nextAttemptAt\n            deliveredAt\n            createdAt\n            event {\n              id\n              type\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.WebhooksEndpointDocument,
    "\n  query WebhooksEndpoints {\n    webhookEndpoints(first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n": typeof types.WebhooksEndpointsDocument,
    "\n  query WebhooksEvents($filter: EventFilter) {\n    events(first: 50, filter: $filter) {\n      edges {\n        node {\n          id\n          type\n          occurredAt\n          data\n        }\n      }\n    }\n  }\n": typeof types.WebhooksEventsDocument,
    "\n  mutation WebhooksMakeKey($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) {\n      apiKey {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.WebhooksMakeKeyDocument,
    "\n  mutation WorkflowsCreate($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) {\n      workflow {\n        id\n        configurationId\n        name\n        status\n        steps\n        version\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.WorkflowsCreateDocument,
    "\n  mutation WorkflowsUpdate($input: UpdateWorkflowInput!) {\n    updateWorkflow(input: $input) {\n      workflow {\n        id\n        name\n        steps\n        version\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.WorkflowsUpdateDocument,
    "\n  query WorkflowsGet($id: ID!) {\n    workflow(id: $id) {\n      id\n      name\n      version\n      steps\n    }\n    node(id: $id) {\n      id\n      ... on Workflow {\n        name\n      }\n    }\n  }\n": typeof types.WorkflowsGetDocument,
    "\n  query WorkflowsCount {\n    workflows {\n      totalCount\n    }\n  }\n": typeof types.WorkflowsCountDocument,
    "\n  query WorkflowsPage($first: Int, $after: String, $last: Int, $before: String) {\n    workflows(first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n": typeof types.WorkflowsPageDocument,
};
const documents: Documents = {
    "\n  mutation AdminRotateCreateEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        id\n      }\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.AdminRotateCreateEndpointDocument,
    "\n  query AdminRotateViewer {\n    viewer {\n      organization {\n        id\n      }\n    }\n  }\n": types.AdminRotateViewerDocument,
    "\n  query AdminSyncAuditLog {\n    auditLog(first: 20) {\n      edges {\n        node {\n          action\n          targetId\n          actor {\n            type\n            name\n          }\n        }\n      }\n    }\n  }\n": types.AdminSyncAuditLogDocument,
    "\n  query AdminViewer {\n    viewer {\n      organization {\n        id\n        name\n        features\n      }\n      apiKey {\n        id\n      }\n    }\n  }\n": types.AdminViewerDocument,
    "\n  mutation AdminCreateWorkflow($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) {\n      workflow {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.AdminCreateWorkflowDocument,
    "\n  mutation AdminUpdateWorkflow($input: UpdateWorkflowInput!) {\n    updateWorkflow(input: $input) {\n      workflow {\n        version\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.AdminUpdateWorkflowDocument,
    "\n  query AdminWorkflowVersion($id: ID!) {\n    workflow(id: $id) {\n      version\n    }\n  }\n": types.AdminWorkflowVersionDocument,
    "\n  query AdminAuditLog {\n    auditLog(first: 10) {\n      edges {\n        node {\n          action\n          targetId\n          actor {\n            type\n            name\n          }\n        }\n      }\n    }\n  }\n": types.AdminAuditLogDocument,
    "\n  mutation ApiKeysGenerate($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) {\n      apiKey {\n        id\n        name\n        prefix\n        lastFour\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.ApiKeysGenerateDocument,
    "\n  mutation ApiKeysRevoke($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      apiKey {\n        id\n        name\n        revokedAt\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.ApiKeysRevokeDocument,
    "\n  query ApiKeysViewer {\n    viewer {\n      organization {\n        id\n      }\n      apiKey {\n        id\n        name\n      }\n    }\n  }\n": types.ApiKeysViewerDocument,
    "\n  query ApiKeysCount {\n    apiKeys {\n      totalCount\n    }\n  }\n": types.ApiKeysCountDocument,
    "\n  query ApiKeysFields {\n    __type(name: \"ApiKey\") {\n      fields {\n        name\n        args {\n          name\n        }\n        type {\n          kind\n          ofType {\n            kind\n            ofType {\n              kind\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ApiKeysFieldsDocument,
    "\n  query ApiKeysRevokedNode($id: ID!) {\n    node(id: $id) {\n      ... on ApiKey {\n        id\n        revokedAt\n      }\n    }\n  }\n": types.ApiKeysRevokedNodeDocument,
    "\n  query ApiKeysPage($first: Int, $after: String, $last: Int, $before: String) {\n    apiKeys(first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n": types.ApiKeysPageDocument,
    "\n  query ApiKeysFirst101 {\n    apiKeys(first: 101) {\n      totalCount\n    }\n  }\n": types.ApiKeysFirst101Document,
    "\n  query ApiKeysNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on ApiKey {\n        name\n        lastFour\n      }\n    }\n  }\n": types.ApiKeysNodeDocument,
    "\n  query AuditLogEntries($first: Int, $after: String, $filter: AuditLogFilter) {\n    auditLog(first: $first, after: $after, filter: $filter) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          action\n          occurredAt\n          actor {\n            type\n            id\n            name\n          }\n          targetId\n          requestId\n          ipAddress\n          changes\n        }\n      }\n    }\n  }\n": types.AuditLogEntriesDocument,
    "\n  query AuditLogKeys {\n    apiKeys(first: 10) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.AuditLogKeysDocument,
    "\n  mutation AuditLogUpdateIntegration($input: UpdateIntegrationInput!) {\n    updateIntegration(input: $input) {\n      integration {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.AuditLogUpdateIntegrationDocument,
    "\n  mutation AuditLogUpdateWorkflow($input: UpdateWorkflowInput!) {\n    updateWorkflow(input: $input) {\n      workflow {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.AuditLogUpdateWorkflowDocument,
    "\n  mutation AuditLogRequest($input: RequestNewOnboardingInput!) {\n    requestNewOnboarding(input: $input) {\n      session {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.AuditLogRequestDocument,
    "\n  query AuthViewer {\n    viewer {\n      organization {\n        id\n        name\n        features\n      }\n      apiKey {\n        id\n        name\n      }\n    }\n  }\n": types.AuthViewerDocument,
    "\n  mutation AuthGenerateKey($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) {\n      apiKey {\n        id\n        name\n      }\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.AuthGenerateKeyDocument,
    "\n  mutation AuthRevokeKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      apiKey {\n        id\n        revokedAt\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.AuthRevokeKeyDocument,
    "\n  mutation AuthSneakyKey {\n    generateApiKey(input: { name: \"sneaky\" }) {\n      secret\n    }\n  }\n": types.AuthSneakyKeyDocument,
    "\n  query AuthKeyNames {\n    apiKeys(first: 100) {\n      edges {\n        node {\n          name\n        }\n      }\n    }\n  }\n": types.AuthKeyNamesDocument,
    "\n  query AuthKeys {\n    apiKeys {\n      edges {\n        node {\n          id\n          name\n          prefix\n          lastFour\n        }\n      }\n    }\n  }\n": types.AuthKeysDocument,
    "\n  query AuthNode($id: ID!) {\n    node(id: $id) {\n      id\n      ... on Organization {\n        name\n      }\n    }\n  }\n": types.AuthNodeDocument,
    "\n  query AuthKeyUsage($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on ApiKey {\n        createdAt\n        lastUsedAt\n      }\n    }\n  }\n": types.AuthKeyUsageDocument,
    "\n  query BadInputViewer {\n    viewer {\n      organization {\n        id\n      }\n    }\n  }\n": types.BadInputViewerDocument,
    "\n  query BadInputCounts {\n    apiKeys {\n      totalCount\n    }\n    workflows {\n      totalCount\n    }\n  }\n": types.BadInputCountsDocument,
    "\n  mutation ClientSecretsCreate($input: CreateIntegrationInput!) {\n    createIntegration(input: $input) {\n      integration {\n        id\n        clientId\n        clientSecret {\n          lastFour\n          createdAt\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.ClientSecretsCreateDocument,
    "\n  mutation ClientSecretsGenerate($input: GenerateClientSecretInput!) {\n    generateClientSecret(input: $input) {\n      clientSecret\n      integration {\n        id\n        clientId\n        clientSecret {\n          lastFour\n          createdAt\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.ClientSecretsGenerateDocument,
    "\n  query ClientSecretsRead($id: ID!) {\n    integration(id: $id) {\n      id\n      name\n      clientId\n      config\n      clientSecret {\n        lastFour\n        createdAt\n      }\n    }\n    node(id: $id) {\n      __typename\n      id\n      ... on Integration {\n        clientSecret {\n          lastFour\n        }\n      }\n    }\n    integrations(first: 100) {\n      edges {\n        node {\n          id\n          clientId\n          config\n          clientSecret {\n            lastFour\n            createdAt\n          }\n        }\n      }\n    }\n  }\n": types.ClientSecretsReadDocument,
    "\n  query CredentialCacheViewer {\n    viewer {\n      organization {\n        id\n      }\n    }\n  }\n": types.CredentialCacheViewerDocument,
    "\n  mutation CredentialCacheGenerate($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) {\n      apiKey {\n        id\n      }\n      secret\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.CredentialCacheGenerateDocument,
    "\n  mutation CredentialCacheRevoke($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      apiKey {\n        id\n        revokedAt\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.CredentialCacheRevokeDocument,
    "\n  mutation CredentialsRotate($input: GenerateClientSecretInput!) {\n    generateClientSecret(input: $input) {\n      clientSecret\n      integration {\n        id\n        clientSecret {\n          id\n          lastFour\n        }\n        clientSecrets {\n          id\n          lastFour\n          createdAt\n          expiresAt\n          lastUsedAt\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.CredentialsRotateDocument,
    "\n  query CredentialsSecrets($id: ID!) {\n    integration(id: $id) {\n      clientSecret {\n        id\n        lastFour\n      }\n      clientSecrets {\n        id\n        lastFour\n        expiresAt\n        lastUsedAt\n      }\n    }\n  }\n": types.CredentialsSecretsDocument,
    "\n  mutation CredentialsGenerateKey($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) {\n      apiKey {\n        id\n        name\n        expiresAt\n        revokedAt\n      }\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.CredentialsGenerateKeyDocument,
    "\n  mutation CredentialsRollKey($input: RollApiKeyInput!) {\n    rollApiKey(input: $input) {\n      apiKey {\n        id\n        name\n        expiresAt\n        revokedAt\n      }\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.CredentialsRollKeyDocument,
    "\n  query CredentialsKeys {\n    apiKeys(first: 100) {\n      edges {\n        node {\n          id\n          name\n          expiresAt\n          revokedAt\n        }\n      }\n    }\n  }\n": types.CredentialsKeysDocument,
    "\n  query CredentialsViewer {\n    viewer {\n      apiKey {\n        id\n      }\n    }\n  }\n": types.CredentialsViewerDocument,
    "\n  query CredentialsEvents($types: [String!]) {\n    events(first: 50, filter: { types: $types }) {\n      edges {\n        node {\n          type\n          data\n        }\n      }\n    }\n  }\n": types.CredentialsEventsDocument,
    "\n  fragment CursorsPageInfo on PageInfo {\n    hasNextPage\n    hasPreviousPage\n    startCursor\n    endCursor\n  }\n": types.CursorsPageInfoFragmentDoc,
    "\n  fragment CursorsWorkflowPage on WorkflowConnection {\n    totalCount\n    pageInfo {\n      ...CursorsPageInfo\n    }\n    edges {\n      cursor\n      node {\n        id\n      }\n    }\n  }\n": types.CursorsWorkflowPageFragmentDoc,
    "\n  fragment CursorsIntegrationPage on IntegrationConnection {\n    totalCount\n    pageInfo {\n      ...CursorsPageInfo\n    }\n    edges {\n      cursor\n      node {\n        id\n      }\n    }\n  }\n": types.CursorsIntegrationPageFragmentDoc,
    "\n  fragment CursorsApiKeyPage on ApiKeyConnection {\n    totalCount\n    pageInfo {\n      ...CursorsPageInfo\n    }\n    edges {\n      cursor\n      node {\n        id\n      }\n    }\n  }\n": types.CursorsApiKeyPageFragmentDoc,
    "\n  fragment CursorsDirectoryUserPage on DirectoryUserConnection {\n    totalCount\n    pageInfo {\n      ...CursorsPageInfo\n    }\n    edges {\n      cursor\n      node {\n        id\n      }\n    }\n  }\n": types.CursorsDirectoryUserPageFragmentDoc,
    "\n  fragment CursorsSessionPage on OnboardingSessionConnection {\n    totalCount\n    pageInfo {\n      ...CursorsPageInfo\n    }\n    edges {\n      cursor\n      node {\n        id\n      }\n    }\n  }\n": types.CursorsSessionPageFragmentDoc,
    "\n  query CursorsWorkflows($after: String, $before: String, $first: Int, $last: Int) {\n    c: workflows(after: $after, before: $before, first: $first, last: $last) {\n      ...CursorsWorkflowPage\n    }\n  }\n": types.CursorsWorkflowsDocument,
    "\n  query CursorsIntegrations($after: String, $before: String, $first: Int, $last: Int) {\n    c: integrations(after: $after, before: $before, first: $first, last: $last) {\n      ...CursorsIntegrationPage\n    }\n  }\n": types.CursorsIntegrationsDocument,
    "\n  query CursorsApiKeys($after: String, $before: String, $first: Int, $last: Int) {\n    c: apiKeys(after: $after, before: $before, first: $first, last: $last) {\n      ...CursorsApiKeyPage\n    }\n  }\n": types.CursorsApiKeysDocument,
    "\n  query CursorsDirectoryUsers($parent: ID!, $after: String, $before: String, $first: Int, $last: Int) {\n    c: directoryUsers(integrationId: $parent, after: $after, before: $before, first: $first, last: $last) {\n      ...CursorsDirectoryUserPage\n    }\n  }\n": types.CursorsDirectoryUsersDocument,
    "\n  query CursorsIntegrationSessions($parent: ID!, $after: String, $before: String, $first: Int, $last: Int) {\n    integration(id: $parent) {\n      c: onboardingSessions(after: $after, before: $before, first: $first, last: $last) {\n        ...CursorsSessionPage\n      }\n    }\n  }\n": types.CursorsIntegrationSessionsDocument,
    "\n  query CursorsNodeSessions($parent: ID!, $after: String, $before: String, $first: Int, $last: Int) {\n    node(id: $parent) {\n      ... on Integration {\n        c: onboardingSessions(after: $after, before: $before, first: $first, last: $last) {\n          ...CursorsSessionPage\n        }\n      }\n    }\n  }\n": types.CursorsNodeSessionsDocument,
    "\n  query CursorsConnectionSessions($after: String, $before: String, $first: Int, $last: Int) {\n    integrations(first: 100, filter: { templateKey: \"API\" }) {\n      edges {\n        node {\n          id\n          c: onboardingSessions(after: $after, before: $before, first: $first, last: $last) {\n            ...CursorsSessionPage\n          }\n        }\n      }\n    }\n  }\n": types.CursorsConnectionSessionsDocument,
    "\n  query CursorsUserSessions($parent: ID!, $after: String, $before: String, $first: Int, $last: Int) {\n    directoryUser(id: $parent) {\n      c: completedSessions(after: $after, before: $before, first: $first, last: $last) {\n        ...CursorsSessionPage\n      }\n    }\n  }\n": types.CursorsUserSessionsDocument,
    "\n  query CursorsUsersSessions($parent: ID!, $after: String, $before: String, $first: Int, $last: Int) {\n    directoryUsers(integrationId: $parent, filter: { enrollmentStatus: ENROLLED }) {\n      edges {\n        node {\n          c: completedSessions(after: $after, before: $before, first: $first, last: $last) {\n            ...CursorsSessionPage\n          }\n        }\n      }\n    }\n  }\n": types.CursorsUsersSessionsDocument,
    "\n  mutation CursorsGenerateKey($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) {\n      apiKey {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.CursorsGenerateKeyDocument,
    "\n  mutation CursorsComplete($input: CompleteOnboardingSessionInput!) {\n    completeOnboardingSession(input: $input) {\n      session {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.CursorsCompleteDocument,
    "\n  query GroupsList($integrationId: ID!, $first: Int, $after: String, $search: String, $members: Int = 5) {\n    directoryGroups(integrationId: $integrationId, first: $first, after: $after, filter: { search: $search }) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          externalId\n          name\n          description\n          memberCount\n          members(first: $members) {\n            totalCount\n            edges {\n              node {\n                id\n                externalId\n                active\n              }\n            }\n          }\n          integration {\n            id\n          }\n        }\n      }\n    }\n  }\n": types.GroupsListDocument,
    "\n  query GroupsOne($id: ID!) {\n    directoryGroup(id: $id) {\n      id\n      name\n      memberCount\n    }\n    node(id: $id) {\n      __typename\n      id\n    }\n  }\n": types.GroupsOneDocument,
    "\n  query GroupsOfUsers($integrationId: ID!, $groupId: ID, $first: Int = 50) {\n    directoryUsers(integrationId: $integrationId, first: $first, filter: { groupId: $groupId }) {\n      totalCount\n      edges {\n        node {\n          externalId\n          groups(first: 10) {\n            totalCount\n            edges {\n              node {\n                externalId\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.GroupsOfUsersDocument,
    "\n  query GroupsCountsOnly($integrationId: ID!) {\n    directoryGroups(integrationId: $integrationId, first: 10) {\n      edges {\n        node {\n          members {\n            totalCount\n            pageInfo {\n              hasNextPage\n            }\n          }\n        }\n      }\n    }\n    directoryUsers(integrationId: $integrationId, first: 10) {\n      edges {\n        node {\n          groups {\n            totalCount\n          }\n        }\n      }\n    }\n  }\n": types.GroupsCountsOnlyDocument,
    "\n  query GroupsDirectory($id: ID!) {\n    integration(id: $id) {\n      directory {\n        groupCount\n        lastSync {\n          groups\n        }\n      }\n    }\n  }\n": types.GroupsDirectoryDocument,
    "\n  mutation GroupsUpdateConfig($input: UpdateIntegrationInput!) {\n    updateIntegration(input: $input) {\n      integration {\n        id\n        config\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.GroupsUpdateConfigDocument,
    "\n  mutation SchedulesUpdateIntegration($input: UpdateIntegrationInput!) {\n    updateIntegration(input: $input) {\n      integration {\n        id\n        status\n        config\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.SchedulesUpdateIntegrationDocument,
    "\n  mutation SchedulesCreateIntegration($input: CreateIntegrationInput!) {\n    createIntegration(input: $input) {\n      integration {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.SchedulesCreateIntegrationDocument,
    "\n  query SchedulesTemplateFields {\n    integrationTemplates {\n      key\n      fields {\n        key\n        type\n        required\n        defaultValue\n      }\n    }\n  }\n": types.SchedulesTemplateFieldsDocument,
    "\n  mutation DirectorySyncUpdateIntegration($input: UpdateIntegrationInput!) {\n    updateIntegration(input: $input) {\n      integration {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.DirectorySyncUpdateIntegrationDocument,
    "\n  mutation DirectorySyncRequestOnboarding($input: RequestNewOnboardingInput!) {\n    requestNewOnboarding(input: $input) {\n      session {\n        id\n        status\n        directoryUser {\n          ...DirectoryUserFields\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.DirectorySyncRequestOnboardingDocument,
    "\n  mutation DirectorySyncCompleteOnboarding($input: CompleteOnboardingSessionInput!) {\n    completeOnboardingSession(input: $input) {\n      session {\n        id\n        status\n        completedAt\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.DirectorySyncCompleteOnboardingDocument,
    "\n  query DirectorySyncUser($id: ID!) {\n    directoryUser(id: $id) {\n      ...DirectoryUserFields\n      identity {\n        id\n        fullName\n        verifiedAt\n      }\n      completedSessions {\n        totalCount\n        edges {\n          node {\n            id\n            status\n          }\n        }\n      }\n      integration {\n        id\n      }\n    }\n    node(id: $id) {\n      id\n    }\n  }\n": types.DirectorySyncUserDocument,
    "\n  query DirectorySyncNodeId($id: ID!) {\n    node(id: $id) {\n      id\n    }\n  }\n": types.DirectorySyncNodeIdDocument,
    "\n  query DirectorySyncIntegrationId($id: ID!) {\n    integration(id: $id) {\n      id\n    }\n  }\n": types.DirectorySyncIntegrationIdDocument,
    "\n  query EdgeViewer {\n    viewer {\n      organization {\n        id\n      }\n    }\n  }\n": types.EdgeViewerDocument,
    "\n  query EdgeMetricsViewer {\n    viewer {\n      organization {\n        id\n      }\n    }\n  }\n": types.EdgeMetricsViewerDocument,
    "\n  query EdgeRefusedViewer {\n    viewer {\n      apiKey {\n        id\n      }\n    }\n  }\n": types.EdgeRefusedViewerDocument,
    "\n  query EventsList($first: Int, $after: String, $filter: EventFilter) {\n    events(first: $first, after: $after, filter: $filter) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          type\n          occurredAt\n          data\n        }\n      }\n    }\n  }\n": types.EventsListDocument,
    "\n  query EventsNode($id: ID!) {\n    node(id: $id) {\n      id\n      ... on Event {\n        type\n      }\n    }\n  }\n": types.EventsNodeDocument,
    "\n  mutation EventsUpdateIntegration($input: UpdateIntegrationInput!) {\n    updateIntegration(input: $input) {\n      integration {\n        id\n        name\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.EventsUpdateIntegrationDocument,
    "\n  mutation EventsDeleteIntegration($input: DeleteIntegrationInput!) {\n    deleteIntegration(input: $input) {\n      deletedIntegrationId\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.EventsDeleteIntegrationDocument,
    "\n  mutation EventsGenerateKey($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) {\n      apiKey {\n        id\n      }\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.EventsGenerateKeyDocument,
    "\n  mutation EventsRevokeKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      apiKey {\n        id\n        revokedAt\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.EventsRevokeKeyDocument,
    "\n  mutation EventsComplete($input: CompleteOnboardingSessionInput!) {\n    completeOnboardingSession(input: $input) {\n      session {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.EventsCompleteDocument,
    "\n  mutation EventsRequest($input: RequestNewOnboardingInput!) {\n    requestNewOnboarding(input: $input) {\n      session {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.EventsRequestDocument,
    "\n  mutation FaultsRequestOnboarding($input: RequestNewOnboardingInput!) {\n    requestNewOnboarding(input: $input) {\n      session {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.FaultsRequestOnboardingDocument,
    "\n  query FaultsViewer {\n    viewer {\n      organization {\n        id\n        name\n      }\n    }\n  }\n": types.FaultsViewerDocument,
    "\n  query FaultsIntegrations {\n    integrations(first: 20) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.FaultsIntegrationsDocument,
    "\n  fragment FeatureGateTemplate on IntegrationTemplate {\n    key\n    name\n    category\n    description\n    fields {\n      key\n      label\n      type\n      required\n      secret\n      description\n    }\n  }\n": types.FeatureGateTemplateFragmentDoc,
    "\n  query FeatureGateTemplates {\n    integrationTemplates {\n      ...FeatureGateTemplate\n    }\n  }\n": types.FeatureGateTemplatesDocument,
    "\n  query FeatureGateMixed {\n    viewer {\n      organization {\n        id\n      }\n    }\n    integrationTemplates {\n      ...FeatureGateTemplate\n    }\n  }\n": types.FeatureGateMixedDocument,
    "\n  query FeatureGateFeatures {\n    viewer {\n      organization {\n        features\n      }\n    }\n  }\n": types.FeatureGateFeaturesDocument,
    "\n  query FeatureGateViewer {\n    viewer {\n      organization {\n        id\n        name\n        features\n      }\n      apiKey {\n        id\n      }\n    }\n  }\n": types.FeatureGateViewerDocument,
    "\n  mutation FeatureGateCreateAllowed {\n    createWorkflow(input: { name: \"Allowed\", steps: [\"DOCUMENT\"] }) {\n      workflow {\n        id\n      }\n      userErrors {\n        code\n      }\n    }\n  }\n": types.FeatureGateCreateAllowedDocument,
    "\n  query FeatureGateWorkflows($id: ID!) {\n    workflows {\n      totalCount\n    }\n    workflow(id: $id) {\n      name\n    }\n  }\n": types.FeatureGateWorkflowsDocument,
    "\n  mutation FeatureGateGenerateAllowed {\n    generateApiKey(input: { name: \"Allowed\" }) {\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.FeatureGateGenerateAllowedDocument,
    "\n  query FeatureGateApiKeys {\n    apiKeys {\n      totalCount\n    }\n  }\n": types.FeatureGateApiKeysDocument,
    "\n  query FeatureGateDefaults {\n    integrationTemplates {\n      key\n      fields {\n        key\n        defaultValue\n      }\n    }\n  }\n": types.FeatureGateDefaultsDocument,
    "\n  query FuzzSnapshot {\n    viewer {\n      organization {\n        id\n        name\n        features\n      }\n    }\n    apiKeys(first: 20) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          prefix\n          lastFour\n          revokedAt\n        }\n      }\n    }\n    workflows(first: 10) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          version\n          steps\n          status\n          configurationId\n        }\n      }\n    }\n    integrations(first: 10) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          status\n          config\n          clientId\n          clientSecret {\n            lastFour\n            createdAt\n          }\n          workflow {\n            id\n          }\n          directory {\n            userCount\n            lastSync {\n              id\n              status\n            }\n          }\n          onboardingSessions(first: 10) {\n            totalCount\n            edges {\n              node {\n                id\n                status\n                workflowVersion\n                externalUserId\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.FuzzSnapshotDocument,
    "\n  query FuzzViewer {\n    viewer {\n      organization {\n        id\n      }\n    }\n  }\n": types.FuzzViewerDocument,
    "\n  mutation FuzzGenerateKey($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) {\n      apiKey {\n        id\n      }\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.FuzzGenerateKeyDocument,
    "\n  mutation FuzzRevokeKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      apiKey {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.FuzzRevokeKeyDocument,
    "\n  query FuzzLastSync($id: ID!) {\n    integration(id: $id) {\n      directory {\n        lastSync {\n          id\n          status\n        }\n      }\n    }\n  }\n": types.FuzzLastSyncDocument,
    "\n  query FuzzCursors {\n    integrations(first: 2) {\n      edges {\n        cursor\n      }\n    }\n    workflows(first: 1) {\n      edges {\n        cursor\n      }\n    }\n    apiKeys(first: 2) {\n      edges {\n        cursor\n      }\n    }\n  }\n": types.FuzzCursorsDocument,
    "\n  query FuzzOddStringsCounts {\n    workflows {\n      totalCount\n    }\n    integrations {\n      totalCount\n    }\n  }\n": types.FuzzOddStringsCountsDocument,
    "\n  mutation FuzzOddStringsCreate($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) {\n      workflow {\n        name\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.FuzzOddStringsCreateDocument,
    "\n  query GraphiqlWorkflow($id: ID!) {\n    workflow(id: $id) {\n      name\n      steps\n    }\n  }\n": types.GraphiqlWorkflowDocument,
    "\n  fragment CredentialsIntegrationFields on Integration {\n    id\n    name\n    status\n    config\n    updatedAt\n    directory {\n      lastSync {\n        id\n        status\n        error\n      }\n    }\n  }\n": types.CredentialsIntegrationFieldsFragmentDoc,
    "\n  mutation CredentialsCreate($input: CreateIntegrationInput!) {\n    createIntegration(input: $input) {\n      integration {\n        ...CredentialsIntegrationFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.CredentialsCreateDocument,
    "\n  mutation CredentialsUpdate($input: UpdateIntegrationInput!) {\n    updateIntegration(input: $input) {\n      integration {\n        ...CredentialsIntegrationFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.CredentialsUpdateDocument,
    "\n  mutation CredentialsDelete($input: DeleteIntegrationInput!) {\n    deleteIntegration(input: $input) {\n      deletedIntegrationId\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.CredentialsDeleteDocument,
    "\n  query CredentialsGet($id: ID!) {\n    integration(id: $id) {\n      ...CredentialsIntegrationFields\n    }\n  }\n": types.CredentialsGetDocument,
    "\n  query CredentialsCount {\n    integrations {\n      totalCount\n    }\n  }\n": types.CredentialsCountDocument,
    "\n  query CredentialsTemplates {\n    integrationTemplates {\n      key\n      fields {\n        key\n        secret\n        secretDestination\n      }\n    }\n  }\n": types.CredentialsTemplatesDocument,
    "\n    query CredentialsTokenRead($id: ID!) {\n      integration(id: $id) {\n        id\n        name\n        status\n        config\n      }\n      integrations {\n        totalCount\n      }\n    }\n  ": types.CredentialsTokenReadDocument,
    "\n    query CredentialsTokenOwn($id: ID!) {\n      integration(id: $id) {\n        id\n        status\n      }\n    }\n  ": types.CredentialsTokenOwnDocument,
    "\n    mutation CredentialsTokenOnboarding($input: RequestNewOnboardingInput!) {\n      requestNewOnboarding(input: $input) {\n        session {\n          id\n          status\n        }\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  ": types.CredentialsTokenOnboardingDocument,
    "\n    mutation CredentialsTokenStartSync($input: StartDirectorySyncInput!) {\n      startDirectorySync(input: $input) {\n        sync {\n          id\n        }\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  ": types.CredentialsTokenStartSyncDocument,
    "\n  fragment IntegrationsFields on Integration {\n    id\n    name\n    status\n    config\n    clientId\n    createdAt\n    updatedAt\n    template {\n      key\n      name\n      category\n      fields {\n        key\n        type\n        required\n        secret\n      }\n    }\n    workflow {\n      id\n      name\n      version\n    }\n    clientSecret {\n      lastFour\n      createdAt\n    }\n    directory {\n      userCount\n    }\n  }\n": types.IntegrationsFieldsFragmentDoc,
    "\n  mutation IntegrationsCreate($input: CreateIntegrationInput!) {\n    createIntegration(input: $input) {\n      integration {\n        ...IntegrationsFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.IntegrationsCreateDocument,
    "\n  mutation IntegrationsUpdate($input: UpdateIntegrationInput!) {\n    updateIntegration(input: $input) {\n      integration {\n        ...IntegrationsFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.IntegrationsUpdateDocument,
    "\n  mutation IntegrationsDelete($input: DeleteIntegrationInput!) {\n    deleteIntegration(input: $input) {\n      deletedIntegrationId\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.IntegrationsDeleteDocument,
    "\n  mutation IntegrationsGenerateSecret($input: GenerateClientSecretInput!) {\n    generateClientSecret(input: $input) {\n      clientSecret\n      integration {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.IntegrationsGenerateSecretDocument,
    "\n  mutation IntegrationsRequestOnboarding($input: RequestNewOnboardingInput!) {\n    requestNewOnboarding(input: $input) {\n      session {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.IntegrationsRequestOnboardingDocument,
    "\n  mutation IntegrationsCompleteOnboarding($input: CompleteOnboardingSessionInput!) {\n    completeOnboardingSession(input: $input) {\n      session {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.IntegrationsCompleteOnboardingDocument,
    "\n  query IntegrationsGet($id: ID!) {\n    integration(id: $id) {\n      ...IntegrationsFields\n    }\n    node(id: $id) {\n      id\n      ... on Integration {\n        name\n      }\n    }\n  }\n": types.IntegrationsGetDocument,
    "\n  query IntegrationsCount {\n    integrations {\n      totalCount\n    }\n  }\n": types.IntegrationsCountDocument,
    "\n  query IntegrationsConfigs {\n    integrations(first: 100) {\n      edges {\n        node {\n          config\n        }\n      }\n    }\n  }\n": types.IntegrationsConfigsDocument,
    "\n  query IntegrationsTemplates {\n    integrationTemplates {\n      key\n      category\n      fields {\n        key\n        type\n        required\n        secret\n      }\n    }\n  }\n": types.IntegrationsTemplatesDocument,
    "\n  query IntegrationsLastSync($id: ID!) {\n    integration(id: $id) {\n      directory {\n        lastSync {\n          id\n          status\n          error\n        }\n      }\n    }\n  }\n": types.IntegrationsLastSyncDocument,
    "\n  mutation IntegrationsStartSync($id: ID!) {\n    startDirectorySync(input: { integrationId: $id }) {\n      sync {\n        id\n      }\n      userErrors {\n        code\n      }\n    }\n  }\n": types.IntegrationsStartSyncDocument,
    "\n  query IntegrationsList($filter: IntegrationFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    integrations(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n": types.IntegrationsListDocument,
    "\n  query IntegrationsFullPage {\n    integrations(first: 100) {\n      totalCount\n      edges {\n        node {\n          ...IntegrationsFields\n          onboardingSessions(first: 5) {\n            totalCount\n          }\n        }\n      }\n    }\n  }\n": types.IntegrationsFullPageDocument,
    "\n  query IntegrationsDirectoryUsers($id: ID!) {\n    directoryUsers(integrationId: $id) {\n      totalCount\n    }\n  }\n": types.IntegrationsDirectoryUsersDocument,
    "\n  query IntegrationsSessionsOf($id: ID!) {\n    integration(id: $id) {\n      onboardingSessions {\n        totalCount\n        edges {\n          node {\n            id\n          }\n        }\n      }\n    }\n  }\n": types.IntegrationsSessionsOfDocument,
    "\n  query IntegrationsSession($id: ID!) {\n    onboardingSession(id: $id) {\n      id\n      status\n    }\n    node(id: $id) {\n      id\n    }\n  }\n": types.IntegrationsSessionDocument,
    "\n  query IntegrationsUsersOf($id: ID!) {\n    directoryUsers(integrationId: $id) {\n      totalCount\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n": types.IntegrationsUsersOfDocument,
    "\n  query IntegrationsIds {\n    integrations(first: 100) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n": types.IntegrationsIdsDocument,
    "\n  query IntegrationsTheirs($oidc: ID!, $okta: ID!, $session: ID!) {\n    oidc: integration(id: $oidc) {\n      name\n      status\n      clientSecret {\n        lastFour\n      }\n      onboardingSessions {\n        totalCount\n      }\n    }\n    okta: integration(id: $okta) {\n      name\n      status\n    }\n    onboardingSession(id: $session) {\n      status\n      completedAt\n    }\n  }\n": types.IntegrationsTheirsDocument,
    "\n  query IntegrationsGatedTemplates {\n    integrationTemplates {\n      key\n    }\n  }\n": types.IntegrationsGatedTemplatesDocument,
    "\n  query IntegrationsGatedIntegration($id: ID!) {\n    integration(id: $id) {\n      id\n    }\n  }\n": types.IntegrationsGatedIntegrationDocument,
    "\n  query IntegrationsGatedSession($id: ID!) {\n    onboardingSession(id: $id) {\n      id\n    }\n  }\n": types.IntegrationsGatedSessionDocument,
    "\n  query IntegrationsGatedViewer {\n    viewer {\n      organization {\n        id\n        features\n      }\n    }\n  }\n": types.IntegrationsGatedViewerDocument,
    "\n  query IntegrationsGatedWorkflows {\n    workflows {\n      totalCount\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n": types.IntegrationsGatedWorkflowsDocument,
    "\n  query LifecycleViewer {\n    viewer {\n      organization {\n        id\n        name\n      }\n    }\n  }\n": types.LifecycleViewerDocument,
    "\n  query OAuthViewer {\n    viewer {\n      organization {\n        id\n        name\n        features\n      }\n      apiKey {\n        id\n      }\n    }\n  }\n": types.OAuthViewerDocument,
    "\n  mutation OAuthRequestOnboarding($input: RequestNewOnboardingInput!) {\n    requestNewOnboarding(input: $input) {\n      session {\n        id\n        status\n        integration {\n          id\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.OAuthRequestOnboardingDocument,
    "\n  query OAuthApiKeyCount {\n    apiKeys {\n      totalCount\n    }\n  }\n": types.OAuthApiKeyCountDocument,
    "\n  mutation OAuthGenerateApiKey {\n    generateApiKey(input: { name: \"from a token\" }) {\n      secret\n    }\n  }\n": types.OAuthGenerateApiKeyDocument,
    "\n  mutation OAuthRevokeApiKey($id: ID!) {\n    revokeApiKey(input: { id: $id }) {\n      apiKey {\n        id\n      }\n    }\n  }\n": types.OAuthRevokeApiKeyDocument,
    "\n  mutation OAuthRollApiKey($id: ID!) {\n    rollApiKey(input: { id: $id }) {\n      secret\n    }\n  }\n": types.OAuthRollApiKeyDocument,
    "\n  mutation OAuthGenerateSecret($id: ID!) {\n    generateClientSecret(input: { integrationId: $id }) {\n      clientSecret\n    }\n  }\n": types.OAuthGenerateSecretDocument,
    "\n  query OAuthForeignIntegration($id: ID!) {\n    integration(id: $id) {\n      id\n    }\n    node(id: $id) {\n      id\n    }\n  }\n": types.OAuthForeignIntegrationDocument,
    "\n  query OAuthIntegrationCount {\n    integrations {\n      totalCount\n    }\n  }\n": types.OAuthIntegrationCountDocument,
    "\n  query OAuthWsViewer {\n    viewer {\n      organization {\n        id\n      }\n      apiKey {\n        id\n      }\n    }\n  }\n": types.OAuthWsViewerDocument,
    "\n  query OAuthWsOrganization {\n    viewer {\n      organization {\n        id\n      }\n    }\n  }\n": types.OAuthWsOrganizationDocument,
    "\n  query OnboardingPageSession($id: ID!) {\n    onboardingSession(id: $id) {\n      id\n      status\n      completedAt\n    }\n  }\n": types.OnboardingPageSessionDocument,
    "\n  query OnboardingPageEvents($types: [String!]) {\n    events(first: 50, filter: { types: $types }) {\n      edges {\n        node {\n          type\n          data\n        }\n      }\n    }\n  }\n": types.OnboardingPageEventsDocument,
    "\n  query OnboardingPageAudit($targetId: ID!) {\n    auditLog(first: 10, filter: { targetId: $targetId }) {\n      edges {\n        node {\n          action\n          actor {\n            type\n            id\n            name\n          }\n          changes\n        }\n      }\n    }\n  }\n": types.OnboardingPageAuditDocument,
    "\n  fragment OnboardingSessionFields on OnboardingSession {\n    id\n    status\n    onboardingUrl\n    createdAt\n    completedAt\n    workflowVersion\n    steps\n    workflow {\n      id\n      version\n      steps\n    }\n    integration {\n      id\n    }\n    directoryUser {\n      id\n    }\n  }\n": types.OnboardingSessionFieldsFragmentDoc,
    "\n  mutation OnboardingRequest($input: RequestNewOnboardingInput!) {\n    requestNewOnboarding(input: $input) {\n      session {\n        ...OnboardingSessionFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.OnboardingRequestDocument,
    "\n  mutation OnboardingComplete($input: CompleteOnboardingSessionInput!) {\n    completeOnboardingSession(input: $input) {\n      session {\n        ...OnboardingSessionFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.OnboardingCompleteDocument,
    "\n  query OnboardingGetSession($id: ID!) {\n    onboardingSession(id: $id) {\n      ...OnboardingSessionFields\n    }\n    node(id: $id) {\n      id\n    }\n  }\n": types.OnboardingGetSessionDocument,
    "\n  query OnboardingSessionCount($id: ID!) {\n    integration(id: $id) {\n      onboardingSessions(first: 100) {\n        totalCount\n        edges {\n          node {\n            id\n          }\n        }\n      }\n    }\n  }\n": types.OnboardingSessionCountDocument,
    "\n  query OnboardingSessionsPage($id: ID!, $first: Int, $after: String) {\n    integration(id: $id) {\n      onboardingSessions(first: $first, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node {\n            id\n            integration {\n              id\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.OnboardingSessionsPageDocument,
    "\n  mutation OnboardingUpdateIntegration($input: UpdateIntegrationInput!) {\n    updateIntegration(input: $input) {\n      integration {\n        id\n        status\n        workflow {\n          id\n        }\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.OnboardingUpdateIntegrationDocument,
    "\n  mutation OnboardingDeleteIntegration($input: DeleteIntegrationInput!) {\n    deleteIntegration(input: $input) {\n      deletedIntegrationId\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.OnboardingDeleteIntegrationDocument,
    "\n  mutation OnboardingUpdateWorkflow($input: UpdateWorkflowInput!) {\n    updateWorkflow(input: $input) {\n      workflow {\n        id\n        version\n        steps\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.OnboardingUpdateWorkflowDocument,
    "\n  mutation OutboundWebhookCreate($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.OutboundWebhookCreateDocument,
    "\n  mutation OutboundWebhookTest($input: SendTestWebhookInput!) {\n    sendTestWebhook(input: $input) {\n      delivery {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.OutboundWebhookTestDocument,
    "\n  query OutboundWebhookDeliveries($id: ID!) {\n    webhookEndpoint(id: $id) {\n      deliveries(first: 5) {\n        edges {\n          node {\n            status\n            attempts\n            lastError\n            lastResponseStatus\n          }\n        }\n      }\n    }\n  }\n": types.OutboundWebhookDeliveriesDocument,
    "\n  query QueryCountsList($first: Int = 100) {\n    integrations(first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          status\n          config\n          clientId\n          template {\n            key\n            name\n            category\n            fields {\n              key\n            }\n          }\n          workflow {\n            id\n            name\n            version\n          }\n          clientSecret {\n            lastFour\n            createdAt\n          }\n          directory {\n            userCount\n            lastSync {\n              id\n              status\n            }\n          }\n        }\n      }\n    }\n  }\n": types.QueryCountsListDocument,
    "\n  query QueryCountsSessions($id: ID!) {\n    integration(id: $id) {\n      id\n      onboardingSessions(first: 50) {\n        totalCount\n        edges {\n          node {\n            id\n            status\n            workflow {\n              id\n            }\n            workflowVersion\n            steps\n            integration {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n": types.QueryCountsSessionsDocument,
    "\n  mutation QueryCountsCreateWorkflow($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) {\n      workflow {\n        id\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.QueryCountsCreateWorkflowDocument,
    "\n  mutation QueryCountsCreateIntegration($input: CreateIntegrationInput!) {\n    createIntegration(input: $input) {\n      integration {\n        id\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.QueryCountsCreateIntegrationDocument,
    "\n  mutation QueryCountsGenerateSecret($input: GenerateClientSecretInput!) {\n    generateClientSecret(input: $input) {\n      clientSecret\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.QueryCountsGenerateSecretDocument,
    "\n  mutation QueryCountsRequest($input: RequestNewOnboardingInput!) {\n    requestNewOnboarding(input: $input) {\n      session {\n        id\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.QueryCountsRequestDocument,
    "\n  fragment QueryCountsSessionSelection on OnboardingSession {\n    id\n    status\n    onboardingUrl\n    workflowVersion\n    steps\n    workflow {\n      id\n      name\n      version\n    }\n    integration {\n      id\n      name\n      template {\n        key\n      }\n    }\n  }\n": types.QueryCountsSessionSelectionFragmentDoc,
    "\n  fragment QueryCountsIntegrationSelection on Integration {\n    id\n    name\n    config\n    template {\n      key\n    }\n    workflow {\n      id\n      name\n    }\n    clientSecret {\n      lastFour\n    }\n    directory {\n      userCount\n      lastSync {\n        id\n        status\n      }\n    }\n  }\n": types.QueryCountsIntegrationSelectionFragmentDoc,
    "\n  mutation QueryCountsRequestFull($input: RequestNewOnboardingInput!) {\n    requestNewOnboarding(input: $input) {\n      session {\n        ...QueryCountsSessionSelection\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.QueryCountsRequestFullDocument,
    "\n  query QueryCountsSessionById($id: ID!) {\n    onboardingSession(id: $id) {\n      ...QueryCountsSessionSelection\n    }\n  }\n": types.QueryCountsSessionByIdDocument,
    "\n  mutation QueryCountsCreateIntegrationFull($input: CreateIntegrationInput!) {\n    createIntegration(input: $input) {\n      integration {\n        ...QueryCountsIntegrationSelection\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.QueryCountsCreateIntegrationFullDocument,
    "\n  query QueryCountsIntegrationById($id: ID!) {\n    integration(id: $id) {\n      ...QueryCountsIntegrationSelection\n    }\n  }\n": types.QueryCountsIntegrationByIdDocument,
    "\n  mutation QueryCountsCreateWorkflowColumns($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) {\n      workflow {\n        id\n        name\n        status\n        steps\n        version\n        createdAt\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.QueryCountsCreateWorkflowColumnsDocument,
    "\n  fragment QueryCountsBenchNode on Integration {\n    id\n    name\n    status\n    clientId\n    config\n    createdAt\n    template {\n      key\n      name\n      category\n      takesWorkflow\n    }\n    workflow {\n      id\n      name\n      version\n    }\n    clientSecret {\n      lastFour\n      createdAt\n    }\n  }\n": types.QueryCountsBenchNodeFragmentDoc,
    "\n  query QueryCountsBenchViewer {\n    viewer {\n      organization {\n        id\n        name\n      }\n    }\n  }\n": types.QueryCountsBenchViewerDocument,
    "\n  query QueryCountsBenchIntegrations {\n    integrations(first: 50) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...QueryCountsBenchNode\n        }\n      }\n    }\n  }\n": types.QueryCountsBenchIntegrationsDocument,
    "\n  query QueryCountsBenchIntegration($id: ID!) {\n    integration(id: $id) {\n      ...QueryCountsBenchNode\n    }\n  }\n": types.QueryCountsBenchIntegrationDocument,
    "\n  query QueryCountsBenchSessions($id: ID!) {\n    integration(id: $id) {\n      id\n      onboardingSessions(first: 20) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            status\n            externalUserId\n            email\n            createdAt\n            expiresAt\n            completedAt\n            workflowVersion\n            steps\n            workflow {\n              id\n              name\n              version\n            }\n            integration {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n": types.QueryCountsBenchSessionsDocument,
    "\n  mutation QueryCountsBenchRequest($input: RequestNewOnboardingInput!) {\n    requestNewOnboarding(input: $input) {\n      session {\n        id\n        status\n        externalUserId\n        createdAt\n        expiresAt\n        workflowVersion\n        steps\n        workflow {\n          id\n        }\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.QueryCountsBenchRequestDocument,
    "\n  query QueryCountsGroups($integrationId: ID!) {\n    directoryGroups(integrationId: $integrationId, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          memberCount\n          members(first: 5) {\n            totalCount\n            edges {\n              node {\n                id\n                active\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.QueryCountsGroupsDocument,
    "\n  query QueryCountsUserGroups($integrationId: ID!) {\n    directoryUsers(integrationId: $integrationId, first: 25) {\n      totalCount\n      edges {\n        node {\n          id\n          groups(first: 10) {\n            totalCount\n            edges {\n              node {\n                id\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.QueryCountsUserGroupsDocument,
    "\n  query QueryCountsEvents {\n    events(first: 50) {\n      edges {\n        node {\n          id\n          type\n          occurredAt\n          data\n        }\n      }\n    }\n  }\n": types.QueryCountsEventsDocument,
    "\n  query QueryCountsDeliveries($id: ID!) {\n    webhookEndpoint(id: $id) {\n      id\n      deliveries(first: 50) {\n        totalCount\n        edges {\n          node {\n            id\n            status\n            attempts\n            event {\n              id\n              type\n              data\n            }\n            endpoint {\n              id\n              url\n            }\n          }\n        }\n      }\n    }\n  }\n": types.QueryCountsDeliveriesDocument,
    "\n  query QueryCountsAuditLog {\n    auditLog(first: 50) {\n      edges {\n        node {\n          id\n          action\n          actor {\n            type\n            id\n            name\n          }\n          targetId\n          changes\n        }\n      }\n    }\n  }\n": types.QueryCountsAuditLogDocument,
    "\n  mutation QueryCountsCreateEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.QueryCountsCreateEndpointDocument,
    "\n  mutation QueryCountsGenerateKey($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) {\n      apiKey {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.QueryCountsGenerateKeyDocument,
    "\n  mutation SecretsScanCreateEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        id\n      }\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.SecretsScanCreateEndpointDocument,
    "\n  mutation SecretsScanRotate($input: RotateWebhookSecretInput!) {\n    rotateWebhookSecret(input: $input) {\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.SecretsScanRotateDocument,
    "\n  mutation SecretsScanGenerateKey($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) {\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.SecretsScanGenerateKeyDocument,
    "\n  mutation SecretsScanClientSecret($input: GenerateClientSecretInput!) {\n    generateClientSecret(input: $input) {\n      clientSecret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.SecretsScanClientSecretDocument,
    "\n  mutation SecretsScanUpdateIntegration($input: UpdateIntegrationInput!) {\n    updateIntegration(input: $input) {\n      integration {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.SecretsScanUpdateIntegrationDocument,
    "\n  query SecretsScanSession($id: ID!) {\n    onboardingSession(id: $id) {\n      onboardingUrl\n    }\n  }\n": types.SecretsScanSessionDocument,
    "\n  query SecretsScanPending($id: ID!) {\n    webhookEndpoint(id: $id) {\n      deliveries(first: 100) {\n        totalCount\n        edges {\n          node {\n            status\n          }\n        }\n      }\n    }\n  }\n": types.SecretsScanPendingDocument,
    "\n  fragment DirectorySyncFields on DirectorySync {\n    id\n    status\n    kind\n    trigger\n    processed\n    total\n    created\n    updated\n    deactivated\n    groups\n    deactivationBlocked\n    error\n    startedAt\n    finishedAt\n  }\n": types.DirectorySyncFieldsFragmentDoc,
    "\n  fragment DirectoryUserFields on DirectoryUser {\n    id\n    externalId\n    email\n    userPrincipalName\n    employeeId\n    displayName\n    active\n    enrollmentStatus\n  }\n": types.DirectoryUserFieldsFragmentDoc,
    "\n  mutation DirectoryCreateIntegration($input: CreateIntegrationInput!) {\n    createIntegration(input: $input) {\n      integration {\n        id\n        directory {\n          userCount\n          lastSync {\n            ...DirectorySyncFields\n          }\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.DirectoryCreateIntegrationDocument,
    "\n  mutation DirectoryStartSync($input: StartDirectorySyncInput!) {\n    startDirectorySync(input: $input) {\n      sync {\n        ...DirectorySyncFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.DirectoryStartSyncDocument,
    "\n  query DirectorySyncNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on DirectorySync {\n        ...DirectorySyncFields\n      }\n    }\n  }\n": types.DirectorySyncNodeDocument,
    "\n  query DirectoryOfIntegration($id: ID!) {\n    integration(id: $id) {\n      id\n      status\n      directory {\n        userCount\n        nextSyncAt\n        lastSync {\n          ...DirectorySyncFields\n        }\n      }\n    }\n  }\n": types.DirectoryOfIntegrationDocument,
    "\n  query DirectoryUsersPage($integrationId: ID!, $first: Int, $after: String, $filter: DirectoryUserFilter) {\n    directoryUsers(integrationId: $integrationId, first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...DirectoryUserFields\n        }\n      }\n    }\n  }\n": types.DirectoryUsersPageDocument,
    "\n  mutation DirectoryCreateWorkflow($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) {\n      workflow {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.DirectoryCreateWorkflowDocument,
    "\n  mutation DirectoryCreateApiIntegration($input: CreateIntegrationInput!) {\n    createIntegration(input: $input) {\n      integration {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.DirectoryCreateApiIntegrationDocument,
    "\n  fragment KitWorkflow on Workflow {\n    id\n    configurationId\n    name\n    status\n    steps\n    version\n  }\n": types.KitWorkflowFragmentDoc,
    "\n  fragment KitIntegration on Integration {\n    id\n    name\n    status\n    clientId\n    config\n    template {\n      key\n      category\n    }\n    workflow {\n      id\n      version\n    }\n  }\n": types.KitIntegrationFragmentDoc,
    "\n  fragment KitSession on OnboardingSession {\n    id\n    status\n    onboardingUrl\n    createdAt\n    completedAt\n    workflowVersion\n    steps\n    workflow {\n      id\n      version\n    }\n    integration {\n      id\n    }\n  }\n": types.KitSessionFragmentDoc,
    "\n  mutation KitCreateWorkflow($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) {\n      workflow {\n        ...KitWorkflow\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.KitCreateWorkflowDocument,
    "\n  mutation KitCreateIntegration($input: CreateIntegrationInput!) {\n    createIntegration(input: $input) {\n      integration {\n        ...KitIntegration\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.KitCreateIntegrationDocument,
    "\n  mutation KitGenerateClientSecret($input: GenerateClientSecretInput!) {\n    generateClientSecret(input: $input) {\n      clientSecret\n      integration {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.KitGenerateClientSecretDocument,
    "\n  mutation KitRequestOnboarding($input: RequestNewOnboardingInput!) {\n    requestNewOnboarding(input: $input) {\n      session {\n        ...KitSession\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.KitRequestOnboardingDocument,
    "\n  mutation OAuthSupportGenerateSecret($input: GenerateClientSecretInput!) {\n    generateClientSecret(input: $input) {\n      clientSecret\n      integration {\n        id\n        clientSecret {\n          lastFour\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.OAuthSupportGenerateSecretDocument,
    "\n  mutation OAuthSupportUpdateIntegration($input: UpdateIntegrationInput!) {\n    updateIntegration(input: $input) {\n      integration {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.OAuthSupportUpdateIntegrationDocument,
    "\n  mutation OAuthSupportDeleteIntegration($input: DeleteIntegrationInput!) {\n    deleteIntegration(input: $input) {\n      deletedIntegrationId\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.OAuthSupportDeleteIntegrationDocument,
    "\n  query OAuthSupportViewer {\n    viewer {\n      organization {\n        id\n      }\n    }\n  }\n": types.OAuthSupportViewerDocument,
    "\n  query SyncAttemptsLastSync($id: ID!) {\n    integration(id: $id) {\n      directory {\n        lastSync {\n          id\n          status\n          error\n        }\n      }\n    }\n  }\n": types.SyncAttemptsLastSyncDocument,
    "\n  mutation SyncFairnessDelete($input: DeleteIntegrationInput!) {\n    deleteIntegration(input: $input) {\n      deletedIntegrationId\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.SyncFairnessDeleteDocument,
    "\n  query SyncFairnessSyncsOf {\n    integrations(first: 100) {\n      edges {\n        node {\n          id\n          directory {\n            lastSync {\n              id\n              status\n            }\n          }\n        }\n      }\n    }\n  }\n": types.SyncFairnessSyncsOfDocument,
    "\n  mutation WebhooksCreate($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        id\n        url\n        description\n        eventTypes\n        enabled\n        createdAt\n      }\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.WebhooksCreateDocument,
    "\n  mutation WebhooksUpdate($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      endpoint {\n        id\n        url\n        eventTypes\n        enabled\n        description\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.WebhooksUpdateDocument,
    "\n  mutation WebhooksDelete($input: DeleteWebhookEndpointInput!) {\n    deleteWebhookEndpoint(input: $input) {\n      deletedWebhookEndpointId\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.WebhooksDeleteDocument,
    "\n  mutation WebhooksRotate($input: RotateWebhookSecretInput!) {\n    rotateWebhookSecret(input: $input) {\n      endpoint {\n        id\n      }\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.WebhooksRotateDocument,
    "\n  mutation WebhooksTest($input: SendTestWebhookInput!) {\n    sendTestWebhook(input: $input) {\n      delivery {\n        id\n        status\n        event {\n          id\n          type\n        }\n        endpoint {\n          id\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.WebhooksTestDocument,
    "\n  mutation WebhooksRedeliver($input: RedeliverWebhookEventInput!) {\n    redeliverWebhookEvent(input: $input) {\n      delivery {\n        id\n        status\n        event {\n          id\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.WebhooksRedeliverDocument,
    "\n  query WebhooksEndpoint($id: ID!) {\n    webhookEndpoint(id: $id) {\n      id\n      url\n      enabled\n      deliveries(first: 50) {\n        totalCount\n        edges {\n          node {\n            id\n            status\n            attempts\n            lastResponseStatus\n            lastError\n            nextAttemptAt\n            deliveredAt\n            createdAt\n            event {\n              id\n              type\n            }\n          }\n        }\n      }\n    }\n  }\n": types.WebhooksEndpointDocument,
    "\n  query WebhooksEndpoints {\n    webhookEndpoints(first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n": types.WebhooksEndpointsDocument,
    "\n  query WebhooksEvents($filter: EventFilter) {\n    events(first: 50, filter: $filter) {\n      edges {\n        node {\n          id\n          type\n          occurredAt\n          data\n        }\n      }\n    }\n  }\n": types.WebhooksEventsDocument,
    "\n  mutation WebhooksMakeKey($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) {\n      apiKey {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.WebhooksMakeKeyDocument,
    "\n  mutation WorkflowsCreate($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) {\n      workflow {\n        id\n        configurationId\n        name\n        status\n        steps\n        version\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.WorkflowsCreateDocument,
    "\n  mutation WorkflowsUpdate($input: UpdateWorkflowInput!) {\n    updateWorkflow(input: $input) {\n      workflow {\n        id\n        name\n        steps\n        version\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.WorkflowsUpdateDocument,
    "\n  query WorkflowsGet($id: ID!) {\n    workflow(id: $id) {\n      id\n      name\n      version\n      steps\n    }\n    node(id: $id) {\n      id\n      ... on Workflow {\n        name\n      }\n    }\n  }\n": types.WorkflowsGetDocument,
    "\n  query WorkflowsCount {\n    workflows {\n      totalCount\n    }\n  }\n": types.WorkflowsCountDocument,
    "\n  query WorkflowsPage($first: Int, $after: String, $last: Int, $before: String) {\n    workflows(first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n": types.WorkflowsPageDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRotateCreateEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        id\n      }\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminRotateCreateEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        id\n      }\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminRotateViewer {\n    viewer {\n      organization {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminRotateViewer {\n    viewer {\n      organization {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminSyncAuditLog {\n    auditLog(first: 20) {\n      edges {\n        node {\n          action\n          targetId\n          actor {\n            type\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminSyncAuditLog {\n    auditLog(first: 20) {\n      edges {\n        node {\n          action\n          targetId\n          actor {\n            type\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminViewer {\n    viewer {\n      organization {\n        id\n        name\n        features\n      }\n      apiKey {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminViewer {\n    viewer {\n      organization {\n        id\n        name\n        features\n      }\n      apiKey {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateWorkflow($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) {\n      workflow {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateWorkflow($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) {\n      workflow {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateWorkflow($input: UpdateWorkflowInput!) {\n    updateWorkflow(input: $input) {\n      workflow {\n        version\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUpdateWorkflow($input: UpdateWorkflowInput!) {\n    updateWorkflow(input: $input) {\n      workflow {\n        version\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminWorkflowVersion($id: ID!) {\n    workflow(id: $id) {\n      version\n    }\n  }\n"): (typeof documents)["\n  query AdminWorkflowVersion($id: ID!) {\n    workflow(id: $id) {\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminAuditLog {\n    auditLog(first: 10) {\n      edges {\n        node {\n          action\n          targetId\n          actor {\n            type\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminAuditLog {\n    auditLog(first: 10) {\n      edges {\n        node {\n          action\n          targetId\n          actor {\n            type\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApiKeysGenerate($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) {\n      apiKey {\n        id\n        name\n        prefix\n        lastFour\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ApiKeysGenerate($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) {\n      apiKey {\n        id\n        name\n        prefix\n        lastFour\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApiKeysRevoke($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      apiKey {\n        id\n        name\n        revokedAt\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ApiKeysRevoke($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      apiKey {\n        id\n        name\n        revokedAt\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeysViewer {\n    viewer {\n      organization {\n        id\n      }\n      apiKey {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query ApiKeysViewer {\n    viewer {\n      organization {\n        id\n      }\n      apiKey {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeysCount {\n    apiKeys {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query ApiKeysCount {\n    apiKeys {\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeysFields {\n    __type(name: \"ApiKey\") {\n      fields {\n        name\n        args {\n          name\n        }\n        type {\n          kind\n          ofType {\n            kind\n            ofType {\n              kind\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ApiKeysFields {\n    __type(name: \"ApiKey\") {\n      fields {\n        name\n        args {\n          name\n        }\n        type {\n          kind\n          ofType {\n            kind\n            ofType {\n              kind\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeysRevokedNode($id: ID!) {\n    node(id: $id) {\n      ... on ApiKey {\n        id\n        revokedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query ApiKeysRevokedNode($id: ID!) {\n    node(id: $id) {\n      ... on ApiKey {\n        id\n        revokedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeysPage($first: Int, $after: String, $last: Int, $before: String) {\n    apiKeys(first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ApiKeysPage($first: Int, $after: String, $last: Int, $before: String) {\n    apiKeys(first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeysFirst101 {\n    apiKeys(first: 101) {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query ApiKeysFirst101 {\n    apiKeys(first: 101) {\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeysNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on ApiKey {\n        name\n        lastFour\n      }\n    }\n  }\n"): (typeof documents)["\n  query ApiKeysNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on ApiKey {\n        name\n        lastFour\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLogEntries($first: Int, $after: String, $filter: AuditLogFilter) {\n    auditLog(first: $first, after: $after, filter: $filter) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          action\n          occurredAt\n          actor {\n            type\n            id\n            name\n          }\n          targetId\n          requestId\n          ipAddress\n          changes\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLogEntries($first: Int, $after: String, $filter: AuditLogFilter) {\n    auditLog(first: $first, after: $after, filter: $filter) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          action\n          occurredAt\n          actor {\n            type\n            id\n            name\n          }\n          targetId\n          requestId\n          ipAddress\n          changes\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLogKeys {\n    apiKeys(first: 10) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLogKeys {\n    apiKeys(first: 10) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuditLogUpdateIntegration($input: UpdateIntegrationInput!) {\n    updateIntegration(input: $input) {\n      integration {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AuditLogUpdateIntegration($input: UpdateIntegrationInput!) {\n    updateIntegration(input: $input) {\n      integration {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuditLogUpdateWorkflow($input: UpdateWorkflowInput!) {\n    updateWorkflow(input: $input) {\n      workflow {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AuditLogUpdateWorkflow($input: UpdateWorkflowInput!) {\n    updateWorkflow(input: $input) {\n      workflow {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuditLogRequest($input: RequestNewOnboardingInput!) {\n    requestNewOnboarding(input: $input) {\n      session {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AuditLogRequest($input: RequestNewOnboardingInput!) {\n    requestNewOnboarding(input: $input) {\n      session {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthViewer {\n    viewer {\n      organization {\n        id\n        name\n        features\n      }\n      apiKey {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuthViewer {\n    viewer {\n      organization {\n        id\n        name\n        features\n      }\n      apiKey {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthGenerateKey($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) {\n      apiKey {\n        id\n        name\n      }\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AuthGenerateKey($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) {\n      apiKey {\n        id\n        name\n      }\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthRevokeKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      apiKey {\n        id\n        revokedAt\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AuthRevokeKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      apiKey {\n        id\n        revokedAt\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthSneakyKey {\n    generateApiKey(input: { name: \"sneaky\" }) {\n      secret\n    }\n  }\n"): (typeof documents)["\n  mutation AuthSneakyKey {\n    generateApiKey(input: { name: \"sneaky\" }) {\n      secret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthKeyNames {\n    apiKeys(first: 100) {\n      edges {\n        node {\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuthKeyNames {\n    apiKeys(first: 100) {\n      edges {\n        node {\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthKeys {\n    apiKeys {\n      edges {\n        node {\n          id\n          name\n          prefix\n          lastFour\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuthKeys {\n    apiKeys {\n      edges {\n        node {\n          id\n          name\n          prefix\n          lastFour\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthNode($id: ID!) {\n    node(id: $id) {\n      id\n      ... on Organization {\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuthNode($id: ID!) {\n    node(id: $id) {\n      id\n      ... on Organization {\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthKeyUsage($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on ApiKey {\n        createdAt\n        lastUsedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuthKeyUsage($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on ApiKey {\n        createdAt\n        lastUsedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BadInputViewer {\n    viewer {\n      organization {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query BadInputViewer {\n    viewer {\n      organization {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BadInputCounts {\n    apiKeys {\n      totalCount\n    }\n    workflows {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query BadInputCounts {\n    apiKeys {\n      totalCount\n    }\n    workflows {\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientSecretsCreate($input: CreateIntegrationInput!) {\n    createIntegration(input: $input) {\n      integration {\n        id\n        clientId\n        clientSecret {\n          lastFour\n          createdAt\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ClientSecretsCreate($input: CreateIntegrationInput!) {\n    createIntegration(input: $input) {\n      integration {\n        id\n        clientId\n        clientSecret {\n          lastFour\n          createdAt\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientSecretsGenerate($input: GenerateClientSecretInput!) {\n    generateClientSecret(input: $input) {\n      clientSecret\n      integration {\n        id\n        clientId\n        clientSecret {\n          lastFour\n          createdAt\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ClientSecretsGenerate($input: GenerateClientSecretInput!) {\n    generateClientSecret(input: $input) {\n      clientSecret\n      integration {\n        id\n        clientId\n        clientSecret {\n          lastFour\n          createdAt\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientSecretsRead($id: ID!) {\n    integration(id: $id) {\n      id\n      name\n      clientId\n      config\n      clientSecret {\n        lastFour\n        createdAt\n      }\n    }\n    node(id: $id) {\n      __typename\n      id\n      ... on Integration {\n        clientSecret {\n          lastFour\n        }\n      }\n    }\n    integrations(first: 100) {\n      edges {\n        node {\n          id\n          clientId\n          config\n          clientSecret {\n            lastFour\n            createdAt\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClientSecretsRead($id: ID!) {\n    integration(id: $id) {\n      id\n      name\n      clientId\n      config\n      clientSecret {\n        lastFour\n        createdAt\n      }\n    }\n    node(id: $id) {\n      __typename\n      id\n      ... on Integration {\n        clientSecret {\n          lastFour\n        }\n      }\n    }\n    integrations(first: 100) {\n      edges {\n        node {\n          id\n          clientId\n          config\n          clientSecret {\n            lastFour\n            createdAt\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CredentialCacheViewer {\n    viewer {\n      organization {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query CredentialCacheViewer {\n    viewer {\n      organization {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CredentialCacheGenerate($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) {\n      apiKey {\n        id\n      }\n      secret\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CredentialCacheGenerate($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) {\n      apiKey {\n        id\n      }\n      secret\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CredentialCacheRevoke($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      apiKey {\n        id\n        revokedAt\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CredentialCacheRevoke($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      apiKey {\n        id\n        revokedAt\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CredentialsRotate($input: GenerateClientSecretInput!) {\n    generateClientSecret(input: $input) {\n      clientSecret\n      integration {\n        id\n        clientSecret {\n          id\n          lastFour\n        }\n        clientSecrets {\n          id\n          lastFour\n          createdAt\n          expiresAt\n          lastUsedAt\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CredentialsRotate($input: GenerateClientSecretInput!) {\n    generateClientSecret(input: $input) {\n      clientSecret\n      integration {\n        id\n        clientSecret {\n          id\n          lastFour\n        }\n        clientSecrets {\n          id\n          lastFour\n          createdAt\n          expiresAt\n          lastUsedAt\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CredentialsSecrets($id: ID!) {\n    integration(id: $id) {\n      clientSecret {\n        id\n        lastFour\n      }\n      clientSecrets {\n        id\n        lastFour\n        expiresAt\n        lastUsedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query CredentialsSecrets($id: ID!) {\n    integration(id: $id) {\n      clientSecret {\n        id\n        lastFour\n      }\n      clientSecrets {\n        id\n        lastFour\n        expiresAt\n        lastUsedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CredentialsGenerateKey($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) {\n      apiKey {\n        id\n        name\n        expiresAt\n        revokedAt\n      }\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CredentialsGenerateKey($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) {\n      apiKey {\n        id\n        name\n        expiresAt\n        revokedAt\n      }\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CredentialsRollKey($input: RollApiKeyInput!) {\n    rollApiKey(input: $input) {\n      apiKey {\n        id\n        name\n        expiresAt\n        revokedAt\n      }\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CredentialsRollKey($input: RollApiKeyInput!) {\n    rollApiKey(input: $input) {\n      apiKey {\n        id\n        name\n        expiresAt\n        revokedAt\n      }\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CredentialsKeys {\n    apiKeys(first: 100) {\n      edges {\n        node {\n          id\n          name\n          expiresAt\n          revokedAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CredentialsKeys {\n    apiKeys(first: 100) {\n      edges {\n        node {\n          id\n          name\n          expiresAt\n          revokedAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CredentialsViewer {\n    viewer {\n      apiKey {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query CredentialsViewer {\n    viewer {\n      apiKey {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CredentialsEvents($types: [String!]) {\n    events(first: 50, filter: { types: $types }) {\n      edges {\n        node {\n          type\n          data\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CredentialsEvents($types: [String!]) {\n    events(first: 50, filter: { types: $types }) {\n      edges {\n        node {\n          type\n          data\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CursorsPageInfo on PageInfo {\n    hasNextPage\n    hasPreviousPage\n    startCursor\n    endCursor\n  }\n"): (typeof documents)["\n  fragment CursorsPageInfo on PageInfo {\n    hasNextPage\n    hasPreviousPage\n    startCursor\n    endCursor\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CursorsWorkflowPage on WorkflowConnection {\n    totalCount\n    pageInfo {\n      ...CursorsPageInfo\n    }\n    edges {\n      cursor\n      node {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment CursorsWorkflowPage on WorkflowConnection {\n    totalCount\n    pageInfo {\n      ...CursorsPageInfo\n    }\n    edges {\n      cursor\n      node {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CursorsIntegrationPage on IntegrationConnection {\n    totalCount\n    pageInfo {\n      ...CursorsPageInfo\n    }\n    edges {\n      cursor\n      node {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment CursorsIntegrationPage on IntegrationConnection {\n    totalCount\n    pageInfo {\n      ...CursorsPageInfo\n    }\n    edges {\n      cursor\n      node {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CursorsApiKeyPage on ApiKeyConnection {\n    totalCount\n    pageInfo {\n      ...CursorsPageInfo\n    }\n    edges {\n      cursor\n      node {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment CursorsApiKeyPage on ApiKeyConnection {\n    totalCount\n    pageInfo {\n      ...CursorsPageInfo\n    }\n    edges {\n      cursor\n      node {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CursorsDirectoryUserPage on DirectoryUserConnection {\n    totalCount\n    pageInfo {\n      ...CursorsPageInfo\n    }\n    edges {\n      cursor\n      node {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment CursorsDirectoryUserPage on DirectoryUserConnection {\n    totalCount\n    pageInfo {\n      ...CursorsPageInfo\n    }\n    edges {\n      cursor\n      node {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CursorsSessionPage on OnboardingSessionConnection {\n    totalCount\n    pageInfo {\n      ...CursorsPageInfo\n    }\n    edges {\n      cursor\n      node {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment CursorsSessionPage on OnboardingSessionConnection {\n    totalCount\n    pageInfo {\n      ...CursorsPageInfo\n    }\n    edges {\n      cursor\n      node {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CursorsWorkflows($after: String, $before: String, $first: Int, $last: Int) {\n    c: workflows(after: $after, before: $before, first: $first, last: $last) {\n      ...CursorsWorkflowPage\n    }\n  }\n"): (typeof documents)["\n  query CursorsWorkflows($after: String, $before: String, $first: Int, $last: Int) {\n    c: workflows(after: $after, before: $before, first: $first, last: $last) {\n      ...CursorsWorkflowPage\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CursorsIntegrations($after: String, $before: String, $first: Int, $last: Int) {\n    c: integrations(after: $after, before: $before, first: $first, last: $last) {\n      ...CursorsIntegrationPage\n    }\n  }\n"): (typeof documents)["\n  query CursorsIntegrations($after: String, $before: String, $first: Int, $last: Int) {\n    c: integrations(after: $after, before: $before, first: $first, last: $last) {\n      ...CursorsIntegrationPage\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CursorsApiKeys($after: String, $before: String, $first: Int, $last: Int) {\n    c: apiKeys(after: $after, before: $before, first: $first, last: $last) {\n      ...CursorsApiKeyPage\n    }\n  }\n"): (typeof documents)["\n  query CursorsApiKeys($after: String, $before: String, $first: Int, $last: Int) {\n    c: apiKeys(after: $after, before: $before, first: $first, last: $last) {\n      ...CursorsApiKeyPage\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CursorsDirectoryUsers($parent: ID!, $after: String, $before: String, $first: Int, $last: Int) {\n    c: directoryUsers(integrationId: $parent, after: $after, before: $before, first: $first, last: $last) {\n      ...CursorsDirectoryUserPage\n    }\n  }\n"): (typeof documents)["\n  query CursorsDirectoryUsers($parent: ID!, $after: String, $before: String, $first: Int, $last: Int) {\n    c: directoryUsers(integrationId: $parent, after: $after, before: $before, first: $first, last: $last) {\n      ...CursorsDirectoryUserPage\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CursorsIntegrationSessions($parent: ID!, $after: String, $before: String, $first: Int, $last: Int) {\n    integration(id: $parent) {\n      c: onboardingSessions(after: $after, before: $before, first: $first, last: $last) {\n        ...CursorsSessionPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query CursorsIntegrationSessions($parent: ID!, $after: String, $before: String, $first: Int, $last: Int) {\n    integration(id: $parent) {\n      c: onboardingSessions(after: $after, before: $before, first: $first, last: $last) {\n        ...CursorsSessionPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CursorsNodeSessions($parent: ID!, $after: String, $before: String, $first: Int, $last: Int) {\n    node(id: $parent) {\n      ... on Integration {\n        c: onboardingSessions(after: $after, before: $before, first: $first, last: $last) {\n          ...CursorsSessionPage\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CursorsNodeSessions($parent: ID!, $after: String, $before: String, $first: Int, $last: Int) {\n    node(id: $parent) {\n      ... on Integration {\n        c: onboardingSessions(after: $after, before: $before, first: $first, last: $last) {\n          ...CursorsSessionPage\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CursorsConnectionSessions($after: String, $before: String, $first: Int, $last: Int) {\n    integrations(first: 100, filter: { templateKey: \"API\" }) {\n      edges {\n        node {\n          id\n          c: onboardingSessions(after: $after, before: $before, first: $first, last: $last) {\n            ...CursorsSessionPage\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CursorsConnectionSessions($after: String, $before: String, $first: Int, $last: Int) {\n    integrations(first: 100, filter: { templateKey: \"API\" }) {\n      edges {\n        node {\n          id\n          c: onboardingSessions(after: $after, before: $before, first: $first, last: $last) {\n            ...CursorsSessionPage\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CursorsUserSessions($parent: ID!, $after: String, $before: String, $first: Int, $last: Int) {\n    directoryUser(id: $parent) {\n      c: completedSessions(after: $after, before: $before, first: $first, last: $last) {\n        ...CursorsSessionPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query CursorsUserSessions($parent: ID!, $after: String, $before: String, $first: Int, $last: Int) {\n    directoryUser(id: $parent) {\n      c: completedSessions(after: $after, before: $before, first: $first, last: $last) {\n        ...CursorsSessionPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CursorsUsersSessions($parent: ID!, $after: String, $before: String, $first: Int, $last: Int) {\n    directoryUsers(integrationId: $parent, filter: { enrollmentStatus: ENROLLED }) {\n      edges {\n        node {\n          c: completedSessions(after: $after, before: $before, first: $first, last: $last) {\n            ...CursorsSessionPage\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CursorsUsersSessions($parent: ID!, $after: String, $before: String, $first: Int, $last: Int) {\n    directoryUsers(integrationId: $parent, filter: { enrollmentStatus: ENROLLED }) {\n      edges {\n        node {\n          c: completedSessions(after: $after, before: $before, first: $first, last: $last) {\n            ...CursorsSessionPage\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CursorsGenerateKey($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) {\n      apiKey {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CursorsGenerateKey($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) {\n      apiKey {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CursorsComplete($input: CompleteOnboardingSessionInput!) {\n    completeOnboardingSession(input: $input) {\n      session {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CursorsComplete($input: CompleteOnboardingSessionInput!) {\n    completeOnboardingSession(input: $input) {\n      session {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupsList($integrationId: ID!, $first: Int, $after: String, $search: String, $members: Int = 5) {\n    directoryGroups(integrationId: $integrationId, first: $first, after: $after, filter: { search: $search }) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          externalId\n          name\n          description\n          memberCount\n          members(first: $members) {\n            totalCount\n            edges {\n              node {\n                id\n                externalId\n                active\n              }\n            }\n          }\n          integration {\n            id\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query GroupsList($integrationId: ID!, $first: Int, $after: String, $search: String, $members: Int = 5) {\n    directoryGroups(integrationId: $integrationId, first: $first, after: $after, filter: { search: $search }) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          externalId\n          name\n          description\n          memberCount\n          members(first: $members) {\n            totalCount\n            edges {\n              node {\n                id\n                externalId\n                active\n              }\n            }\n          }\n          integration {\n            id\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupsOne($id: ID!) {\n    directoryGroup(id: $id) {\n      id\n      name\n      memberCount\n    }\n    node(id: $id) {\n      __typename\n      id\n    }\n  }\n"): (typeof documents)["\n  query GroupsOne($id: ID!) {\n    directoryGroup(id: $id) {\n      id\n      name\n      memberCount\n    }\n    node(id: $id) {\n      __typename\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupsOfUsers($integrationId: ID!, $groupId: ID, $first: Int = 50) {\n    directoryUsers(integrationId: $integrationId, first: $first, filter: { groupId: $groupId }) {\n      totalCount\n      edges {\n        node {\n          externalId\n          groups(first: 10) {\n            totalCount\n            edges {\n              node {\n                externalId\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query GroupsOfUsers($integrationId: ID!, $groupId: ID, $first: Int = 50) {\n    directoryUsers(integrationId: $integrationId, first: $first, filter: { groupId: $groupId }) {\n      totalCount\n      edges {\n        node {\n          externalId\n          groups(first: 10) {\n            totalCount\n            edges {\n              node {\n                externalId\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupsCountsOnly($integrationId: ID!) {\n    directoryGroups(integrationId: $integrationId, first: 10) {\n      edges {\n        node {\n          members {\n            totalCount\n            pageInfo {\n              hasNextPage\n            }\n          }\n        }\n      }\n    }\n    directoryUsers(integrationId: $integrationId, first: 10) {\n      edges {\n        node {\n          groups {\n            totalCount\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query GroupsCountsOnly($integrationId: ID!) {\n    directoryGroups(integrationId: $integrationId, first: 10) {\n      edges {\n        node {\n          members {\n            totalCount\n            pageInfo {\n              hasNextPage\n            }\n          }\n        }\n      }\n    }\n    directoryUsers(integrationId: $integrationId, first: 10) {\n      edges {\n        node {\n          groups {\n            totalCount\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupsDirectory($id: ID!) {\n    integration(id: $id) {\n      directory {\n        groupCount\n        lastSync {\n          groups\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query GroupsDirectory($id: ID!) {\n    integration(id: $id) {\n      directory {\n        groupCount\n        lastSync {\n          groups\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GroupsUpdateConfig($input: UpdateIntegrationInput!) {\n    updateIntegration(input: $input) {\n      integration {\n        id\n        config\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation GroupsUpdateConfig($input: UpdateIntegrationInput!) {\n    updateIntegration(input: $input) {\n      integration {\n        id\n        config\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SchedulesUpdateIntegration($input: UpdateIntegrationInput!) {\n    updateIntegration(input: $input) {\n      integration {\n        id\n        status\n        config\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SchedulesUpdateIntegration($input: UpdateIntegrationInput!) {\n    updateIntegration(input: $input) {\n      integration {\n        id\n        status\n        config\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SchedulesCreateIntegration($input: CreateIntegrationInput!) {\n    createIntegration(input: $input) {\n      integration {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SchedulesCreateIntegration($input: CreateIntegrationInput!) {\n    createIntegration(input: $input) {\n      integration {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchedulesTemplateFields {\n    integrationTemplates {\n      key\n      fields {\n        key\n        type\n        required\n        defaultValue\n      }\n    }\n  }\n"): (typeof documents)["\n  query SchedulesTemplateFields {\n    integrationTemplates {\n      key\n      fields {\n        key\n        type\n        required\n        defaultValue\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DirectorySyncUpdateIntegration($input: UpdateIntegrationInput!) {\n    updateIntegration(input: $input) {\n      integration {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DirectorySyncUpdateIntegration($input: UpdateIntegrationInput!) {\n    updateIntegration(input: $input) {\n      integration {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DirectorySyncRequestOnboarding($input: RequestNewOnboardingInput!) {\n    requestNewOnboarding(input: $input) {\n      session {\n        id\n        status\n        directoryUser {\n          ...DirectoryUserFields\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DirectorySyncRequestOnboarding($input: RequestNewOnboardingInput!) {\n    requestNewOnboarding(input: $input) {\n      session {\n        id\n        status\n        directoryUser {\n          ...DirectoryUserFields\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DirectorySyncCompleteOnboarding($input: CompleteOnboardingSessionInput!) {\n    completeOnboardingSession(input: $input) {\n      session {\n        id\n        status\n        completedAt\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DirectorySyncCompleteOnboarding($input: CompleteOnboardingSessionInput!) {\n    completeOnboardingSession(input: $input) {\n      session {\n        id\n        status\n        completedAt\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DirectorySyncUser($id: ID!) {\n    directoryUser(id: $id) {\n      ...DirectoryUserFields\n      identity {\n        id\n        fullName\n        verifiedAt\n      }\n      completedSessions {\n        totalCount\n        edges {\n          node {\n            id\n            status\n          }\n        }\n      }\n      integration {\n        id\n      }\n    }\n    node(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  query DirectorySyncUser($id: ID!) {\n    directoryUser(id: $id) {\n      ...DirectoryUserFields\n      identity {\n        id\n        fullName\n        verifiedAt\n      }\n      completedSessions {\n        totalCount\n        edges {\n          node {\n            id\n            status\n          }\n        }\n      }\n      integration {\n        id\n      }\n    }\n    node(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DirectorySyncNodeId($id: ID!) {\n    node(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  query DirectorySyncNodeId($id: ID!) {\n    node(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DirectorySyncIntegrationId($id: ID!) {\n    integration(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  query DirectorySyncIntegrationId($id: ID!) {\n    integration(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EdgeViewer {\n    viewer {\n      organization {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query EdgeViewer {\n    viewer {\n      organization {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EdgeMetricsViewer {\n    viewer {\n      organization {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query EdgeMetricsViewer {\n    viewer {\n      organization {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EdgeRefusedViewer {\n    viewer {\n      apiKey {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query EdgeRefusedViewer {\n    viewer {\n      apiKey {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EventsList($first: Int, $after: String, $filter: EventFilter) {\n    events(first: $first, after: $after, filter: $filter) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          type\n          occurredAt\n          data\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query EventsList($first: Int, $after: String, $filter: EventFilter) {\n    events(first: $first, after: $after, filter: $filter) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          type\n          occurredAt\n          data\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EventsNode($id: ID!) {\n    node(id: $id) {\n      id\n      ... on Event {\n        type\n      }\n    }\n  }\n"): (typeof documents)["\n  query EventsNode($id: ID!) {\n    node(id: $id) {\n      id\n      ... on Event {\n        type\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EventsUpdateIntegration($input: UpdateIntegrationInput!) {\n    updateIntegration(input: $input) {\n      integration {\n        id\n        name\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation EventsUpdateIntegration($input: UpdateIntegrationInput!) {\n    updateIntegration(input: $input) {\n      integration {\n        id\n        name\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EventsDeleteIntegration($input: DeleteIntegrationInput!) {\n    deleteIntegration(input: $input) {\n      deletedIntegrationId\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation EventsDeleteIntegration($input: DeleteIntegrationInput!) {\n    deleteIntegration(input: $input) {\n      deletedIntegrationId\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EventsGenerateKey($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) {\n      apiKey {\n        id\n      }\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation EventsGenerateKey($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) {\n      apiKey {\n        id\n      }\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EventsRevokeKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      apiKey {\n        id\n        revokedAt\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation EventsRevokeKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      apiKey {\n        id\n        revokedAt\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EventsComplete($input: CompleteOnboardingSessionInput!) {\n    completeOnboardingSession(input: $input) {\n      session {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation EventsComplete($input: CompleteOnboardingSessionInput!) {\n    completeOnboardingSession(input: $input) {\n      session {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EventsRequest($input: RequestNewOnboardingInput!) {\n    requestNewOnboarding(input: $input) {\n      session {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation EventsRequest($input: RequestNewOnboardingInput!) {\n    requestNewOnboarding(input: $input) {\n      session {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FaultsRequestOnboarding($input: RequestNewOnboardingInput!) {\n    requestNewOnboarding(input: $input) {\n      session {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation FaultsRequestOnboarding($input: RequestNewOnboardingInput!) {\n    requestNewOnboarding(input: $input) {\n      session {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FaultsViewer {\n    viewer {\n      organization {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query FaultsViewer {\n    viewer {\n      organization {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FaultsIntegrations {\n    integrations(first: 20) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FaultsIntegrations {\n    integrations(first: 20) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FeatureGateTemplate on IntegrationTemplate {\n    key\n    name\n    category\n    description\n    fields {\n      key\n      label\n      type\n      required\n      secret\n      description\n    }\n  }\n"): (typeof documents)["\n  fragment FeatureGateTemplate on IntegrationTemplate {\n    key\n    name\n    category\n    description\n    fields {\n      key\n      label\n      type\n      required\n      secret\n      description\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FeatureGateTemplates {\n    integrationTemplates {\n      ...FeatureGateTemplate\n    }\n  }\n"): (typeof documents)["\n  query FeatureGateTemplates {\n    integrationTemplates {\n      ...FeatureGateTemplate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FeatureGateMixed {\n    viewer {\n      organization {\n        id\n      }\n    }\n    integrationTemplates {\n      ...FeatureGateTemplate\n    }\n  }\n"): (typeof documents)["\n  query FeatureGateMixed {\n    viewer {\n      organization {\n        id\n      }\n    }\n    integrationTemplates {\n      ...FeatureGateTemplate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FeatureGateFeatures {\n    viewer {\n      organization {\n        features\n      }\n    }\n  }\n"): (typeof documents)["\n  query FeatureGateFeatures {\n    viewer {\n      organization {\n        features\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FeatureGateViewer {\n    viewer {\n      organization {\n        id\n        name\n        features\n      }\n      apiKey {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query FeatureGateViewer {\n    viewer {\n      organization {\n        id\n        name\n        features\n      }\n      apiKey {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FeatureGateCreateAllowed {\n    createWorkflow(input: { name: \"Allowed\", steps: [\"DOCUMENT\"] }) {\n      workflow {\n        id\n      }\n      userErrors {\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation FeatureGateCreateAllowed {\n    createWorkflow(input: { name: \"Allowed\", steps: [\"DOCUMENT\"] }) {\n      workflow {\n        id\n      }\n      userErrors {\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FeatureGateWorkflows($id: ID!) {\n    workflows {\n      totalCount\n    }\n    workflow(id: $id) {\n      name\n    }\n  }\n"): (typeof documents)["\n  query FeatureGateWorkflows($id: ID!) {\n    workflows {\n      totalCount\n    }\n    workflow(id: $id) {\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FeatureGateGenerateAllowed {\n    generateApiKey(input: { name: \"Allowed\" }) {\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation FeatureGateGenerateAllowed {\n    generateApiKey(input: { name: \"Allowed\" }) {\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FeatureGateApiKeys {\n    apiKeys {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query FeatureGateApiKeys {\n    apiKeys {\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FeatureGateDefaults {\n    integrationTemplates {\n      key\n      fields {\n        key\n        defaultValue\n      }\n    }\n  }\n"): (typeof documents)["\n  query FeatureGateDefaults {\n    integrationTemplates {\n      key\n      fields {\n        key\n        defaultValue\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FuzzSnapshot {\n    viewer {\n      organization {\n        id\n        name\n        features\n      }\n    }\n    apiKeys(first: 20) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          prefix\n          lastFour\n          revokedAt\n        }\n      }\n    }\n    workflows(first: 10) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          version\n          steps\n          status\n          configurationId\n        }\n      }\n    }\n    integrations(first: 10) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          status\n          config\n          clientId\n          clientSecret {\n            lastFour\n            createdAt\n          }\n          workflow {\n            id\n          }\n          directory {\n            userCount\n            lastSync {\n              id\n              status\n            }\n          }\n          onboardingSessions(first: 10) {\n            totalCount\n            edges {\n              node {\n                id\n                status\n                workflowVersion\n                externalUserId\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FuzzSnapshot {\n    viewer {\n      organization {\n        id\n        name\n        features\n      }\n    }\n    apiKeys(first: 20) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          prefix\n          lastFour\n          revokedAt\n        }\n      }\n    }\n    workflows(first: 10) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          version\n          steps\n          status\n          configurationId\n        }\n      }\n    }\n    integrations(first: 10) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          status\n          config\n          clientId\n          clientSecret {\n            lastFour\n            createdAt\n          }\n          workflow {\n            id\n          }\n          directory {\n            userCount\n            lastSync {\n              id\n              status\n            }\n          }\n          onboardingSessions(first: 10) {\n            totalCount\n            edges {\n              node {\n                id\n                status\n                workflowVersion\n                externalUserId\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FuzzViewer {\n    viewer {\n      organization {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query FuzzViewer {\n    viewer {\n      organization {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FuzzGenerateKey($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) {\n      apiKey {\n        id\n      }\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation FuzzGenerateKey($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) {\n      apiKey {\n        id\n      }\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FuzzRevokeKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      apiKey {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation FuzzRevokeKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      apiKey {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FuzzLastSync($id: ID!) {\n    integration(id: $id) {\n      directory {\n        lastSync {\n          id\n          status\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FuzzLastSync($id: ID!) {\n    integration(id: $id) {\n      directory {\n        lastSync {\n          id\n          status\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FuzzCursors {\n    integrations(first: 2) {\n      edges {\n        cursor\n      }\n    }\n    workflows(first: 1) {\n      edges {\n        cursor\n      }\n    }\n    apiKeys(first: 2) {\n      edges {\n        cursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query FuzzCursors {\n    integrations(first: 2) {\n      edges {\n        cursor\n      }\n    }\n    workflows(first: 1) {\n      edges {\n        cursor\n      }\n    }\n    apiKeys(first: 2) {\n      edges {\n        cursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FuzzOddStringsCounts {\n    workflows {\n      totalCount\n    }\n    integrations {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query FuzzOddStringsCounts {\n    workflows {\n      totalCount\n    }\n    integrations {\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FuzzOddStringsCreate($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) {\n      workflow {\n        name\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation FuzzOddStringsCreate($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) {\n      workflow {\n        name\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GraphiqlWorkflow($id: ID!) {\n    workflow(id: $id) {\n      name\n      steps\n    }\n  }\n"): (typeof documents)["\n  query GraphiqlWorkflow($id: ID!) {\n    workflow(id: $id) {\n      name\n      steps\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CredentialsIntegrationFields on Integration {\n    id\n    name\n    status\n    config\n    updatedAt\n    directory {\n      lastSync {\n        id\n        status\n        error\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment CredentialsIntegrationFields on Integration {\n    id\n    name\n    status\n    config\n    updatedAt\n    directory {\n      lastSync {\n        id\n        status\n        error\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CredentialsCreate($input: CreateIntegrationInput!) {\n    createIntegration(input: $input) {\n      integration {\n        ...CredentialsIntegrationFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CredentialsCreate($input: CreateIntegrationInput!) {\n    createIntegration(input: $input) {\n      integration {\n        ...CredentialsIntegrationFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CredentialsUpdate($input: UpdateIntegrationInput!) {\n    updateIntegration(input: $input) {\n      integration {\n        ...CredentialsIntegrationFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CredentialsUpdate($input: UpdateIntegrationInput!) {\n    updateIntegration(input: $input) {\n      integration {\n        ...CredentialsIntegrationFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CredentialsDelete($input: DeleteIntegrationInput!) {\n    deleteIntegration(input: $input) {\n      deletedIntegrationId\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CredentialsDelete($input: DeleteIntegrationInput!) {\n    deleteIntegration(input: $input) {\n      deletedIntegrationId\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CredentialsGet($id: ID!) {\n    integration(id: $id) {\n      ...CredentialsIntegrationFields\n    }\n  }\n"): (typeof documents)["\n  query CredentialsGet($id: ID!) {\n    integration(id: $id) {\n      ...CredentialsIntegrationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CredentialsCount {\n    integrations {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query CredentialsCount {\n    integrations {\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CredentialsTemplates {\n    integrationTemplates {\n      key\n      fields {\n        key\n        secret\n        secretDestination\n      }\n    }\n  }\n"): (typeof documents)["\n  query CredentialsTemplates {\n    integrationTemplates {\n      key\n      fields {\n        key\n        secret\n        secretDestination\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query CredentialsTokenRead($id: ID!) {\n      integration(id: $id) {\n        id\n        name\n        status\n        config\n      }\n      integrations {\n        totalCount\n      }\n    }\n  "): (typeof documents)["\n    query CredentialsTokenRead($id: ID!) {\n      integration(id: $id) {\n        id\n        name\n        status\n        config\n      }\n      integrations {\n        totalCount\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query CredentialsTokenOwn($id: ID!) {\n      integration(id: $id) {\n        id\n        status\n      }\n    }\n  "): (typeof documents)["\n    query CredentialsTokenOwn($id: ID!) {\n      integration(id: $id) {\n        id\n        status\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation CredentialsTokenOnboarding($input: RequestNewOnboardingInput!) {\n      requestNewOnboarding(input: $input) {\n        session {\n          id\n          status\n        }\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  "): (typeof documents)["\n    mutation CredentialsTokenOnboarding($input: RequestNewOnboardingInput!) {\n      requestNewOnboarding(input: $input) {\n        session {\n          id\n          status\n        }\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation CredentialsTokenStartSync($input: StartDirectorySyncInput!) {\n      startDirectorySync(input: $input) {\n        sync {\n          id\n        }\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  "): (typeof documents)["\n    mutation CredentialsTokenStartSync($input: StartDirectorySyncInput!) {\n      startDirectorySync(input: $input) {\n        sync {\n          id\n        }\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment IntegrationsFields on Integration {\n    id\n    name\n    status\n    config\n    clientId\n    createdAt\n    updatedAt\n    template {\n      key\n      name\n      category\n      fields {\n        key\n        type\n        required\n        secret\n      }\n    }\n    workflow {\n      id\n      name\n      version\n    }\n    clientSecret {\n      lastFour\n      createdAt\n    }\n    directory {\n      userCount\n    }\n  }\n"): (typeof documents)["\n  fragment IntegrationsFields on Integration {\n    id\n    name\n    status\n    config\n    clientId\n    createdAt\n    updatedAt\n    template {\n      key\n      name\n      category\n      fields {\n        key\n        type\n        required\n        secret\n      }\n    }\n    workflow {\n      id\n      name\n      version\n    }\n    clientSecret {\n      lastFour\n      createdAt\n    }\n    directory {\n      userCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IntegrationsCreate($input: CreateIntegrationInput!) {\n    createIntegration(input: $input) {\n      integration {\n        ...IntegrationsFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation IntegrationsCreate($input: CreateIntegrationInput!) {\n    createIntegration(input: $input) {\n      integration {\n        ...IntegrationsFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IntegrationsUpdate($input: UpdateIntegrationInput!) {\n    updateIntegration(input: $input) {\n      integration {\n        ...IntegrationsFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation IntegrationsUpdate($input: UpdateIntegrationInput!) {\n    updateIntegration(input: $input) {\n      integration {\n        ...IntegrationsFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IntegrationsDelete($input: DeleteIntegrationInput!) {\n    deleteIntegration(input: $input) {\n      deletedIntegrationId\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation IntegrationsDelete($input: DeleteIntegrationInput!) {\n    deleteIntegration(input: $input) {\n      deletedIntegrationId\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IntegrationsGenerateSecret($input: GenerateClientSecretInput!) {\n    generateClientSecret(input: $input) {\n      clientSecret\n      integration {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation IntegrationsGenerateSecret($input: GenerateClientSecretInput!) {\n    generateClientSecret(input: $input) {\n      clientSecret\n      integration {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IntegrationsRequestOnboarding($input: RequestNewOnboardingInput!) {\n    requestNewOnboarding(input: $input) {\n      session {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation IntegrationsRequestOnboarding($input: RequestNewOnboardingInput!) {\n    requestNewOnboarding(input: $input) {\n      session {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IntegrationsCompleteOnboarding($input: CompleteOnboardingSessionInput!) {\n    completeOnboardingSession(input: $input) {\n      session {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation IntegrationsCompleteOnboarding($input: CompleteOnboardingSessionInput!) {\n    completeOnboardingSession(input: $input) {\n      session {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IntegrationsGet($id: ID!) {\n    integration(id: $id) {\n      ...IntegrationsFields\n    }\n    node(id: $id) {\n      id\n      ... on Integration {\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query IntegrationsGet($id: ID!) {\n    integration(id: $id) {\n      ...IntegrationsFields\n    }\n    node(id: $id) {\n      id\n      ... on Integration {\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IntegrationsCount {\n    integrations {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query IntegrationsCount {\n    integrations {\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IntegrationsConfigs {\n    integrations(first: 100) {\n      edges {\n        node {\n          config\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query IntegrationsConfigs {\n    integrations(first: 100) {\n      edges {\n        node {\n          config\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IntegrationsTemplates {\n    integrationTemplates {\n      key\n      category\n      fields {\n        key\n        type\n        required\n        secret\n      }\n    }\n  }\n"): (typeof documents)["\n  query IntegrationsTemplates {\n    integrationTemplates {\n      key\n      category\n      fields {\n        key\n        type\n        required\n        secret\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IntegrationsLastSync($id: ID!) {\n    integration(id: $id) {\n      directory {\n        lastSync {\n          id\n          status\n          error\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query IntegrationsLastSync($id: ID!) {\n    integration(id: $id) {\n      directory {\n        lastSync {\n          id\n          status\n          error\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IntegrationsStartSync($id: ID!) {\n    startDirectorySync(input: { integrationId: $id }) {\n      sync {\n        id\n      }\n      userErrors {\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation IntegrationsStartSync($id: ID!) {\n    startDirectorySync(input: { integrationId: $id }) {\n      sync {\n        id\n      }\n      userErrors {\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IntegrationsList($filter: IntegrationFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    integrations(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query IntegrationsList($filter: IntegrationFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    integrations(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IntegrationsFullPage {\n    integrations(first: 100) {\n      totalCount\n      edges {\n        node {\n          ...IntegrationsFields\n          onboardingSessions(first: 5) {\n            totalCount\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query IntegrationsFullPage {\n    integrations(first: 100) {\n      totalCount\n      edges {\n        node {\n          ...IntegrationsFields\n          onboardingSessions(first: 5) {\n            totalCount\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IntegrationsDirectoryUsers($id: ID!) {\n    directoryUsers(integrationId: $id) {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query IntegrationsDirectoryUsers($id: ID!) {\n    directoryUsers(integrationId: $id) {\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IntegrationsSessionsOf($id: ID!) {\n    integration(id: $id) {\n      onboardingSessions {\n        totalCount\n        edges {\n          node {\n            id\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query IntegrationsSessionsOf($id: ID!) {\n    integration(id: $id) {\n      onboardingSessions {\n        totalCount\n        edges {\n          node {\n            id\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IntegrationsSession($id: ID!) {\n    onboardingSession(id: $id) {\n      id\n      status\n    }\n    node(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  query IntegrationsSession($id: ID!) {\n    onboardingSession(id: $id) {\n      id\n      status\n    }\n    node(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IntegrationsUsersOf($id: ID!) {\n    directoryUsers(integrationId: $id) {\n      totalCount\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query IntegrationsUsersOf($id: ID!) {\n    directoryUsers(integrationId: $id) {\n      totalCount\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IntegrationsIds {\n    integrations(first: 100) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query IntegrationsIds {\n    integrations(first: 100) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IntegrationsTheirs($oidc: ID!, $okta: ID!, $session: ID!) {\n    oidc: integration(id: $oidc) {\n      name\n      status\n      clientSecret {\n        lastFour\n      }\n      onboardingSessions {\n        totalCount\n      }\n    }\n    okta: integration(id: $okta) {\n      name\n      status\n    }\n    onboardingSession(id: $session) {\n      status\n      completedAt\n    }\n  }\n"): (typeof documents)["\n  query IntegrationsTheirs($oidc: ID!, $okta: ID!, $session: ID!) {\n    oidc: integration(id: $oidc) {\n      name\n      status\n      clientSecret {\n        lastFour\n      }\n      onboardingSessions {\n        totalCount\n      }\n    }\n    okta: integration(id: $okta) {\n      name\n      status\n    }\n    onboardingSession(id: $session) {\n      status\n      completedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IntegrationsGatedTemplates {\n    integrationTemplates {\n      key\n    }\n  }\n"): (typeof documents)["\n  query IntegrationsGatedTemplates {\n    integrationTemplates {\n      key\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IntegrationsGatedIntegration($id: ID!) {\n    integration(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  query IntegrationsGatedIntegration($id: ID!) {\n    integration(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IntegrationsGatedSession($id: ID!) {\n    onboardingSession(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  query IntegrationsGatedSession($id: ID!) {\n    onboardingSession(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IntegrationsGatedViewer {\n    viewer {\n      organization {\n        id\n        features\n      }\n    }\n  }\n"): (typeof documents)["\n  query IntegrationsGatedViewer {\n    viewer {\n      organization {\n        id\n        features\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IntegrationsGatedWorkflows {\n    workflows {\n      totalCount\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query IntegrationsGatedWorkflows {\n    workflows {\n      totalCount\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LifecycleViewer {\n    viewer {\n      organization {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query LifecycleViewer {\n    viewer {\n      organization {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OAuthViewer {\n    viewer {\n      organization {\n        id\n        name\n        features\n      }\n      apiKey {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query OAuthViewer {\n    viewer {\n      organization {\n        id\n        name\n        features\n      }\n      apiKey {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OAuthRequestOnboarding($input: RequestNewOnboardingInput!) {\n    requestNewOnboarding(input: $input) {\n      session {\n        id\n        status\n        integration {\n          id\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation OAuthRequestOnboarding($input: RequestNewOnboardingInput!) {\n    requestNewOnboarding(input: $input) {\n      session {\n        id\n        status\n        integration {\n          id\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OAuthApiKeyCount {\n    apiKeys {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query OAuthApiKeyCount {\n    apiKeys {\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OAuthGenerateApiKey {\n    generateApiKey(input: { name: \"from a token\" }) {\n      secret\n    }\n  }\n"): (typeof documents)["\n  mutation OAuthGenerateApiKey {\n    generateApiKey(input: { name: \"from a token\" }) {\n      secret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OAuthRevokeApiKey($id: ID!) {\n    revokeApiKey(input: { id: $id }) {\n      apiKey {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation OAuthRevokeApiKey($id: ID!) {\n    revokeApiKey(input: { id: $id }) {\n      apiKey {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OAuthRollApiKey($id: ID!) {\n    rollApiKey(input: { id: $id }) {\n      secret\n    }\n  }\n"): (typeof documents)["\n  mutation OAuthRollApiKey($id: ID!) {\n    rollApiKey(input: { id: $id }) {\n      secret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OAuthGenerateSecret($id: ID!) {\n    generateClientSecret(input: { integrationId: $id }) {\n      clientSecret\n    }\n  }\n"): (typeof documents)["\n  mutation OAuthGenerateSecret($id: ID!) {\n    generateClientSecret(input: { integrationId: $id }) {\n      clientSecret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OAuthForeignIntegration($id: ID!) {\n    integration(id: $id) {\n      id\n    }\n    node(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  query OAuthForeignIntegration($id: ID!) {\n    integration(id: $id) {\n      id\n    }\n    node(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OAuthIntegrationCount {\n    integrations {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query OAuthIntegrationCount {\n    integrations {\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OAuthWsViewer {\n    viewer {\n      organization {\n        id\n      }\n      apiKey {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query OAuthWsViewer {\n    viewer {\n      organization {\n        id\n      }\n      apiKey {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OAuthWsOrganization {\n    viewer {\n      organization {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query OAuthWsOrganization {\n    viewer {\n      organization {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OnboardingPageSession($id: ID!) {\n    onboardingSession(id: $id) {\n      id\n      status\n      completedAt\n    }\n  }\n"): (typeof documents)["\n  query OnboardingPageSession($id: ID!) {\n    onboardingSession(id: $id) {\n      id\n      status\n      completedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OnboardingPageEvents($types: [String!]) {\n    events(first: 50, filter: { types: $types }) {\n      edges {\n        node {\n          type\n          data\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OnboardingPageEvents($types: [String!]) {\n    events(first: 50, filter: { types: $types }) {\n      edges {\n        node {\n          type\n          data\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OnboardingPageAudit($targetId: ID!) {\n    auditLog(first: 10, filter: { targetId: $targetId }) {\n      edges {\n        node {\n          action\n          actor {\n            type\n            id\n            name\n          }\n          changes\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OnboardingPageAudit($targetId: ID!) {\n    auditLog(first: 10, filter: { targetId: $targetId }) {\n      edges {\n        node {\n          action\n          actor {\n            type\n            id\n            name\n          }\n          changes\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OnboardingSessionFields on OnboardingSession {\n    id\n    status\n    onboardingUrl\n    createdAt\n    completedAt\n    workflowVersion\n    steps\n    workflow {\n      id\n      version\n      steps\n    }\n    integration {\n      id\n    }\n    directoryUser {\n      id\n    }\n  }\n"): (typeof documents)["\n  fragment OnboardingSessionFields on OnboardingSession {\n    id\n    status\n    onboardingUrl\n    createdAt\n    completedAt\n    workflowVersion\n    steps\n    workflow {\n      id\n      version\n      steps\n    }\n    integration {\n      id\n    }\n    directoryUser {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OnboardingRequest($input: RequestNewOnboardingInput!) {\n    requestNewOnboarding(input: $input) {\n      session {\n        ...OnboardingSessionFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation OnboardingRequest($input: RequestNewOnboardingInput!) {\n    requestNewOnboarding(input: $input) {\n      session {\n        ...OnboardingSessionFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OnboardingComplete($input: CompleteOnboardingSessionInput!) {\n    completeOnboardingSession(input: $input) {\n      session {\n        ...OnboardingSessionFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation OnboardingComplete($input: CompleteOnboardingSessionInput!) {\n    completeOnboardingSession(input: $input) {\n      session {\n        ...OnboardingSessionFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OnboardingGetSession($id: ID!) {\n    onboardingSession(id: $id) {\n      ...OnboardingSessionFields\n    }\n    node(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  query OnboardingGetSession($id: ID!) {\n    onboardingSession(id: $id) {\n      ...OnboardingSessionFields\n    }\n    node(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OnboardingSessionCount($id: ID!) {\n    integration(id: $id) {\n      onboardingSessions(first: 100) {\n        totalCount\n        edges {\n          node {\n            id\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OnboardingSessionCount($id: ID!) {\n    integration(id: $id) {\n      onboardingSessions(first: 100) {\n        totalCount\n        edges {\n          node {\n            id\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OnboardingSessionsPage($id: ID!, $first: Int, $after: String) {\n    integration(id: $id) {\n      onboardingSessions(first: $first, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node {\n            id\n            integration {\n              id\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OnboardingSessionsPage($id: ID!, $first: Int, $after: String) {\n    integration(id: $id) {\n      onboardingSessions(first: $first, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node {\n            id\n            integration {\n              id\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OnboardingUpdateIntegration($input: UpdateIntegrationInput!) {\n    updateIntegration(input: $input) {\n      integration {\n        id\n        status\n        workflow {\n          id\n        }\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation OnboardingUpdateIntegration($input: UpdateIntegrationInput!) {\n    updateIntegration(input: $input) {\n      integration {\n        id\n        status\n        workflow {\n          id\n        }\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OnboardingDeleteIntegration($input: DeleteIntegrationInput!) {\n    deleteIntegration(input: $input) {\n      deletedIntegrationId\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation OnboardingDeleteIntegration($input: DeleteIntegrationInput!) {\n    deleteIntegration(input: $input) {\n      deletedIntegrationId\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OnboardingUpdateWorkflow($input: UpdateWorkflowInput!) {\n    updateWorkflow(input: $input) {\n      workflow {\n        id\n        version\n        steps\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation OnboardingUpdateWorkflow($input: UpdateWorkflowInput!) {\n    updateWorkflow(input: $input) {\n      workflow {\n        id\n        version\n        steps\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OutboundWebhookCreate($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation OutboundWebhookCreate($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OutboundWebhookTest($input: SendTestWebhookInput!) {\n    sendTestWebhook(input: $input) {\n      delivery {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation OutboundWebhookTest($input: SendTestWebhookInput!) {\n    sendTestWebhook(input: $input) {\n      delivery {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OutboundWebhookDeliveries($id: ID!) {\n    webhookEndpoint(id: $id) {\n      deliveries(first: 5) {\n        edges {\n          node {\n            status\n            attempts\n            lastError\n            lastResponseStatus\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OutboundWebhookDeliveries($id: ID!) {\n    webhookEndpoint(id: $id) {\n      deliveries(first: 5) {\n        edges {\n          node {\n            status\n            attempts\n            lastError\n            lastResponseStatus\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueryCountsList($first: Int = 100) {\n    integrations(first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          status\n          config\n          clientId\n          template {\n            key\n            name\n            category\n            fields {\n              key\n            }\n          }\n          workflow {\n            id\n            name\n            version\n          }\n          clientSecret {\n            lastFour\n            createdAt\n          }\n          directory {\n            userCount\n            lastSync {\n              id\n              status\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query QueryCountsList($first: Int = 100) {\n    integrations(first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          status\n          config\n          clientId\n          template {\n            key\n            name\n            category\n            fields {\n              key\n            }\n          }\n          workflow {\n            id\n            name\n            version\n          }\n          clientSecret {\n            lastFour\n            createdAt\n          }\n          directory {\n            userCount\n            lastSync {\n              id\n              status\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueryCountsSessions($id: ID!) {\n    integration(id: $id) {\n      id\n      onboardingSessions(first: 50) {\n        totalCount\n        edges {\n          node {\n            id\n            status\n            workflow {\n              id\n            }\n            workflowVersion\n            steps\n            integration {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query QueryCountsSessions($id: ID!) {\n    integration(id: $id) {\n      id\n      onboardingSessions(first: 50) {\n        totalCount\n        edges {\n          node {\n            id\n            status\n            workflow {\n              id\n            }\n            workflowVersion\n            steps\n            integration {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation QueryCountsCreateWorkflow($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) {\n      workflow {\n        id\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation QueryCountsCreateWorkflow($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) {\n      workflow {\n        id\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation QueryCountsCreateIntegration($input: CreateIntegrationInput!) {\n    createIntegration(input: $input) {\n      integration {\n        id\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation QueryCountsCreateIntegration($input: CreateIntegrationInput!) {\n    createIntegration(input: $input) {\n      integration {\n        id\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation QueryCountsGenerateSecret($input: GenerateClientSecretInput!) {\n    generateClientSecret(input: $input) {\n      clientSecret\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation QueryCountsGenerateSecret($input: GenerateClientSecretInput!) {\n    generateClientSecret(input: $input) {\n      clientSecret\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation QueryCountsRequest($input: RequestNewOnboardingInput!) {\n    requestNewOnboarding(input: $input) {\n      session {\n        id\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation QueryCountsRequest($input: RequestNewOnboardingInput!) {\n    requestNewOnboarding(input: $input) {\n      session {\n        id\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment QueryCountsSessionSelection on OnboardingSession {\n    id\n    status\n    onboardingUrl\n    workflowVersion\n    steps\n    workflow {\n      id\n      name\n      version\n    }\n    integration {\n      id\n      name\n      template {\n        key\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment QueryCountsSessionSelection on OnboardingSession {\n    id\n    status\n    onboardingUrl\n    workflowVersion\n    steps\n    workflow {\n      id\n      name\n      version\n    }\n    integration {\n      id\n      name\n      template {\n        key\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment QueryCountsIntegrationSelection on Integration {\n    id\n    name\n    config\n    template {\n      key\n    }\n    workflow {\n      id\n      name\n    }\n    clientSecret {\n      lastFour\n    }\n    directory {\n      userCount\n      lastSync {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment QueryCountsIntegrationSelection on Integration {\n    id\n    name\n    config\n    template {\n      key\n    }\n    workflow {\n      id\n      name\n    }\n    clientSecret {\n      lastFour\n    }\n    directory {\n      userCount\n      lastSync {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation QueryCountsRequestFull($input: RequestNewOnboardingInput!) {\n    requestNewOnboarding(input: $input) {\n      session {\n        ...QueryCountsSessionSelection\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation QueryCountsRequestFull($input: RequestNewOnboardingInput!) {\n    requestNewOnboarding(input: $input) {\n      session {\n        ...QueryCountsSessionSelection\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueryCountsSessionById($id: ID!) {\n    onboardingSession(id: $id) {\n      ...QueryCountsSessionSelection\n    }\n  }\n"): (typeof documents)["\n  query QueryCountsSessionById($id: ID!) {\n    onboardingSession(id: $id) {\n      ...QueryCountsSessionSelection\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation QueryCountsCreateIntegrationFull($input: CreateIntegrationInput!) {\n    createIntegration(input: $input) {\n      integration {\n        ...QueryCountsIntegrationSelection\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation QueryCountsCreateIntegrationFull($input: CreateIntegrationInput!) {\n    createIntegration(input: $input) {\n      integration {\n        ...QueryCountsIntegrationSelection\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueryCountsIntegrationById($id: ID!) {\n    integration(id: $id) {\n      ...QueryCountsIntegrationSelection\n    }\n  }\n"): (typeof documents)["\n  query QueryCountsIntegrationById($id: ID!) {\n    integration(id: $id) {\n      ...QueryCountsIntegrationSelection\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation QueryCountsCreateWorkflowColumns($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) {\n      workflow {\n        id\n        name\n        status\n        steps\n        version\n        createdAt\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation QueryCountsCreateWorkflowColumns($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) {\n      workflow {\n        id\n        name\n        status\n        steps\n        version\n        createdAt\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment QueryCountsBenchNode on Integration {\n    id\n    name\n    status\n    clientId\n    config\n    createdAt\n    template {\n      key\n      name\n      category\n      takesWorkflow\n    }\n    workflow {\n      id\n      name\n      version\n    }\n    clientSecret {\n      lastFour\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  fragment QueryCountsBenchNode on Integration {\n    id\n    name\n    status\n    clientId\n    config\n    createdAt\n    template {\n      key\n      name\n      category\n      takesWorkflow\n    }\n    workflow {\n      id\n      name\n      version\n    }\n    clientSecret {\n      lastFour\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueryCountsBenchViewer {\n    viewer {\n      organization {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query QueryCountsBenchViewer {\n    viewer {\n      organization {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueryCountsBenchIntegrations {\n    integrations(first: 50) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...QueryCountsBenchNode\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query QueryCountsBenchIntegrations {\n    integrations(first: 50) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...QueryCountsBenchNode\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueryCountsBenchIntegration($id: ID!) {\n    integration(id: $id) {\n      ...QueryCountsBenchNode\n    }\n  }\n"): (typeof documents)["\n  query QueryCountsBenchIntegration($id: ID!) {\n    integration(id: $id) {\n      ...QueryCountsBenchNode\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueryCountsBenchSessions($id: ID!) {\n    integration(id: $id) {\n      id\n      onboardingSessions(first: 20) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            status\n            externalUserId\n            email\n            createdAt\n            expiresAt\n            completedAt\n            workflowVersion\n            steps\n            workflow {\n              id\n              name\n              version\n            }\n            integration {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query QueryCountsBenchSessions($id: ID!) {\n    integration(id: $id) {\n      id\n      onboardingSessions(first: 20) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            status\n            externalUserId\n            email\n            createdAt\n            expiresAt\n            completedAt\n            workflowVersion\n            steps\n            workflow {\n              id\n              name\n              version\n            }\n            integration {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation QueryCountsBenchRequest($input: RequestNewOnboardingInput!) {\n    requestNewOnboarding(input: $input) {\n      session {\n        id\n        status\n        externalUserId\n        createdAt\n        expiresAt\n        workflowVersion\n        steps\n        workflow {\n          id\n        }\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation QueryCountsBenchRequest($input: RequestNewOnboardingInput!) {\n    requestNewOnboarding(input: $input) {\n      session {\n        id\n        status\n        externalUserId\n        createdAt\n        expiresAt\n        workflowVersion\n        steps\n        workflow {\n          id\n        }\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueryCountsGroups($integrationId: ID!) {\n    directoryGroups(integrationId: $integrationId, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          memberCount\n          members(first: 5) {\n            totalCount\n            edges {\n              node {\n                id\n                active\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query QueryCountsGroups($integrationId: ID!) {\n    directoryGroups(integrationId: $integrationId, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          memberCount\n          members(first: 5) {\n            totalCount\n            edges {\n              node {\n                id\n                active\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueryCountsUserGroups($integrationId: ID!) {\n    directoryUsers(integrationId: $integrationId, first: 25) {\n      totalCount\n      edges {\n        node {\n          id\n          groups(first: 10) {\n            totalCount\n            edges {\n              node {\n                id\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query QueryCountsUserGroups($integrationId: ID!) {\n    directoryUsers(integrationId: $integrationId, first: 25) {\n      totalCount\n      edges {\n        node {\n          id\n          groups(first: 10) {\n            totalCount\n            edges {\n              node {\n                id\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueryCountsEvents {\n    events(first: 50) {\n      edges {\n        node {\n          id\n          type\n          occurredAt\n          data\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query QueryCountsEvents {\n    events(first: 50) {\n      edges {\n        node {\n          id\n          type\n          occurredAt\n          data\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueryCountsDeliveries($id: ID!) {\n    webhookEndpoint(id: $id) {\n      id\n      deliveries(first: 50) {\n        totalCount\n        edges {\n          node {\n            id\n            status\n            attempts\n            event {\n              id\n              type\n              data\n            }\n            endpoint {\n              id\n              url\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query QueryCountsDeliveries($id: ID!) {\n    webhookEndpoint(id: $id) {\n      id\n      deliveries(first: 50) {\n        totalCount\n        edges {\n          node {\n            id\n            status\n            attempts\n            event {\n              id\n              type\n              data\n            }\n            endpoint {\n              id\n              url\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueryCountsAuditLog {\n    auditLog(first: 50) {\n      edges {\n        node {\n          id\n          action\n          actor {\n            type\n            id\n            name\n          }\n          targetId\n          changes\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query QueryCountsAuditLog {\n    auditLog(first: 50) {\n      edges {\n        node {\n          id\n          action\n          actor {\n            type\n            id\n            name\n          }\n          targetId\n          changes\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation QueryCountsCreateEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation QueryCountsCreateEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation QueryCountsGenerateKey($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) {\n      apiKey {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation QueryCountsGenerateKey($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) {\n      apiKey {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SecretsScanCreateEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        id\n      }\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SecretsScanCreateEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        id\n      }\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SecretsScanRotate($input: RotateWebhookSecretInput!) {\n    rotateWebhookSecret(input: $input) {\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SecretsScanRotate($input: RotateWebhookSecretInput!) {\n    rotateWebhookSecret(input: $input) {\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SecretsScanGenerateKey($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) {\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SecretsScanGenerateKey($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) {\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SecretsScanClientSecret($input: GenerateClientSecretInput!) {\n    generateClientSecret(input: $input) {\n      clientSecret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SecretsScanClientSecret($input: GenerateClientSecretInput!) {\n    generateClientSecret(input: $input) {\n      clientSecret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SecretsScanUpdateIntegration($input: UpdateIntegrationInput!) {\n    updateIntegration(input: $input) {\n      integration {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SecretsScanUpdateIntegration($input: UpdateIntegrationInput!) {\n    updateIntegration(input: $input) {\n      integration {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SecretsScanSession($id: ID!) {\n    onboardingSession(id: $id) {\n      onboardingUrl\n    }\n  }\n"): (typeof documents)["\n  query SecretsScanSession($id: ID!) {\n    onboardingSession(id: $id) {\n      onboardingUrl\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SecretsScanPending($id: ID!) {\n    webhookEndpoint(id: $id) {\n      deliveries(first: 100) {\n        totalCount\n        edges {\n          node {\n            status\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SecretsScanPending($id: ID!) {\n    webhookEndpoint(id: $id) {\n      deliveries(first: 100) {\n        totalCount\n        edges {\n          node {\n            status\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DirectorySyncFields on DirectorySync {\n    id\n    status\n    kind\n    trigger\n    processed\n    total\n    created\n    updated\n    deactivated\n    groups\n    deactivationBlocked\n    error\n    startedAt\n    finishedAt\n  }\n"): (typeof documents)["\n  fragment DirectorySyncFields on DirectorySync {\n    id\n    status\n    kind\n    trigger\n    processed\n    total\n    created\n    updated\n    deactivated\n    groups\n    deactivationBlocked\n    error\n    startedAt\n    finishedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DirectoryUserFields on DirectoryUser {\n    id\n    externalId\n    email\n    userPrincipalName\n    employeeId\n    displayName\n    active\n    enrollmentStatus\n  }\n"): (typeof documents)["\n  fragment DirectoryUserFields on DirectoryUser {\n    id\n    externalId\n    email\n    userPrincipalName\n    employeeId\n    displayName\n    active\n    enrollmentStatus\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DirectoryCreateIntegration($input: CreateIntegrationInput!) {\n    createIntegration(input: $input) {\n      integration {\n        id\n        directory {\n          userCount\n          lastSync {\n            ...DirectorySyncFields\n          }\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DirectoryCreateIntegration($input: CreateIntegrationInput!) {\n    createIntegration(input: $input) {\n      integration {\n        id\n        directory {\n          userCount\n          lastSync {\n            ...DirectorySyncFields\n          }\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DirectoryStartSync($input: StartDirectorySyncInput!) {\n    startDirectorySync(input: $input) {\n      sync {\n        ...DirectorySyncFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DirectoryStartSync($input: StartDirectorySyncInput!) {\n    startDirectorySync(input: $input) {\n      sync {\n        ...DirectorySyncFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DirectorySyncNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on DirectorySync {\n        ...DirectorySyncFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query DirectorySyncNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on DirectorySync {\n        ...DirectorySyncFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DirectoryOfIntegration($id: ID!) {\n    integration(id: $id) {\n      id\n      status\n      directory {\n        userCount\n        nextSyncAt\n        lastSync {\n          ...DirectorySyncFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DirectoryOfIntegration($id: ID!) {\n    integration(id: $id) {\n      id\n      status\n      directory {\n        userCount\n        nextSyncAt\n        lastSync {\n          ...DirectorySyncFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DirectoryUsersPage($integrationId: ID!, $first: Int, $after: String, $filter: DirectoryUserFilter) {\n    directoryUsers(integrationId: $integrationId, first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...DirectoryUserFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DirectoryUsersPage($integrationId: ID!, $first: Int, $after: String, $filter: DirectoryUserFilter) {\n    directoryUsers(integrationId: $integrationId, first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...DirectoryUserFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DirectoryCreateWorkflow($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) {\n      workflow {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DirectoryCreateWorkflow($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) {\n      workflow {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DirectoryCreateApiIntegration($input: CreateIntegrationInput!) {\n    createIntegration(input: $input) {\n      integration {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DirectoryCreateApiIntegration($input: CreateIntegrationInput!) {\n    createIntegration(input: $input) {\n      integration {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment KitWorkflow on Workflow {\n    id\n    configurationId\n    name\n    status\n    steps\n    version\n  }\n"): (typeof documents)["\n  fragment KitWorkflow on Workflow {\n    id\n    configurationId\n    name\n    status\n    steps\n    version\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment KitIntegration on Integration {\n    id\n    name\n    status\n    clientId\n    config\n    template {\n      key\n      category\n    }\n    workflow {\n      id\n      version\n    }\n  }\n"): (typeof documents)["\n  fragment KitIntegration on Integration {\n    id\n    name\n    status\n    clientId\n    config\n    template {\n      key\n      category\n    }\n    workflow {\n      id\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment KitSession on OnboardingSession {\n    id\n    status\n    onboardingUrl\n    createdAt\n    completedAt\n    workflowVersion\n    steps\n    workflow {\n      id\n      version\n    }\n    integration {\n      id\n    }\n  }\n"): (typeof documents)["\n  fragment KitSession on OnboardingSession {\n    id\n    status\n    onboardingUrl\n    createdAt\n    completedAt\n    workflowVersion\n    steps\n    workflow {\n      id\n      version\n    }\n    integration {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation KitCreateWorkflow($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) {\n      workflow {\n        ...KitWorkflow\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation KitCreateWorkflow($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) {\n      workflow {\n        ...KitWorkflow\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation KitCreateIntegration($input: CreateIntegrationInput!) {\n    createIntegration(input: $input) {\n      integration {\n        ...KitIntegration\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation KitCreateIntegration($input: CreateIntegrationInput!) {\n    createIntegration(input: $input) {\n      integration {\n        ...KitIntegration\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation KitGenerateClientSecret($input: GenerateClientSecretInput!) {\n    generateClientSecret(input: $input) {\n      clientSecret\n      integration {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation KitGenerateClientSecret($input: GenerateClientSecretInput!) {\n    generateClientSecret(input: $input) {\n      clientSecret\n      integration {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation KitRequestOnboarding($input: RequestNewOnboardingInput!) {\n    requestNewOnboarding(input: $input) {\n      session {\n        ...KitSession\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation KitRequestOnboarding($input: RequestNewOnboardingInput!) {\n    requestNewOnboarding(input: $input) {\n      session {\n        ...KitSession\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OAuthSupportGenerateSecret($input: GenerateClientSecretInput!) {\n    generateClientSecret(input: $input) {\n      clientSecret\n      integration {\n        id\n        clientSecret {\n          lastFour\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation OAuthSupportGenerateSecret($input: GenerateClientSecretInput!) {\n    generateClientSecret(input: $input) {\n      clientSecret\n      integration {\n        id\n        clientSecret {\n          lastFour\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OAuthSupportUpdateIntegration($input: UpdateIntegrationInput!) {\n    updateIntegration(input: $input) {\n      integration {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation OAuthSupportUpdateIntegration($input: UpdateIntegrationInput!) {\n    updateIntegration(input: $input) {\n      integration {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OAuthSupportDeleteIntegration($input: DeleteIntegrationInput!) {\n    deleteIntegration(input: $input) {\n      deletedIntegrationId\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation OAuthSupportDeleteIntegration($input: DeleteIntegrationInput!) {\n    deleteIntegration(input: $input) {\n      deletedIntegrationId\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OAuthSupportViewer {\n    viewer {\n      organization {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query OAuthSupportViewer {\n    viewer {\n      organization {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SyncAttemptsLastSync($id: ID!) {\n    integration(id: $id) {\n      directory {\n        lastSync {\n          id\n          status\n          error\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SyncAttemptsLastSync($id: ID!) {\n    integration(id: $id) {\n      directory {\n        lastSync {\n          id\n          status\n          error\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SyncFairnessDelete($input: DeleteIntegrationInput!) {\n    deleteIntegration(input: $input) {\n      deletedIntegrationId\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SyncFairnessDelete($input: DeleteIntegrationInput!) {\n    deleteIntegration(input: $input) {\n      deletedIntegrationId\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SyncFairnessSyncsOf {\n    integrations(first: 100) {\n      edges {\n        node {\n          id\n          directory {\n            lastSync {\n              id\n              status\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SyncFairnessSyncsOf {\n    integrations(first: 100) {\n      edges {\n        node {\n          id\n          directory {\n            lastSync {\n              id\n              status\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebhooksCreate($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        id\n        url\n        description\n        eventTypes\n        enabled\n        createdAt\n      }\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation WebhooksCreate($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        id\n        url\n        description\n        eventTypes\n        enabled\n        createdAt\n      }\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebhooksUpdate($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      endpoint {\n        id\n        url\n        eventTypes\n        enabled\n        description\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation WebhooksUpdate($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      endpoint {\n        id\n        url\n        eventTypes\n        enabled\n        description\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebhooksDelete($input: DeleteWebhookEndpointInput!) {\n    deleteWebhookEndpoint(input: $input) {\n      deletedWebhookEndpointId\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation WebhooksDelete($input: DeleteWebhookEndpointInput!) {\n    deleteWebhookEndpoint(input: $input) {\n      deletedWebhookEndpointId\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebhooksRotate($input: RotateWebhookSecretInput!) {\n    rotateWebhookSecret(input: $input) {\n      endpoint {\n        id\n      }\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation WebhooksRotate($input: RotateWebhookSecretInput!) {\n    rotateWebhookSecret(input: $input) {\n      endpoint {\n        id\n      }\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebhooksTest($input: SendTestWebhookInput!) {\n    sendTestWebhook(input: $input) {\n      delivery {\n        id\n        status\n        event {\n          id\n          type\n        }\n        endpoint {\n          id\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation WebhooksTest($input: SendTestWebhookInput!) {\n    sendTestWebhook(input: $input) {\n      delivery {\n        id\n        status\n        event {\n          id\n          type\n        }\n        endpoint {\n          id\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebhooksRedeliver($input: RedeliverWebhookEventInput!) {\n    redeliverWebhookEvent(input: $input) {\n      delivery {\n        id\n        status\n        event {\n          id\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation WebhooksRedeliver($input: RedeliverWebhookEventInput!) {\n    redeliverWebhookEvent(input: $input) {\n      delivery {\n        id\n        status\n        event {\n          id\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhooksEndpoint($id: ID!) {\n    webhookEndpoint(id: $id) {\n      id\n      url\n      enabled\n      deliveries(first: 50) {\n        totalCount\n        edges {\n          node {\n            id\n            status\n            attempts\n            lastResponseStatus\n            lastError\n            nextAttemptAt\n            deliveredAt\n            createdAt\n            event {\n              id\n              type\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WebhooksEndpoint($id: ID!) {\n    webhookEndpoint(id: $id) {\n      id\n      url\n      enabled\n      deliveries(first: 50) {\n        totalCount\n        edges {\n          node {\n            id\n            status\n            attempts\n            lastResponseStatus\n            lastError\n            nextAttemptAt\n            deliveredAt\n            createdAt\n            event {\n              id\n              type\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhooksEndpoints {\n    webhookEndpoints(first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WebhooksEndpoints {\n    webhookEndpoints(first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhooksEvents($filter: EventFilter) {\n    events(first: 50, filter: $filter) {\n      edges {\n        node {\n          id\n          type\n          occurredAt\n          data\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WebhooksEvents($filter: EventFilter) {\n    events(first: 50, filter: $filter) {\n      edges {\n        node {\n          id\n          type\n          occurredAt\n          data\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebhooksMakeKey($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) {\n      apiKey {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation WebhooksMakeKey($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) {\n      apiKey {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WorkflowsCreate($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) {\n      workflow {\n        id\n        configurationId\n        name\n        status\n        steps\n        version\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation WorkflowsCreate($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) {\n      workflow {\n        id\n        configurationId\n        name\n        status\n        steps\n        version\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WorkflowsUpdate($input: UpdateWorkflowInput!) {\n    updateWorkflow(input: $input) {\n      workflow {\n        id\n        name\n        steps\n        version\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation WorkflowsUpdate($input: UpdateWorkflowInput!) {\n    updateWorkflow(input: $input) {\n      workflow {\n        id\n        name\n        steps\n        version\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkflowsGet($id: ID!) {\n    workflow(id: $id) {\n      id\n      name\n      version\n      steps\n    }\n    node(id: $id) {\n      id\n      ... on Workflow {\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query WorkflowsGet($id: ID!) {\n    workflow(id: $id) {\n      id\n      name\n      version\n      steps\n    }\n    node(id: $id) {\n      id\n      ... on Workflow {\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkflowsCount {\n    workflows {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query WorkflowsCount {\n    workflows {\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkflowsPage($first: Int, $after: String, $last: Int, $before: String) {\n    workflows(first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query WorkflowsPage($first: Int, $after: String, $last: Int, $before: String) {\n    workflows(first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;