import { Button, Empty, Typography } from 'antd';
import type { TablePaginationConfig } from 'antd';
import type { ReactNode } from 'react';

export interface ListTableOptions {
  /** "Tổng số: 1.234 …", or undefined while the first page loads. */
  totalLabel: string | undefined;
  loadingLabel: string;
  /** A button that clears the filters, shown only when some are set. */
  reset?: { label: string; onClick: () => void } | undefined;
  empty: { title: string; hint?: string | undefined };
  pending: boolean;
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}

/**
 * The parts every server-paginated list shares — the header with the total and the reset
 * button, the empty state, the pager — as props to spread on an antd Table.
 */
export function listTableProps(o: ListTableOptions): {
  title: () => ReactNode;
  locale: { emptyText: ReactNode };
  pagination: TablePaginationConfig;
} {
  return {
    title: () => (
      <div
        style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}
      >
        <Typography.Text strong aria-live="polite">
          {o.totalLabel ?? o.loadingLabel}
        </Typography.Text>
        {o.reset && (
          <Button size="small" onClick={o.reset.onClick}>
            {o.reset.label}
          </Button>
        )}
      </div>
    ),
    locale: {
      emptyText: o.pending ? (
        ' '
      ) : (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            o.empty.hint ? (
              <>
                <div>{o.empty.title}</div>
                <Typography.Text type="secondary">{o.empty.hint}</Typography.Text>
              </>
            ) : (
              o.empty.title
            )
          }
        />
      ),
    },
    pagination: {
      current: o.page,
      pageSize: o.pageSize,
      total: o.total,
      showSizeChanger: false,
      onChange: o.onPage,
    },
  };
}
