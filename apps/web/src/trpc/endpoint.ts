/** Where this app mounts the router (app/api/trpc/[trpc]/route.ts); the browser's default endpoint. */
export const TRPC_ENDPOINT = '/api/trpc';
