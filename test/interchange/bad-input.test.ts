import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/index.js';
import { eajc, nationalExchange, resolveMapping, type CaseRecord, type RowError } from '../../src/interchange/index.js';
import { collect } from './helpers.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A folder with the given files (name → bytes or UTF-8 text). */
function folder(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'scr-interchange-test-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

const acceptHeader = 'project_no,task_code,task_name,org_name,apply_date,accept_date,promise_date,apply_type,accept_doc_no,project_type\n';
const acceptRow = (id: string, extra = '') => `${id},T-1,食品经营许可,市场监督管理局,2025-03-03 09:00:00,20250303100000,2025-03-17 23:59:59,1,受字1号,2${extra}\n`;
const catalogue = 'task_code,task_name,anticipate_day,anticipate_type,promise_day,promise_type\nT-1,食品经营许可,20,G,10,1\n';

describe('bad input: one clear error each, the rest still read', () => {
  it('a file in neither UTF-8 nor GBK is one error naming the file; the other tables are read', async () => {
    const dir = folder({
      'up_task_general_basic.csv': catalogue,
      'up_pro_accept.csv': acceptHeader + acceptRow('C-1'),
      // 0xFF never starts a GBK character, nor is it UTF-8.
      'up_pro_material.csv': Buffer.concat([Buffer.from('project_no,material_name\nC-1,'), Buffer.from([0xff, 0xff, 0x0a])]),
    });
    const items = await collect({ format: 'national-exchange', from: dir });
    expect(items[0]).toMatchObject({ kind: 'row-error', table: 'up_pro_material', source: join(dir, 'up_pro_material.csv') });
    expect((items[0] as RowError).expected.en).toMatch(/UTF-8.*GBK/);
    expect(items.slice(1).map((item) => item.kind)).toEqual(['case']);
  });

  it('GBK, UTF-8 with a BOM before the key column, and TSV are all read alike', async () => {
    const text = acceptHeader + acceptRow('C-1');
    const gbk = await collect({ format: 'national-exchange', from: folder({ 'up_task_general_basic.csv': catalogue, 'up_pro_accept.csv': iconv.encode(text, 'gbk') }) });
    const bom = await collect({ format: 'national-exchange', from: folder({ 'up_task_general_basic.csv': catalogue, 'UP_PRO_ACCEPT.CSV': `\uFEFF${text}` }) });
    const tsv = await collect({ format: 'national-exchange', from: folder({ 'up_task_general_basic.csv': catalogue, 'up_pro_accept.tsv': text.replaceAll(',', '\t') }) });
    expect(gbk).toHaveLength(1);
    expect(gbk[0]).toMatchObject({ kind: 'case', caseId: 'C-1', snapshot: { matter: { department: '市场监督管理局', legalLimitWorkingDays: 20, promisedLimitWorkingDays: 10 } } });
    expect(bom).toEqual(gbk);
    expect(tsv).toEqual(gbk);
  });

  it('a missing required column stops that table with one error; without an acceptance table nothing is guessed', async () => {
    const items = await collect({ format: 'national-exchange', from: folder({ 'up_task_general_basic.csv': catalogue, 'up_pro_accept.csv': 'project_no,task_code\nC-1,T-1\n' }) });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'row-error', table: 'up_pro_accept', column: 'task_name,org_name,accept_date,apply_type' });
    const none = await collect({ format: 'national-exchange', from: folder({ 'up_task_general_basic.csv': catalogue }) });
    expect(none).toEqual([expect.objectContaining({ kind: 'row-error', table: 'up_pro_accept', expected: { zh: '导出中有 up_pro_accept 表', en: 'the table up_pro_accept in the export' } })]);
    const missingFolder = await collect({ format: 'national-exchange', from: join(tmpdir(), 'scr-no-such-folder-for-interchange') });
    expect(missingFolder).toEqual([expect.objectContaining({ kind: 'row-error', expected: { zh: '一个可读取的导出文件夹', en: 'a readable folder of exported tables' } })]);
  });

  it('a line with too few or too many fields is reported with its 办件编号, and keeps only its own case from the audit', async () => {
    const dir = folder({
      'up_task_general_basic.csv': catalogue,
      'up_pro_accept.csv': acceptHeader + acceptRow('C-1') + 'C-2,T-1,食品经营许可\n' + acceptRow('C-3') + acceptRow('C-4'),
      'up_pro_result.csv': 'project_no,result_date,result_type\nC-3,20250310 16:00:00,0,"多出的字段"\nC-4,20250310 16:00:00,0\n',
    });
    const items = await collect({ format: 'national-exchange', from: dir });
    expect(items.map((item) => (item.kind === 'case' ? ['case', item.caseId] : [item.table, item.key]))).toEqual([
      ['case', 'C-1'], ['up_pro_accept', 'C-2'], ['up_pro_result', 'C-3'], ['case', 'C-4'],
    ]);
    expect((items[1] as RowError).expected.en).toMatch(/^a CSV record with as many fields as the header \(line 3: /);
    expect((items[2] as RowError).value).toBe('C-3,20250310 16:00:00,0,"多出的字段"');
  });

  it('hours and natural days are not counted as working days: the case is an error that says so', async () => {
    const dir = folder({
      'up_task_general_basic.csv': 'task_code,task_name,anticipate_day,anticipate_type,promise_day,promise_type\nT-1,x,4,3,1,5\n',
      'up_pro_accept.csv': acceptHeader + acceptRow('C-1'),
    });
    const items = (await collect({ format: 'national-exchange', from: dir })) as RowError[];
    expect(items.map((item) => [item.column, item.value, item.caseId])).toEqual([['anticipate_type', '3', 'C-1'], ['promise_type', '5', 'C-1']]);
    expect(items[0]!.expected.en).toMatch(/limits in hours are not yet counted/);
    expect(items[1]!.expected.en).toMatch(/natural-day limits are not yet counted \(30 natural days\)/);
  });

  it('a special procedure of kind 1/A is an extension, 2/B a suspension, approved and notified', async () => {
    const dir = folder({
      'up_task_general_basic.csv': catalogue,
      'up_pro_accept.csv': acceptHeader + acceptRow('C-1'),
      'up_pro_special_procedure.csv': 'project_no,special_type,special_name,special_time,end_time\nC-1,A,延长审批,2025-03-10 10:00:00,2025-03-24 17:00:00\nC-1,2,现场检验,20250311T090000,20250312T090000\n',
      'up_pro_result.csv': 'project_no,result_date,result_type\nC-1,20250325 16:00:00,01\n',
    });
    const [item] = (await collect({ format: 'national-exchange', from: dir })) as CaseRecord[];
    expect(item!.snapshot.events).toEqual(expect.arrayContaining([
      { type: 'extension', at: '2025-03-10T10:00:00+08:00', workingDays: 10, writtenNotice: true, copiedToCenter: true, approvedBy: 'agency-head' },
      { type: 'suspended', at: '2025-03-11T09:00:00+08:00', reason: 'testing', writtenNotice: true },
      { type: 'resumed', at: '2025-03-12T09:00:00+08:00' },
      { type: 'decided', at: '2025-03-25T16:00:00+08:00', outcome: 'refused' },
    ]));
  });

  it('a center overrides a code list by name; a wrong override is a ValidationError', async () => {
    const dir = folder({
      'up_task_general_basic.csv': catalogue,
      'up_pro_accept.csv': acceptHeader + acceptRow('C-1'),
      'up_pro_result.csv': 'project_no,result_date,result_type\nC-1,20250310 16:00:00,10\n',
    });
    const plain = await collect({ format: 'national-exchange', from: dir });
    expect(plain).toEqual([expect.objectContaining({ kind: 'row-error', table: 'up_pro_result', column: 'result_type', value: '10' })]);
    const overridden = await collect({ format: 'national-exchange', from: dir, overrides: { codeLists: { doneResult: { '10': 'approved', '13': 'returned', '07': 'not-accepted' } } } });
    expect(overridden).toEqual([expect.objectContaining({ kind: 'case' })]);
    expect(() => resolveMapping({ format: 'national-exchange', overrides: { codeLists: { nope: {} } } })).toThrow(ValidationError);
    expect(() => resolveMapping({ format: 'national-exchange', overrides: { codeLists: { doneResult: { '10': 'granted' } } } })).toThrow(/approved, refused/);
  });

  it('a mapping naming a field its table does not have is refused when it is read', () => {
    const bad = { ...nationalExchange, tables: [{ ...nationalExchange.tables[1], fields: { ...nationalExchange.tables[1].fields, colour: { column: 'x' } } }] };
    expect(() => resolveMapping({ mapping: bad })).toThrow(/has no field colour/);
    // …in Chinese too, under --lang zh.
    const zh = (() => {
      try {
        resolveMapping({ mapping: bad });
      } catch (error) {
        return (error as ValidationError).issues.map((i) => i.message.zh);
      }
      return [];
    })();
    expect(zh.join('\n')).toMatch(/表没有字段 colour（可用字段：/);
    expect(resolveMapping({ format: 'eajc' }).tables.map((table) => table.table)).toEqual(eajc.tables.map((table) => table.table));
  });

  it('the provincial EA_JC_STEP tables: limits and due on the acceptance row, G/Z and 1–5 units', async () => {
    const dir = folder({
      'EA_JC_STEP_BASICINFO.csv': 'PROJID,IMPLEMENTCODE,ITEMNAME,ACCEPTDEPTNAME,OCCURTIME,PROMISEDATE,APPROVALTYPE,SUBMIT,TIMELIMIT,TIMEUNIT,PROMISETIMELIMIT,PROMISETIMEUNIT\n' +
        'P-2,X-1,排污许可,生态环境局,2025-10-09 10:00:00,2025-10-14,2,0,20,G,3,1\nP-1,X-1,排污许可,生态环境局,20251009100000,2025-10-14,2,1,20,Z,3,1\n',
      'EA_JC_STEP_PROC.csv': 'PROJID,NODENAME,NODERESULT,NODESTARTTIME\nP-2,补正,5,2025-10-09 10:30:00\n',
      'EA_JC_STEP_DONE.csv': 'PROJID,OCCURTIME,DONERESULT,EXITRES\nP-2,2025-10-13 15:00:00,6,不符合受理条件\n',
      'EA_JC_STEP_SPECIALNODE.csv': 'PROJID,NODETYPE,NODENAME,NODESTARTTIME,NODEENDTIME,NODETIME\nP-2,B,专家评审,2025-10-10 09:00:00,2025-10-15 09:00:00,5\n',
    });
    const items = await collect({ format: 'eajc', from: dir });
    expect(items.map((item) => item.kind)).toEqual(['row-error', 'case']);
    expect(items[0]).toMatchObject({ table: 'EA_JC_STEP_BASICINFO', key: 'P-1', column: 'TIMEUNIT', value: 'Z' });
    expect((items[1] as CaseRecord).snapshot).toMatchObject({
      matter: { legalLimitWorkingDays: 20, promisedLimitWorkingDays: 3, class: 'promised' },
      channel: 'window',
      events: expect.arrayContaining([
        { type: 'deficiency-notice', at: '2025-10-09T10:30:00+08:00', items: [], form: 'written' },
        { type: 'decided', at: '2025-10-13T15:00:00+08:00', outcome: 'not-accepted', reasons: '不符合受理条件' },
      ]),
    });
    expect((items[1] as CaseRecord).snapshot.events).toContainEqual({ type: 'suspended', at: '2025-10-10T09:00:00+08:00', reason: 'expert-review', writtenNotice: true });
    // The suspension's own limit has no place in the snapshot yet: it is carried beside it, not dropped.
    expect((items[1] as CaseRecord).suspensionLimits).toEqual([{ at: '2025-10-10T09:00:00+08:00', limit: { unit: 'working-days', days: 5 } }]);
    expect((items[1] as CaseRecord).sourceDue).toEqual({ instant: '2025-10-14T00:00:00+08:00', date: '2025-10-14', hasTime: false });
  });
});
