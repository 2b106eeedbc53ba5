import { PendingPage } from '../placeholder/PendingPage';

export default function MentionsPage() {
  return <PendingPage page="mentions" />;
}
