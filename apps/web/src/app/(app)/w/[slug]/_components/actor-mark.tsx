import { activityTone } from '../../../../../lib/activity.ts';
import { Avatar } from '../../../../_components/avatar.tsx';

const dots = {
  indigo: 'bg-indigo-500',
  emerald: 'bg-emerald-500',
  amber: 'bg-amber-500',
  rose: 'bg-rose-500',
  slate: 'bg-slate-400',
} as const;

/** Who did it, beside a feed entry: their avatar, or for the system a dot coloured by the kind of action. */
export function ActorMark({ actor, action }: { actor: { id: string; name: string } | null; action: string }) {
  if (actor) return <Avatar name={actor.name} seed={actor.id} size="sm" />;
  return (
    <span className="flex size-7 shrink-0 items-center justify-center rounded-full bg-slate-100">
      <span className={`size-2 rounded-full ${dots[activityTone(action)]}`} />
    </span>
  );
}
