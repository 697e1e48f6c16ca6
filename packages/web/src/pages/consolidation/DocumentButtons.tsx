import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { Button, Progress, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useDocumentJob, type ConsolidationParams } from './consolidation-api';

/** "Tải báo cáo Word" and "Tải phụ lục Excel": each starts a job, shows its progress, downloads. */
export function DocumentButtons({ params }: { params: ConsolidationParams }) {
  const { t } = useTranslation();
  const word = useDocumentJob();
  const excel = useDocumentJob();
  const body = {
    roundId: params.roundId,
    organizationId: params.organizationId,
    view: params.view,
    basis: params.basis,
  };
  return (
    <Space direction="vertical" size={4} style={{ minWidth: 260 }}>
      <Space wrap>
        <Button
          icon={<FileWordOutlined />}
          loading={word.running}
          onClick={() => word.start({ kind: 'consolidated_docx', ...body })}
        >
          {t('consolidation.downloadWord')}
        </Button>
        <Button
          icon={<FileExcelOutlined />}
          loading={excel.running}
          onClick={() => excel.start({ kind: 'annex_xlsx', ...body })}
        >
          {t('consolidation.downloadExcel')}
        </Button>
      </Space>
      {[word, excel].map((j, i) =>
        j.running && j.job ? (
          <div key={i}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(i === 0 ? 'consolidation.makingWord' : 'consolidation.makingExcel')}
            </Typography.Text>
            <Progress percent={j.job.progress} size="small" />
          </div>
        ) : j.error ? (
          <ProblemAlert key={i} error={j.error} />
        ) : null,
      )}
    </Space>
  );
}
