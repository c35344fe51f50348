// Browser-safe: a session's User-Agent as people say it ("Firefox on macOS").

const browsers: [RegExp, string][] = [
  [/Edg(?:e|A|iOS)?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/HeadlessChrome\//, 'Headless Chrome'],
  [/Chromium\//, 'Chromium'],
  [/Chrome\/|CriOS\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];

const systems: [RegExp, string][] = [
  [/Windows/, 'Windows'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Android/, 'Android'],
  [/CrOS/, 'ChromeOS'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Linux/, 'Linux'],
];

export interface DeviceDescription {
  label: string;
  /** Phones and tablets get their own icon. */
  mobile: boolean;
}

export function describeUserAgent(userAgent: string | null): DeviceDescription {
  if (!userAgent) return { label: 'Unknown device', mobile: false };
  const browser = browsers.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = systems.find(([pattern]) => pattern.test(userAgent))?.[1];
  const mobile = /Mobile|iPhone|iPad|Android/.test(userAgent);
  if (browser && system) return { label: `${browser} on ${system}`, mobile };
  if (browser || system) return { label: browser ?? system ?? '', mobile };
  // Scripts and tools (`curl/8.5.0`, `node`): their own first word.
  const tool = userAgent.split(/[\s/]/)[0];
  return { label: tool ? tool.slice(0, 40) : 'Unknown device', mobile: false };
}
