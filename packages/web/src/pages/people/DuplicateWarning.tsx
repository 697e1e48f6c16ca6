import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, List, Popconfirm, Space, Tag, Typography } from 'antd';
import type { FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import type { DuplicateCandidate } from '../../api/types';
import { dayjsToIso } from '../../format';
import { useLinkWithAt } from '../../hooks/useAtDate';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';

interface Watched {
  fullName?: string;
  birthDate?: Dayjs | null;
  birthYear?: number | null;
  phone?: string;
  email?: string;
}

const PHONE = /^[0-9+().\s-]{6,30}$/u;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;

/**
 * People the user may read who may be the one being typed into the form: asked for once the
 * name (and birth date or year, phone, e-mail) stop changing. Values not yet valid are left out
 * rather than refused.
 */
export function useLikelyDuplicates(form: FormInstance, enabled: boolean) {
  const fullName = Form.useWatch<string | undefined>('fullName', form);
  const birthDate = Form.useWatch<Dayjs | null | undefined>('birthDate', form);
  const birthYear = Form.useWatch<number | null | undefined>('birthYear', form);
  const phone = Form.useWatch<string | undefined>('phone', form);
  const email = Form.useWatch<string | undefined>('email', form);
  const input = checkInput({ fullName, birthDate, birthYear, phone, email });
  const key = useDebouncedValue(input === null ? '' : JSON.stringify(input), 400);
  const query = useQuery({
    queryKey: ['people', 'duplicates', key] as const,
    queryFn: ({ signal }) =>
      unwrap(
        api.POST('/api/people/duplicates', {
          body: JSON.parse(key) as NonNullable<ReturnType<typeof checkInput>>,
          signal,
        }),
      ),
    enabled: enabled && key !== '',
    retry: false,
    staleTime: 30_000,
  });
  return {
    candidates: enabled && key !== '' ? (query.data?.candidates ?? []) : [],
    checking: query.isFetching,
  };
}

function checkInput(w: Watched) {
  const name = w.fullName?.trim() ?? '';
  // a family name alone finds half the country
  if (name.split(/\s+/u).length < 2) return null;
  const year = w.birthYear ?? null;
  const phone = w.phone?.trim() ?? '';
  const email = w.email?.trim() ?? '';
  return {
    fullName: name,
    birthDate: dayjsToIso(w.birthDate) ?? null,
    birthYear: year !== null && year >= 1900 && year <= 2100 ? year : null,
    phone: PHONE.test(phone) ? phone : null,
    email: EMAIL.test(email) ? email : null,
  };
}

interface Props {
  candidates: DuplicateCandidate[];
  /** Record the membership on this person instead of adding a new one. */
  onUseExisting: (candidate: DuplicateCandidate) => void;
  usingExisting: boolean;
}

/**
 * "Có thể trùng với: PGS.TS Nguyễn Văn An, sinh 1965, Hội …": each with a link to the profile
 * (in a new tab, so the form stays), the reason, and a button to add the membership to that
 * person instead; adding a new record then needs the box ticked.
 */
export function DuplicateWarning({ candidates, onUseExisting, usingExisting }: Props) {
  const { t } = useTranslation();
  const withAt = useLinkWithAt();
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('duplicates.title')}
      description={
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          <List
            size="small"
            dataSource={candidates}
            renderItem={(c) => (
              <List.Item
                key={c.person.id}
                style={{ paddingInline: 0 }}
                actions={[
                  <Popconfirm
                    key="use"
                    title={t('duplicates.useExistingConfirm', { name: c.person.displayName })}
                    okText={t('duplicates.useExisting')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => onUseExisting(c)}
                  >
                    <Button size="small" loading={usingExisting}>
                      {t('duplicates.useExisting')}
                    </Button>
                  </Popconfirm>,
                ]}
              >
                <Space orientation="vertical" size={0}>
                  <span>
                    <Link
                      to={withAt(`/hoi-vien/${c.person.id}`)}
                      target="_blank"
                      rel="noopener noreferrer"
                    >
                      {c.summary}
                    </Link>
                  </span>
                  <Space size={6} wrap>
                    <Tag
                      color={c.strength === 'same' ? 'red' : 'orange'}
                      style={{ marginInlineEnd: 0 }}
                    >
                      {t(`duplicates.${c.strength}`)}
                    </Tag>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {c.reason}
                    </Typography.Text>
                  </Space>
                </Space>
              </List.Item>
            )}
          />
          <Typography.Text type="secondary">{t('duplicates.hint')}</Typography.Text>
          <Form.Item
            name="duplicateConfirmed"
            valuePropName="checked"
            style={{ marginBottom: 0 }}
            rules={[
              {
                validator: (_, value) =>
                  value === true
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('duplicates.confirmRequired'))),
              },
            ]}
          >
            <Checkbox>{t('duplicates.confirm')}</Checkbox>
          </Form.Item>
        </Space>
      }
    />
  );
}
