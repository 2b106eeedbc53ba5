import { PendingPage } from '../placeholder/PendingPage';

export default function SettingsPage() {
  return <PendingPage page="settings" />;
}
