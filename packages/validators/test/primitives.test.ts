import { describe, expect, it } from 'vitest';
import { emailSchema, idSchema, projectKeySchema, slugSchema, taskTitleSchema } from '../src/index.ts';

describe('shared validators', () => {
  it('normalises emails to lower case and rejects junk', () => {
    expect(emailSchema.parse('Ada@Example.COM')).toBe('ada@example.com');
    expect(emailSchema.parse('  Ada@Example.com ')).toBe('ada@example.com');
    expect(emailSchema.safeParse('not-an-email').success).toBe(false);
  });

  it('accepts url-safe slugs only', () => {
    expect(slugSchema.parse('acme-labs')).toBe('acme-labs');
    for (const bad of ['A', 'Acme', 'acme--labs', '-acme', 'acme_labs', 'a'.repeat(49)]) {
      expect(slugSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('upper-cases project keys and explains bad ones', () => {
    expect(projectKeySchema.parse('eng')).toBe('ENG');
    const result = projectKeySchema.safeParse('1ENG');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/starting with a letter/);
  });

  it('trims titles and requires text', () => {
    expect(taskTitleSchema.parse('  Ship it  ')).toBe('Ship it');
    expect(taskTitleSchema.safeParse('   ').success).toBe(false);
  });

  it('requires uuids for ids', () => {
    expect(idSchema.safeParse('0193a1b2-0000-7000-8000-000000000000').success).toBe(true);
    expect(idSchema.safeParse('42').error?.issues[0]?.message).toBe('must be a valid id');
  });
});
