import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage, useLanguage, type Language } from '../i18n';

/** VI / EN switch, kept for the next visit. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <Segmented<Language>
      aria-label={t('header.language')}
      size="small"
      value={lang}
      onChange={(value) => changeLanguage(value)}
      options={[
        { value: 'vi', label: 'VI', title: 'Tiếng Việt' },
        { value: 'en', label: 'EN', title: 'English' },
      ]}
    />
  );
}
