import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import i18next from 'i18next';
import { AuthProvider } from './auth/auth-context';

export function Providers({ children }: { children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18next}>
      <AuthProvider>{children}</AuthProvider>
    </I18nextProvider>
  );
}
