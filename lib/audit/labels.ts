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
  "registration.staff_cancel": "Inscription annulée par l'équipe",
  "registration.staff_update": "Inscription modifiée par l'équipe",
  "registration.staff_promote": "Inscription confirmée depuis la liste d'attente",
  "registration.resend_ticket": "Billet renvoyé",
  "message.send": "Message envoyé aux inscrits",
  "message.reminder": "Rappel envoyé aux inscrits",
  "checkin.ok": "Émargement",
  "checkin.undo": "Émargement annulé",
  "checkin.walk_in": "Inscription sur place",
  "checkin.walk_in_over_capacity": "Inscription sur place au-delà de la jauge",
  "checkin.late_sync": "Scan hors ligne reçu après la fermeture de l'accueil",
  "checkin.offline_conflict": "Conflit hors ligne : présence rattachée au scan le plus ancien",
  "attestation.telechargement": "Attestation téléchargée",
  "attestations.envoi": "Attestations envoyées",
  "person.erased": "Personne effacée (RGPD)",
  "retention.run": "Durées de conservation appliquées",
  "ops.backup": "Sauvegarde",
};

export function auditActionLabel(action: string): string {
  if (action.startsWith("export.")) return `Export (${action.slice("export.".length)})`;
  return AUDIT_ACTION_LABELS[action] ?? action;
}
