// isEarlierState (src/domain/directory-sync.ts): whether a sync snapshot shows an earlier
// state of the same sync than one already seen (so a subscriber can drop events that arrive
// out of order). Status order QUEUED < RUNNING < SUCCEEDED = FAILED; within a status, fewer
// users processed is earlier; snapshots of different syncs are never earlier. And
// sameState: a repeat of the state last sent, which a subscriber is not sent again.
import { describe, expect, it } from 'vitest';
import { isEarlierState, sameState } from '../../src/domain/directory-sync.ts';
import type { SyncSnapshot } from '../../src/pubsub.ts';

type Status = SyncSnapshot['status'];

function snapshot(status: Status, processed = 0, id = 'sync_01aaa', extra: Partial<SyncSnapshot> = {}): SyncSnapshot {
  return {
    id,
    organizationId: 'org_01aaa',
    integrationId: 'int_01aaa',
    status,
    kind: 'FULL',
    trigger: 'MANUAL',
    processed,
    total: null,
    created: 0,
    updated: 0,
    deactivated: 0,
    groups: 0,
    deactivationBlocked: null,
    error: status === 'FAILED' ? 'upstream said no' : null,
    createdAt: '2026-12-01T00:00:00.000Z',
    startedAt: status === 'QUEUED' ? null : '2026-12-01T00:00:01.000Z',
    finishedAt: status === 'SUCCEEDED' || status === 'FAILED' ? '2026-12-01T00:00:02.000Z' : null,
    ...extra,
  };
}

describe('isEarlierState(candidate, seen)', () => {
  // [candidate, seen, earlier?]: same sync, same processed count, by status.
  const byStatus: [candidate: Status, seen: Status, earlier: boolean][] = [
    ['QUEUED', 'QUEUED', false],
    ['QUEUED', 'RUNNING', true],
    ['QUEUED', 'SUCCEEDED', true],
    ['QUEUED', 'FAILED', true],
    ['RUNNING', 'QUEUED', false],
    ['RUNNING', 'RUNNING', false],
    ['RUNNING', 'SUCCEEDED', true],
    ['RUNNING', 'FAILED', true],
    ['SUCCEEDED', 'QUEUED', false],
    ['SUCCEEDED', 'RUNNING', false],
    ['SUCCEEDED', 'SUCCEEDED', false],
    ['SUCCEEDED', 'FAILED', false],
    ['FAILED', 'QUEUED', false],
    ['FAILED', 'RUNNING', false],
    ['FAILED', 'SUCCEEDED', false],
    ['FAILED', 'FAILED', false],
  ];

  it.each(byStatus)('%s after %s: earlier = %s', (candidate, seen, earlier) => {
    expect(isEarlierState(snapshot(candidate, 10), snapshot(seen, 10))).toBe(earlier);
  });

  const byCount: [name: string, candidate: SyncSnapshot, seen: SyncSnapshot, earlier: boolean][] = [
    ['RUNNING with fewer processed', snapshot('RUNNING', 100), snapshot('RUNNING', 200), true],
    ['RUNNING with more processed', snapshot('RUNNING', 200), snapshot('RUNNING', 100), false],
    ['RUNNING with as many processed (a repeat is not earlier)', snapshot('RUNNING', 100), snapshot('RUNNING', 100), false],
    ['RUNNING 0 after RUNNING 1', snapshot('RUNNING', 0), snapshot('RUNNING', 1), true],
    ['QUEUED with fewer processed than QUEUED', snapshot('QUEUED', 0), snapshot('QUEUED', 5), true],
    ['SUCCEEDED with fewer processed than SUCCEEDED', snapshot('SUCCEEDED', 1), snapshot('SUCCEEDED', 2), true],
    ['SUCCEEDED with fewer processed than FAILED (same rank)', snapshot('SUCCEEDED', 1), snapshot('FAILED', 2), true],
    ['FAILED with more processed than SUCCEEDED (same rank)', snapshot('FAILED', 3), snapshot('SUCCEEDED', 2), false],
    ['a later status wins over a lower count: RUNNING 1000 before SUCCEEDED 10', snapshot('RUNNING', 1000), snapshot('SUCCEEDED', 10), true],
    [
      'a later status with a lower count is not earlier: SUCCEEDED 10 after RUNNING 1000',
      snapshot('SUCCEEDED', 10),
      snapshot('RUNNING', 1000),
      false,
    ],
    ['QUEUED 500 before RUNNING 0', snapshot('QUEUED', 500), snapshot('RUNNING', 0), true],
    [
      'other counts do not matter',
      snapshot('RUNNING', 10, undefined, { created: 0, updated: 0 }),
      snapshot('RUNNING', 10, undefined, { created: 9, updated: 9, total: 100 }),
      false,
    ],
  ];

  it.each(byCount)('%s', (_name, candidate, seen, earlier) => {
    expect(isEarlierState(candidate, seen)).toBe(earlier);
  });

  const otherSync: [name: string, candidate: SyncSnapshot, seen: SyncSnapshot][] = [
    ['QUEUED of another sync after RUNNING', snapshot('QUEUED', 0, 'sync_01bbb'), snapshot('RUNNING', 50)],
    ['RUNNING of another sync after SUCCEEDED', snapshot('RUNNING', 10, 'sync_01bbb'), snapshot('SUCCEEDED', 500)],
    ['fewer processed of another sync', snapshot('RUNNING', 1, 'sync_01bbb'), snapshot('RUNNING', 2)],
    ['the same state of another sync', snapshot('FAILED', 7, 'sync_01bbb'), snapshot('FAILED', 7)],
  ];

  it.each(otherSync)('never earlier for a different sync ID: %s', (_name, candidate, seen) => {
    expect(isEarlierState(candidate, seen)).toBe(false);
    expect(isEarlierState(seen, candidate)).toBe(false);
  });

  it('a snapshot is never earlier than itself', () => {
    for (const status of ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED'] as const) {
      const state = snapshot(status, 42);
      expect(isEarlierState(state, state)).toBe(false);
    }
  });
});

describe('sameState(a, b)', () => {
  it('is true for the same state announced twice (a sync claimed again after its lease lapsed)', () => {
    expect(sameState(snapshot('RUNNING', 100), snapshot('RUNNING', 100))).toBe(true);
    expect(sameState(snapshot('SUCCEEDED', 250), snapshot('SUCCEEDED', 250))).toBe(true);
  });

  it.each([
    ['another sync', snapshot('RUNNING', 100, 'sync_01bbb')],
    ['another status', snapshot('SUCCEEDED', 100)],
    ['more processed', snapshot('RUNNING', 150)],
    ['a total now known', snapshot('RUNNING', 100, undefined, { total: 250 })],
    ['other counts', snapshot('RUNNING', 100, undefined, { created: 3 })],
    ['an error', snapshot('RUNNING', 100, undefined, { error: 'x' })],
  ])('is false for %s', (_name, other) => {
    expect(sameState(other, snapshot('RUNNING', 100))).toBe(false);
  });
});
