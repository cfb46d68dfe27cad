/** French labels of audit actions (unknown actions are shown as their code). */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "auth.sign_in": "Connexion",
  "auth.sign_in_refused": "Connexion refusée",
  "auth.sign_out": "Déconnexion",
  "user.invite": "Invitation",
  "user.role_granted": "Rôle attribué",
  "user.role_revoked": "Rôle retiré",
  "user.deactivate": "Compte désactivé",
  "user.reactivate": "Compte réactivé",
  "journee.create": "Journée créée",
  "journee.update": "Journée modifiée",
  "journee.publish": "Journée publiée",
  "journee.close": "Inscriptions closes",
  "journee.cancel": "Journée annulée",
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}
