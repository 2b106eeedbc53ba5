// Quick loop for tuning the request-type rules on the dev half only: prints the errors.
import { analyze, REQUEST_TYPES } from '../src';
import { loadRequestTypes } from './datasets';
import { formatReport, report } from './metrics';

const split = process.argv[2] ?? 'dev';
const rows = loadRequestTypes().filter((r) => split === 'all' || r.split === split);
const pred = rows.map((r) => analyze(r.text).requestType);
for (let i = 0; i < rows.length; i++) {
  const r = rows[i]!;
  const p = pred[i]!;
  if (p.type !== r.type) console.log(`${r.type.padEnd(15)} → ${p.type.padEnd(15)} [${p.reason}]  ${r.text}`);
}
console.log(formatReport(`request types (${split})`, report(rows.map((r) => r.type), pred.map((p) => p.type), [...REQUEST_TYPES])));
