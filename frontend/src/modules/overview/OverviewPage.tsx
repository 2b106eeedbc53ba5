import { PendingPage } from '../placeholder/PendingPage';

export default function OverviewPage() {
  return <PendingPage page="overview" />;
}
