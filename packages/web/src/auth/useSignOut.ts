import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../api/client';
import { AUTH_FLOW_META, afterSignOut } from './after-sign-in';
import { SIGN_IN_PATH } from './paths';

/** "Đăng xuất": ends the session on the server, then back to the sign-in page whatever happened. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/auth/sign-out')),
    meta: AUTH_FLOW_META,
    onSettled: async () => {
      // leave the signed-in pages first, so that none of them asks for a sign-in to come back to
      await navigate(SIGN_IN_PATH, { replace: true });
      afterSignOut(queryClient);
    },
  });
}
