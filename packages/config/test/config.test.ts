import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv, redactUrl } from '../src/index.ts';

describe('parseEnv', () => {
  it('gives working defaults for an empty environment (embedded database, local ports)', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      EMBEDDED_PG_PORT: 54_329,
      SERVER_PORT: 4000,
      WEB_PORT: 3000,
      TRUST_PROXY: false,
      CORS_ORIGINS: ['http://localhost:3000'],
    });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('coerces and splits values', () => {
    const env = parseEnv({
      SERVER_PORT: '8080',
      TRUST_PROXY: 'true',
      CORS_ORIGINS: 'https://a.test, https://b.test',
    });
    expect(env.SERVER_PORT).toBe(8080);
    expect(env.TRUST_PROXY).toBe(true);
    expect(env.CORS_ORIGINS).toEqual(['https://a.test', 'https://b.test']);
  });

  it('treats an empty DATABASE_URL as unset', () => {
    expect(parseEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('names every bad variable in one error, without leaking passwords', () => {
    let error: unknown;
    try {
      parseEnv({ NODE_ENV: 'staging', SERVER_PORT: '99999', DATABASE_URL: 'mysql://root:hunter2@db/x' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    if (!(error instanceof ConfigError)) return;
    expect(error.issues).toHaveLength(3);
    expect(error.message).toMatch(/NODE_ENV/);
    expect(error.message).toMatch(/SERVER_PORT/);
    expect(error.message).toMatch(/DATABASE_URL: must be a postgresql:\/\/ URL/);
    expect(error.message).not.toMatch(/hunter2/);
    expect(error.message).toMatch(/\.env\.example/);
  });
});

describe('redactUrl', () => {
  it('hides the password of a connection string', () => {
    expect(redactUrl('postgresql://app:s3cret@db:5432/tf')).toBe('postgresql://app:***@db:5432/tf');
    expect(redactUrl('postgresql://db:5432/tf')).toBe('postgresql://db:5432/tf');
  });
});
