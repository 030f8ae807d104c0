import { z } from 'zod';
import { clip, didYouMean, issue, MAX_LISTED_ISSUES, showValue, ValidationError, type ValidationIssue } from '../errors.js';

/** Keys longer than this are cut in a JSON path (a path names a place; a 1 MB key need not be repeated). */
const MAX_KEY_SHOWN = 64;

/** Renders a zod path as a JSON path: `$.events[3].at`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else {
      const name = typeof key === 'symbol' ? '[symbol]' : key;
      out += `.${clip(name, MAX_KEY_SHOWN)}`;
    }
  }
  return out;
}

/** What is at a path of the input: own properties only (a key named `constructor` is not Object's), never throwing. */
function lookup(input: unknown, path: readonly PropertyKey[]): { found: boolean; value: unknown } {
  let current: unknown = input;
  try {
    for (const key of path) {
      if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return { found: false, value: undefined };
      current = (current as Record<PropertyKey, unknown>)[key];
    }
  } catch {
    return { found: false, value: undefined };
  }
  return { found: true, value: current };
}

const TYPE_NAMES: Record<string, [string, string]> = {
  string: ['a string', '字符串'],
  number: ['a number', '数字'],
  int: ['an integer', '整数'],
  boolean: ['true or false', 'true 或 false'],
  object: ['an object', '对象'],
  record: ['an object', '对象'],
  array: ['a list', '列表'],
  tuple: ['a list', '列表'],
  null: ['null', 'null'],
  undefined: ['no value', '无值'],
  bigint: ['a whole number (BigInt)', '整数（BigInt）'],
  date: ['a Date', 'Date 对象'],
  map: ['a Map', 'Map 对象'],
  set: ['a Set', 'Set 对象'],
  symbol: ['a symbol', '符号（symbol）'],
  function: ['a function', '函数'],
  nan: ['NaN', 'NaN'],
};

/** zod's own messages (as opposed to a schema's custom words) start with one of these. */
const ZOD_WORDING = /^(Invalid|Too small|Too big|Unrecognized|Expected|Input not instance|Number must)/;

const listed = (values: readonly unknown[]) => values.map((v) => showValue(v)).join(', ');

/** A bound of a size or a number in words: `a non-empty string`, `a list of at most 3 items`, `a number ≥ 0`. */
function bound(problem: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): [string, string] | undefined {
  const small = problem.code === 'too_small';
  const n = Number(small ? (problem as z.core.$ZodIssueTooSmall).minimum : (problem as z.core.$ZodIssueTooBig).maximum);
  const inclusive = problem.inclusive !== false;
  switch (problem.origin) {
    case 'string':
      if (small && n === 1) return ['a non-empty string', '非空字符串'];
      return small ? [`a string of at least ${n} characters`, `至少 ${n} 个字符的字符串`] : [`a string of at most ${n} characters`, `不超过 ${n} 个字符的字符串`];
    case 'array':
      if (small && n === 1) return ['a non-empty list', '非空列表'];
      return small ? [`a list of at least ${n} items`, `至少 ${n} 项的列表`] : [`a list of at most ${n} items`, `不超过 ${n} 项的列表`];
    case 'number':
    case 'int':
    case 'bigint':
      if (small) return inclusive ? [`a number ≥ ${n}`, `不小于 ${n} 的数字`] : [`a number > ${n}`, `大于 ${n} 的数字`];
      return inclusive ? [`a number ≤ ${n}`, `不大于 ${n} 的数字`] : [`a number < ${n}`, `小于 ${n} 的数字`];
    default:
      return undefined;
  }
}

/**
 * The schemas' own words (a refinement's message) in Chinese. zod carries one string, written in English where the
 * schema is declared; its Chinese is kept here, beside the one function that words issues, so that an error under
 * --lang zh reads in Chinese throughout (the HTML report prints these beside the findings).
 */
