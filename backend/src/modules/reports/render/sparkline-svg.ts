/**
 * A 12-month sparkline as inline SVG, drawn on the server: no script, so it passes the app's
 * CSP (script-src 'self') and prints identically in Chromium's PDF. Gaps (null) break the line.
 * Presentation attributes only (no style attribute: style-src 'self' forbids inline styles).
 */
export function sparklineSvg(values: Array<number | null>, opts: { width?: number; height?: number; label?: string } = {}): string {
  const width = opts.width ?? 120;
  const height = opts.height ?? 28;
  const pad = 3;
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const title = opts.label ? `<title>${opts.label}</title>` : '';
  if (known.length === 0) {
    return `<svg xmlns="http://www.w3.org/2000/svg" class="spark" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">${title}<line x1="${pad}" y1="${height / 2}" x2="${width - pad}" y2="${height / 2}" stroke="#c8ccd2" stroke-dasharray="2 3"/></svg>`;
  }
  const min = Math.min(...known);
  const max = Math.max(...known);
  const span = max - min || 1;
  const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
  const x = (i: number) => round(pad + i * step);
  const y = (v: number) => round(max === min ? height / 2 : height - pad - ((v - min) / span) * (height - 2 * pad));
  const segments: string[] = [];
  let current: string[] = [];
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      if (current.length) segments.push(current.join(' '));
      current = [];
      return;
    }
    current.push(`${current.length ? 'L' : 'M'}${x(i)} ${y(v)}`);
  });
  if (current.length) segments.push(current.join(' '));
  const lastIndex = values.length - 1;
  const last = values[lastIndex];
  const dot = last !== null && Number.isFinite(last) ? `<circle cx="${x(lastIndex)}" cy="${y(last)}" r="2.5" fill="#1d4ed8"/>` : '';
  const paths = segments.map((d) => `<path d="${d}" fill="none" stroke="#1d4ed8" stroke-width="1.5" stroke-linejoin="round"/>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" class="spark" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">${title}${paths}${dot}</svg>`;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
