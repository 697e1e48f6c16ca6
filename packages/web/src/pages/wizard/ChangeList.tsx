import { Button, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LineageChange } from '../../api/types';
import { fmtNumber } from '../../format';

const GROUPS: readonly LineageChange['type'][] = ['end', 'create', 'rename', 'move'];
const VISIBLE = 10;

/** One change as a Vietnamese sentence: "Chuyển A từ B sang C". */
export function useChangeSentence(): (c: LineageChange) => string {
  const { t } = useTranslation();
  return (c) => {
    switch (c.type) {
      case 'end':
        return t('wizard.preview.sentence.end', { name: c.organization.fullName });
      case 'create':
        return c.toParent === null
          ? t('wizard.preview.sentence.create', { name: c.toName ?? c.organization.fullName })
          : t('wizard.preview.sentence.createUnder', {
              name: c.toName ?? c.organization.fullName,
              parent: c.toParent.fullName,
            });
      case 'move':
        return c.fromParent === null
          ? t('wizard.preview.sentence.moveNoFrom', {
              name: c.organization.fullName,
              to: c.toParent?.fullName ?? '',
            })
          : t('wizard.preview.sentence.move', {
              name: c.organization.fullName,
              from: c.fromParent.fullName,
              to: c.toParent?.fullName ?? '',
            });
      case 'rename':
        return t('wizard.preview.sentence.rename', {
          from: c.fromName ?? c.organization.fullName,
          to: c.toName ?? '',
        });
    }
  };
}

function Group({ type, changes }: { type: LineageChange['type']; changes: LineageChange[] }) {
  const { t } = useTranslation();
  const sentence = useChangeSentence();
  const [all, setAll] = useState(false);
  const shown = all ? changes : changes.slice(0, VISIBLE);
  const hidden = changes.length - shown.length;
  return (
    <section style={{ marginBottom: 12 }}>
      <Typography.Title level={3} style={{ fontSize: 14, margin: '0 0 4px' }}>
        {t(`wizard.preview.groups.${type}`)} ({fmtNumber(changes.length)})
      </Typography.Title>
      <ul className="change-list">
        {shown.map((c, i) => (
          <li key={`${c.organization.id}-${i}`}>{sentence(c)}</li>
        ))}
      </ul>
      {hidden > 0 && (
        <Button type="link" size="small" onClick={() => setAll(true)} style={{ paddingInline: 20 }}>
          {t('wizard.preview.moreMoves', { n: fmtNumber(hidden), count: hidden })}
        </Button>
      )}
    </section>
  );
}

/** The changes of an event, grouped: ended, created, renamed, moved. */
export function ChangeList({ changes }: { changes: LineageChange[] }) {
  const { t } = useTranslation();
  if (changes.length === 0)
    return <Typography.Text type="secondary">{t('wizard.preview.noChanges')}</Typography.Text>;
  return (
    <>
      {GROUPS.map((type) => {
        const group = changes.filter((c) => c.type === type);
        return group.length === 0 ? null : <Group key={type} type={type} changes={group} />;
      })}
    </>
  );
}
