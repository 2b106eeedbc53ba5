import { PendingPage } from '../placeholder/PendingPage';

export default function AlertsPage() {
  return <PendingPage page="alerts" />;
}
