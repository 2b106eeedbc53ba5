import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/auth/auth-context';
import { useWorkspace } from '../../app/workspace/workspace-context';
import { PageHeader } from '../../components/PageHeader';
import { ApiTokensSection } from './components/ApiTokensSection';
import { BrandsSection } from './components/BrandsSection';
import { ConnectionsSection } from './components/ConnectionsSection';
import { MembersSection } from './components/MembersSection';
import { PrivacySection } from './components/PrivacySection';
import { SavedRepliesSection } from './components/SavedRepliesSection';
import { ServicesSection } from './components/ServicesSection';
import { WorkspaceSection } from './components/WorkspaceSection';
import '../../styles/forms.css';
import '../../styles/settings.css';

export default function SettingsPage() {
  const { t } = useTranslation();
  const { workspace, workspaces, brands, reloadBrands, reloadWorkspaces, canAct, isAdmin, role } = useWorkspace();
  const me = useMe();
  return (
    <>
      <PageHeader title={t('nav.settings')} subtitle={isAdmin ? undefined : t('settings.readOnly')} />
      <WorkspaceSection key={workspace.id} workspace={workspace} isAdmin={isAdmin} onSaved={reloadWorkspaces} />
      <BrandsSection workspaceId={workspace.id} brands={brands} canAct={canAct} isAdmin={isAdmin} onChanged={reloadBrands} />
      <MembersSection workspaceId={workspace.id} isAdmin={isAdmin} myUserId={me.user.id} />
      <ServicesSection workspaceId={workspace.id} isAdmin={isAdmin} />
      <ConnectionsSection workspaceId={workspace.id} isAdmin={isAdmin} />
      <SavedRepliesSection workspaceId={workspace.id} canAct={canAct} />
      <PrivacySection workspaceId={workspace.id} isAdmin={isAdmin} />
      <ApiTokensSection
        workspaceId={workspace.id}
        role={role}
        timezone={workspace.timezone}
        workspaceNames={Object.fromEntries(workspaces.map((w) => [w.id, w.name]))}
      />
    </>
  );
}
