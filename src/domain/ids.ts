// IDs are opaque strings, globally unique, prefixed by type and time-ordered (a ULID
// after the prefix), so sorting by id sorts by creation and `node(id:)` can tell the
// type from the prefix alone.
import { encodeTime, monotonicFactory } from 'ulid';

export const ID_PREFIX = {
  Organization: 'org',
  ApiKey: 'key',
  Workflow: 'wf',
  WorkflowVersion: 'wfv',
  Integration: 'int',
  OnboardingSession: 'ses',
  DirectoryUser: 'dus',
  DirectoryGroup: 'dgr',
  DirectorySync: 'sync',
  IdentityRecord: 'idr',
  SigningKey: 'sk',
  Event: 'evt',
  WebhookEndpoint: 'whe',
  WebhookDelivery: 'whd',
  AuditLogEntry: 'aud',
  ClientSecret: 'csec',
} as const;

export type IdType = keyof typeof ID_PREFIX;

const ulid = monotonicFactory();

export function newId(type: IdType): string {
  return `${ID_PREFIX[type]}_${ulid().toLowerCase()}`;
}

const TYPE_BY_PREFIX = new Map<string, IdType>(Object.entries(ID_PREFIX).map(([type, prefix]) => [prefix, type as IdType]));

const ID_SHAPE = /^([a-z]+)_([0-9a-hjkmnp-tv-z]{26})$/;

/** The type an ID names, or undefined for anything that is not one of our IDs. */
export function typeOfId(id: string): IdType | undefined {
  const match = ID_SHAPE.exec(id);
  return match ? TYPE_BY_PREFIX.get(match[1]) : undefined;
}

/** True when id is well-formed and of the given type. */
export function isIdOf(type: IdType, id: string): boolean {
  return typeOfId(id) === type;
}

/**
 * A SQL expression that makes a new ID of `type` for each row of a statement (events of a
 * sync's pages are made in SQL, from the rows a statement wrote): the time part is this
 * moment's, as newId's, and the rest random, so IDs keep sorting by creation across
 * statements (rows of one statement share a millisecond and sort among themselves at random).
 */
export function sqlNewIdPrefix(type: IdType): string {
  return `${ID_PREFIX[type]}_${encodeTime(Date.now(), 10).toLowerCase()}`;
}
