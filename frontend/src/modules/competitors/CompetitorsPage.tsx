import { PendingPage } from '../placeholder/PendingPage';

export default function CompetitorsPage() {
  return <PendingPage page="competitors" />;
}
