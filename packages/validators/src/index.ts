export {
  emailSchema,
  idSchema,
  markdownSchema,
  personNameSchema,
  projectKeySchema,
  slugSchema,
  taskTitleSchema,
} from './primitives.ts';
