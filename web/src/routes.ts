import type { FunctionComponent } from 'preact';
import { HomePage } from './pages/home.js';
import { GuidedPage } from './pages/guided.js';
import { VerdictPage } from './pages/verdict.js';
import { TranscriptPage } from './pages/transcript.js';
import { LivePage } from './pages/live.js';
import { CheckPage } from './pages/check.js';
import { ReportPage } from './pages/report.js';
import { CommunityPage } from './pages/community.js';
import { RecoveryPage } from './pages/recovery.js';
import { FaqPage } from './pages/faq.js';
import { NotFoundPage } from './pages/not-found.js';

export interface PageComponentProps {
  query: URLSearchParams;
}

type PageComponent = FunctionComponent<PageComponentProps>;

const ROUTES: Record<string, PageComponent> = {
  '/': HomePage,
  '/guided': GuidedPage,
  '/verdict': VerdictPage,
  '/transcript': TranscriptPage,
  '/live': LivePage,
  '/check': CheckPage,
  '/report': ReportPage,
  '/community': CommunityPage,
  '/recovery': RecoveryPage,
  '/faq': FaqPage,
};

export function routeFor(path: string): { component: PageComponent } {
  return { component: ROUTES[path] ?? NotFoundPage };
}

/** The main menu, in the order a worried person needs it. */
export const NAV_ITEMS: ReadonlyArray<{ path: string; label: string }> = [
  { path: '/', label: 'Home' },
  { path: '/guided', label: 'Check a call' },
  { path: '/live', label: 'On a call now' },
  { path: '/transcript', label: 'Check what was said' },
  { path: '/check', label: 'Check a number or link' },
  { path: '/recovery', label: 'I gave access or money' },
  { path: '/report', label: 'Report' },
  { path: '/community', label: 'Community' },
  { path: '/faq', label: 'Questions' },
];
