import { describe, expect, it } from 'vitest';
import { ConfigError, databaseUrl, MissingDatabaseUrlError, parseEnv, redactUrl } from '../src/index.ts';

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
      LOG_FORMAT: 'pretty',
      EXPOSE_ERRORS: false,
      SHUTDOWN_DRAIN_MS: 0,
      WEB_HOST: '127.0.0.1',
    });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('defaults to safe production values: no cross-origin access, JSON logs, a drain window', () => {
    const env = parseEnv({ NODE_ENV: 'production', DATABASE_URL: 'postgresql://db/tf' });
    expect(env).toMatchObject({ CORS_ORIGINS: [], LOG_FORMAT: 'json', SHUTDOWN_DRAIN_MS: 5000 });
  });

  it('refuses EXPOSE_ERRORS in production', () => {
    expect(() => parseEnv({ NODE_ENV: 'production', EXPOSE_ERRORS: 'true' })).toThrow(
      /EXPOSE_ERRORS: must not be true when NODE_ENV=production/,
    );
    expect(parseEnv({ EXPOSE_ERRORS: 'true' }).EXPOSE_ERRORS).toBe(true);
  });

  it('takes TRUST_PROXY as a hop count or proxy addresses, never "every hop"', () => {
    expect(parseEnv({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(parseEnv({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,::1' }).TRUST_PROXY).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
      '::1',
    ]);
    expect(parseEnv({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(() => parseEnv({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY: trusting every hop/);
    expect(() => parseEnv({ TRUST_PROXY: '10.0.0.0/99' })).toThrow(/not an IP address or CIDR/);
    expect(() => parseEnv({ TRUST_PROXY: 'proxy.internal' })).toThrow(/not an IP address or CIDR/);
  });

  it('coerces and splits values', () => {
    const env = parseEnv({
      SERVER_PORT: '8080',
      CORS_ORIGINS: 'https://a.test, https://b.test',
    });
    expect(env.SERVER_PORT).toBe(8080);
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

describe('databaseUrl', () => {
  it('is DATABASE_URL, else the embedded dev database in development only', () => {
    expect(databaseUrl(parseEnv({ DATABASE_URL: 'postgresql://db/tf' }))).toBe('postgresql://db/tf');
    expect(databaseUrl(parseEnv({ EMBEDDED_PG_PORT: '5555' }))).toBe(
      'postgresql://postgres:postgres@127.0.0.1:5555/taskforge',
    );
    expect(() => databaseUrl(parseEnv({ NODE_ENV: 'production' }))).toThrow(MissingDatabaseUrlError);
    expect(() => databaseUrl(parseEnv({ NODE_ENV: 'test' }))).toThrow(/DATABASE_URL is required/);
  });
});

describe('redactUrl', () => {
  it('hides the password of a connection string', () => {
    expect(redactUrl('postgresql://app:s3cret@db:5432/tf')).toBe('postgresql://app:***@db:5432/tf');
    expect(redactUrl('postgresql://db:5432/tf')).toBe('postgresql://db:5432/tf');
  });
});
