/** Offset (ms) of a time zone at an instant, from Intl (no tz database of our own). */
function offsetAt(utcMs: number, timeZone: string): number {
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const p = Object.fromEntries(f.formatToParts(new Date(utcMs)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return asUtc - utcMs;
}

/** A wall-clock time in `timeZone` → ISO instant (two passes settle DST edges). */
export function zonedToIso(y: number, mo: number, d: number, h: number, mi: number, s: number, timeZone: string): string {
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  let t = wall - offsetAt(wall, timeZone);
  t = wall - offsetAt(t, timeZone);
  return new Date(t).toISOString();
}
