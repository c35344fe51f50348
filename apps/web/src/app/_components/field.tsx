import { type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, useId } from 'react';
import { fieldMessage } from '../../lib/errors.ts';

const control =
  'block w-full rounded-lg border bg-white px-3 text-sm text-slate-900 shadow-xs placeholder:text-slate-400 focus:outline-2 focus:-outline-offset-1 disabled:bg-slate-50 disabled:text-slate-500';
const ok = 'border-slate-300 focus:outline-indigo-600';
const bad = 'border-rose-400 focus:outline-rose-600';

interface FieldFrameProps {
  label: string;
  /** The server's message for this field (formFailure().fields[name]). */
  error?: string | undefined;
  hint?: ReactNode;
  children: (ids: { id: string; describedBy: string | undefined }) => ReactNode;
  labelAction?: ReactNode;
}

/** Label, control, and the hint or error under it, wired together for screen readers. */
function FieldFrame({ label, error, hint, children, labelAction }: FieldFrameProps) {
  const id = useId();
  const noteId = `${id}-note`;
  const note = error ? fieldMessage(label, error) : hint;
  return (
    <div>
      <div className="flex items-baseline justify-between gap-4">
        <label htmlFor={id} className="block text-sm font-medium text-slate-700">
          {label}
        </label>
        {labelAction}
      </div>
      <div className="mt-1.5">{children({ id, describedBy: note ? noteId : undefined })}</div>
      {note ? (
        <p
          id={noteId}
          className={`mt-1.5 text-sm ${error ? 'text-rose-600' : 'text-slate-500'}`}
          data-testid={error ? 'field-error' : undefined}
        >
          {note}
        </p>
      ) : null}
    </div>
  );
}

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'children'> {
  label: string;
  name: string;
  error?: string | undefined;
  hint?: ReactNode;
  labelAction?: ReactNode;
}

export function TextField({ label, error, hint, labelAction, className = '', ...input }: TextFieldProps) {
  return (
    <FieldFrame label={label} error={error} hint={hint} labelAction={labelAction}>
      {({ id, describedBy }) => (
        <input
          id={id}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={`${control} h-10 ${error ? bad : ok} ${className}`}
          {...input}
        />
      )}
    </FieldFrame>
  );
}

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  label: string;
  name: string;
  error?: string | undefined;
  hint?: ReactNode;
}

export function SelectField({ label, error, hint, className = '', children, ...select }: SelectFieldProps) {
  return (
    <FieldFrame label={label} error={error} hint={hint}>
      {({ id, describedBy }) => (
        <select
          id={id}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={`${control} h-10 pr-8 ${error ? bad : ok} ${className}`}
          {...select}
        >
          {children}
        </select>
      )}
    </FieldFrame>
  );
}

/** A form's own text value (FormData entries may be files; ours are not). */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}
