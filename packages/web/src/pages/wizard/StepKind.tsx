import {
  BranchesOutlined,
  EditOutlined,
  MergeCellsOutlined,
  StopOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import { LINEAGE_EVENT_KINDS } from '@lienhiep/core';
import { Card, Col, Radio, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LineageKind } from '../../api/types';

const ICONS: Readonly<Record<LineageKind, ReactNode>> = {
  merge: <MergeCellsOutlined />,
  split: <BranchesOutlined />,
  rename: <EditOutlined />,
  move: <SwapOutlined />,
  dissolve: <StopOutlined />,
};

interface Props {
  value: LineageKind | undefined;
  onChange: (kind: LineageKind) => void;
}

/** Step 1: the kind of event, each with one sentence explaining it. */
export function StepKind({ value, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <div>
      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 0 }} id="wizard-kind-question">
        {t('wizard.kindQuestion')}
      </Typography.Title>
      <Radio.Group
        value={value}
        onChange={(e) => onChange(e.target.value as LineageKind)}
        aria-labelledby="wizard-kind-question"
        style={{ display: 'block', width: '100%' }}
      >
        <Row gutter={[12, 12]}>
          {LINEAGE_EVENT_KINDS.map((kind) => (
            <Col xs={24} md={12} xl={8} key={kind}>
              <Card
                size="small"
                className={`wizard-kind-card${value === kind ? ' selected' : ''}`}
                onClick={() => onChange(kind)}
              >
                <Radio value={kind}>
                  <span style={{ fontWeight: 600 }}>
                    {ICONS[kind]} {t(`wizard.kinds.${kind}.title`)}
                  </span>
                </Radio>
                <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0 24px' }}>
                  {t(`wizard.kinds.${kind}.description`)}
                </Typography.Paragraph>
              </Card>
            </Col>
          ))}
        </Row>
      </Radio.Group>
    </div>
  );
}
