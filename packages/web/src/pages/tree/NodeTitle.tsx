import type { TreeNode } from '../../api/types';
import { KindCounts } from '../../components/KindCounts';
import { KindTag } from '../../components/KindTag';
import { StatusTag } from '../../components/StatusTag';
import { displayName } from '../../format';

/** One line of the tree: name (full name on hover), kind, status if not active, counts. */
export function NodeTitle({ node }: { node: TreeNode }) {
  const name = displayName(node);
  return (
    <span className="tree-node-title">
      <span className="tree-node-name" title={name === node.fullName ? undefined : node.fullName}>
        {name}
      </span>
      <KindTag kind={node.kind} />
      {node.status !== 'active' && <StatusTag status={node.status} />}
      <KindCounts counts={node.subtreeCounts} />
    </span>
  );
}
