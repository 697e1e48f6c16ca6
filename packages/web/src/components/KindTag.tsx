import { Tag, Tooltip } from 'antd';
import { KIND_COLORS, kindLabel, type OrganizationKind } from '../format';
import { useLanguage } from '../i18n';

/** Small coloured tag with the short label of an organisation kind. */
export function KindTag({ kind }: { kind: OrganizationKind }) {
  const lang = useLanguage();
  return (
    <Tooltip title={kindLabel(kind, lang)}>
      <Tag color={KIND_COLORS[kind]} style={{ marginInlineEnd: 0 }}>
        {kindLabel(kind, lang, true)}
      </Tag>
    </Tooltip>
  );
}
