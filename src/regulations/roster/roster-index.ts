import { tryParseDate, type DayNumber } from '../../calendar/dates.js';
import type { RosterSnapshot } from '../../schema/roster.js';
import type { IntegrityProblem } from '../data-integrity.js';
import { formatLocal, instantMs } from '../../calendar/instants.js';
import { union, type Span } from '../spans.js';

export interface IndexedPresence {
  staff: string;
  post: string;
  span: Span;
  index: number;
}

/** A roster read once: lookups by id, presence as spans per staff and post, and its contradictions. */
export interface RosterIndex {
  roster: RosterSnapshot;
  fromDay: DayNumber;
  toDay: DayNumber;
  staffById: ReadonlyMap<string, RosterSnapshot['staff'][number]>;
  postById: ReadonlyMap<string, RosterSnapshot['posts'][number]>;
  /** Union of a staff member's presence on one post: key `${staff}\u0000${post}`. */
  presenceOnPost(staff: string, post: string): readonly Span[];
  /** Union of a staff member's presence anywhere. */
  presenceOf(staff: string): readonly Span[];
  /** Leave intervals of a staff member (approved or not: they are away either way). */
  leaveOf(staff: string): readonly Span[];
  problems: IntegrityProblem[];
}

const cache = new WeakMap<RosterSnapshot, Map<string, RosterIndex>>();

export function indexRoster(roster: RosterSnapshot, zone: string): RosterIndex {
  let byZone = cache.get(roster);
  if (!byZone) cache.set(roster, (byZone = new Map()));
  let index = byZone.get(zone);
  if (!index) byZone.set(zone, (index = build(roster, zone)));
  return index;
}

function build(roster: RosterSnapshot, zone: string): RosterIndex {
  const problems: IntegrityProblem[] = [];
  const staffById = new Map(roster.staff.map((s) => [s.id, s]));
  const postById = new Map(roster.posts.map((p) => [p.id, p]));
  const unknown = (path: string, kind: 'staff' | 'post', id: string) =>
    problems.push({
      ruleId: 'DATA-UNKNOWN-REFERENCE',
      message: { zh: `${path} 引用了名册中不存在的${kind === 'staff' ? '人员' : '岗位'} ${id}`, en: `${path} names ${kind} ${id}, which the roster does not list` },
      evidence: { path, id },
    });
  const knownStaff = (path: string, id: string | undefined) => {
    if (id !== undefined && roster.staff.length > 0 && !staffById.has(id)) unknown(path, 'staff', id);
  };
  roster.posts.forEach((post, i) => {
    knownStaff(`$.posts[${i}].a`, post.a);
    post.bs.forEach((b, j) => knownStaff(`$.posts[${i}].bs[${j}]`, b));
  });

  const presence: IndexedPresence[] = [];
  roster.presence.forEach((p, i) => {
    knownStaff(`$.presence[${i}].staff`, p.staff);
    if (!postById.has(p.post)) unknown(`$.presence[${i}].post`, 'post', p.post);
    presence.push({ staff: p.staff, post: p.post, span: [instantMs(p.from), instantMs(p.to)], index: i });
  });
  roster.leave.forEach((l, i) => knownStaff(`$.leave[${i}].staff`, l.staff));

  // One person cannot be in two places at once: overlapping presence is a recording error.
  const byStaff = new Map<string, IndexedPresence[]>();
  for (const p of presence) {
    const list = byStaff.get(p.staff);
    if (list) list.push(p);
    else byStaff.set(p.staff, [p]);
  }
  for (const [staff, list] of byStaff) {
    const sorted = [...list].sort((a, b) => a.span[0] - b.span[0] || a.index - b.index);
    for (let i = 1; i < sorted.length; i++) {
      const before = sorted[i - 1]!;
      const current = sorted[i]!;
      if (current.span[0] < before.span[1]) {
        problems.push({
          ruleId: 'DATA-PRESENCE-OVERLAP',
          message: {
            zh: `${staff} 的在岗记录 $.presence[${before.index}] 与 $.presence[${current.index}] 在 ${formatLocal(current.span[0], zone)} 重叠`,
            en: `presence records $.presence[${before.index}] and $.presence[${current.index}] of ${staff} overlap at ${formatLocal(current.span[0], zone)}`,
          },
          evidence: { path: `$.presence[${current.index}]`, staff },
        });
      }
    }
  }

  const append = (map: Map<string, Span[]>, key: string, span: Span) => {
    const list = map.get(key);
    if (list) list.push(span);
    else map.set(key, [span]);
  };
  const onPost = new Map<string, Span[]>();
  const anywhere = new Map<string, Span[]>();
  const leave = new Map<string, Span[]>();
  for (const p of presence) {
    append(onPost, `${p.staff}\u0000${p.post}`, p.span);
    append(anywhere, p.staff, p.span);
  }
  for (const l of roster.leave) append(leave, l.staff, [instantMs(l.from), instantMs(l.to)]);
  for (const map of [onPost, anywhere, leave]) for (const [key, spans] of map) map.set(key, union(spans));

  return {
    roster,
    fromDay: tryParseDate(roster.period.from)!,
    toDay: tryParseDate(roster.period.to)!,
    staffById,
    postById,
    presenceOnPost: (staff, post) => onPost.get(`${staff}\u0000${post}`) ?? [],
    presenceOf: (staff) => anywhere.get(staff) ?? [],
    leaveOf: (staff) => leave.get(staff) ?? [],
    problems,
  };
}
