import { fileURLToPath } from 'node:url';
import { readCaseRecords, type ImportItem, type ReadCaseRecordsOptions } from '../../src/interchange/index.js';

export const sampleFolder = fileURLToPath(new URL('../../fixtures/interchange/national-exchange', import.meta.url));

export async function collect(options: ReadCaseRecordsOptions): Promise<ImportItem[]> {
  const items: ImportItem[] = [];
  for await (const item of readCaseRecords(options)) items.push(item);
  return items;
}

/** Items without their source (a file path or a URL), for comparing one source's import with another's. */
export const withoutSource = (items: readonly ImportItem[]) => items.map((item) => (item.kind === 'row-error' ? { ...item, source: '' } : item));
