// service-center-rules/testing: fast-check arbitraries for downstream property tests (fast-check is a peer dependency).
export { calendarDate, calendarInstant } from './calendar-arbitraries.js';
export { promisedCase, shiftCase } from './case-arbitraries.js';
export { dayIntervals, inquiry, oneDayRoster, residentIdNumber } from './people-arbitraries.js';
