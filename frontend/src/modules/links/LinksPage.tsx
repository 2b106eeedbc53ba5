import { PendingPage } from '../placeholder/PendingPage';

export default function LinksPage() {
  return <PendingPage page="links" />;
}
