import { useTranslation } from 'react-i18next';
import type { AppLocale } from '../format';

export function useLocale(): AppLocale {
  const { i18n } = useTranslation();
  return i18n.language === 'fr' ? 'fr' : 'en';
}
