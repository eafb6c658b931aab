import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { authApi } from '../api/auth';
import { ApiError, api } from '../api/client';
import type { Session, User } from '../api/types';

export type AuthStatus = 'loading' | 'signedOut' | 'signedIn';

export interface Auth {
  status: AuthStatus;
  user: User | null;
  /** Signs in; the caller shows the server's reason (locked, disabled …) on failure. */
  login(username: string, password: string): Promise<User>;
  logout(): Promise<void>;
  /** Re-reads the session, e.g. after the password changed (mustChangePassword flips). */
  refresh(): Promise<User | null>;
  /**
   * Forgets the session locally. `expired` = the server ended it (401), so the sign-in page
   * says 会话已超时 instead of greeting a first visit.
   */
  forget(expired?: boolean): void;
  /** The last session ended because the server said so (not by signing out). */
  expired: boolean;
}

const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The signed-in user; only for components rendered behind RequireAuth. */
export function useUser(): User {
  const { user } = useAuth();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<AuthStatus>('loading');
  const [user, setUser] = useState<User | null>(null);
  const [expired, setExpired] = useState(false);

  const accept = useCallback((s: Session) => {
    api.setCsrfToken(s.csrfToken);
    setUser(s.user);
    setStatus('signedIn');
    setExpired(false);
    return s.user;
  }, []);

  const forget = useCallback((ended = false) => {
    api.setCsrfToken(null);
    setUser(null);
    setStatus('signedOut');
    setExpired(ended);
  }, []);

  const refresh = useCallback(async () => {
    try {
      return accept(await authApi.me());
    } catch (e) {
      // 401 = not signed in. Anything else (server down) also leaves us signed out; the public
      // pages still render and the sign-in form shows the cause when used.
      if (!(e instanceof ApiError)) console.error(e);
      forget();
      return null;
    }
  }, [accept, forget]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const login = useCallback(
    async (username: string, password: string) => accept(await authApi.login(username, password)),
    [accept],
  );

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } catch {
      // Already expired on the server: signing out locally is all that is left to do.
    }
    forget();
  }, [forget]);

  const value = useMemo<Auth>(
    () => ({ status, user, login, logout, refresh, forget, expired }),
    [status, user, login, logout, refresh, forget, expired],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
