import { createContext, useContext } from 'react';
import type { Me, Permission } from '../api/types';
import { hasPermission } from './permissions';

/** The signed-in user, provided by the session guard around every signed-in page. */
export const SessionContext = createContext<Me | null>(null);

/** The signed-in user; only inside the session guard. */
export function useSession(): Me {
  const me = useContext(SessionContext);
  if (me === null) throw new Error('useSession() outside of the signed-in part of the app');
  return me;
}

/** Whether the signed-in user holds a permission on at least one unit. */
export function usePermission(permission: Permission): boolean {
  return hasPermission(useSession(), permission);
}
