// Writes fixtures/interchange/national-exchange/*.csv: the sample case log (scripts/case-generator.ts, the seed of the
// bundled sample) as a national-exchange export, with the awkward parts real exports have: the acceptance table in GBK,
// the result table with a UTF-8 BOM, both limit-unit encodings, every date shape, a case whose source promise_date
// skips a make-up Saturday, a suspension across the Spring Festival, and rows that cannot be mapped.
// Run: npx tsx scripts/generate-interchange.ts [count] [folder]   (a large count into another folder measures memory)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { cnMainlandCalendar, type CaseSnapshotInput } from '../src/index.js';
import { caseGenerator } from './case-generator.js';

/**
 * A record as a platform writes its export: RFC 4180 quoting only. (The package's own CSV, `src/csv.ts`, also guards
 * against formulas; an export from another system is written as that system writes it.)
 */
const csvLine = (values: readonly string[]): string =>
  `${values.map((value) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value)).join(',')}\r\n`;

const calendar = cnMainlandCalendar();
const count = Number(process.argv[2] ?? 400);
const out = process.argv[3] ?? join(fileURLToPath(new URL('.', import.meta.url)), '..', 'fixtures', 'interchange', 'national-exchange');

const columns = {
  up_task_general_basic: ['row_guid', 'task_code', 'task_name', 'anticipate_day', 'anticipate_type', 'promise_day', 'promise_type', 'project_type'],
  up_pro_accept: ['row_guid', 'project_no', 'task_code', 'task_name', 'org_name', 'apply_date', 'accept_date', 'promise_date', 'apply_type', 'applyer_name', 'handle_user_name', 'accept_doc_no', 'project_type', 'cd_operation'],
  up_pro_process: ['row_guid', 'project_no', 'process_name', 'event_name', 'event_start_time', 'event_end_time', 'handle_explain', 'handle_user_name'],
  up_pro_special_procedure: ['row_guid', 'project_no', 'special_type', 'special_name', 'special_time', 'end_time', 'special_reason', 'result'],
  up_pro_result: ['row_guid', 'project_no', 'result_date', 'result_type', 'result_explain', 'handle_user_name'],
  up_pro_material: ['row_guid', 'project_no', 'material_name', 'get_type'],
} as const;
type Table = keyof typeof columns;
const rows: Record<Table, Record<string, string>[]> = { up_task_general_basic: [], up_pro_accept: [], up_pro_process: [], up_pro_special_procedure: [], up_pro_result: [], up_pro_material: [] };
let guid = 0;
const add = (table: Table, row: Record<string, string>) => rows[table].push({ row_guid: `G${String(++guid).padStart(6, '0')}`, ...row });

// Instants of the sample are all +08:00: the local parts are the text's own.
const parts = (at: string) => ({ d: at.slice(0, 10), t: at.slice(11, 19) });
const shapes = {
  compact: (at: string) => parts(at).d.replaceAll('-', '') + parts(at).t.replaceAll(':', ''),
  compactT: (at: string) => `${parts(at).d.replaceAll('-', '')}T${parts(at).t.replaceAll(':', '')}`,
  compactColons: (at: string) => parts(at).d.replaceAll('-', '') + parts(at).t,
  dashed: (at: string) => `${parts(at).d} ${parts(at).t}`,
  dashedFraction: (at: string) => `${parts(at).d} ${parts(at).t}.0`,
};
const endOfDay = (date: string) => `${date} 23:59:59`;

const catalogue = new Map<string, { code: string; name: string; legal: number; promised: number }>();
function item(matter: CaseSnapshotInput['matter'], instant: boolean) {
  const code = instant ? `${matter.id}-JB` : matter.id;
  if (!catalogue.has(code)) {
    catalogue.set(code, { code, name: matter.name, legal: matter.legalLimitWorkingDays!, promised: instant ? 0 : matter.promisedLimitWorkingDays! });
    const digits = catalogue.size % 2 === 0;
    add('up_task_general_basic', {
      task_code: code, task_name: matter.name,
      anticipate_day: String(matter.legalLimitWorkingDays), anticipate_type: digits ? '1' : 'G',
      promise_day: String(instant ? 0 : matter.promisedLimitWorkingDays), promise_type: digits ? 'G' : '1',
      project_type: instant ? '1' : '2',
    });
  }
  return code;
}

