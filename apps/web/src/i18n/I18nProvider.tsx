import { App as AntdApp, ConfigProvider, Spin } from 'antd';
import type { Locale as AntdLocale } from 'antd/es/locale';
import antdZhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { errorText } from '../api/errorText';
import zhCN from '../locales/zh-CN.json';
import {
  DEFAULT_LOCALE,
  isLocale,
  type Locale,
  lookup,
  type MessageKey,
  type Messages,
  translate,
  type Vars,
} from './translate';

const STORAGE_KEY = 'innocounty.locale';

interface LocaleBundle {
  locale: Locale;
  messages: Messages;
  antd: AntdLocale;
  dayjs: string;
}

// zh-CN ships in the main bundle; the other two are fetched only by those who switch to them.
async function loadBundle(locale: Locale): Promise<LocaleBundle> {
  switch (locale) {
    case 'zh-TW': {
      const [m, a] = await Promise.all([
        import('../locales/zh-TW.json'),
        import('antd/locale/zh_TW'),
        import('dayjs/locale/zh-tw'),
      ]);
      return { locale, messages: m.default, antd: a.default, dayjs: 'zh-tw' };
    }
    case 'en': {
      const [m, a] = await Promise.all([import('../locales/en.json'), import('antd/locale/en_US')]);
      return { locale, messages: m.default, antd: a.default, dayjs: 'en' };
    }
    default:
      return ZH_CN_BUNDLE;
  }
}

const ZH_CN_BUNDLE: LocaleBundle = { locale: 'zh-CN', messages: zhCN, antd: antdZhCN, dayjs: 'zh-cn' };

function storedLocale(): Locale {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return isLocale(v) ? v : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export interface I18n {
  locale: Locale;
  t: (key: MessageKey, vars?: Vars) => string;
  setLocale: (locale: Locale) => void;
  /** Text for a key built at run time (e.g. a field name from the server), if the locale has one. */
  tryT: (key: string) => string | undefined;
  /** What to tell a person about a failed call (see errorText). */
  errorText: (err: unknown) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

/** Shortcut for the common case. */
export function useT(): I18n['t'] {
  return useI18n().t;
}

/** Text, antd's locale and dayjs's locale switch together, so dates and pagers match the text. */
export function I18nProvider({ children }: { children: ReactNode }) {
  // `wanted` is what the user picked; `bundle` is what is loaded. Until a switch has loaded,
  // the old language stays on screen rather than a spinner.
  const [wanted, setWanted] = useState<Locale>(storedLocale);
  const [bundle, setBundle] = useState<LocaleBundle | null>(() =>
    wanted === DEFAULT_LOCALE ? ZH_CN_BUNDLE : null,
  );

  useEffect(() => {
    let live = true;
    loadBundle(wanted).then(
      (b) => live && setBundle(b),
      // A failed chunk load (e.g. the server was updated meanwhile) must not leave a blank page.
      () => live && setBundle(ZH_CN_BUNDLE),
    );
    return () => {
      live = false;
    };
  }, [wanted]);

  useEffect(() => {
    if (!bundle) return;
    dayjs.locale(bundle.dayjs);
    document.documentElement.lang = bundle.locale;
    document.title = translate(bundle.messages, 'app.title');
  }, [bundle]);

  const setLocale = useCallback((next: Locale) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode without storage: the choice lasts for this page only.
    }
    setWanted(next);
  }, []);

  const value = useMemo<I18n>(
    () => ({
      locale: bundle?.locale ?? wanted,
      setLocale,
      t: (key, vars) => translate(bundle?.messages ?? zhCN, key, vars),
      tryT: (key) => lookup(bundle?.messages ?? zhCN, key),
      errorText: (err) => errorText(err, bundle?.locale ?? DEFAULT_LOCALE, bundle?.messages ?? zhCN),
    }),
    [bundle, wanted, setLocale],
  );

  if (!bundle) return <Spin fullscreen />;
  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={bundle.antd} theme={{ token: { colorPrimary: '#1668dc' } }}>
        <AntdApp>{children}</AntdApp>
      </ConfigProvider>
    </I18nContext.Provider>
  );
}
