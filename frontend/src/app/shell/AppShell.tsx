import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router-dom';
import { Skeleton } from '../../components/Skeleton';
import { SideNav } from './SideNav';
import { TopBar } from './TopBar';

export function AppShell() {
  const { t } = useTranslation();
  const [navOpen, setNavOpen] = useState(false);
  const location = useLocation();
  useEffect(() => setNavOpen(false), [location.pathname]);

  return (
    <div className={navOpen ? 'shell shell--nav-open' : 'shell'}>
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <TopBar navOpen={navOpen} onToggleNav={() => setNavOpen((o) => !o)} />
      <SideNav />
      <main id="main" className="shell__main" tabIndex={-1}>
        <Suspense fallback={<Skeleton rows={4} variant="tiles" />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
