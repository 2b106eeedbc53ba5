import type { MeDto } from '@vigie/contracts';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, setCsrfToken, setUnauthorizedHandler } from '../../lib/api-client';
import * as authApi from '../../modules/auth/api';

export type AuthState =
  | { status: 'loading' }
  | { status: 'anonymous'; error?: ApiError }
  | { status: 'signed-in'; me: MeDto };

interface AuthContextValue {
  state: AuthState;
  login(email: string, password: string): Promise<MeDto>;
  logout(): Promise<void>;
  refresh(): Promise<void>;
}

export const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });

  const refresh = useCallback(async () => {
    try {
      const me = await authApi.getMe();
      setCsrfToken(me.csrfToken);
      setState({ status: 'signed-in', me });
    } catch (err) {
      setCsrfToken(null);
      // 401 is the normal "not signed in"; anything else is shown on the login page.
      const error = err instanceof ApiError && err.status !== 401 ? err : undefined;
      setState({ status: 'anonymous', error });
    }
  }, []);

  useEffect(() => {
    void refresh();
    setUnauthorizedHandler(() => {
      setCsrfToken(null);
      setState({ status: 'anonymous' });
    });
    return () => setUnauthorizedHandler(null);
  }, [refresh]);

  const login = useCallback(async (email: string, password: string) => {
    const me = await authApi.login(email, password);
    setCsrfToken(me.csrfToken);
    setState({ status: 'signed-in', me });
    return me;
  }, []);

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      setCsrfToken(null);
      setState({ status: 'anonymous' });
    }
  }, []);

  const value = useMemo(() => ({ state, login, logout, refresh }), [state, login, logout, refresh]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The signed-in user; only call below RequireAuth. */
export function useMe(): MeDto {
  const { state } = useAuth();
  if (state.status !== 'signed-in') throw new Error('useMe without a signed-in user');
  return state.me;
}
