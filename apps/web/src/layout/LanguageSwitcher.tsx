import { GlobalOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { useI18n } from '../i18n/I18nProvider';
import { LOCALES, type Locale } from '../i18n/translate';

export function LanguageSwitcher() {
  const { locale, setLocale, t } = useI18n();
  return (
    <Select<Locale>
      aria-label={t('header.language')}
      value={locale}
      onChange={setLocale}
      variant="borderless"
      prefix={<GlobalOutlined aria-hidden />}
      popupMatchSelectWidth={false}
      options={LOCALES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
      data-testid="language-switcher"
    />
  );
}
