import type { RouterOutputs } from '@taskforge/api';
import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import { getViewer } from '../../../../trpc/guards.ts';
import { getQueryClient, trpc } from '../../../../trpc/server.tsx';
import { InviteCard } from './invite-card.tsx';

export const metadata: Metadata = { title: 'Invitation', referrer: 'no-referrer' };

export type InvitationPreview = RouterOutputs['invitations']['preview'];

/** The link an invitee follows: what they are invited to, and the way in that fits who they are. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [preview, viewer] = await Promise.all([previewOf(token), getViewer()]);
  return <InviteCard token={token} preview={preview} viewer={viewer} />;
}

async function previewOf(token: string): Promise<InvitationPreview | null> {
  try {
    return await getQueryClient().fetchQuery(trpc.invitations.preview.queryOptions({ token }));
  } catch (error) {
    // Unknown, or not even shaped like a token: the same dead link either way.
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST'))
      return null;
    throw error;
  }
}
