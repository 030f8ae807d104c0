// The provincial exchange database's EA_JC_STEP_* tables (Shandong-style 中间库), as a mapping. The limits and the
// source's own due instant sit on the acceptance row (BASICINFO); there is no item catalogue table.
import type { FormatMappingInput } from '../mapping.js';
import { caseClass, doneResult, limitUnit, nodeResult, notRecordedByExchangeTables, suspensionKeywords } from './code-lists.js';

export const eajc = {
  format: 'eajc',
  title: '省级政务服务中间库 EA_JC_STEP_* 表',
  suspensionKeywords,
  specialProcedureApprovedAndNotified: true,
  codeLists: {
    limitUnit,
    caseClass,
    doneResult,
    nodeResult,
    submitChannel: {
      kind: 'channel',
      title: '申报方式 (SUBMIT)',
      source: 'EA_JC_STEP_BASICINFO SUBMIT (0 窗口, 1 网上); 2–8 (信函, 电报, 电传, 传真, 邮件, 电子数据交换, 其他) have no channel in the case snapshot and are reported',
      codes: { '0': 'window', '1': 'online' },
    },
    specialNodeKind: {
      kind: 'special-kind',
      title: '特别程序（SPECIALNODE 行）',
      source: 'assumed: a SPECIALNODE row records a suspension (挂起, NODERESULT 6 in PROC); the table has no kind column, so the mapping reads NODETYPE where a system fills it with A/B or 1/2',
      codes: { '1': 'extension', '2': 'suspension', A: 'extension', B: 'suspension' },
    },
  },
  tables: [
    {
      table: 'EA_JC_STEP_BASICINFO', role: 'accept', title: '受理信息', key: 'PROJID', required: true,
      fields: {
        matterCode: { column: 'IMPLEMENTCODE', required: true },
        matterName: { column: 'ITEMNAME', required: true },
        department: { column: 'ACCEPTDEPTNAME', required: true },
        acceptedAt: { column: 'OCCURTIME', required: true },
        enteredAt: { column: 'OCCURTIME', note: 'a record in the exchange database was entered into the approval system; acceptance stands for its entry time' },
        sourceDue: { column: 'PROMISEDATE' },
        caseClass: { column: 'APPROVALTYPE', codes: 'caseClass', required: true },
        channel: { column: 'SUBMIT', codes: 'submitChannel', required: true },
        applicantName: { column: 'APPLYNAME' },
        acceptedBy: { column: 'TRANSACTOR' },
        legalLimit: { column: 'TIMELIMIT' },
        legalLimitUnit: { column: 'TIMEUNIT', codes: 'limitUnit' },
        promisedLimit: { column: 'PROMISETIMELIMIT' },
        promisedLimitUnit: { column: 'PROMISETIMEUNIT', codes: 'limitUnit' },
      },
    },
    {
      table: 'EA_JC_STEP_PROC', role: 'process', title: '过程信息', key: 'PROJID',
      fields: {
        stepName: { column: 'NODENAME' },
        action: { column: 'NODERESULT', codes: 'nodeResult', required: true },
        startAt: { column: 'NODESTARTTIME', required: true },
        endAt: { column: 'NODEENDTIME' },
        handler: { column: 'NODEPROCERNAME' },
        opinion: { column: 'NODEADV' },
      },
    },
    {
      table: 'EA_JC_STEP_SPECIALNODE', role: 'special', title: '特别程序', key: 'PROJID',
      fields: {
        kind: { column: 'NODETYPE', codes: 'specialNodeKind', required: true },
        name: { column: 'NODENAME' },
        startAt: { column: 'NODESTARTTIME', required: true },
        endAt: { column: 'NODEENDTIME' },
        limit: { column: 'NODETIME', note: 'assumed: the special procedure\'s own limit (特别程序时限), as SBLSH TBCXSX' },
        limitUnit: { column: 'NODETIMEUNIT', codes: 'limitUnit', note: 'assumed column: systems that add the limit\'s unit beside NODETIME; working days when absent' },
        reason: { column: 'NODEPROCACCORD' },
      },
    },
    {
      table: 'EA_JC_STEP_DONE', role: 'result', title: '办结信息', key: 'PROJID',
      fields: {
        completedAt: { column: 'OCCURTIME', required: true },
        outcome: { column: 'DONERESULT', codes: 'doneResult', required: true },
        handler: { column: 'TRANSACTOR' },
        explanation: { column: 'EXITRES' },
      },
    },
  ],
  notRecorded: notRecordedByExchangeTables,
  notes: [],
} as const satisfies FormatMappingInput;