function exportCase(snapshot: CaseSnapshotInput, sourceDue?: (acceptDate: string, promised: number) => string): boolean {
  const accepted = snapshot.events.find((event) => event.type === 'accepted');
  const cls = snapshot.matter.class;
  // The national tables carry no joint block and no 补正-class; cases refused before acceptance have no acceptance row.
  if (!accepted || (cls !== 'instant' && cls !== 'promised')) return false;
  const code = item(snapshot.matter, cls === 'instant');
  const promised = cls === 'instant' ? 0 : snapshot.matter.promisedLimitWorkingDays!;
  const acceptDate = accepted.at.slice(0, 10);
  const received = snapshot.events.find((event) => event.type === 'materials-received');
  const n = rows.up_pro_accept.length;
  add('up_pro_accept', {
    project_no: snapshot.id, task_code: code, task_name: snapshot.matter.name, org_name: snapshot.matter.department,
    apply_date: received ? shapes.dashedFraction(received.at) : '',
    accept_date: n % 2 ? shapes.compact(accepted.at) : shapes.dashed(accepted.at),
    promise_date: endOfDay((sourceDue ?? ((d, p) => calendar.addWorkingDays(d, p)))(acceptDate, promised)),
    apply_type: snapshot.channel === 'online' ? '2' : '1', applyer_name: `申请人${snapshot.id.slice(-4)}`,
    handle_user_name: accepted.by ?? '', accept_doc_no: accepted.acceptanceNotice ? `受字〔2025〕${snapshot.id.slice(-5)}号` : '',
    project_type: cls === 'instant' ? '1' : '2', cd_operation: 'I',
  });
  add('up_pro_process', { project_no: snapshot.id, process_name: '受理', event_name: '04', event_start_time: shapes.compactT(accepted.at), event_end_time: shapes.compactT(accepted.at), handle_user_name: accepted.by ?? '' });
  for (const event of snapshot.events) {
    if (event.type === 'materials-received') for (const name of event.items ?? []) add('up_pro_material', { project_no: snapshot.id, material_name: name, get_type: '1' });
    if (event.type === 'deficiency-notice') add('up_pro_process', { project_no: snapshot.id, process_name: '补齐补正告知', event_name: '05', event_start_time: shapes.compactT(event.at), event_end_time: '', handle_explain: event.items.join('、') });
    if (event.type === 'suspended') {
      const resumed = snapshot.events.find((e) => e.type === 'resumed');
      add('up_pro_special_procedure', { project_no: snapshot.id, special_type: rows.up_pro_special_procedure.length % 2 ? '2' : 'B', special_name: '专家评审', special_time: shapes.dashed(event.at), end_time: resumed ? shapes.dashed(resumed.at) : '', special_reason: '需组织专家评审' });
    }
    if (event.type === 'decided' && event.outcome === 'approved') add('up_pro_result', { project_no: snapshot.id, result_date: shapes.compactColons(event.at), result_type: '0', result_explain: '准予许可', handle_user_name: event.by ?? '' });
  }
  return true;
}

const makeCase = caseGenerator(20251021);
let exported = 0;
for (let i = 1; exported < count; i++) if (exportCase(makeCase(i))) exported++;

const base = { name: '食品经营许可', department: '市场监督管理局', legalLimitWorkingDays: 20, promisedLimitWorkingDays: 10 } as const;
const handMade = (id: string, matterId: string, promised: number, events: CaseSnapshotInput['events']): CaseSnapshotInput =>
  ({ id, matter: { id: matterId, ...base, promisedLimitWorkingDays: promised, class: 'promised' }, channel: 'window', events });

