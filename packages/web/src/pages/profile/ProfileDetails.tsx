import { Card, Descriptions, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrganizationDetail, OrganizationRef } from '../../api/types';
import { OrgLink } from '../../components/OrgLink';
import { fmtDate, kindLabel } from '../../format';
import { useLanguage } from '../../i18n';

function websiteHref(url: string): string {
  return /^https?:\/\//iu.test(url) ? url : `https://${url}`;
}

/** The profile's facts: code, kind, place, field, contacts, founding decision, end. */
export function ProfileDetails({
  organization: d,
  successors,
}: {
  organization: OrganizationDetail;
  successors: OrganizationRef[];
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const orNone = (value: string | null) => (value === null || value.trim() === '' ? none : value);

  const items: DescriptionsProps['items'] = [
    {
      key: 'code',
      label: t('profile.fields.code'),
      children: <Typography.Text copyable>{d.code}</Typography.Text>,
    },
    { key: 'kind', label: t('profile.fields.kind'), children: kindLabel(d.kind, lang) },
    {
      key: 'parent',
      label: t('profile.fields.parent'),
      children: d.parent === null ? none : <OrgLink org={d.parent} />,
    },
    {
      key: 'province',
      label: t('profile.fields.province'),
      children: d.province?.name ?? none,
    },
  ];
  if (d.historicProvince !== null && d.historicProvince.name !== d.province?.name) {
    items.push({
      key: 'historic',
      label: t('profile.fields.historicProvince'),
      children: d.historicProvince.name,
    });
  }
  items.push(
    { key: 'field', label: t('profile.fields.field'), children: d.field?.name ?? none },
    { key: 'address', label: t('profile.fields.address'), children: orNone(d.address) },
    {
      key: 'phone',
      label: t('profile.fields.phone'),
      children:
        d.phone === null ? none : <a href={`tel:${d.phone.replace(/\s+/gu, '')}`}>{d.phone}</a>,
    },
    {
      key: 'email',
      label: t('profile.fields.email'),
      children: d.email === null ? none : <a href={`mailto:${d.email}`}>{d.email}</a>,
    },
    {
      key: 'website',
      label: t('profile.fields.website'),
      children:
        d.website === null ? (
          none
        ) : (
          <a href={websiteHref(d.website)} target="_blank" rel="noreferrer noopener">
            {d.website}
          </a>
        ),
    },
    {
      key: 'decision',
      label: t('profile.fields.foundingDecision'),
      children:
        d.foundingDecision === null
          ? none
          : t('profile.decision', {
              number: d.foundingDecision.number,
              date: fmtDate(d.foundingDecision.date),
              issuer: d.foundingDecision.issuer,
            }),
    },
    { key: 'founded', label: t('profile.fields.foundedOn'), children: fmtDate(d.foundedOn) },
  );
  if (d.endedOn !== null) {
    items.push({ key: 'ended', label: t('profile.fields.endedOn'), children: fmtDate(d.endedOn) });
    if (successors.length > 0) {
      items.push({
        key: 'successors',
        label: t('profile.fields.successors'),
        children: successors.map((s, i) => (
          <span key={s.id}>
            {i > 0 && '; '}
            <OrgLink org={s} />
          </span>
        )),
      });
    }
  }
  if (d.formerNames.length > 0) {
    items.push({
      key: 'former',
      label: t('profile.fields.formerNames'),
      span: 'filled',
      children: d.formerNames.join('; '),
    });
  }

  return (
    <Card>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 1, md: 2, xl: 3 }}
        items={items}
        styles={{ label: { width: 150 } }}
      />
    </Card>
  );
}
