// The words of `audit --input <format>`: auditing a platform's export, and its e-supervision records.
export const INTERCHANGE_TEXT = {
  inputOption: { zh: '输入：log（案件日志，默认）、national-exchange（全国办件交换表）、eajc（省级 EA_JC_STEP 中间库表）', en: 'input: log (a case log, the default), national-exchange (the national exchange tables), eajc (the provincial EA_JC_STEP tables)' },
  fromOption: { zh: '平台导出所在：CSV/TSV 文件夹，或 mysql://用户:密码@主机/库', en: 'where the export is: a folder of CSV/TSV files, or mysql://user:password@host/database' },
  needsLog: { zh: '请给出案件日志（文件或 - 表示标准输入），或用 --input 指定平台导出格式', en: 'give a case log (a file, or - for stdin), or a platform export format with --input' },
  needsFrom: { zh: '--input {format} 需要 --from <文件夹|mysql://…>', en: '--input {format} needs --from <folder|mysql://…>' },
  logAndFrom: { zh: '--input {format} 从 --from 读取，不另给日志 {log}', en: '--input {format} reads from --from; no log ({log}) as well' },
  fromWithoutInput: { zh: '--from 只用于平台导出：请同时给出 --input national-exchange 或 eajc', en: '--from is for a platform export: give --input national-exchange or eajc with it' },
  rowError: { zh: '{source} 表 {table}{key}{column}：应为{expected}', en: '{source} table {table}{key}{column}: expected {expected}' },
  rowKey: { zh: '，办件编号 {key}', en: ', case {key}' },
  rowColumn: { zh: '，列 {column} 的值 {value}', en: ', column {column} value {value}' },
  notRecordedNote: { zh: '{format} 格式不记录此项：{because}', en: 'the {format} format does not record this: {because}' },
  sourceDue: { zh: '与源系统承诺办结日期不一致的案件', en: 'cases whose source system counts another due date' },
  sourceDueSummary: { zh: '已比对 {compared} 件，其中 {disagreements} 件日期不同', en: '{compared} compared, {disagreements} on another date' },
  notRecorded: { zh: '导出格式不记录、因而未运行的规则', en: 'rules not run: the export format does not record what they check' },
  ours: { zh: '本库计算', en: 'ours' },
  theirs: { zh: '源系统', en: 'source system' },
  supervisionOption: { zh: 'supervision：每条发现一条 GB/T 39046 电子监察记录（NDJSON；--out 以 .csv 结尾时为 CSV）', en: 'supervision: one GB/T 39046 e-supervision record per finding (NDJSON; CSV when --out ends in .csv)' },
} as const;
