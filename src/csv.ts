// CSV as Excel, WPS and LibreOffice read it, for every CSV the package writes (audit reports, e-supervision records).

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote, CR or LF, quotes doubled. A text that
 * starts with `=`, `+`, `-`, `@`, tab or CR would be read as a formula by Excel, WPS and LibreOffice, so it is
 * prefixed with `'` (OWASP's advice) and shows as the text it is. Numbers and booleans are written as they are;
 * an absent value is an empty field.
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record, with its CRLF. */
export function csvLine(values: readonly (string | number | boolean | null | undefined)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
