// What `rules` and `profiles` print.
import type { Bilingual } from '../../errors.js';

export const RULES = {
  runsUnder: { zh: '适用依据', en: 'runs under' },
  matterKinds: (kinds: string): Bilingual => ({ zh: `（事项类型：${kinds}）`, en: ` (matters: ${kinds})` }),
  countUnderProfile: (n: number): Bilingual => ({ zh: `共 ${n} 条规则在此配置下运行`, en: `${n} rule${n === 1 ? '' : 's'} run under this profile` }),
  count: (n: number): Bilingual => ({ zh: `共 ${n} 条规则`, en: `${n} rule${n === 1 ? '' : 's'}` }),
  unknownRegulation: (shown: string, hint: Bilingual, known: string): Bilingual => ({
    zh: `--regulation ${shown}：没有此制度${hint.zh}；可选：${known}`,
    en: `--regulation ${shown}: no such regulation${hint.en}; one of ${known}`,
  }),
  unknownProfile: (shown: string, hint: Bilingual, known: string): Bilingual => ({
    zh: `--profile ${shown}：没有此配置${hint.zh}；内置配置：${known}（运行 service-center-rules profiles 查看）`,
    en: `--profile ${shown}: no such profile${hint.en}; bundled: ${known} (run service-center-rules profiles to see them)`,
  }),
};

export const PROFILES = {
  extends: (parent: string): Bilingual => ({ zh: `继承 ${parent}`, en: `extends ${parent}` }),
  versions: { zh: '版本', en: 'versions' },
  documents: { zh: '现行文件', en: 'documents in force' },
  parameters: { zh: '参数', en: 'Parameters' },
  workingHours: { zh: '工作时间', en: 'working hours' },
  counting: { zh: '计算方式', en: 'counting' },
  setBy: (profile: string): Bilingual => ({ zh: `由 ${profile} 设定`, en: `set by ${profile}` }),
  libraryDefault: { zh: '本库默认值', en: 'library default' },
  note: { zh: '说明', en: 'note' },
  rules: (n: number): Bilingual => ({ zh: `在此配置下运行的规则（${n}）`, en: `Rules that run under it (${n})` }),
  switched: { zh: '配置开关', en: 'profile switch' },
  asOn: (date: string): Bilingual => ({ zh: `（${date} 生效的版本）`, en: ` (version in force on ${date})` }),
  latest: { zh: '（最新版本）', en: ' (latest version)' },
  count: (n: number): Bilingual => ({ zh: `共 ${n} 个内置配置；查看一个：service-center-rules profiles show <id>`, en: `${n} bundled profiles; to see one: service-center-rules profiles show <id>` }),
};
