// The enums stored in the database, from Prisma's generated enum objects: the GraphQL
// values are the schema's (prisma/schema.prisma), never a second list to keep in step.
import {
  AuditActorType,
  DirectorySyncKind,
  DirectorySyncStatus,
  DirectorySyncTrigger,
  EnrollmentStatus,
  Feature,
  IntegrationStatus,
  OnboardingStatus,
  WebhookDeliveryStatus,
  WorkflowStatus,
} from '../generated/prisma/enums.ts';
import { builder } from './builder.ts';

export const FeatureEnum = builder.enumType(Feature, { name: 'Feature' });
export const WorkflowStatusEnum = builder.enumType(WorkflowStatus, { name: 'WorkflowStatus' });
export const IntegrationStatusEnum = builder.enumType(IntegrationStatus, { name: 'IntegrationStatus' });
export const OnboardingStatusEnum = builder.enumType(OnboardingStatus, { name: 'OnboardingStatus' });
export const EnrollmentStatusEnum = builder.enumType(EnrollmentStatus, { name: 'EnrollmentStatus' });
export const DirectorySyncStatusEnum = builder.enumType(DirectorySyncStatus, { name: 'DirectorySyncStatus' });
export const DirectorySyncKindEnum = builder.enumType(DirectorySyncKind, { name: 'DirectorySyncKind' });
export const DirectorySyncTriggerEnum = builder.enumType(DirectorySyncTrigger, { name: 'DirectorySyncTrigger' });
export const WebhookDeliveryStatusEnum = builder.enumType(WebhookDeliveryStatus, { name: 'WebhookDeliveryStatus' });
export const AuditActorTypeEnum = builder.enumType(AuditActorType, { name: 'AuditActorType' });
