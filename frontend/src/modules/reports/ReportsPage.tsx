import { PendingPage } from '../placeholder/PendingPage';

export default function ReportsPage() {
  return <PendingPage page="reports" />;
}
