import type { IncomingHttpHeaders } from 'node:http';

/** Node's header record as a web `Headers`, which the tRPC context takes so every mount hands over the same type. */
export function toWebHeaders(raw: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    // HTTP/2 pseudo-headers (":path") are not valid header names for the Headers class.
    if (name.startsWith(':')) continue;
    if (Array.isArray(value)) {
      for (const item of value) headers.append(name, item);
    } else {
      headers.set(name, value);
    }
  }
  return headers;
}
