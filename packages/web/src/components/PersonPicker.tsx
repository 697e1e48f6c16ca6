import { Select, Space, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePeople } from '../api/queries';
import type { Person } from '../api/types';
import { useDebouncedValue } from '../hooks/useDebouncedValue';

interface Props {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** Only members of this organisation and its sub-units. */
  under?: string;
  placeholder?: string;
  disabled?: boolean;
}

interface Option {
  value: string;
  label: string;
  person: Person;
}

/** Debounced person search (`/people?q=…`, diacritic-insensitive); usable inside a Form.Item. */
export function PersonPicker({ id, value, onChange, under, placeholder, disabled }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search.trim(), 300);
  const [chosen, setChosen] = useState<Person | undefined>(undefined);
  const results = usePeople({ q: debounced, under, pageSize: 20 }, debounced !== '');

  const options = useMemo<Option[]>(() => {
    const list: Option[] = [];
    if (chosen !== undefined && chosen.id === value) {
      list.push({ value: chosen.id, label: chosen.displayName, person: chosen });
    }
    for (const p of results.data?.items ?? []) {
      if (p.id !== chosen?.id) list.push({ value: p.id, label: p.displayName, person: p });
    }
    return list;
  }, [chosen, value, results.data]);

  return (
    <Select<string | undefined, Option>
      id={id}
      style={{ width: '100%' }}
      value={value}
      disabled={disabled}
      allowClear
      placeholder={placeholder ?? t('leadership.form.personPlaceholder')}
      options={options}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      loading={results.isFetching}
      notFoundContent={
        results.isFetching ? (
          <Space style={{ padding: 8 }}>
            <Spin size="small" />
            {t('picker.searching')}
          </Space>
        ) : (
          <Typography.Text type="secondary" style={{ display: 'block', padding: 8 }}>
            {debounced === '' ? t('picker.typeToSearch') : t('picker.noResult')}
          </Typography.Text>
        )
      }
      optionRender={(option) => {
        const p = option.data.person;
        const details = [
          p.birthYear === null ? null : String(p.birthYear),
          p.workplace,
          p.organizations[0]?.shortName ?? p.organizations[0]?.fullName ?? null,
        ].filter((s): s is string => s !== null && s !== '');
        return (
          <div style={{ whiteSpace: 'normal', lineHeight: 1.35, padding: '2px 0' }}>
            <div>{p.displayName}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {details.join(' · ')}
            </Typography.Text>
          </div>
        );
      }}
      onChange={(next, option) => {
        setSearch('');
        const picked = Array.isArray(option) ? undefined : option?.person;
        setChosen(picked);
        onChange?.(next);
      }}
    />
  );
}
