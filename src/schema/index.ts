// The schema: each domain file adds its types, queries and mutations to the builder.
import { builder } from './builder.ts';
import './organization.ts';
import './api-keys.ts';
import './workflows.ts';
import './templates.ts';
import './onboarding.ts';
import './directory.ts';
import './integrations.ts';
import './events.ts';
import './webhooks.ts';
import './audit-log.ts';

export const schema = builder.toSchema({ sortSchema: false });
