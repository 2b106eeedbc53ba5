import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import fr from '../locales/fr.json';
import type { AppLocale } from './format';

export const LANGUAGE_STORAGE_KEY = 'vigie.language';

/** A stored choice wins; otherwise French when the browser prefers it, English for everyone else. */
export function detectLanguage(stored: string | null, navigatorLanguage: string | undefined): AppLocale {
  if (stored === 'fr' || stored === 'en') return stored;
  return navigatorLanguage?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

function readStored(): string | null {
  try {
    return window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null; // private mode / storage disabled
  }
}

export function initI18n(language?: AppLocale) {
  const lng =
    language ?? detectLanguage(readStored(), typeof navigator === 'undefined' ? undefined : navigator.language);
  void i18next.use(initReactI18next).init({
    resources: { fr: { translation: fr }, en: { translation: en } },
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    showSupportNotice: false,
  });
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
  return i18next;
}

export function setLanguage(language: AppLocale): void {
  void i18next.changeLanguage(language);
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    /* not persisted: the choice still holds for this tab */
  }
  document.documentElement.lang = language;
}

export function currentLocale(): AppLocale {
  return i18next.language === 'fr' ? 'fr' : 'en';
}
