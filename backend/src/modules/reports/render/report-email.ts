import type { RecommendationItem, ReportFigures, SectionKey } from '../report-figures';
import { escapeHtml as e } from './escape-html';
import { monthName } from './format';
import { reportTitle, SECTION_TITLES } from './section-titles';
import { SECTION_KEYS } from '../report-figures';

export interface ReportEmail {
  subject: string;
  html: string;
  text: string;
}

/** The e-mail: each section's summary, the recommendations and the link; the PDF is attached. */
export function renderReportEmail(
  f: ReportFigures,
  summaries: Record<SectionKey, string>,
  recommendations: RecommendationItem[],
  link: string,
  pdfAttached: boolean,
): ReportEmail {
  const l = f.language;
  const T = (fr: string, en: string) => (l === 'fr' ? fr : en);
  const subject = `${f.brand.name} — ${reportTitle(l)} ${monthName(f.month, l)}`;
  const attachedNote = pdfAttached
    ? T('Le rapport complet est joint en PDF.', 'The full report is attached as a PDF.')
    : T('Le PDF n’a pas pu être produit sur ce serveur (Chromium absent) : ouvrez le lien.', 'The PDF could not be produced on this server (Chromium missing): open the link.');
  const html = `<!doctype html><html lang="${l}"><head><meta charset="utf-8"><title>${e(subject)}</title></head>
<body style="font-family:Arial,sans-serif;color:#1f2933;max-width:680px;margin:0 auto;padding:16px">
<h1 style="font-size:20px;color:#1d4ed8">${e(subject)}</h1>
${SECTION_KEYS.map(
  (k) => `<h2 style="font-size:15px;margin:16px 0 4px">${e(SECTION_TITLES[k][l])}</h2><p style="margin:0 0 8px">${e(summaries[k])}</p>${
    k === 'recommendations' && recommendations.length ? `<ol>${recommendations.map((r) => `<li>${e(r.text)}</li>`).join('')}</ol>` : ''
  }`,
).join('\n')}
<p style="margin-top:20px">${e(attachedNote)} <a href="${e(link)}">${T('Voir le rapport en ligne', 'View the report online')}</a></p>
</body></html>`;
  const text = [
    subject,
    '',
    ...SECTION_KEYS.flatMap((k) => [
      SECTION_TITLES[k][l],
      summaries[k],
      ...(k === 'recommendations' ? recommendations.map((r, i) => `${i + 1}. ${r.text}`) : []),
      '',
    ]),
    attachedNote,
    link,
  ].join('\n');
  return { subject, html, text };
}
