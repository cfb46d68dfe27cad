import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Mentions légales" };

export default function MentionsLegalesPage() {
  return (
    <div className="prose">
      <h1>Mentions légales</h1>

      <h2>Éditeur</h2>
      <p>
        Émarge est le service d'inscription, d'émargement et de suivi de présence des journées professionnelles du plan
        Logement d'abord dans les Bouches-du-Rhône. Il est édité conjointement par les trois partenaires qui organisent
        ces journées :
      </p>
      <ul>
        <li>
          la <strong>Métropole Aix-Marseille-Provence</strong>, compétente en matière de politique de l'habitat sur ses
          92 communes ;
        </li>
        <li>
          la{" "}
          <strong>
            Direction départementale de l'emploi, du travail et des solidarités (DDETS) des Bouches-du-Rhône
          </strong>
          , service de l'État placé sous l'autorité du préfet, qui finance le plan et en rend compte ;
        </li>
        <li>
          l'<strong>Unafo</strong>, union professionnelle du logement accompagné, qui apporte son expertise et anime les
          journées.
        </li>
      </ul>
      <p>
        <strong>Directeur ou directrice de la publication :</strong> à désigner par les partenaires. Cette mention,
        ainsi que les coordonnées postales et téléphoniques de l'éditeur, est à compléter par l'exploitant lors du
        déploiement.
      </p>

      <h2>Hébergement</h2>
      <p>
        <strong>À compléter par l'exploitant lors du déploiement :</strong> nom, adresse et numéro de téléphone de
        l'hébergeur, comme l'exige la loi n° 2004-575 du 21 juin 2004 pour la confiance dans l'économie numérique. Tant
        que cette mention n'est pas renseignée, ce site ne doit être utilisé qu'à des fins de démonstration ou de test.
      </p>

      <h2>Cookies</h2>
      <p>
        Les pages publiques ne déposent aucun cookie de mesure d'audience ni de publicité, et ne font appel à aucun
        service tiers (polices, statistiques, réseaux sociaux). Les espaces réservés aux organisateurs utilisent un
        cookie de session, strictement nécessaire à la connexion, qui n'exige pas de consentement.
      </p>

      <h2>Données personnelles</h2>
      <p>
        Le traitement des données recueillies lors de l'inscription est décrit sur la page{" "}
        <Link href="/donnees-personnelles">Données personnelles</Link>.
      </p>

      <h2>Accessibilité</h2>
      <p>
        L'état de conformité du service et les moyens de nous signaler une difficulté figurent dans la{" "}
        <Link href="/accessibilite">déclaration d'accessibilité</Link>.
      </p>
    </div>
  );
}
