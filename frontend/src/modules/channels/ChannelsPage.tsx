import { PendingPage } from '../placeholder/PendingPage';

export default function ChannelsPage() {
  return <PendingPage page="channels" />;
}
