// Aspects: hand-labelled data/aspects.labelled.jsonl (eval only). Per aspect, message-level
// detection precision/recall, and polarity accuracy on the correctly detected ones.
import * as fs from 'fs';
import * as path from 'path';
import { ASPECTS, detectAspects, summarizeAspects } from '../src';
import { PACKAGE_ROOT } from './paths';

interface Row {
  text: string;
  lang: string;
  aspects: Record<string, string>;
}

export function aspectsSection(): void {
  // labelled: written before the cues (same author); holdout: written after them, never tuned on.
  for (const name of ['aspects.labelled.jsonl', 'aspects.holdout.jsonl']) aspectsReport(name);
}

function aspectsReport(name: string): void {
  const file = path.join(PACKAGE_ROOT, 'data', name);
  if (!fs.existsSync(file)) return;
  const rows = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Row);
  const pct = (x: number): string => (x * 100).toFixed(1).padStart(5);
  let tpAll = 0;
  let fpAll = 0;
  let fnAll = 0;
  let polOk = 0;
  const lines: string[] = [];
  for (const a of ASPECTS) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let ok = 0;
    for (const r of rows) {
      const got = summarizeAspects(detectAspects(r.text, r.lang === 'mixed' ? undefined : r.lang));
      const g = r.aspects[a];
      const p = got[a];
      if (g && p) {
        tp++;
        if (g === p) ok++;
      } else if (p) fp++;
      else if (g) fn++;
    }
    tpAll += tp;
    fpAll += fp;
    fnAll += fn;
    polOk += ok;
    const P = tp + fp ? tp / (tp + fp) : 0;
    const R = tp + fn ? tp / (tp + fn) : 0;
    lines.push(`  ${a.padEnd(17)}${pct(P)}  ${pct(R)}  ${pct(tp ? ok / tp : 0)}  ${String(tp + fn).padStart(4)}`);
  }
  const P = tpAll / Math.max(1, tpAll + fpAll);
  const R = tpAll / Math.max(1, tpAll + fnAll);
  console.log(`aspects (data/${name}, n=${rows.length} messages): micro P=${P.toFixed(3)} R=${R.toFixed(3)} F1=${((2 * P * R) / Math.max(1e-9, P + R)).toFixed(3)}  polarity accuracy on detected=${(polOk / Math.max(1, tpAll)).toFixed(3)}`);
  console.log(`  ${'aspect'.padEnd(17)}P%     R%     pol%   n`);
  for (const l of lines) console.log(l);
  console.log('');
}
