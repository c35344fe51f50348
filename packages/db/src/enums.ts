// Browser-safe: the generated enum objects import nothing (no Prisma runtime, no pg), so the
// web app's client components, validators and the SDK may import `@taskforge/db/enums`.
export { Role, TaskPriority, TaskStatus, TokenScope } from './generated/prisma/enums.ts';
