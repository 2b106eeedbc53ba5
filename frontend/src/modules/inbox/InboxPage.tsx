import { PendingPage } from '../placeholder/PendingPage';

export default function InboxPage() {
  return <PendingPage page="inbox" />;
}
