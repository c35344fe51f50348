import { ROLE_LABELS, type Role } from '@taskforge/auth/roles';
import { workspacePath } from '../../../../../lib/paths.ts';
import { ButtonLink } from '../../../../_components/button.tsx';
import { Card, EmptyState, PageHeader } from '../../../../_components/card.tsx';
import { ShieldIcon } from '../../../../_components/icons.tsx';

/** What a member below a page's role sees instead of it (the API would answer FORBIDDEN). */
export function NeedsRole({
  title,
  slug,
  role,
  minimum,
}: {
  title: string;
  slug: string;
  role: Role;
  minimum: Role;
}) {
  return (
    <>
      <PageHeader title={title} />
      <Card>
        <EmptyState
          icon={<ShieldIcon />}
          title={`Only ${ROLE_LABELS[minimum].toLowerCase()}s and owners can open this page`}
          action={
            <ButtonLink href={workspacePath(slug)} variant="secondary">
              Back to the overview
            </ButtonLink>
          }
        >
          Your role in this workspace is {ROLE_LABELS[role]}. Ask an owner if you need more access.
        </EmptyState>
      </Card>
    </>
  );
}
