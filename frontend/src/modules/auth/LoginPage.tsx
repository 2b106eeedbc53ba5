import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../app/auth/auth-context';
import { LanguageSwitch } from '../../app/shell/LanguageSwitch';
import { ApiError } from '../../lib/api-client';
import { TextField } from '../../components/TextField';

/** Only same-app paths are followed after login (no open redirect). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const { state, login } = useAuth();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (state.status === 'signed-in') return <Navigate to={safeNext(params.get('next'))} replace />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(email.trim(), password);
      navigate(safeNext(params.get('next')), { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) setError(t('login.invalid'));
      else if (err instanceof ApiError && err.status === 429) setError(t('login.tooMany', { message: err.message }));
      else if (err instanceof ApiError && err.status === 400) setError(t('login.incomplete'));
      else setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login">
      <div className="login__card">
        <div className="login__head">
          <h1 className="login__title">Vigie</h1>
          <LanguageSwitch />
        </div>
        <p className="login__tagline">{t('login.tagline')}</p>
        {state.status === 'anonymous' && state.error ? (
          <p className="error-message" role="alert">
            {t('login.serverDown', { message: state.error.message })}
          </p>
        ) : null}
        <form onSubmit={(e) => void submit(e)} noValidate aria-describedby={error ? 'login-error' : undefined}>
          <LoginField name="email" value={email} onChange={setEmail} />
          <LoginField name="password" value={password} onChange={setPassword} />
          {error ? (
            <p id="login-error" className="error-message" role="alert">
              {error}
            </p>
          ) : null}
          <button type="submit" className="btn btn--primary btn--block" disabled={busy} data-testid="login-submit">
            {busy ? t('login.signingIn') : t('login.submit')}
          </button>
        </form>
      </div>
    </main>
  );
}

/** Input type and autocomplete hint of each login field (password managers rely on both). */
const LOGIN_INPUTS = {
  email: { type: 'email', autoComplete: 'username' },
  password: { type: 'password', autoComplete: 'current-password' },
} as const;

interface LoginFieldProps {
  name: keyof typeof LOGIN_INPUTS;
  value: string;
  onChange: (value: string) => void;
}

/** A required login input; its name gives the label key, the form field name and the test id. */
function LoginField({ name, value, onChange }: LoginFieldProps) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t(`login.${name}`)}
      {...LOGIN_INPUTS[name]}
      name={name}
      required
      value={value}
      onChange={(e) => onChange(e.target.value)}
      data-testid={`login-${name}`}
    />
  );
}
