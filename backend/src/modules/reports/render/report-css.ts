/**
 * The report page's stylesheet, served by GET /api/report-assets/report.css (CSP style-src
 * 'self' forbids inline styles on the web page) and inlined in the PDF and the e-mail, which
 * are not under the app's CSP. Print rules: A4, sections never split inside a table row.
 */
export const REPORT_CSS = `
:root { --ink: #1f2933; --muted: #616e7c; --line: #d9dee4; --accent: #1d4ed8; --up: #047857; --down: #b91c1c; }
* { box-sizing: border-box; }
body { margin: 0; font: 13px/1.45 "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: var(--ink); background: #fff; }
.page { max-width: 960px; margin: 0 auto; padding: 24px 28px 40px; }
header.report-head { display: flex; align-items: center; gap: 16px; border-bottom: 3px solid var(--accent); padding-bottom: 12px; margin-bottom: 8px; }
.logo { width: 56px; height: 56px; object-fit: contain; }
.monogram { width: 56px; height: 56px; border-radius: 10px; background: var(--accent); color: #fff; font-size: 26px; font-weight: 700; display: flex; align-items: center; justify-content: center; }
h1 { font-size: 22px; margin: 0; }
.subtitle { color: var(--muted); margin: 2px 0 0; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 11px; background: #eef2ff; color: var(--accent); margin-left: 6px; vertical-align: middle; }
.badge.sent { background: #ecfdf5; color: var(--up); }
section { margin-top: 22px; }
h2 { font-size: 17px; margin: 0 0 6px; color: var(--accent); border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 14px; margin: 14px 0 6px; }
p.summary { background: #f5f7fa; border-left: 3px solid var(--accent); padding: 8px 12px; margin: 6px 0 10px; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 8px; }
th, td { text-align: left; padding: 4px 6px; border-bottom: 1px solid var(--line); vertical-align: middle; }
th { font-size: 11px; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
tr { page-break-inside: avoid; break-inside: avoid; }
.up { color: var(--up); }
.down { color: var(--down); }
.muted { color: var(--muted); }
.note { color: var(--muted); font-size: 12px; }
blockquote { margin: 6px 0; padding: 6px 10px; border-left: 3px solid var(--line); background: #fafbfc; }
blockquote .who { display: block; color: var(--muted); font-size: 11px; margin-top: 2px; }
ol.recommendations li { margin: 4px 0; }
ol.timeline { margin: 4px 0 8px 18px; padding: 0; font-size: 12px; }
.spark { display: block; }
footer { margin-top: 28px; border-top: 1px solid var(--line); padding-top: 8px; color: var(--muted); font-size: 11px; }
@page { size: A4; margin: 16mm 12mm 18mm; }
@media print {
  .page { padding: 0; max-width: none; }
  section { page-break-inside: auto; }
  h2, h3 { page-break-after: avoid; break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;
