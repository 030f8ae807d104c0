// D12: escape sequences in case data (ANSI colours, OSC titles, bidi overrides) reached the terminal raw.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT, cli, root, sampleLines } from './helpers.js';

const RAW_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('D12: terminal output carries no control sequence from the data', () => {
  it('audit tables, JSON on stdout, and errors show controls as visible escapes; a newline in a name cannot forge a row', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scr-terminal-'));
    const payload = '\u001b[31mRED\u001b[0m\u001b]0;pwned\u0007\u202eevil\u009b2J';
    const [first, second] = sampleLines(2).map((line) => JSON.parse(line));
    const log = join(dir, 'cases.ndjson');
    writeFileSync(log, [
      JSON.stringify({ ...first, matter: { ...first.matter, department: payload } }),
      JSON.stringify({ ...second, matter: { ...second.matter, department: '甲\n乙局  999  0  0' } }),
      JSON.stringify({ id: `X${payload}`, matter: 5 }),
    ].join('\n'));
    const table = await cli('audit', log, ...AUDIT, '--workers', '1');
    expect(table.out).not.toMatch(RAW_CONTROLS);
    expect(table.out).toContain('\\u001b[31mRED\\u001b[0m\\u001b]0;pwned\\u0007\\u202eevil\\u009b2J');
    expect(table.out).toContain('甲\\u000a乙局  999  0  0');
    const json = await cli('audit', log, ...AUDIT, '--workers', '1', '--format', 'json');
    expect(json.out).not.toMatch(RAW_CONTROLS);
    // The escapes are JSON escapes: the values read back are exactly the data's.
    expect(JSON.parse(json.out).departments.map((d: { department: string }) => d.department)).toContain(payload);
    const missing = await cli('audit', join(dir, `no\u001b]0;x\u0007.ndjson`), ...AUDIT);
    expect(missing.code).toBe(2);
    expect(missing.err).not.toMatch(RAW_CONTROLS);
  });

  it('check prints a fixture description with controls escaped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scr-terminal-check-'));
    const fixture = readFileSync(join(root, 'fixtures', 'first-inquiry', 'absent-handler-handed-over.yaml'), 'utf8');
    // The description carries escapes, and the expected findings are wrong, so check prints the description.
    const hostile = fixture
      .replace(/^description: .*$/m, 'description: "\\e[2J\\e]0;title\\a\\u202e fixture"')
      .replace(/findings: \[[^\]]*\]/, 'findings: [FI-WHO]');
    writeFileSync(join(dir, 'f.yaml'), hostile);
    const { code, out, err } = await cli('check', dir);
    expect(code).toBe(1);
    expect(out).toContain('\\u001b[2J\\u001b]0;title\\u0007\\u202e fixture');
    expect(out + err).not.toMatch(RAW_CONTROLS);
  });
});
