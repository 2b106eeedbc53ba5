import { PendingPage } from '../placeholder/PendingPage';

export default function InfluencersPage() {
  return <PendingPage page="influencers" />;
}
