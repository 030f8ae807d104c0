import type { Bilingual } from '../../errors.js';
import type { ParamValues } from '../../schema/profile.js';
import type { chiefPositions, RosterSnapshot } from '../../schema/roster.js';
import { defineFacts, factType as F } from '../context.js';
import type { ScopeItem } from '../context.js';
import { yearsBetween } from '../../calendar/instants.js';

// The sentences these facts measure or decide, each quoted verbatim under its document and article (rules/documents.json).
const CITY_AUTHORISATION_FILED = { document: 'city-12/chief-representative', article: '第五条 (一)', text: '派驻单位研究确定人选后,下达《授权委托书》,明确界定职权和责任,在行政服务中心备案。' };
const CITY_RESIDENT = { document: 'city-12/chief-representative', article: '第六条 (三)', text: '窗口首席代表必须常驻行政服务中心工作,履职期间不再承担派驻单位的其他工作。' };
const CITY_ONE_YEAR_TERM = { document: 'city-12/chief-representative', article: '第六条 (五)', text: '其履职期限至少为一年。' };
const CITY_CHANGE_NOTIFIED = { document: 'city-12/chief-representative', article: '第六条 (五)', text: '如需调整,必须事先函告行政服务中心。' };

export const CR_FACTS = defineFacts({
  'cr.department': { type: F.text, zh: '派驻单位', en: 'department' },
  'cr.staff': { type: F.text, zh: '首席代表', en: 'chief representative' },
  'cr.authorisationOnFile': { type: F.flag, implements: CITY_AUTHORISATION_FILED, zh: '《授权委托书》是否在中心备案', en: 'whether the written authorisation is on file at the center' },
  'cr.rank': { type: F.label, zh: '职级', en: 'rank' },
  'cr.position': { type: F.label, zh: '职务', en: 'position' },
  'cr.qualified': { type: F.flag, params: ['chiefRepQualification'], zh: '职级/职务是否符合要求', en: 'whether rank or position qualifies' },
  'cr.resident': { type: F.flag, implements: CITY_RESIDENT, zh: '是否常驻中心', en: 'whether resident at the center' },
  'cr.termYears': { type: F.number.nullable(), implements: CITY_ONE_YEAR_TERM, zh: '履职年限（已卸任或调整者）', en: 'years served (for a term that ended)' },
  'cr.returnedAsUnfit': { type: F.flag, zh: '是否因不能胜任被退回原单位', en: 'whether returned to the home unit as unable to do the job' },
  'cr.changesNotNotified': { type: F.labels, implements: CITY_CHANGE_NOTIFIED, zh: '未事先函告中心的调整', en: 'changes not notified to the center in advance' },
  'cr.changesNotNotifiedCount': { type: F.count, implements: CITY_CHANGE_NOTIFIED, zh: '此类调整数', en: 'number of such changes' },
});

const RANK_ORDER = ['staff', 'deputy-section', 'section', 'deputy-division', 'division'] as const;

const RANK_WORDS: Record<(typeof RANK_ORDER)[number], Bilingual> = {
  staff: { zh: '科员', en: 'staff level' },
  'deputy-section': { zh: '副科级', en: 'deputy section level' },
  section: { zh: '正科级', en: 'section level' },
  'deputy-division': { zh: '副处级', en: 'deputy division level' },
  division: { zh: '正处级', en: 'division level' },
};

const POSITION_WORDS: Record<(typeof chiefPositions)[number], Bilingual> = {
  'leader-in-charge': { zh: '分管领导', en: 'the leader in charge' },
  'approval-section-chief': { zh: '审批服务科长', en: 'the approval section chief' },
  other: { zh: '其他职务', en: 'in another position' },
};

function qualifies(cr: RosterSnapshot['chiefRepresentatives'][number], rule: ParamValues['chiefRepQualification']): boolean {
  if (rule === 'deputy-section-or-above') return RANK_ORDER.indexOf(cr.rank) >= RANK_ORDER.indexOf('deputy-section');
  return cr.position === 'leader-in-charge' || cr.position === 'approval-section-chief';
}

export function crItems(roster: RosterSnapshot, params: ParamValues): ScopeItem[] {
  return roster.chiefRepresentatives.map((cr) => {
    // A term ends at its recorded end or at the first change that replaces the representative.
    const end = cr.termEnd ?? cr.changes.map((c) => c.effectiveOn).sort()[0];
    // A representative the center returns to the home unit for unfitness (city-12 第六条(三) 退回原单位) is not an
    // adjustment the department decides: no minimum term holds, and the change that ends the term needs no advance
    // notice from the department.
    const returned = cr.termEndReason === 'returned-as-unfit';
    const late = cr.changes
      .filter((c) => !(returned && c.effectiveOn === end))
      .filter((c) => !c.notifiedOn || c.notifiedOn >= c.effectiveOn)
      .map((c): Bilingual => ({ zh: `${c.effectiveOn}（函告 ${c.notifiedOn ?? '—'}）`, en: `${c.effectiveOn} (notified ${c.notifiedOn ?? '—'})` }));
    return {
      key: `${cr.department}/${cr.staff}`,
      facts: {
        'cr.department': cr.department,
        'cr.staff': cr.staff,
        'cr.authorisationOnFile': cr.authorisationOnFile,
        'cr.rank': RANK_WORDS[cr.rank],
        'cr.position': POSITION_WORDS[cr.position],
        'cr.qualified': qualifies(cr, params.chiefRepQualification),
        'cr.resident': cr.resident,
        'cr.termYears': end ? yearsBetween(cr.termStart, end) : null,
        'cr.returnedAsUnfit': returned,
        'cr.changesNotNotified': late,
        'cr.changesNotNotifiedCount': late.length,
      },
    };
  });
}
