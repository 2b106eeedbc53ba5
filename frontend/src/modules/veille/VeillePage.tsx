import { PendingPage } from '../placeholder/PendingPage';

export default function VeillePage() {
  return <PendingPage page="veille" />;
}
