// Development only (running from sources under tsx): Node 20 worker threads do not inherit tsx's ESM loader,
// but its CommonJS hook works in any thread. The published package uses dist/audit-worker.js instead.
const { require: tsRequire } = require('tsx/cjs/api');

module.exports = tsRequire('./audit-worker.ts', __filename).default;
