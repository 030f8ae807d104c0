// Kept so that modules importing the labels from here go on working: the labels live in the message catalogue.
export { label, say, type Lang } from './messages/common.js';
export { MATTER_KIND_LABELS, OPERATOR_SYMBOLS, SEVERITY_LABELS } from './messages/labels.js';
