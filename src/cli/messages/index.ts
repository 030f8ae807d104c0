// The command line's message catalogue: every text it prints, in Chinese and English.
export * from './common.js';
export * from './labels.js';
export * from './help.js';
export * from './errors.js';
export * from './check.js';
export * from './explain.js';
export * from './rules.js';
export * from './report.js';
export * from './audit.js';
export * from './interchange.js';
