import { describe, expect, it } from 'vitest';
import { evaluate, findPersonalData, isResidentIdNumber, listRules, loadProfile, ValidationError } from '../../src/index.js';

const snapshot = {
  id: 'ARG-1',
  matter: { id: 'SP-001', name: '食品经营许可', department: '市场监督管理局', class: 'promised' as const, legalLimitWorkingDays: 20, promisedLimitWorkingDays: 10 },
  channel: 'window' as const,
  events: [{ type: 'materials-received' as const, at: '2025-09-30T09:15:00+08:00' }],
};
const asOf = '2025-10-15T17:00:00+08:00';

/** The call throws the library's ValidationError, naming the argument, never a TypeError. */
function rejects(call: () => unknown, path: RegExp) {
  let caught: unknown;
  try {
    call();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ValidationError);
  expect((caught as ValidationError).issues.map((i) => i.path).join(' ')).toMatch(path);
}

describe('public functions validate their arguments', () => {
  it('loadProfile: a profile id or object, and options with a real date and profile objects', () => {
    rejects(() => loadProfile(null as never), /profile/);
    rejects(() => loadProfile(undefined as never), /profile/);
    rejects(() => loadProfile('city-12', null as never), /options/);
    rejects(() => loadProfile('city-12', { profiles: [null as never] }), /profiles/);
    rejects(() => loadProfile('city-12', { on: 'x' }), /on/);
  });

  it('listRules: options an object; an unknown regulation is an error, not an empty list', () => {
    rejects(() => listRules(null as never), /\$/);
    rejects(() => listRules({ regulation: 'nope' }), /regulation/);
  });

  it('evaluate: calendar must be a WorkCalendar and profiles objects, even for a case without events', () => {
    rejects(() => evaluate(snapshot, { profile: 'city-12', asOf, calendar: {} as never }), /calendar/);
    rejects(() => evaluate({ ...snapshot, events: [] }, { profile: 'city-12', asOf, calendar: {} as never }), /calendar/);
    rejects(() => evaluate(snapshot, { profile: 'city-12', asOf, profiles: [null as never] }), /profiles/);
  });

  it('findPersonalData and isResidentIdNumber take text', () => {
    rejects(() => findPersonalData(null as never), /text/);
    rejects(() => findPersonalData(123 as never), /text/);
    rejects(() => isResidentIdNumber(undefined as never), /text/);
  });
});
