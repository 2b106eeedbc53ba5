// Classification metrics for the eval script.
export interface ClassReport {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Report {
  accuracy: number;
  macroF1: number;
  perClass: ClassReport[];
  n: number;
  labels: string[];
  /** confusion[gold][pred], in `labels` order; predictions outside `labels` are dropped. */
  confusion: number[][];
}

export function report(gold: string[], pred: string[], labels: string[]): Report {
  let correct = 0;
  const perClass = labels.map((label) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < gold.length; i++) {
      if (pred[i] === label && gold[i] === label) tp++;
      else if (pred[i] === label) fp++;
      else if (gold[i] === label) fn++;
    }
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, precision, recall, f1, support: tp + fn };
  });
  for (let i = 0; i < gold.length; i++) if (gold[i] === pred[i]) correct++;
  const present = perClass.filter((c) => c.support > 0);
  const macroF1 = present.reduce((s, c) => s + c.f1, 0) / Math.max(1, present.length);
  const at = new Map(labels.map((l, i) => [l, i]));
  const confusion = labels.map(() => labels.map(() => 0));
  for (let i = 0; i < gold.length; i++) {
    const g = at.get(gold[i] as string);
    const p = at.get(pred[i] as string);
    if (g !== undefined && p !== undefined) (confusion[g] as number[])[p]! += 1;
  }
  return { accuracy: gold.length ? correct / gold.length : 0, macroF1, perClass, n: gold.length, labels, confusion };
}

export function formatReport(title: string, r: Report): string {
  const pct = (x: number): string => (x * 100).toFixed(1).padStart(5);
  const lines = [
    `${title}: n=${r.n}  accuracy=${r.accuracy.toFixed(3)}  macro-F1=${r.macroF1.toFixed(3)}`,
    `  ${'class'.padEnd(16)}  P%     R%     F1%    n`,
    ...r.perClass.map(
      (c) => `  ${c.label.padEnd(16)} ${pct(c.precision)}  ${pct(c.recall)}  ${pct(c.f1)}  ${String(c.support).padStart(4)}`,
    ),
  ];
  return lines.join('\n');
}

/** Rows = gold, columns = predicted. */
export function formatConfusion(r: Report): string {
  const w = Math.max(8, ...r.labels.map((l) => l.length + 1));
  const head = `  ${'gold \\ pred'.padEnd(w)}${r.labels.map((l) => l.padStart(w)).join('')}`;
  const rows = r.labels.map((l, i) => `  ${l.padEnd(w)}${(r.confusion[i] as number[]).map((v) => String(v).padStart(w)).join('')}`);
  return [head, ...rows].join('\n');
}

/** Confusion matrix: rows = gold, columns = predicted (abbreviated labels). */
export function formatConfusionOf(gold: string[], pred: string[], labels: string[]): string {
  const ab = (l: string): string => l.slice(0, 5).padStart(6);
  const lines = [`  ${'gold \\ pred'.padEnd(16)}${labels.map(ab).join('')}`];
  for (const g of labels) {
    const cells = labels.map((p) => {
      let n = 0;
      for (let i = 0; i < gold.length; i++) if (gold[i] === g && pred[i] === p) n++;
      return String(n || '.').padStart(6);
    });
    lines.push(`  ${g.padEnd(16)}${cells.join('')}`);
  }
  return lines.join('\n');
}
