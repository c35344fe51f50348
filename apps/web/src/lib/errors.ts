// Browser-safe: turns a failed call into what a form shows.
import { isTRPCClientError } from '@trpc/client';
import { z } from 'zod';

// zod compiles object parsers with `new Function` when it may; probing whether it may is an
// eval the page's CSP refuses (and reports as a violation). In the browser, never try. (Not on
// the server: the same process serves the API, where the compiled parsers are worth having.)
if (typeof window !== 'undefined') z.config({ jitless: true });

/**
 * The `data` the API's error formatter adds (packages/api errors.ts formatErrorShape). Parsed,
 * not trusted from the types: the router's error shape does not reach clients through tRPC's
 * inference today (see the H3 report), and this is a boundary anyway.
 */
const errorData = z.object({
  code: z.string().optional(),
  httpStatus: z.number().optional(),
  appCode: z.string().nullish(),
  fieldErrors: z.record(z.string(), z.array(z.string())).nullish(),
  formErrors: z.array(z.string()).nullish(),
});
export type ErrorData = z.infer<typeof errorData>;

/** The error's data, when it is a tRPC error that carries ours. */
export function errorDataOf(error: unknown): ErrorData | null {
  if (!isTRPCClientError(error)) return null;
  const parsed = errorData.safeParse(error.data);
  return parsed.success ? parsed.data : null;
}

export interface FormFailure {
  /** First message per field, as the server worded it (`must be …`), keyed by field name (dotted when nested). */
  fields: Record<string, string>;
  /** What to say above the form: the error's message, unless field messages say it all. */
  message: string | null;
  /** The stable code (`CONFLICT`, `RATE_LIMITED`, …), when the server sent one. */
  code: string | null;
}

const NO_FAILURE: FormFailure = { fields: {}, message: null, code: null };

/**
 * Field messages from the server's zod issues (`error.data.fieldErrors`), under each field;
 * everything else (wrong password, conflicts, rate limits, outages) as one form-level message.
 */
export function formFailure(error: unknown): FormFailure {
  if (error === null || error === undefined) return NO_FAILURE;
  if (!isTRPCClientError(error)) {
    return { fields: {}, message: 'Something went wrong. Check your connection and try again.', code: null };
  }
  const data = errorDataOf(error);
  const code = data?.appCode ?? null;
  const fields: Record<string, string> = {};
  for (const [field, messages] of Object.entries(data?.fieldErrors ?? {})) {
    const first = messages[0];
    if (first) fields[field] = first;
  }
  const formError = data?.formErrors?.[0];
  if (Object.keys(fields).length > 0)
    return { fields, message: formError ? sentence(formError) : null, code };
  return { fields, message: sentence(error.message || 'Request failed'), code };
}

/** A message for a failed action outside a form (revoke, remove…). */
export function failureMessage(error: unknown): string | null {
  const { fields, message } = formFailure(error);
  const [field, text] = Object.entries(fields)[0] ?? [];
  return message ?? (field && text ? fieldMessage(field, text) : null);
}

/**
 * A field's message as a sentence: the server's fragments (`must be at least 10 characters`)
 * follow the field's label, whole sentences (zod's `Invalid input: …`) stand alone.
 */
export function fieldMessage(label: string, text: string): string {
  const first = text[0];
  if (first && first !== first.toLowerCase()) return text;
  return `${label} ${text}`;
}

/** Server messages may start lower-case; a message on its own starts with a capital. */
function sentence(text: string): string {
  const first = text[0];
  return first ? first.toUpperCase() + text.slice(1) : text;
}

/** Whether a call was refused for want of a session (it expired or was revoked meanwhile). */
export function isSignedOut(error: unknown): boolean {
  return errorDataOf(error)?.code === 'UNAUTHORIZED';
}

const staleTask = z.object({
  details: z.object({ current: z.object({ key: z.string(), version: z.number() }) }),
});

/**
 * A write refused because the task changed since it was read (CONFLICT with the task as it is
 * now in `data.details.current`): its key and current version, else null. Callers reload the
 * task rather than trust the rest of the payload's shape.
 */
export function staleTaskOf(error: unknown): { key: string; version: number } | null {
  if (!isTRPCClientError(error) || errorDataOf(error)?.appCode !== 'CONFLICT') return null;
  const parsed = staleTask.safeParse(error.data);
  return parsed.success ? parsed.data.details.current : null;
}

/** The stable code of a failed call (`CONFLICT`, `NOT_FOUND`, …), else null. */
export function appCodeOf(error: unknown): string | null {
  return errorDataOf(error)?.appCode ?? null;
}
