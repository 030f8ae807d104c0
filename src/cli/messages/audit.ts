// The words of the `audit` command itself: its help, and what it says when a file cannot be read or written.
export const AUDIT_HELP = {
  command: { zh: '审计案件日志或平台导出，汇总发现与办件指标', en: 'audit a case log or a platform export and summarise findings and figures' },
  log: { zh: '案件日志：cases.ndjson、cases.json，或 - 表示标准输入', en: 'the case log: cases.ndjson, cases.json, or - for stdin' },
  profile: { zh: '配置 id 或配置 JSON 文件', en: 'a profile id or a profile JSON file' },
  asOf: { zh: '审计所描述的时点，例如 2025-10-13T18:00:00+08:00', en: 'the moment the audit describes, e.g. 2025-10-13T18:00:00+08:00' },
  format: {
    zh: '输出格式：table、json、csv、html、xlsx（需 --out）、ndjson（每案一行）、supervision（电子监察记录）',
    en: 'output format: table, json, csv, html, xlsx (needs --out), ndjson (one line per case), supervision (e-supervision records)',
  },
  out: { zh: '把报告写入文件，而不是标准输出', en: 'write the report to a file instead of stdout' },
  cases: { zh: '另把每个案件的结果写入此文件（NDJSON，每案一行）', en: "also write every case's result to this file (NDJSON, one line per case)" },
  failOnFindings: { zh: '发现违规时以 1 退出', en: 'exit 1 when any violation is found' },
  workers: { zh: '工作线程数（默认为本机的 {cores} 个核心）；1 表示在主线程中运行', en: "worker threads (default: this machine's {cores}); 1 runs in one thread" },
} as const;

export const OUTPUT_ERRORS = {
  noPath: { zh: '{option} ""：应为文件路径', en: '{option} "": expected a file path' },
  cannotWrite: { zh: '{option} {path}：无法写入（{reason}）', en: '{option} {path}: cannot write ({reason})' },
  notAFile: { zh: '{option} {path}：无法写入（不是普通文件）', en: '{option} {path}: cannot write (not a regular file)' },
  cannotCreate: { zh: '{option} {path}：无法在 {folder} 中新建文件（{reason}）', en: '{option} {path}: cannot write a new file in {folder} ({reason})' },
  cannotRead: { zh: '{source}：无法读取（{reason}）', en: '{source}: cannot read ({reason})' },
} as const;
