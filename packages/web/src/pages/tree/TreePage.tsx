import { useQueryClient } from '@tanstack/react-query';
import { App, Card, Col, Empty, Row, Skeleton, Tree } from 'antd';
import type { TreeProps } from 'antd';
import { compareVietnamese } from '@lienhiep/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { fetchTree, queryKeys, useRoots } from '../../api/queries';
import type { TreeNode } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ORGANIZATION_KINDS, displayName, fmtDate, todayIso } from '../../format';
import { useAtDate } from '../../hooks/useAtDate';
import { NodeSummary } from './NodeSummary';
import { NodeTitle } from './NodeTitle';

interface OrgTreeNode {
  key: string;
  node: TreeNode;
  isLeaf: boolean;
  children?: OrgTreeNode[];
}

function byKindThenName(a: TreeNode, b: TreeNode): number {
  const kind = ORGANIZATION_KINDS.indexOf(a.kind) - ORGANIZATION_KINDS.indexOf(b.kind);
  return kind !== 0 ? kind : compareVietnamese(displayName(a), displayName(b));
}

function toTreeNodes(nodes: readonly TreeNode[]): OrgTreeNode[] {
  return [...nodes]
    .sort(byKindThenName)
    .map((node) => ({ key: node.id, node, isLeaf: node.childCount === 0 }));
}

function withChildren(list: OrgTreeNode[], key: string, children: OrgTreeNode[]): OrgTreeNode[] {
  return list.map((item) => {
    if (item.key === key) return { ...item, children, isLeaf: children.length === 0 };
    if (item.children !== undefined)
      return { ...item, children: withChildren(item.children, key, children) };
    return item;
  });
}

export function TreePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [at] = useAtDate();
  const roots = useRoots(at);
  const [treeData, setTreeData] = useState<OrgTreeNode[]>([]);
  const [expandedKeys, setExpandedKeys] = useState<string[]>([]);
  const [loadedKeys, setLoadedKeys] = useState<string[]>([]);
  const [selectedId, setSelectedId] = useState<string | undefined>();
  // Loads started before the date changed must not land in the new tree
  const generation = useRef(0);

  useEffect(() => {
    generation.current += 1;
    const list = roots.data?.roots ?? [];
    setTreeData(toTreeNodes(list));
    setLoadedKeys([]);
    // open the central union so that its members show at once
    setExpandedKeys(list.filter((r) => r.childCount > 0).map((r) => r.id));
  }, [roots.data]);

  const loadData = useCallback<NonNullable<TreeProps<OrgTreeNode>['loadData']>>(
    async (treeNode) => {
      const id = treeNode.key;
      const started = generation.current;
      let children: OrgTreeNode[] = [];
      try {
        const data = await queryClient.fetchQuery({
          queryKey: queryKeys.tree(id, at),
          queryFn: ({ signal }) => fetchTree(id, at, signal),
        });
        children = toTreeNodes(data.children);
      } catch (err) {
        void message.error(
          `${t('tree.loadChildrenError', { name: displayName(treeNode.node) })}: ${errorMessage(err)}`,
        );
      }
      if (generation.current !== started) return;
      setTreeData((prev) => withChildren(prev, id, children));
      setLoadedKeys((prev) => (prev.includes(id) ? prev : [...prev, id]));
    },
    [queryClient, at, message, t],
  );

  const dateText = fmtDate(at ?? roots.data?.at ?? todayIso());

  return (
    <>
      <PageHeader title={t('tree.title')} subtitle={t('tree.intro', { date: dateText })} />
      <Row gutter={[16, 16]} align="stretch">
        <Col xs={24} xl={15}>
          <Card className="tree-card" styles={{ body: { padding: '10px 8px' } }}>
            {roots.isPending ? (
              <Skeleton active paragraph={{ rows: 10 }} />
            ) : roots.isError ? (
              <ProblemAlert error={roots.error} onRetry={() => void roots.refetch()} />
            ) : treeData.length === 0 ? (
              <Empty description={t('tree.empty')} />
            ) : (
              <Tree<OrgTreeNode>
                aria-label={t('tree.treeLabel')}
                treeData={treeData}
                loadData={loadData}
                loadedKeys={loadedKeys}
                expandedKeys={expandedKeys}
                onExpand={(keys) => setExpandedKeys(keys.map(String))}
                selectedKeys={selectedId === undefined ? [] : [selectedId]}
                onSelect={(keys) => {
                  const key = keys[0];
                  setSelectedId(key === undefined ? selectedId : String(key));
                }}
                titleRender={(item) => <NodeTitle node={item.node} />}
                showLine={{ showLeafIcon: false }}
                blockNode
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <div style={{ position: 'sticky', top: 72 }}>
            {selectedId === undefined ? (
              <Card title={t('tree.summaryTitle')}>
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tree.selectHint')} />
              </Card>
            ) : (
              <NodeSummary id={selectedId} at={at} />
            )}
          </div>
        </Col>
      </Row>
    </>
  );
}
