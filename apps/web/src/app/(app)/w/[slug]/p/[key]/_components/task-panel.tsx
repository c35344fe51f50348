'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useRef } from 'react';
import { taskPath } from '../../../../../../../lib/paths.ts';
import { Modal } from '../../../../../../_components/modal.tsx';
import { TaskDetail } from '../../../t/[ref]/_components/task-detail.tsx';

const PARAM = 'task';

export interface TaskPanelState {
  /** The key of the task shown beside the board, from `?task=ENG-4`. */
  taskKey: string | null;
  open: (key: string) => void;
  close: () => void;
}

/**
 * The task opened beside the board lives in the URL (`?task=ENG-4`): a link to it opens it, and
 * Back closes it. History is written directly: Next keeps useSearchParams in step without
 * asking the server for the page again.
 */
export function useTaskPanel(): TaskPanelState {
  const params = useSearchParams();
  const openedHere = useRef(false);
  const taskKey = params.get(PARAM);
  const open = useCallback((key: string) => {
    const url = new URL(window.location.href);
    url.searchParams.set(PARAM, key);
    window.history.pushState(null, '', url);
    openedHere.current = true;
  }, []);
  const close = useCallback(() => {
    if (openedHere.current) {
      openedHere.current = false;
      window.history.back();
      return;
    }
    const url = new URL(window.location.href);
    url.searchParams.delete(PARAM);
    window.history.replaceState(null, '', url);
  }, []);
  return { taskKey, open, close };
}

/** The task panel: the full task view in a sheet from the right (full screen on phones). */
export function TaskPanel({ slug, panel }: { slug: string; panel: TaskPanelState }) {
  const router = useRouter();
  return (
    <Modal
      open={panel.taskKey !== null}
      title={panel.taskKey ? `Task ${panel.taskKey}` : 'Task'}
      onClose={panel.close}
      side
      hideTitle
      testId="task-panel"
    >
      {panel.taskKey ? (
        <TaskDetail
          slug={slug}
          taskRef={panel.taskKey}
          variant="panel"
          onClose={panel.close}
          onExpand={() => router.push(taskPath(slug, panel.taskKey ?? ''))}
          onDeleted={panel.close}
        />
      ) : null}
    </Modal>
  );
}
