import type { Metadata } from "next";

export const metadata: Metadata = { title: "Déclaration d'accessibilité" };

export default function AccessibilitePage() {
  return (
    <div className="prose">
      <h1>Déclaration d'accessibilité</h1>
      <p>
        La Métropole Aix-Marseille-Provence, la DDETS des Bouches-du-Rhône et l'Unafo s'engagent à rendre Émarge
        accessible à toutes et à tous, conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005. Cette
        déclaration s'applique au site public d'Émarge (programme, pages des journées, inscription, gestion de
        l'inscription) et aux espaces des organisateurs.
      </p>

      <h2>État de conformité</h2>
      <p>
        Émarge est <strong>non conforme</strong> avec le référentiel général d'amélioration de l'accessibilité (RGAA),
        version 4.1 : c'est la mention que le RGAA impose tant qu'aucun audit de conformité n'a été réalisé. Le site est
        conçu et testé pour respecter les critères WCAG 2.1 A et AA ; le taux de conformité sera publié ici à l'issue de
        l'audit.
      </p>

      <h2>Tests réalisés</h2>
      <ul>
        <li>
          tests automatisés avec l'outil axe (critères WCAG 2.1 de niveaux A et AA) sur chaque page publique, y compris
          sur un écran de 320 pixels de large, dans la suite de tests automatisés du projet ;
        </li>
        <li>vérification de la navigation au clavier : lien d'évitement vers le contenu, focus visible ;</li>
        <li>
          contrastes de couleurs choisis pour atteindre au moins le niveau AA ; les statuts sont toujours écrits en
          toutes lettres, jamais signalés par la seule couleur.
        </li>
      </ul>
      <p>
        Ces tests ne remplacent pas un audit : ils ne couvrent ni les lecteurs d'écran ni l'ensemble des critères du
        RGAA.
      </p>

      <h2>Technologies utilisées</h2>
      <p>HTML, CSS et JavaScript.</p>

      <h2>Environnement de test</h2>
      <p>Navigateur Chromium, en largeur d'écran de 320 pixels et en affichage de bureau.</p>

      <h2>Contenus non accessibles connus</h2>
      <p>
        À l'accueil des journées, la lecture du code QR du billet demande une caméra. Les organisateurs peuvent toujours
        retrouver une personne par son nom : le billet n'est jamais indispensable pour entrer.
      </p>

      <h2>Retour d'information et contact</h2>
      <p>
        Si vous n'arrivez pas à accéder à un contenu ou à un service, vous pouvez nous écrire pour être orienté vers une
        alternative accessible ou obtenir le contenu sous une autre forme :{" "}
        <a href="mailto:dpo@emarge.example.org">dpo@emarge.example.org</a> (adresse provisoire, à remplacer par
        l'exploitant lors du déploiement). Vous pouvez aussi indiquer vos besoins d'accessibilité pour la journée dans
        le formulaire d'inscription.
      </p>

      <h2>Voies de recours</h2>
      <p>
        Si vous avez signalé un défaut d'accessibilité qui vous empêche d'accéder à un contenu ou à un service et que
        vous n'avez pas obtenu de réponse satisfaisante, vous pouvez saisir le Défenseur des droits :
      </p>
      <ul>
        <li>par le formulaire de contact en ligne du Défenseur des droits (defenseurdesdroits.fr) ;</li>
        <li>en contactant le délégué ou la déléguée du Défenseur des droits dans votre département ;</li>
        <li>
          par courrier gratuit, sans affranchissement : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.
        </li>
      </ul>

      <p>Déclaration établie le 26 novembre 2026.</p>
    </div>
  );
}
