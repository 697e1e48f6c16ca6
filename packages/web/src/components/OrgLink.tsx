import { Link } from 'react-router';
import type { OrganizationRef } from '../api/types';
import { displayName } from '../format';
import { useLinkWithAt } from '../hooks/useAtDate';

interface Props {
  org: Pick<OrganizationRef, 'id' | 'fullName' | 'shortName'>;
  /** Show the short name (full name on hover) instead of the full name. */
  short?: boolean;
  /** Text to show instead of the current name, e.g. the name at an event. */
  text?: string;
}

/** Link to an organisation's profile, keeping the viewed date. */
export function OrgLink({ org, short = false, text }: Props) {
  const withAt = useLinkWithAt();
  const label = text ?? (short ? displayName(org) : org.fullName);
  return (
    <Link
      to={withAt(`/to-chuc/${org.id}`)}
      title={label === org.fullName ? undefined : org.fullName}
    >
      {label}
    </Link>
  );
}
