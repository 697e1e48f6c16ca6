import { useQueries } from '@tanstack/react-query';
import { Select, Space, Spin, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { queryKeys, useOrganizationSearch } from '../api/queries';
import type { OrganizationKind, OrganizationStatus, OrganizationSummary } from '../api/types';
import { useDebouncedValue } from '../hooks/useDebouncedValue';
import { KindTag } from './KindTag';

interface BaseProps {
  id?: string;
  /** Only organisations in this status (default: active). */
  status?: OrganizationStatus | null;
  kinds?: readonly OrganizationKind[];
  at?: string;
  excludeIds?: readonly string[];
  placeholder?: string;
  disabled?: boolean;
  allowClear?: boolean;
  style?: React.CSSProperties;
  'aria-label'?: string;
}

interface SingleProps extends BaseProps {
  multiple?: false;
  value?: string | null;
  onChange?: (value: string | undefined) => void;
}

interface MultipleProps extends BaseProps {
  multiple: true;
  value?: string[];
  onChange?: (value: string[]) => void;
}

type Props = SingleProps | MultipleProps;

interface Option {
  value: string;
  label: string;
  org: OrganizationSummary;
}

/**
 * Debounced organisation search (`/organizations?q=…`): shows name, kind and
 * province; usable directly inside an antd Form.Item.
 */
export function OrganizationPicker(props: Props) {
  const { t } = useTranslation();
  const {
    status = 'active',
    kinds,
    at,
    excludeIds,
    placeholder,
    disabled,
    allowClear = true,
  } = props;
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState(false);
  const debounced = useDebouncedValue(search.trim(), 300);
  const [known, setKnown] = useState<ReadonlyMap<string, OrganizationSummary>>(new Map());

  const selected = useMemo<string[]>(() => {
    if (props.multiple === true) return props.value ?? [];
    return props.value !== undefined && props.value !== null && props.value !== ''
      ? [props.value]
      : [];
  }, [props.multiple, props.value]);

  const results = useOrganizationSearch(
    {
      q: debounced,
      status: status ?? undefined,
      kind: kinds === undefined ? undefined : [...kinds],
      at,
      sort: debounced === '' ? 'name' : 'relevance',
      pageSize: 20,
    },
    open || debounced !== '',
  );

  // Selected values not seen in any search yet (e.g. preselected from the URL)
  const missing = selected.filter((id) => !known.has(id));
  const lookups = useQueries({
    queries: missing.map((id) => ({
      queryKey: queryKeys.organization(id, undefined),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        unwrap(api.GET('/api/organizations/{id}', { params: { path: { id } }, signal })),
      retry: false,
    })),
  });

  const lookedUp = lookups
    .map((q) => q.data)
    .filter((d): d is NonNullable<typeof d> => d !== undefined);
  const lookedUpKey = lookedUp.map((d) => d.id).join(',');

  useEffect(() => {
    const found: OrganizationSummary[] = [...(results.data?.items ?? []), ...lookedUp];
    if (found.every((o) => known.has(o.id))) return;
    setKnown((prev) => {
      const next = new Map(prev);
      for (const o of found) next.set(o.id, o);
      return next;
    });
    // lookedUp is rebuilt each render; the ids it holds are what matters
  }, [results.data, lookedUpKey]);

  const options = useMemo<Option[]>(() => {
    const exclude = new Set(excludeIds ?? []);
    const list: Option[] = [];
    const seen = new Set<string>();
    const push = (org: OrganizationSummary) => {
      if (seen.has(org.id)) return;
      seen.add(org.id);
      list.push({ value: org.id, label: org.fullName, org });
    };
    for (const id of selected) {
      const org = known.get(id);
      if (org !== undefined) push(org);
    }
    for (const org of results.data?.items ?? []) {
      if (!exclude.has(org.id)) push(org);
    }
    return list;
  }, [excludeIds, selected, known, results.data]);

  const searching = results.isFetching;
  const notFound = searching ? (
    <Space style={{ padding: 8 }}>
      <Spin size="small" />
      {t('picker.searching')}
    </Space>
  ) : (
    <Typography.Text type="secondary" style={{ display: 'block', padding: 8 }}>
      {debounced === '' ? t('picker.typeToSearch') : t('picker.noResult')}
    </Typography.Text>
  );

  const common = {
    id: props.id,
    'aria-label': props['aria-label'],
    style: { width: '100%', ...props.style },
    placeholder: placeholder ?? t('picker.placeholder'),
    disabled,
    allowClear,
    options,
    showSearch: {
      filterOption: false,
      onSearch: setSearch,
      searchValue: search,
    },
    onOpenChange: (next: boolean) => {
      setOpen(next);
      if (!next) setSearch('');
    },
    notFoundContent: notFound,
    loading: searching || lookups.some((q) => q.isLoading),
    optionRender: (option: { data: Option }) => <OptionContent org={option.data.org} />,
    popupMatchSelectWidth: true,
  } as const;

  if (props.multiple === true) {
    const { onChange } = props;
    return (
      <Select<string[], Option>
        {...common}
        mode="multiple"
        value={props.value ?? []}
        onChange={(value) => {
          setSearch('');
          onChange?.(value);
        }}
      />
    );
  }
  const { onChange } = props;
  return (
    <Select<string | undefined, Option>
      {...common}
      value={props.value ?? undefined}
      onChange={(value) => {
        setSearch('');
        onChange?.(value);
      }}
    />
  );
}

function OptionContent({ org }: { org: OrganizationSummary }) {
  const details = [org.province?.name, org.parent?.shortName ?? org.parent?.fullName].filter(
    (s): s is string => s !== undefined && s !== null && s !== '',
  );
  return (
    <div style={{ whiteSpace: 'normal', lineHeight: 1.35, padding: '2px 0' }}>
      <div>{org.fullName}</div>
      <Space size={6} style={{ fontSize: 12 }}>
        <KindTag kind={org.kind} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {details.join(' · ')}
        </Typography.Text>
      </Space>
    </div>
  );
}
