// npm run bench -w packages/text — throughput of analyzeBatch on one core.
// 1,000,000 messages generated in memory by cycling and perturbing the labelled request-type set
// and the FR/EN train tweets (case changes, emoji, elongation, suffixes) so caches can't help.
import { analyzeBatch } from '../src';
import { loadRequestTypes, loadSentiment } from './datasets';

const TOTAL = Number(process.env['BENCH_N'] ?? 1_000_000);
const BATCH = 1000;

const base = [
  ...loadRequestTypes().map((r) => r.text),
  ...loadSentiment('fr').filter((r) => r.split === 'train').map((r) => r.text),
  ...loadSentiment('en').filter((r) => r.split === 'train').map((r) => r.text),
];
const suffixes = ['', ' !!', ' 😍', ' 😡', ' svp', ' pls', ' #vigie', ' @user', ' merci', ' thx', ' ...', ' ???'];

function perturb(text: string, i: number): string {
  let t = text;
  if (i % 7 === 0) t = t.toUpperCase();
  if (i % 11 === 0) t = t.replace(/([aeiou])/, '$1$1$1');
  if (i % 13 === 0) t = `${t} ${text}`;
  return t + (suffixes[i % suffixes.length] as string) + (i % 5 === 0 ? ` ${i}` : '');
}

// Warm-up (model unpacking, JIT) outside the timed loop.
analyzeBatch(base.slice(0, 2000));

let done = 0;
let checksum = 0;
const start = process.hrtime.bigint();
while (done < TOTAL) {
  const batch: string[] = new Array<string>(BATCH);
  for (let j = 0; j < BATCH; j++) batch[j] = perturb(base[(done + j) % base.length] as string, done + j);
  const out = analyzeBatch(batch);
  for (const r of out) checksum += r.sentiment.score;
  done += BATCH;
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(`analyzeBatch: ${done.toLocaleString('en')} messages in ${seconds.toFixed(1)} s on one core → ${Math.round(done / seconds).toLocaleString('en')} messages/s (mean ${((seconds / done) * 1e6).toFixed(0)} µs/message; checksum ${checksum.toFixed(0)})`);
