import type { Metadata } from "next";

export const metadata: Metadata = { title: "Données personnelles" };

export default function DonneesPersonnellesPage() {
  return (
    <div className="prose">
      <h1>Données personnelles</h1>
      <p>
        Cette page explique quelles données sont recueillies lorsque vous vous inscrivez à une journée professionnelle
        du plan Logement d'abord, pourquoi, combien de temps elles sont conservées et comment exercer vos droits,
        conformément au règlement général sur la protection des données (RGPD) et à la loi « Informatique et libertés ».
      </p>

      <h2>Responsables du traitement</h2>
      <p>
        Les journées sont organisées ensemble par la Métropole Aix-Marseille-Provence, la DDETS des Bouches-du-Rhône et
        l'Unafo, qui déterminent ensemble les finalités et les moyens du traitement (responsables conjoints, article 26
        du RGPD). La répartition de leurs obligations est à formaliser par les partenaires avant la mise en service.
      </p>

      <h2>Données recueillies</h2>
      <p>Lors de l'inscription :</p>
      <ul>
        <li>votre identité : prénom et nom ;</li>
        <li>votre adresse e-mail professionnelle ;</li>
        <li>
          votre structure, son type (commune ou CCAS, bailleur social, association, services de l'État…), le réseau ou
          la fédération dont elle est membre si vous l'indiquez, et votre fonction ;
        </li>
        <li>la commune où vous exercez ;</li>
        <li>votre numéro de téléphone, si vous choisissez de le donner ;</li>
        <li>
          vos besoins d'accessibilité pour la journée, si vous choisissez de les indiquer. Ils ne servent qu'à préparer
          votre accueil et ne sont visibles que des organisateurs de la journée ;
        </li>
        <li>
          vos choix de demi-journées ou d'ateliers, et votre accord éventuel pour être invité aux prochaines journées.
        </li>
      </ul>
      <p>
        Le jour de la journée : l'heure de votre émargement, l'entrée utilisée et la façon dont il a été fait (billet,
        recherche par nom, inscription sur place). Les actions des organisateurs (émargements, exports) sont
        journalisées.
      </p>
      <p>
        Si la journée le demande, votre <strong>signature</strong> pour chaque demi-journée (à l'accueil sur l'appareil
        de l'agent, ou sur votre téléphone avec le code affiché dans la salle) : une petite image en noir et blanc, avec
        l'heure du serveur, l'appareil, l'adresse réseau et une empreinte qui rend toute modification détectable. Elle
        sert de preuve de présence sur la feuille d'émargement, n'est jamais écrite dans les journaux techniques, et est
        conservée et supprimée avec la preuve de présence. Si vous ne pouvez pas signer, l'agent atteste votre présence.
        Une absence justifiée est enregistrée avec son motif, supprimé avec la preuve.
      </p>
      <p>
        Pour signer dans la salle, vous pouvez demander à votre téléphone de{" "}
        <strong>se souvenir de votre billet</strong>: le lien de votre billet est alors gardé uniquement dans ce
        navigateur (stockage local, pas de cookie, rien n'est envoyé), jusqu'au lendemain de la journée, puis effacé. Le
        bouton « Oublier mon billet sur ce téléphone » l'efface à tout moment. Sans ce choix, rien n'est gardé sur le
        téléphone.
      </p>
      <h3>Réponses aux questions des organisateurs</h3>
      <p>
        Les organisateurs d'une journée peuvent ajouter leurs propres questions au formulaire (par exemple «
        Déjeunerez-vous sur place ? », « Régime alimentaire », « Comment venez-vous ? », le choix d'un atelier). Chaque
        question dit sous son intitulé pourquoi elle est posée, et n'est obligatoire que si le formulaire l'indique. Vos
        réponses servent uniquement à préparer la journée : commander les repas au traiteur, organiser le stationnement
        ou le covoiturage, répartir les ateliers. Les organisateurs en voient surtout des totaux ; la liste des régimes
        avec les noms, transmise au traiteur, n'est accessible qu'aux organisateurs de la journée et chaque
        téléchargement est journalisé.
      </p>
      <p>
        Un <strong>régime alimentaire</strong> peut révéler une information de santé (allergie, intolérance) : ne
        l'indiquez que si vous le souhaitez. Les réponses en texte libre et les régimes sont{" "}
        <strong>supprimés avec les données complètes</strong>, 6 mois après la journée ; les autres réponses (repas oui
        ou non, moyen de transport, atelier) ne restent que pour les totaux de la journée.
      </p>

      <h2>Finalités</h2>
      <ul>
        <li>organiser la journée : inscription, confirmation, billet, liste d'attente, accueil et émargement ;</li>
        <li>attester votre présence : feuille d'émargement et attestation de présence ;</li>
        <li>
          rendre compte du plan Logement d'abord : statistiques de participation par type de structure, par réseau et
          par commune, publiées uniquement sous forme agrégée ;
        </li>
        <li>vous inviter aux prochaines journées, seulement si vous l'avez accepté.</li>
      </ul>

      <h2>Base légale</h2>
      <ul>
        <li>
          l'organisation des journées, l'émargement et le suivi du plan relèvent d'une{" "}
          <strong>mission d'intérêt public</strong> (article 6, paragraphe 1, point e, du RGPD) ;
        </li>
        <li>
          les invitations aux prochaines journées et les besoins d'accessibilité reposent sur votre{" "}
          <strong>consentement</strong>, que vous pouvez retirer à tout moment sans conséquence sur votre inscription.
        </li>
      </ul>

      <h2>Destinataires</h2>
      <p>
        Seules les personnes habilitées des trois partenaires accèdent aux données : les organisateurs de la journée et,
        le jour même, les agents d'accueil, qui ne voient que ce qui est utile à l'émargement. L'hébergeur du service
        agit comme sous-traitant. Les données ne sont ni vendues ni cédées, et ne servent à aucune autre fin.
      </p>

      <h2>Durées de conservation</h2>
      <ul>
        <li>
          <strong>données complètes</strong> de l'inscription, y compris les régimes alimentaires et les réponses en
          texte libre aux questions des organisateurs : jusqu'à la journée, puis 6 mois après celle-ci ;
        </li>
        <li>
          <strong>preuve de présence</strong> (identité, structure, journée, émargement, signatures) : 3 ans, pour les
          attestations et le contrôle de l'utilisation des financements publics ;
        </li>
        <li>
          ensuite, seules des <strong>statistiques agrégées</strong>, qui ne permettent plus de vous identifier, sont
          conservées ;
        </li>
        <li>
          votre accord pour recevoir des invitations vaut jusqu'à ce que vous le retiriez, et au plus 6 mois après la
          journée : votre adresse e-mail n'est pas conservée au-delà.
        </li>
      </ul>

      <h2>Sécurité</h2>
      <p>
        Les billets et les liens de gestion de l'inscription ne peuvent pas être devinés et ne sont conservés que sous
        forme d'empreintes. L'accès des organisateurs est nominatif et journalisé.
      </p>

      <h2>Vos droits</h2>
      <p>
        Vous disposez d'un droit d'<strong>accès</strong>, de <strong>rectification</strong>, d'
        <strong>effacement</strong>, d'<strong>opposition</strong> et de <strong>limitation</strong> du traitement de
        vos données, ainsi que du droit de retirer votre consentement. Le lien de gestion reçu dans l'e-mail de
        confirmation vous permet de modifier ou d'annuler votre inscription à tout moment avant la journée.
      </p>
      <p>
        Pour exercer vos droits, écrivez à <a href="mailto:dpo@emarge.example.org">dpo@emarge.example.org</a>{" "}
        <strong>(adresse provisoire, à remplacer par l'exploitant lors du déploiement)</strong>.
      </p>
      <p>
        Si vous estimez, après nous avoir contactés, que vos droits ne sont pas respectés, vous pouvez adresser une
        réclamation à la Commission nationale de l'informatique et des libertés (CNIL), sur cnil.fr.
      </p>
    </div>
  );
}
