import { PendingPage } from '../placeholder/PendingPage';

export default function PostsPage() {
  return <PendingPage page="posts" />;
}