// Saturday 2025-10-11 is a make-up working day (调休上班): the source's software counts Monday to Friday only.
exportCase(
  handMade('JDZ-2025-M0001', 'SP-001-3D', 3, [
    { type: 'materials-received', at: '2025-10-09T09:10:00+08:00', items: ['申请书'] },
    { type: 'accepted', at: '2025-10-09T10:00:00+08:00', acceptanceNotice: true, by: 'zhang' },
  ]),
  (from, n) => {
    let day = from;
    for (let left = n; left > 0; ) {
      day = calendar.nextWorkingDay(day);
      if (calendar.dayInfo(day).weekday <= 5) left--;
    }
    return day;
  },
);
// A hearing (特别程序, kind B) from 2025-01-24 to 2025-02-10, across the Spring Festival (2025-01-28 … 2025-02-04).
exportCase(handMade('JDZ-2025-S0001', 'SP-001', 10, [
  { type: 'materials-received', at: '2025-01-20T09:10:00+08:00', items: ['申请书', '营业执照'] },
  { type: 'accepted', at: '2025-01-20T10:00:00+08:00', acceptanceNotice: true, by: 'li' },
  { type: 'suspended', at: '2025-01-24T10:00:00+08:00', reason: 'hearing', writtenNotice: true },
  { type: 'resumed', at: '2025-02-10T09:00:00+08:00' },
  { type: 'decided', at: '2025-02-14T16:00:00+08:00', outcome: 'approved', by: 'li' },
]));
rows.up_pro_special_procedure.at(-1)!.special_name = '听证';
// Items the catalogue states in natural days, and in a unit outside the code list.
add('up_task_general_basic', { task_code: 'SP-001-3D', task_name: base.name, anticipate_day: '20', anticipate_type: 'G', promise_day: '3', promise_type: '1', project_type: '2' });
add('up_task_general_basic', { task_code: 'HB-NAT', task_name: '排污许可', anticipate_day: '30', anticipate_type: 'Z', promise_day: '20', promise_type: '2', project_type: '2' });
add('up_task_general_basic', { task_code: 'HB-BAD', task_name: '排污许可变更', anticipate_day: '20', anticipate_type: '9', promise_day: '10', promise_type: '1', project_type: '2' });
const acceptRow = (id: string, code: string, extra: Record<string, string> = {}) =>
  add('up_pro_accept', { project_no: id, task_code: code, task_name: '排污许可', org_name: '生态环境局', apply_date: '2025-03-03 09:00:00', accept_date: '20250303100000', promise_date: '2025-04-01 23:59:59', apply_type: '1', applyer_name: '某化工有限公司', handle_user_name: 'wu', accept_doc_no: '受字〔2025〕X号', project_type: '2', cd_operation: 'I', ...extra });
acceptRow('JDZ-2025-X0001', 'HB-NAT'); // natural-day limits: not counted as working days
acceptRow('JDZ-2025-X0002', 'HB-BAD'); // its item's unit is outside the list
acceptRow('JDZ-2025-X0003', 'SP-001'); // two acceptance rows that disagree
acceptRow('JDZ-2025-X0003', 'SP-001', { accept_date: '20250304100000' });
acceptRow('JDZ-2025-X0004', 'SP-001', { accept_date: '2025-13-03 10:00' }); // no such month
add('up_pro_result', { project_no: 'JDZ-2025-X0005', result_date: '20250310 16:00:00', result_type: '0' }); // no acceptance row
add('up_pro_process', { project_no: '', process_name: '审核', event_name: '01', event_start_time: '20250305T100000' }); // no 办件编号
acceptRow('JDZ-2025-X0006', 'SP-001');
add('up_pro_process', { project_no: 'JDZ-2025-X0006', process_name: '审核', event_name: '99', event_start_time: '20250305T100000' }); // an action outside the list

mkdirSync(out, { recursive: true });
for (const table of Object.keys(columns) as Table[]) {
  const text = csvLine(columns[table]) + rows[table].map((row) => csvLine(columns[table].map((column) => row[column] ?? ''))).join('');
  // Offices export GBK: the acceptance table is; the result table carries a UTF-8 BOM; the rest is plain UTF-8.
  const bytes = table === 'up_pro_accept' ? iconv.encode(text, 'gbk') : table === 'up_pro_result' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]) : Buffer.from(text);
  writeFileSync(join(out, `${table}.csv`), bytes);
}
console.log(`wrote ${rows.up_pro_accept.length} acceptance rows to ${out}`);
