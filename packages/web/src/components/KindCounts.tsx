import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { KindCounts as Counts } from '../api/types';
import { KIND_COLORS, ORGANIZATION_KINDS, fmtNumber, type OrganizationKind } from '../format';

/** Non-zero counts per kind, in the fixed order of the kinds. */
export function nonZeroCounts(counts: Counts | undefined): [OrganizationKind, number][] {
  if (counts === undefined) return [];
  const result: [OrganizationKind, number][] = [];
  for (const kind of ORGANIZATION_KINDS) {
    const n = counts[kind] ?? 0;
    if (n > 0) result.push([kind, n]);
  }
  return result;
}

interface Props {
  counts: Counts | undefined;
  /** `tags`: compact coloured tags (tree); `text`: "a · b · c" (tables). */
  variant?: 'tags' | 'text';
  emptyText?: string;
}

export function KindCounts({ counts, variant = 'tags', emptyText }: Props) {
  const { t } = useTranslation();
  const items = nonZeroCounts(counts);
  if (items.length === 0) {
    return emptyText === undefined ? null : (
      <Typography.Text type="secondary">{emptyText}</Typography.Text>
    );
  }
  if (variant === 'text') {
    return (
      <Typography.Text type="secondary">
        {items
          .map(([kind, n]) => t(`kindCount.${kind}`, { n: fmtNumber(n), count: n }))
          .join(' · ')}
      </Typography.Text>
    );
  }
  return (
    <Space size={4} wrap>
      {items.map(([kind, n]) => (
        <Tag
          key={kind}
          variant="outlined"
          color={KIND_COLORS[kind]}
          style={{ marginInlineEnd: 0, fontSize: 11, lineHeight: '16px', paddingInline: 5 }}
        >
          {t(`kindCount.${kind}`, { n: fmtNumber(n), count: n })}
        </Tag>
      ))}
    </Space>
  );
}
