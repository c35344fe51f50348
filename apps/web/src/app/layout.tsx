import './globals.css';
import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { getPublicConfig } from '../server/public-config.ts';
import { TRPCReactProvider } from '../trpc/react.tsx';

export const metadata: Metadata = {
  title: { default: 'Taskforge', template: '%s · Taskforge' },
  description: 'Team task tracking on one type-safe API: workspaces, projects, tasks and comments.',
  applicationName: 'Taskforge',
};

export const viewport: Viewport = {
  themeColor: '#4f46e5',
};

// The API URL comes from runtime config, so no page may be frozen at build time with another one.
export const dynamic = 'force-dynamic';

export default function RootLayout({ children }: { children: ReactNode }) {
  const { apiUrl, maxBatchSize } = getPublicConfig();
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <TRPCReactProvider apiUrl={apiUrl} maxBatchSize={maxBatchSize}>
          {children}
        </TRPCReactProvider>
      </body>
    </html>
  );
}
