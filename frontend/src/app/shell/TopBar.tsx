import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { useAuth, useMe } from '../auth/auth-context';
import { PERIOD_PAGES, type PageKey } from '../pages';
import { useFilters } from '../workspace/useFilters';
import { useWorkspace } from '../workspace/workspace-context';
import { LanguageSwitch } from './LanguageSwitch';
import { PeriodPicker } from './PeriodPicker';

interface Props {
  navOpen: boolean;
  onToggleNav(): void;
}

export function TopBar({ navOpen, onToggleNav }: Props) {
  const { t } = useTranslation();
  const { workspace, workspaces, brands } = useWorkspace();
  const [filters, setFilters] = useFilters();
  const { logout } = useAuth();
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const { workspaceId } = useParams();
  const page = location.pathname.split('/')[3] as PageKey | undefined;

  const switchWorkspace = (id: string) => {
    // Brands belong to one workspace: drop brandId, keep the period.
    const params = new URLSearchParams(location.search);
    params.delete('brandId');
    const qs = params.toString();
    navigate(`/w/${id}/${page ?? 'overview'}${qs ? `?${qs}` : ''}`);
  };

  const own = brands.filter((b) => b.kind === 'own');
  const competitors = brands.filter((b) => b.kind === 'competitor');

  return (
    <header className="shell__top">
      <button
        type="button"
        className="btn btn--icon shell__menu"
        aria-expanded={navOpen}
        aria-controls="main-nav"
        onClick={onToggleNav}
      >
        <span aria-hidden="true">☰</span>
        <span className="visually-hidden">{t('shell.menu')}</span>
      </button>
      <span className="shell__logo">Vigie</span>

      <div className="shell__filters">
        <label className="field field--inline">
          <span className="field__label">{t('shell.workspace')}</span>
          <select
            value={workspaceId}
            onChange={(e) => switchWorkspace(e.target.value)}
            data-testid="workspace-switcher"
          >
            {workspaces.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
        </label>

        <label className="field field--inline">
          <span className="field__label">{t('shell.brand')}</span>
          <select
            value={filters.brandId ?? ''}
            onChange={(e) => setFilters({ brandId: e.target.value })}
            disabled={brands.length === 0}
            data-testid="brand-switcher"
          >
            {brands.length === 0 ? <option value="">{t('shell.noBrand')}</option> : null}
            {own.length > 0 ? (
              <optgroup label={t('shell.ownBrands')}>
                {own.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name}
                  </option>
                ))}
              </optgroup>
            ) : null}
            {competitors.length > 0 ? (
              <optgroup label={t('shell.competitorBrands')}>
                {competitors.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </select>
        </label>

        {page && PERIOD_PAGES.has(page) ? <PeriodPicker /> : null}
      </div>

      <div className="shell__user">
        <LanguageSwitch />
        <span className="shell__email" title={workspace.name}>
          {me.user.email}
        </span>
        <button type="button" className="btn btn--secondary" onClick={() => void logout()} data-testid="logout">
          {t('shell.logout')}
        </button>
      </div>
    </header>
  );
}
