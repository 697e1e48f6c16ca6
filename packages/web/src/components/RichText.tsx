import { Fragment, type ReactNode } from 'react';

const TOKEN = /\u27e6(\w+)\u27e7/gu;

/** Placeholder for a value that {@link richText} replaces with a React node. */
export function slot(name: string): string {
  return `\u27e6${name}\u27e7`;
}

/**
 * Turns a translated sentence whose variables were passed as {@link slot}s
 * into React nodes, so that names inside a sentence can be links while the
 * word order stays the translator's.
 */
export function richText(text: string, nodes: Readonly<Record<string, ReactNode>>): ReactNode {
  const parts = text.split(TOKEN);
  // split with one capture group: even indexes are text, odd ones are slot names
  return parts.map((part, i) =>
    i % 2 === 0 ? (
      <Fragment key={i}>{part}</Fragment>
    ) : (
      <Fragment key={i}>{nodes[part] ?? part}</Fragment>
    ),
  );
}

/** "A", "A và B", "A, B và C" with nodes. */
export function joinNodes(items: readonly ReactNode[], and: string): ReactNode {
  return items.map((item, i) => (
    <Fragment key={i}>
      {i === 0 ? '' : i === items.length - 1 ? and : ', '}
      {item}
    </Fragment>
  ));
}
