import { useCallback } from 'react';
import { useReference } from '../../api/queries';
import { useLanguage } from '../../i18n';

/** Options and names of the fields of activity (lĩnh vực), in the interface language. */
export function useFieldNames() {
  const reference = useReference();
  const lang = useLanguage();
  const fields = reference.data?.fields ?? [];
  const name = useCallback(
    (code: string) => {
      const f = (reference.data?.fields ?? []).find((x) => x.code === code);
      if (f === undefined) return code;
      return lang === 'en' ? f.nameEn : f.name;
    },
    [reference.data, lang],
  );
  const options = fields.map((f) => ({ value: f.code, label: lang === 'en' ? f.nameEn : f.name }));
  return { name, options, loading: reference.isPending };
}
