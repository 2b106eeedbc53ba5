import type { ReportLanguage } from '../report-figures';

/** Number formatting for report text, FR or EN (narrow no-break spaces as Intl gives them). */
const LOCALE: Record<ReportLanguage, string> = { fr: 'fr-FR', en: 'en-GB' };

export function formatInteger(value: number | null, lang: ReportLanguage): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 0 }).format(value);
}

export function formatNumber(value: number | null, lang: ReportLanguage, digits = 1): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: digits }).format(value);
}

/** A fraction as a percentage: 0.0342 → "3.42%" / "3,42 %". */
export function formatPercent(value: number | null, lang: ReportLanguage, digits = 2): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(LOCALE[lang], { style: 'percent', maximumFractionDigits: digits }).format(value);
}

/** A change in fraction points: 0.012 → "+1.2 pts" / "+1,2 pt". */
export function formatPoints(value: number | null, lang: ReportLanguage): string {
  if (value === null) return '—';
  const n = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 2, signDisplay: 'exceptZero' }).format(value * 100);
  return lang === 'fr' ? `${n} pt` : `${n} pts`;
}

export function formatSignedPercent(value: number | null, lang: ReportLanguage): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(LOCALE[lang], { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(value);
}

/** Ratio to a reference: 2.4 → "2.4×" / "2,4×". */
export function formatTimes(value: number | null, lang: ReportLanguage): string {
  if (value === null) return '—';
  return `${formatNumber(value, lang, 1)}×`;
}

/** Minutes as "45 min", "3 h 20 min", "2 j 4 h" / "2 d 4 h". */
export function formatMinutes(value: number | null, lang: ReportLanguage): string {
  if (value === null) return '—';
  const total = Math.round(value);
  if (total < 60) return `${total} min`;
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const minutes = total % 60;
  if (days > 0) return `${days} ${lang === 'fr' ? 'j' : 'd'}${hours ? ` ${hours} h` : ''}`;
  return `${hours} h${minutes ? ` ${String(minutes).padStart(2, '0')} min` : ''}`;
}

const WEEKDAYS: Record<ReportLanguage, string[]> = {
  fr: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

/** 1 = Monday … 7 = Sunday (ISO). */
export function weekdayName(isoWeekday: number, lang: ReportLanguage): string {
  return WEEKDAYS[lang][isoWeekday - 1] ?? String(isoWeekday);
}

const MONTHS: Record<ReportLanguage, string[]> = {
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** '2025-03' → "mars 2025" / "March 2025". */
export function monthName(month: string, lang: ReportLanguage): string {
  const [y, m] = month.split('-').map(Number);
  return `${MONTHS[lang][m - 1]} ${y}`;
}

/** 'YYYY-MM-DD' → "14 mars 2025" / "14 March 2025". */
export function dayName(day: string, lang: ReportLanguage): string {
  const [y, m, d] = day.slice(0, 10).split('-').map(Number);
  return `${d}${lang === 'fr' && d === 1 ? 'er' : ''} ${MONTHS[lang][m - 1]} ${y}`;
}

/** An instant shown in the workspace time zone: "14/03/2025 09:30". */
export function formatInstant(iso: string, lang: ReportLanguage, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALE[lang], {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

const CONTENT_TYPES: Record<string, Record<ReportLanguage, string>> = {
  photo: { fr: 'photos', en: 'photos' },
  image: { fr: 'images', en: 'images' },
  video: { fr: 'vidéos', en: 'videos' },
  reel: { fr: 'reels', en: 'reels' },
  short: { fr: 'vidéos courtes', en: 'short videos' },
  carousel: { fr: 'carrousels', en: 'carousels' },
  link: { fr: 'liens', en: 'links' },
  status: { fr: 'statuts texte', en: 'text posts' },
  text: { fr: 'textes', en: 'text posts' },
  story: { fr: 'stories', en: 'stories' },
  article: { fr: 'articles', en: 'articles' },
  other: { fr: 'autres formats', en: 'other formats' },
};

export function contentTypeName(type: string, lang: ReportLanguage): string {
  return CONTENT_TYPES[type]?.[lang] ?? type;
}

const PLATFORMS: Record<string, string> = {
  facebook: 'Facebook',
  instagram: 'Instagram',
  x: 'X',
  linkedin: 'LinkedIn',
  youtube: 'YouTube',
  tiktok: 'TikTok',
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  reddit: 'Reddit',
  rss: 'RSS',
};

export function platformName(platform: string): string {
  return PLATFORMS[platform] ?? platform;
}
