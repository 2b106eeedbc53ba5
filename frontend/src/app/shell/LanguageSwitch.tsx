import { useTranslation } from 'react-i18next';
import { setLanguage } from '../../lib/i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = i18n.language === 'fr' ? 'fr' : 'en';
  return (
    <div className="lang-switch" role="group" aria-label={t('shell.language')}>
      {(['fr', 'en'] as const).map((lng) => (
        <button
          key={lng}
          type="button"
          className={lng === current ? 'lang-switch__btn lang-switch__btn--active' : 'lang-switch__btn'}
          aria-pressed={lng === current}
          lang={lng}
          onClick={() => setLanguage(lng)}
          data-testid={`lang-${lng}`}
        >
          {lng.toUpperCase()}
          <span className="visually-hidden"> {lng === 'fr' ? 'Français' : 'English'}</span>
        </button>
      ))}
    </div>
  );
}
