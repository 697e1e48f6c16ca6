import { foldVietnamese } from '@lienhiep/core';
import { Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../../api/queries';
import { usePermission } from '../../auth/session';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';

export interface Actor {
  id: string;
  name: string;
  login?: string;
}

interface ActorOption {
  value: string;
  label: string;
  actor: Actor;
}

interface Props {
  id?: string;
  value: Actor | undefined;
  onChange: (actor: Actor | undefined) => void;
  /** People already seen in the log, offered even to those who cannot list accounts. */
  seen: readonly Actor[];
}

/**
 * "Người thực hiện": the log is filtered by the person's id, so the choice is
 * made by name: accounts found by the server (for account managers) and the
 * people who appear in the log.
 */
export function ActorSelect({ id, value, onChange, seen }: Props) {
  const { t } = useTranslation();
  const canList = usePermission('account.manage');
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState(false);
  const debounced = useDebouncedValue(search.trim(), 300);
  const users = useUsers({ q: debounced, pageSize: 20 }, canList && open);

  const options = useMemo<ActorOption[]>(() => {
    const byId = new Map<string, Actor>();
    const push = (actor: Actor) => {
      if (!byId.has(actor.id)) byId.set(actor.id, actor);
    };
    if (value !== undefined) push(value);
    for (const u of users.data?.items ?? []) {
      push({ id: u.id, name: u.name, login: u.username ?? u.email });
    }
    const folded = foldVietnamese(search.trim());
    for (const actor of seen) {
      if (folded === '' || foldVietnamese(actor.name).includes(folded)) push(actor);
    }
    return [...byId.values()].map((actor) => ({ value: actor.id, label: actor.name, actor }));
  }, [value, users.data, seen, search]);

  return (
    <Select<string, ActorOption>
      id={id}
      allowClear
      placeholder={t('audit.filters.actorPlaceholder')}
      value={value?.id}
      options={options}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setSearch('');
      }}
      loading={users.isFetching}
      onChange={(next) => {
        setSearch('');
        onChange(options.find((o) => o.value === next)?.actor);
      }}
      optionRender={(option) => (
        <div style={{ lineHeight: 1.35 }}>
          <div>{option.data.actor.name}</div>
          {option.data.actor.login !== undefined && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {option.data.actor.login}
            </Typography.Text>
          )}
        </div>
      )}
      notFoundContent={
        <Typography.Text type="secondary" style={{ display: 'block', padding: 8 }}>
          {t('audit.filters.actorNone')}
        </Typography.Text>
      }
      style={{ width: '100%' }}
    />
  );
}
