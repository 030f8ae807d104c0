import { issue, ValidationError } from '../../errors.js';
import { tryParseDate } from '../../calendar/dates.js';

export interface PersonalDataHit {
  kind: 'resident-id' | 'mobile';
  /** Offset of the first character in the text (UTF-16 code units, as String.prototype.slice counts). */
  index: number;
  length: number;
  /** The value with its middle hidden, safe to show in a report. */
  masked: string;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/**
 * A PRC resident identity number (GB 11643): 17 digits with a valid birth date at 7–14, and an ISO 7064
 * MOD 11-2 check character, so an arbitrary 18-digit number is almost never taken for one.
 */
export function isResidentIdNumber(text: string): boolean {
  if (typeof text !== 'string') throw new ValidationError('isResidentIdNumber', [issue('text', text, 'a string')]);
  if (!/^\d{17}[\dXx]$/.test(text)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (text.charCodeAt(i) - 48) * WEIGHTS[i]!;
  if (CHECK[sum % 11] !== text[17]!.toUpperCase()) return false;
  const year = Number(text.slice(6, 10));
  if (year < 1900 || year > 2100) return false;
  return tryParseDate(`${text.slice(6, 10)}-${text.slice(10, 12)}-${text.slice(12, 14)}`) !== undefined;
}

/** The check character a 17-digit body needs. */
export function residentIdCheckCharacter(body: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (body.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

// Digit runs are taken whole: a number inside a longer run of digits is not a separate hit.
const ID_CANDIDATE = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g;
const MOBILE = /(?<!\d)(?:(?:\+|00)86[- ]?)?1[3-9]\d{9}(?!\d)/g;

/** Resident ID numbers and mainland mobile numbers in a text, in order of position. */
export function findPersonalData(text: string): PersonalDataHit[] {
  if (typeof text !== 'string') throw new ValidationError('findPersonalData', [issue('text', text, 'a string')]);
  const hits: PersonalDataHit[] = [];
  for (const match of text.matchAll(ID_CANDIDATE)) {
    if (isResidentIdNumber(match[0])) {
      hits.push({ kind: 'resident-id', index: match.index, length: 18, masked: `${match[0].slice(0, 6)}********${match[0].slice(14)}` });
    }
  }
  for (const match of text.matchAll(MOBILE)) {
    const digits = match[0].slice(-11);
    hits.push({ kind: 'mobile', index: match.index, length: match[0].length, masked: `${digits.slice(0, 3)}****${digits.slice(7)}` });
  }
  return hits.sort((a, b) => a.index - b.index);
}
