import { TEMPLATES, type IntegrationTemplate, type TemplateField, takesWorkflow } from '../domain/templates.ts';
import { builder, integrationsOnly } from './builder.ts';

const TemplateFieldTypeEnum = builder.enumType('TemplateFieldType', {
  values: ['STRING', 'URL', 'SECRET', 'STRING_LIST', 'BOOLEAN', 'INTEGER'] as const,
});
export const IntegrationCategoryEnum = builder.enumType('IntegrationCategory', {
  values: ['DIRECTORY', 'CUSTOM'] as const,
});

const TemplateFieldRef = builder.objectRef<TemplateField>('TemplateField').implement({
  fields: (t) => ({
    key: t.exposeString('key'),
    label: t.exposeString('label'),
    type: t.expose('type', { type: TemplateFieldTypeEnum }),
    required: t.exposeBoolean('required'),
    secret: t.exposeBoolean('secret', { description: 'Encrypted at rest and only ever returned masked.' }),
    description: t.exposeString('description', { nullable: true }),
    defaultValue: t.exposeString('default', { nullable: true, description: 'Used when the field is not set.' }),
    secretDestination: t.exposeBoolean('secretDestination', {
      description:
        "Says where the template's secrets are sent (a host, or a tenant at one): an update that changes its value (default included) must give the secret fields again.",
    }),
  }),
});

export const IntegrationTemplateRef = builder.objectRef<IntegrationTemplate>('IntegrationTemplate').implement({
  description: 'A kind of integration and the configuration it takes.',
  fields: (t) => ({
    key: t.exposeString('key'),
    name: t.exposeString('name'),
    category: t.expose('category', { type: IntegrationCategoryEnum }),
    description: t.exposeString('description'),
    fields: t.field({ type: [TemplateFieldRef], resolve: (template) => template.fields }),
    takesWorkflow: t.boolean({
      description: 'CUSTOM templates require a workflow; DIRECTORY templates take none.',
      resolve: takesWorkflow,
    }),
  }),
});

builder.queryField('integrationTemplates', (t) =>
  t.field({
    ...integrationsOnly,
    type: [IntegrationTemplateRef],
    resolve: () => TEMPLATES,
  }),
);
