import proxyAddr from '@fastify/proxy-addr';

export type TrustProxy = false | number | string[];

/**
 * The client's address from the socket peer and X-Forwarded-For, believing only the hops
 * TRUST_PROXY names (what Fastify's req.ip does on the standalone server; proxy-addr's rule):
 * walk from the peer towards the client and stop at the first address that is not a trusted
 * proxy. A client cannot choose its IP by sending X-Forwarded-For to an untrusted hop.
 */
export function clientIp(peer: string | null, forwardedFor: string | null, trust: TrustProxy): string | null {
  if (peer === null || trust === false) return peer;
  const forwarded = (forwardedFor ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .reverse();
  const chain = [peer, ...forwarded];
  const trusted =
    typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : proxyAddr.compile(trust);
  for (let hop = 0; hop < chain.length - 1; hop++) {
    const address = chain[hop];
    if (address !== undefined && !trusted(address, hop)) return address;
  }
  return chain[chain.length - 1] ?? null;
}
