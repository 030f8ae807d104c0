// The national 一体化平台 case exchange tables (up_pro_*) and the item catalogue (up_task_general_basic), as a
// mapping: table → column → field of the case, with the code lists it assumes. The official lists for event_name,
// special_type and result_type live in the specification's appendix, which was not available: the provincial lists
// (section C of the formats survey) are assumed, and a center overrides them by name.
import type { FormatMappingInput } from '../mapping.js';
import { caseClass, doneResult, limitUnit, nodeResult, specialKind, notRecordedByExchangeTables, suspensionKeywords } from './code-lists.js';

export const nationalExchange = {
  format: 'national-exchange',
  title: '全国一体化政务服务平台 办件信息交换表 (up_pro_*, up_task_general_basic)',
  suspensionKeywords,
  specialProcedureApprovedAndNotified: true,
  codeLists: {
    limitUnit,
    caseClass,
    doneResult,
    nodeResult,
    specialKind,
    applyChannel: {
      kind: 'channel',
      title: '办理形式 (apply_type)',
      source: 'assumed: GB/T 39046 A.5 办理形式代码 (1 窗口办理, 2 电脑端网上办理, 3 移动端网上申请); 4 快递申请 and 9 其他 have no channel in the case snapshot and are reported',
      codes: { '1': 'window', '2': 'online', '3': 'online' },
    },
  },
  tables: [
    {
      table: 'up_task_general_basic', role: 'catalogue', title: '事项基本信息（实施清单）', key: 'task_code',
      fields: {
        matterCode: { column: 'task_code', required: true },
        matterName: { column: 'task_name' },
        legalLimit: { column: 'anticipate_day' },
        legalLimitUnit: { column: 'anticipate_type', codes: 'limitUnit' },
        promisedLimit: { column: 'promise_day' },
        promisedLimitUnit: { column: 'promise_type', codes: 'limitUnit' },
        caseClass: { column: 'project_type', codes: 'caseClass' },
      },
    },
    {
      table: 'up_pro_accept', role: 'accept', title: '办件受理信息', key: 'project_no', required: true,
      fields: {
        matterCode: { column: 'task_code', required: true },
        matterName: { column: 'task_name', required: true },
        department: { column: 'org_name', required: true },
        appliedAt: { column: 'apply_date' },
        acceptedAt: { column: 'accept_date', required: true },
        enteredAt: { column: 'apply_date', note: 'the platform registers a case when it is applied for: 申请时间 is when it entered the approval system' },
        sourceDue: { column: 'promise_date' },
        caseClass: { column: 'project_type', codes: 'caseClass' },
        channel: { column: 'apply_type', codes: 'applyChannel', required: true },
        applicantName: { column: 'applyer_name' },
        acceptedBy: { column: 'handle_user_name' },
        acceptanceDocument: { column: 'accept_doc_no', note: 'a 受理文书编号 means an acceptance notice was issued; none, that none was' },
      },
    },
    {
      table: 'up_pro_process', role: 'process', title: '办件过程信息', key: 'project_no',
      fields: {
        stepName: { column: 'process_name' },
        action: { column: 'event_name', codes: 'nodeResult', required: true },
        startAt: { column: 'event_start_time', required: true },
        endAt: { column: 'event_end_time' },
        handler: { column: 'handle_user_name' },
        opinion: { column: 'handle_explain' },
      },
    },
    {
      table: 'up_pro_special_procedure', role: 'special', title: '特别程序信息', key: 'project_no',
      fields: {
        kind: { column: 'special_type', codes: 'specialKind', required: true },
        name: { column: 'special_name' },
        startAt: { column: 'special_time', required: true },
        endAt: { column: 'end_time' },
        reason: { column: 'special_reason' },
      },
    },
    {
      table: 'up_pro_result', role: 'result', title: '办件结果信息', key: 'project_no',
      fields: {
        completedAt: { column: 'result_date', required: true },
        outcome: { column: 'result_type', codes: 'doneResult', required: true },
        handler: { column: 'handle_user_name' },
        explanation: { column: 'result_explain' },
      },
    },
    {
      table: 'up_pro_material', role: 'material', title: '材料目录信息', key: 'project_no',
      fields: { name: { column: 'material_name', required: true } },
    },
  ],
  notRecorded: notRecordedByExchangeTables,
  notes: [
    { zh: '延长审批没有时限列：延长的工作日数按特别程序开始日至结束日之间的工作日计算。', en: 'An extension has no limit column here: its working days are counted from the special procedure\'s start date to its end date.' },
  ],
} as const satisfies FormatMappingInput;
