import { z } from 'zod';
import { tryParseDate } from '../calendar/dates.js';

export const isoDate = z
  .string()
  .refine((s) => tryParseDate(s) !== undefined, {
    message: 'an ISO date YYYY-MM-DD that exists',
  })
  .meta({ format: 'date', description: 'A calendar date YYYY-MM-DD (日期)' });

const datedHoliday = z.strictObject({
  date: isoDate,
  holiday: z.string().min(1),
});

const publishedYear = z.strictObject({
  status: z.literal('published'),
  notice: z.string().min(1),
  amendedBy: z.array(z.string().min(1)).optional(),
  /** Statutory days off in force that year; the self-check ties the listed dates to it. */
  statutoryDays: z.int().positive(),
  note: z.string().optional(),
  /** Every day off, including weekend days inside a holiday block; may include late December of the year before. */
  daysOff: z.array(datedHoliday),
  /** Weekend days that are working days (调休上班). */
  makeUpWorkdays: z.array(datedHoliday),
});

const unpublishedYear = z.strictObject({
  status: z.literal('unpublished'),
  note: z.string().optional(),
});

export const calendarYearSchema = z.discriminatedUnion('status', [publishedYear, unpublishedYear]);

export const calendarDataSchema = z.strictObject({
  $schema: z.string().optional(),
  region: z.string().min(1),
  name: z.string().optional(),
  timeZone: z.string().min(1),
  source: z.string().optional(),
  years: z.record(z.string().regex(/^\d{4}$/, 'a four-digit year'), calendarYearSchema),
});

export type CalendarData = z.input<typeof calendarDataSchema>;
export type CalendarYear = z.input<typeof calendarYearSchema>;
export type PublishedCalendarYear = z.output<typeof publishedYear>;