const SCHEMA_WORDS_ZH: ReadonlyArray<readonly [RegExp, string]> = [
  [/^an ISO date YYYY-MM-DD that exists$/, '实际存在的 ISO 日期（YYYY-MM-DD）'],
  [/^an ISO instant with offset, e\.g\. (\S+)$/, '带时区偏移的 ISO 时刻，如 $1'],
  [/^the sentence that states the value, since basis is 'text'$/, "写明该数值的原文句子（basis 为 'text'）"],
  [/^a note saying why the value was chosen, since basis is '([^']*)'$/, "说明为何取此值的备注（basis 为 '$1'）"],
  [/^enabled or severity \(what the switch changes\)$/, 'enabled 或 severity（开关所改变的）'],
  [/^a source or a note saying why$/, '来源（source）或说明理由的备注（note）'],
  [/^an end not before the start \(`from`\)$/, '不早于开始（`from`）的结束时间'],
  [/^a last day not before the first \(`from`\)$/, '不早于第一天（`from`）的最后一天'],
  [/^a period of at most 366 days \(evaluate a longer one in parts\)$/, '不超过 366 天的期间（更长的期间请分段评估）'],
  [/^a WorkCalendar \((.*)\)$/, 'WorkCalendar 对象（$1）'],
  [/^working hours: a list of \{ from, to \} or a WorkingHours$/, '工作时间：{ from, to } 的列表或 WorkingHours 对象'],
  [/^a time after (.+)$/, '晚于 $1 的时间'],
  [/^intervals in order, not overlapping$/, '按先后排列、互不重叠的时段'],
  [/^one subject: case, roster, inquiry or catalogue$/, '一个评估对象：case、roster、inquiry 或 catalogue'],
  [/^one subject per fixture \(a case may come with its roster\)$/, '每个用例一个评估对象（case 可附带 roster）'],
  [/^a (\S+) table has no field (\S+) \(it has (.*)\)$/, '$1 表没有字段 $2（可用字段：$3）'],
  [/^field (\S+) needs a code list of kind (\S+)$/, '字段 $1 需要 $2 类的代码表'],
  [/^code list (\S+) is of kind (\S+); field (\S+) needs no code list$/, '代码表 $1 属 $2 类；字段 $3 不使用代码表'],
  [/^code list (\S+) is of kind (\S+); field (\S+) needs (\S+)$/, '代码表 $1 属 $2 类；字段 $3 需要 $4 类'],
  [/^expected one of (.*)$/, '以下之一：$1'],
  [/^exactly one acceptance table$/, '恰好一个受理表（accept）'],
];

/** @internal A schema's own words in both languages: the English as declared, the Chinese from SCHEMA_WORDS_ZH. */
export function schemaWords(message: string): [string, string] {
  for (const [pattern, zh] of SCHEMA_WORDS_ZH) if (pattern.test(message)) return [message, message.replace(pattern, zh)];
  return [message, message];
}

/** What a zod issue expected, in words for people (zod's own message says "Invalid input: …"). */
function expectation(problem: z.core.$ZodIssue, present: boolean): [string, string] {
  switch (problem.code) {
    case 'invalid_type': {
      // A schema's own words (`z.instanceof(WorkCalendar, { message })`) say it better than a class name.
      const [en, zh] = !ZOD_WORDING.test(problem.message) ? schemaWords(problem.message) : Object.hasOwn(TYPE_NAMES, problem.expected) ? TYPE_NAMES[problem.expected]! : ['a value of another type', '其他类型的值'];
      return present ? [en, zh] : [`${en} (the field is missing)`, `${zh}（缺少该字段）`];
    }
    case 'invalid_value': {
      const values = listed(problem.values);
      return problem.values.length === 1 ? [values, values] : [`one of ${values}`, `以下之一：${values}`];
    }
    case 'too_small':
    case 'too_big':
      return bound(problem) ?? [problem.message, problem.message];
    case 'invalid_format':
      if (!ZOD_WORDING.test(problem.message)) return schemaWords(problem.message);
      return problem.format === 'regex' && 'pattern' in problem
        ? [`a text matching the pattern ${String(problem.pattern)}`, `符合模式 ${String(problem.pattern)} 的文本`]
        : [`a text in ${problem.format} format`, `${problem.format} 格式的文本`];
    case 'invalid_key': {
      const inner = problem.issues[0];
      const [en, zh] = inner ? expectation(inner, true) : ['a valid key', '有效的键'];
      return [`a key that is ${en}`, `键应为${zh}`];
    }
    case 'invalid_union': {
      const options = (problem as { options?: readonly unknown[] }).options;
      if (options?.length) {
        const values = listed(options);
        return [`one of ${values}`, `以下之一：${values}`];
      }
      return ZOD_WORDING.test(problem.message) ? ['one of the accepted forms (see `service-center-rules schema`)', '可接受的形式之一（见 `service-center-rules schema`）'] : schemaWords(problem.message);
    }
    default:
      return ZOD_WORDING.test(problem.message) ? [`a valid value (${problem.message})`, `有效的值（${zodChinese(problem)}）`] : schemaWords(problem.message);
  }
}

const chineseLocale = z.locales.zhCN().localeError;

/** zod's own Chinese wording of an issue (its zh-CN locale), for the kinds this module does not word itself. */
function zodChinese(problem: z.core.$ZodIssue): string {
  const said = chineseLocale(problem as never);
  const text = typeof said === 'string' ? said : said?.message;
  return text ?? problem.message;
}

