import { Page } from '../components/page.js';
import { href } from '../lib/router.js';

export function NotFoundPage() {
  return (
    <Page title="Page not found">
      <p>We could not find that page.</p>
      <p>
        <a class="button button-primary" href={href('/')}>
          Go to the start
        </a>
      </p>
    </Page>
  );
}
