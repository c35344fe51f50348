export { cursorSchema, pageInput, pageLimitSchema, pageOf } from './pagination.ts';
export {
  emailSchema,
  idSchema,
  markdownSchema,
  passwordSchema,
  personNameSchema,
  projectKeySchema,
  slugSchema,
  taskTitleSchema,
  tokenNameSchema,
  workspaceNameSchema,
} from './primitives.ts';
