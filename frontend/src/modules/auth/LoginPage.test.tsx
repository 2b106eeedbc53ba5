import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import { AuthContext } from '../../app/auth/auth-context';
import { initI18n } from '../../lib/i18n';
import { LoginPage } from './LoginPage';

const me = { user: { id: 'u', email: 'cm@example.com', name: 'CM', isInstanceAdmin: false }, memberships: [{ workspaceId: 'ws-1', role: 'cm' as const }] };

describe('LoginPage', () => {
  it('has a required e-mail and password field for password managers, and signs in with what was typed', async () => {
    const login = vi.fn(async () => me);
    render(
      <AuthContext.Provider value={{ state: { status: 'anonymous' }, login, logout: async () => undefined, refresh: async () => undefined }}>
        <I18nextProvider i18n={initI18n('fr')}>
          <MemoryRouter initialEntries={['/login']}>
            <LoginPage />
          </MemoryRouter>
        </I18nextProvider>
      </AuthContext.Provider>,
    );
    const email = screen.getByLabelText('Adresse e-mail');
    const password = screen.getByLabelText('Mot de passe');
    expect(email).toBe(screen.getByTestId('login-email'));
    expect(email).toHaveAttribute('type', 'email');
    expect(email).toHaveAttribute('name', 'email');
    expect(email).toHaveAttribute('autocomplete', 'username');
    expect(email).toBeRequired();
    expect(password).toBe(screen.getByTestId('login-password'));
    expect(password).toHaveAttribute('type', 'password');
    expect(password).toHaveAttribute('name', 'password');
    expect(password).toHaveAttribute('autocomplete', 'current-password');
    expect(password).toBeRequired();

    fireEvent.change(email, { target: { value: ' cm@example.com ' } });
    fireEvent.change(password, { target: { value: 's3cret' } });
    fireEvent.click(screen.getByTestId('login-submit'));
    await waitFor(() => expect(login).toHaveBeenCalledWith('cm@example.com', 's3cret'));
  });
});
