/** Keeps the README's KPI table in sync with KPI_DEFINITIONS (test-only fs). */
import * as fs from 'fs';
import * as path from 'path';
import { KPI_DEFINITIONS } from './kpi-definitions';
import { KPI_KEYS } from './kpi-keys';

const readme = fs.readFileSync(path.resolve(__dirname, '../README.md'), 'utf8');
const arrow = (value: boolean | null): string =>
  value === true ? '↑' : value === false ? '↓' : '–';

describe('README KPI table', () => {
  it.each([...KPI_KEYS])('has the current row for %s', (key) => {
    const d = KPI_DEFINITIONS[key];
    const row =
      `| \`${key}\` | ${d.kind} | \`${d.formula}\` | ${arrow(d.higherIsBetter)} | ` +
      `**${d.label.en}** — ${d.definition.en} | **${d.label.fr}** — ${d.definition.fr} |`;
    expect(readme).toContain(row);
  });
});
