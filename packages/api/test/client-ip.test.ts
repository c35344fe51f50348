import { describe, expect, it } from 'vitest';
import { clientIp } from '../src/client-ip.ts';

describe('clientIp', () => {
  it('is the peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientIp('203.0.113.9', '1.2.3.4', false)).toBe('203.0.113.9');
  });

  it('believes exactly the configured number of hops', () => {
    // client 198.51.100.7 -> (forged 6.6.6.6 prepended by the client) -> LB 10.0.0.2 -> us
    expect(clientIp('10.0.0.2', '6.6.6.6, 198.51.100.7', 1)).toBe('198.51.100.7');
    expect(clientIp('10.0.0.2', '6.6.6.6, 198.51.100.7', 2)).toBe('6.6.6.6');
    expect(clientIp('10.0.0.2', null, 1)).toBe('10.0.0.2');
  });

  it('believes only the listed proxy addresses and ranges', () => {
    expect(clientIp('10.0.0.2', '198.51.100.7', ['10.0.0.0/8'])).toBe('198.51.100.7');
    expect(clientIp('203.0.113.9', '198.51.100.7', ['10.0.0.0/8'])).toBe('203.0.113.9');
    expect(clientIp('10.0.0.2', '10.0.0.3, 198.51.100.7', ['10.0.0.0/8'])).toBe('198.51.100.7');
  });

  it('is null without a peer', () => {
    expect(clientIp(null, '1.2.3.4', 1)).toBeNull();
  });
});
