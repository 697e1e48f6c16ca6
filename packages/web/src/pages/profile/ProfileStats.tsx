import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrganizationDetail } from '../../api/types';
import { KindCounts } from '../../components/KindCounts';
import { fmtNumber } from '../../format';

/** Cards with the number of direct sub-units and of the whole subtree, per kind. */
export function ProfileStats({ organization: d }: { organization: OrganizationDetail }) {
  const { t } = useTranslation();
  const cards = [
    { key: 'direct', title: t('profile.stats.direct'), total: d.childTotal, counts: d.childCounts },
    {
      key: 'whole',
      title: t('profile.stats.whole'),
      total: d.subtreeTotal,
      counts: d.subtreeCounts,
    },
  ];
  return (
    <Row gutter={[12, 12]}>
      {cards.map((c) => (
        <Col xs={24} md={12} key={c.key}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic
              title={c.title}
              value={c.total}
              formatter={(value) => fmtNumber(Number(value))}
              styles={{ content: { color: '#0b5394', fontWeight: 600 } }}
            />
            <div className="stat-kinds">
              <KindCounts counts={c.counts} emptyText={t('profile.stats.none')} />
            </div>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
