import ExcelJS from 'exceljs';
import { KPI_DEFINITIONS } from '@vigie/kpi';
import type { RecommendationItem, ReportFigures, SectionKey } from '../report-figures';
import { inboundTypeName, themeName } from '../summaries';
import { SECTION_TITLES } from './section-titles';

/** Raw numbers (fractions stay fractions, formatted as % in Excel) so the sheet can be recomputed. */
export async function renderReportXlsx(
  f: ReportFigures,
  recommendations: RecommendationItem[],
  summaries: Record<SectionKey, string>,
): Promise<Buffer> {
  const l = f.language;
  const T = (fr: string, en: string) => (l === 'fr' ? fr : en);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Vigie';
  wb.created = new Date(f.generatedAt);
  const sheetName = (key: SectionKey) => SECTION_TITLES[key][l].replace(/^\d\.\s*/, '').slice(0, 31);
  const bold = (ws: ExcelJS.Worksheet, row = 1) => {
    ws.getRow(row).font = { bold: true };
  };
  const pct = (ws: ExcelJS.Worksheet, cols: number[]) => cols.forEach((c) => (ws.getColumn(c).numFmt = '0.00%'));

  const ind = wb.addWorksheet(sheetName('indicators'));
  ind.addRow([summaries.indicators]);
  ind.addRow([T('Indicateur', 'Indicator'), T('Clé', 'Key'), f.month, f.months[f.months.length - 2] ?? '', T('Évolution (absolue)', 'Change (absolute)'), T('Évolution (relative)', 'Change (relative)'), T('Partiel', 'Partial'), ...f.months]);
  bold(ind, 2);
  for (const r of f.indicators.rows) {
    const row = ind.addRow([KPI_DEFINITIONS[r.key].label[l], r.key, r.value, r.previous, r.delta.absolute, r.delta.relative, r.partial ? 'yes' : '', ...r.series]);
    if (KPI_DEFINITIONS[r.key].format === 'percent') {
      [3, 4, 5, ...f.months.map((_, i) => 8 + i)].forEach((c) => (row.getCell(c).numFmt = '0.00%'));
    }
    row.getCell(6).numFmt = '0.0%';
  }
  ind.addRow([]);
  ind.addRow([T('Par canal', 'By channel')]).font = { bold: true };
  ind.addRow([T('Canal', 'Channel'), T('Compte', 'Account'), T('Clé', 'Key'), f.month, T('Mois précédent', 'Previous month'), T('Évolution (relative)', 'Change (relative)')]).font = { bold: true };
  for (const c of f.indicators.byChannel) {
    for (const r of c.rows) ind.addRow([c.platform, c.handle, r.key, r.value, r.previous, r.delta.relative]);
  }
  ind.addRow([]);
  ind.addRow([T('Par format', 'By format'), T('Publications', 'Posts'), 'interactions', 'engagementRateByReach']).font = { bold: true };
  for (const t of f.indicators.byContentType) ind.addRow([t.contentType, t.posts, t.interactions, t.engagementRateByReach]);
  ind.addRow([]);
  ind.addRow([T('Jour (1 = lundi)', 'Weekday (1 = Monday)'), T('Heure', 'Hour'), T('Publications', 'Posts'), 'interactions']).font = { bold: true };
  for (const c of f.indicators.heatmap) ind.addRow([c.weekday, c.hour, c.posts, c.interactions]);
  ind.getColumn(1).width = 34;

  const hi = wb.addWorksheet(sheetName('highlights'));
  hi.addRow([summaries.highlights]);
  hi.addRow([T('Publication', 'Post'), T('Plateforme', 'Platform'), T('Date', 'Date'), T('Format', 'Format'), 'interactions', 'reach', 'impressions', T('Taux', 'Rate'), T('× médiane', '× median'), T('Lien', 'Link'), T('Texte', 'Text')]);
  bold(hi, 2);
  for (const p of f.highlights.topPosts) {
    hi.addRow([p.postId, p.platform, p.publishedAt, p.contentType, p.interactions, p.reach, p.impressions, p.rate, p.timesMedian, p.permalink, p.excerpt]);
  }
  pct(hi, [8]);
  hi.addRow([]);
  hi.addRow([T('Taux médian du mois', 'Median rate of the month'), f.highlights.medianRate, f.highlights.rateKey]);
  hi.addRow([T('Publications du mois', 'Posts of the month'), f.highlights.postsCount]);
  hi.addRow([T('Meilleur jour', 'Best day'), f.highlights.bestDay?.day ?? null, f.highlights.bestDay?.interactions ?? null]);
  const ever = f.highlights.bestPostEver;
  hi.addRow([T('Meilleure publication à ce jour', 'Best post ever'), ever?.postId ?? null, ever?.publishedAt ?? null, ever?.interactions ?? null, ever?.thisMonth ? 'this month' : '']);
  hi.addRow([T('Meilleur mois sur 12', 'Best month of 12'), f.highlights.bestMonthOfYear ? 'yes' : 'no']);
  hi.addRow([]);
  hi.addRow([T('Thème', 'Topic'), T('Publications', 'Posts'), T('Taux', 'Rate')]).font = { bold: true };
  for (const t of f.highlights.topics) hi.addRow([t.topic, t.posts, t.rate]);
  hi.addRow([]);
  hi.addRow([T('Alertes', 'Alerts'), 'kind', 'startedAt', 'peak', 'status', 'acknowledgedAt', 'acknowledgedBy', 'resolvedAt', 'resolvedBy']).font = { bold: true };
  if (f.highlights.alerts === null) hi.addRow([T('non disponibles', 'not available')]);
  else for (const a of f.highlights.alerts) hi.addRow([a.title, a.kind, a.startedAt, a.peak, a.status, a.acknowledgedAt, a.acknowledgedBy, a.resolvedAt, a.resolvedBy]);

  const inb = wb.addWorksheet(sheetName('inbound'));
  inb.addRow([summaries.inbound]);
  inb.addRow([T('Type', 'Type'), T('Clé', 'Key'), f.month, T('Mois précédent', 'Previous month')]);
  bold(inb, 2);
  if (f.inbound.counts === null) inb.addRow([T('non disponible', 'not available')]);
  else for (const c of f.inbound.counts) inb.addRow([inboundTypeName(c.type, l), c.type, c.count, c.previous]);
  inb.addRow([]);
  inb.addRow([T('Service', 'Service'), T('Demandes', 'Requests'), T('Traitées', 'Answered'), 'responseRate', 'medianFirstResponseMinutes']).font = { bold: true };
  for (const s of f.inbound.services ?? []) inb.addRow([s.name || T('Non assignées', 'Not assigned'), s.requests, s.answered, s.responseRate, s.medianFirstResponseMinutes]);
  inb.addRow([]);
  inb.addRow([T('Sujet', 'Theme'), T('Clé', 'Key'), T('Commentaires', 'Comments'), T('Négatifs', 'Negative'), T('Neutres', 'Neutral'), T('Positifs', 'Positive'), T('Mois précédent', 'Previous month')]).font = { bold: true };
  for (const x of f.inbound.themes?.items ?? []) inb.addRow([themeName(x.aspect, l), x.aspect, x.comments, x.negative, x.neutral, x.positive, x.previousComments]);
  inb.addRow([]);
  inb.addRow([T('Citation', 'Quote'), T('Auteur', 'Author'), T('Type', 'Type'), T('Date', 'Date'), T('Plateforme', 'Platform')]).font = { bold: true };
  for (const q of f.inbound.quotes) inb.addRow([q.text, q.author, q.type, q.publishedAt, q.platform]);
  inb.getColumn(1).width = 40;

  const comp = wb.addWorksheet(sheetName('competitors'));
  comp.addRow([summaries.competitors]);
  comp.addRow([T('Marque', 'Brand'), 'engagementRateByReach', T('(mois précédent)', '(previous month)'), 'interactions', T('(mois précédent)', '(previous month)'), 'posts', 'followers', 'shareOfVoice', T('(mois précédent)', '(previous month)')]);
  bold(comp, 2);
  const b = f.competitors.brand;
  comp.addRow([f.brand.name, b.engagementRateByReach, b.previousEngagementRateByReach, b.interactions, null, f.indicators.rows.find((r) => r.key === 'posts')?.value ?? null, f.indicators.rows.find((r) => r.key === 'followers')?.value ?? null, b.shareOfVoice, b.previousShareOfVoice]);
  for (const c of f.competitors.competitors) {
    comp.addRow([c.name, c.engagementRateByReach, c.previousEngagementRateByReach, c.interactions, c.previousInteractions, c.posts, c.followers, c.shareOfVoice, c.previousShareOfVoice]);
  }
  pct(comp, [2, 3, 8, 9]);
  comp.getColumn(1).width = 28;

  const rec = wb.addWorksheet(sheetName('recommendations'));
  rec.addRow([summaries.recommendations]);
  rec.addRow([T('Recommandation', 'Recommendation'), T('Règle', 'Rule'), T('Chiffres cités', 'Figures cited'), T('Modifiée', 'Edited')]);
  bold(rec, 2);
  for (const r of recommendations) rec.addRow([r.text, r.key ?? 'cm', JSON.stringify(r.params), r.edited ? 'yes' : '']);
  rec.getColumn(1).width = 90;

  return Buffer.from(await wb.xlsx.writeBuffer());
}