/** The schema that checks the value at `path` of the input, following the input through unions, lists and wrappers. */
function schemaAt(schema: z.core.$ZodType, input: unknown, path: readonly PropertyKey[]): z.core.$ZodType | undefined {
  let current: z.core.$ZodType | undefined = schema;
  let value = input;
  for (let step = 0; current && step <= path.length; ) {
    const def = current._zod.def as unknown as Record<string, unknown> & { type: string };
    switch (def.type) {
      case 'optional': case 'nullable': case 'default': case 'prefault': case 'nonoptional': case 'readonly': case 'catch':
        current = def.innerType as z.core.$ZodType;
        continue;
      case 'pipe':
        current = def.in as z.core.$ZodType;
        continue;
      case 'lazy':
        current = (def.getter as () => z.core.$ZodType)();
        continue;
      case 'union': {
        const options = def.options as z.core.$ZodType[];
        const discriminator = def.discriminator as string | undefined;
        const own = value !== null && typeof value === 'object' && discriminator ? (value as Record<string, unknown>)[discriminator] : undefined;
        current = options.find((option) => {
          const shape = (option._zod.def as { shape?: Record<string, z.core.$ZodType> }).shape;
          const tag = discriminator ? shape?.[discriminator] : undefined;
          return tag && (tag._zod.def as { values?: unknown[] }).values?.includes(own);
        }) ?? (options.length === 1 ? options[0] : undefined);
        continue;
      }
    }
    if (step === path.length) return current;
    const key = path[step++]!;
    value = value !== null && typeof value === 'object' && Object.hasOwn(value, key) ? (value as Record<PropertyKey, unknown>)[key] : undefined;
    if (def.type === 'object') current = (def.shape as Record<PropertyKey, z.core.$ZodType>)[key];
    else if (def.type === 'array') current = def.element as z.core.$ZodType;
    else if (def.type === 'record') current = def.valueType as z.core.$ZodType;
    else return undefined;
  }
  return current;
}

/** The field names an object accepts at `path`, for suggesting the one a misspelt key meant. */
function keysAt(schema: z.core.$ZodType | undefined, input: unknown, path: readonly PropertyKey[]): string[] {
  const found = schema && schemaAt(schema, input, path);
  const shape = found && (found._zod.def as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

/** The first `MAX_LISTED_ISSUES` of a zod error's issues, in words, each with the value found at its path. */
export function zodIssues(input: unknown, error: z.ZodError, schema?: z.core.$ZodType): ValidationIssue[] {
  return error.issues.slice(0, MAX_LISTED_ISSUES).map((problem) => {
    const path = problem.code === 'unrecognized_keys' ? [...problem.path, problem.keys[0] ?? ''] : problem.path;
    const at = lookup(input, path);
    if (problem.code === 'unrecognized_keys') {
      // The key itself is what is wrong: it is shown, with the field it most likely meant.
      const key = problem.keys[0] ?? '';
      const hint = didYouMean(key, keysAt(schema, input, problem.path));
      const where = jsonPath(path);
      const shown = showValue(at.value);
      return {
        path: where,
        value: at.value,
        expected: 'no such field',
        message: {
          zh: `${where}：此处没有该字段${hint.zh || '（请检查拼写和缩进）'}，其值为 ${shown}`,
          en: `${where}: no such field here${hint.en || ' (check its spelling and indentation)'}; its value: ${shown}`,
        },
      };
    }
    const [found, foundZh] = expectation(problem, at.found);
    // invalid_type says so itself; for the others (a fixed set of values, a union…) a missing field is said here.
    const missingToo = !at.found && problem.code !== 'invalid_type' && problem.code !== 'invalid_key' && problem.path.length > 0;
    const [plain, plainZh] = missingToo ? [`${found} (the field is missing)`, `${foundZh}（缺少该字段）`] : [found, foundZh];
    // A misspelt name among a fixed set (an event type, a status…) is shown with the name it most likely meant.
    const choices = problem.code === 'invalid_union' ? (problem as { options?: readonly unknown[] }).options : problem.code === 'invalid_value' ? problem.values : undefined;
    const hint = choices ? didYouMean(at.value, choices.filter((c): c is string => typeof c === 'string')) : { zh: '', en: '' };
    const [expected, expectedZh] = [plain + hint.en, plainZh + hint.zh];
    // A bad key is shown itself, not the value stored under it.
    const shown = problem.code === 'invalid_key' ? path.at(-1) : at.value;
    return issue(jsonPath(path), shown, expected, expectedZh);
  });
}

/** Parses with a zod schema; on failure throws a ValidationError naming every bad field. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, where: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(where, zodIssues(input, result.error, schema), result.error.issues.length);
}
