import { useTranslation } from 'react-i18next';
import { NavLink, useLocation, useParams } from 'react-router-dom';
import { PAGES } from '../pages';
import { filterSearch } from '../workspace/useFilters';

export function SideNav() {
  const { t } = useTranslation();
  const { workspaceId = '' } = useParams();
  const location = useLocation();
  // Keep brand and period when moving between pages.
  const search = filterSearch(new URLSearchParams(location.search));
  return (
    <nav className="shell__nav" aria-label={t('shell.navigation')} id="main-nav">
      <ul>
        {PAGES.map((page) => (
          <li key={page}>
            <NavLink
              to={`/w/${workspaceId}/${page}${search}`}
              className={({ isActive }) => (isActive ? 'nav-link nav-link--active' : 'nav-link')}
              data-testid={`nav-${page}`}
            >
              {t(`nav.${page}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
