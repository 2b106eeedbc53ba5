import { sparklinePaths } from '../utils/kpi-tiles';

const W = 120;
const H = 28;

/** Decorative trend line: the value and its change are written out next to it. */
export function Sparkline({ values }: { values: Array<number | null> }) {
  const paths = sparklinePaths(values, W, H);
  if (paths.length === 0) return null;
  return (
    <svg className="sparkline" viewBox={`0 0 ${W} ${H}`} width={W} height={H} aria-hidden="true" focusable="false">
      {paths.map((p) =>
        p.includes(' ') ? (
          <polyline key={p} points={p} fill="none" stroke="#0072B2" strokeWidth="1.5" />
        ) : (
          <circle key={p} cx={p.split(',')[0]} cy={p.split(',')[1]} r="1.5" fill="#0072B2" />
        ),
      )}
    </svg>
  );
}
