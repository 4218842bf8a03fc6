// The operations GraphiQL opens with, one tab each (tests/unit/graphiql-examples.spec.ts
// validates them against schema.graphql). Headers are per tab in GraphiQL, so each tab
// starts with the key template.

/** What the headers editor shows until a real key replaces it; never sent as a credential. */
export const API_KEY_PLACEHOLDER = 'iapi_…';

export const HEADERS_TEMPLATE = JSON.stringify({ 'x-api-key': API_KEY_PLACEHOLDER }, null, 2);

const VIEWER = `# Put your API key in the Headers pane below: the schema
# (Docs, completion) loads once it is there. Headers are per tab:
# a new tab starts with the template again.
# Run with Ctrl-Enter or the ▶ button.
query Viewer {
  viewer {
    organization {
      id
      name
      features
    }
    apiKey {
      id
      name
      prefix
      lastFour
    }
  }
}
`;

const INTEGRATIONS = `query Integrations($first: Int, $after: String) {
  integrations(first: $first, after: $after) {
    totalCount
    edges {
      node {
        id
        name
        status
        template {
          key
          category
        }
        workflow {
          id
          name
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
`;

const REQUEST_NEW_ONBOARDING = `# An onboarding link for one user of an integration (its ID
# from Integrations). The same idempotencyKey again returns
# the same session.
mutation RequestNewOnboarding($input: RequestNewOnboardingInput!) {
  requestNewOnboarding(input: $input) {
    session {
      id
      status
      onboardingUrl
      expiresAt
      workflow {
        name
      }
      steps
    }
    userErrors {
      field
      message
      code
    }
  }
}
`;

const DIRECTORY_SYNC = `# A directory integration (OKTA, MICROSOFT_ENTRA): run
# StartDirectorySync, then DirectorySyncProgress to follow it
# live (over SSE; the ■ button ends it).
mutation StartDirectorySync($input: StartDirectorySyncInput!) {
  startDirectorySync(input: $input) {
    sync {
      id
      status
      kind
    }
    userErrors {
      field
      message
      code
    }
  }
}

subscription DirectorySyncProgress($integrationId: ID!) {
  directorySyncProgress(integrationId: $integrationId) {
    id
    status
    kind
    processed
    total
    created
    updated
    deactivated
    error
  }
}
`;

const variables = (value: object) => JSON.stringify(value, null, 2);

/** GraphiQL's `defaultTabs`: used while the browser has no tabs of its own stored. */
export const EXAMPLE_TABS = [
  { query: VIEWER, variables: null, headers: HEADERS_TEMPLATE },
  { query: INTEGRATIONS, variables: variables({ first: 20 }), headers: HEADERS_TEMPLATE },
  {
    query: REQUEST_NEW_ONBOARDING,
    variables: variables({
      input: { integrationId: 'int_…', email: 'jane@example.com', externalUserId: 'user-42', idempotencyKey: 'onboard-user-42' },
    }),
    headers: HEADERS_TEMPLATE,
  },
  {
    query: DIRECTORY_SYNC,
    variables: variables({ input: { integrationId: 'int_…' }, integrationId: 'int_…' }),
    headers: HEADERS_TEMPLATE,
  },
];
