"""The French texts and data of the demo site, as plain Python structures.

Facts come from ``../shared/content-brief.md``; the missions page follows
``../shared/seed/missions-fr.txt`` (a faithful copy of its structure is kept in
``MISSIONS`` for when the seed file is not there). Wherever a figure is given,
it says the year it was true. No real person is named; dates other than the
deadlines the brief gives are illustrative.

Bodies are written in a small vocabulary that ``home.demo.builder`` turns into
StreamField data:

- ``("h2", text)`` / ``("h3", text)``: a heading;
- ``("p", text)``: a paragraph of plain text (escaped when rendered, so no links:
  addresses are written out);
- ``("ul", [items])``: a bulleted list;
- ``("figures", heading, [(value, label, as_of)])``: key figures;
- ``("steps", heading, [(title, text)])``: process steps;
- ``("faq", heading, [(question, answer)])``: an accordion;
- ``("quote", text, attribution)``: a quotation;
- ``("cta", title, text, link_label, page_key)``: a call to action to a demo page.
"""

ASSOCIATION = "Association des Centres culturels de rencontre"
SITE_NAME = "Centres culturels de rencontre"
SEAT = "Hôtel de Massa, 38 rue du Faubourg Saint-Jacques, 75014 Paris"
SEAT_LINES = "Hôtel de Massa\n38 rue du Faubourg Saint-Jacques\n75014 Paris"
IMAGE_CREDIT = "Illustration générée pour la démonstration"
MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
# The association's domain, as in the site's sender address (DEFAULT_FROM_EMAIL).
ACCESSIBILITY_EMAIL = "accessibilite@accr-europe.org"
DEFENSEUR_FORM_URL = "https://formulaire.defenseurdesdroits.fr/"
DEFENSEUR_DELEGATES_URL = "https://www.defenseurdesdroits.fr/saisir/delegues"

# --- Taxonomies ------------------------------------------------------------------------------

THEMES = [
    ("musique", "Musique"),
    ("arts-visuels", "Arts visuels"),
    ("litterature-ecriture", "Littérature et écriture"),
    ("spectacle-vivant", "Spectacle vivant"),
    ("danse", "Danse"),
    ("patrimoine", "Patrimoine"),
    ("recherche", "Recherche"),
    ("arts-numeriques", "Arts numériques"),
    ("jardins-paysage", "Jardins et paysage"),
    ("mediation-culturelle", "Médiation culturelle"),
    ("gestion-culturelle", "Gestion culturelle"),
]

NEWS_CATEGORIES = [
    ("vie-du-reseau", "Vie du réseau"),
    ("residences", "Résidences"),
    ("appels", "Appels à candidatures"),
    ("plaidoyer", "Plaidoyer"),
    ("international", "International"),
]

# --- Home page -------------------------------------------------------------------------------

HOME = {
    "slug": "accueil",
    "title": "Accueil",
    "hero_title": "Des monuments habités par la création",
    "hero_text": (
        "Abbayes, châteaux, salines, prieurés : les Centres culturels de rencontre donnent "
        "aux sites patrimoniaux un projet culturel, avec des résidences d'artistes et de "
        "chercheurs, des rencontres et des programmes ouverts à tous les publics."
    ),
    "hero_link_label": "Découvrir le label CCR",
    "network_heading": "Un réseau en France et dans le monde",
    "network_text": (
        "Environ 23 centres labellisés en France et une vingtaine de membres à l'étranger "
        "(chiffres 2024) partagent une même charte, adoptée à Dublin en 1991 et amendée au "
        "Grand-Hornu en 2000."
    ),
}

# --- Missions (from ../shared/seed/missions-fr.txt) ----------------------------------------------

MISSIONS = {
    "slug": "missions",
    "title": "Les missions",
    "intro": (
        "L’Association des Centres culturels de rencontre a été créée pour animer et coordonner "
        "l’action des CCR. Elle a été reconnue d’utilité publique en 1983. Elle a également "
        "l’ambition de développer dans le monde le réseau des Centres culturels de rencontre, "
        "favorisant ainsi leur rayonnement régional, national et mondial à partir de leur "
        "enracinement local."
    ),
    "sections": [
        (
            "Accompagner et conseiller",
            [
                "L’ACCR a pour mission d’accompagner ses membres dans l’ingénierie, le montage "
                "et le suivi du projet culturel.",
            ],
        ),
        (
            "Animer & informer",
            [
                "L’ACCR élabore chaque année un programme de réunions techniques et de rencontres "
                "thématiques afin d’aborder de manière collective, avec ses membres, les "
                "évolutions des enjeux culturels, patrimoniaux, économiques, juridiques et des "
                "nouvelles technologies. Des sessions d’information permettent de partager les "
                "tendances liées aux champs transversaux qui les concernent (élargissement des "
                "publics, stratégies de communication et de marketing, culture et tourisme, etc.)",
            ],
        ),
        (
            "Coordonner & convaincre",
            [
                "L’ACCR initie et coordonne des actions communes afin de mettre en synergie les "
                "projets de chaque CCR et de leur donner une plus grande résonance. Elle offre le "
                "cadre de rencontre et échange pour faire émerger des projets communs et la "
                "coopération entre les membres. L’association met en place une communication "
                "commune, mutualise les compétences et ressources et déploie des outils de "
                "plaidoyer pour ses membres et le label «\u00a0CCR\u00a0». "
                "À travers la coordination du label français et du réseau international, "
                "elle agit pour la promotion du pluralisme culturel.",
            ],
        ),
        (
            "Défendre et représenter",
            [
                "L’ACCR représente ses membres dans les instances nationales, européennes et "
                "internationales. Elle défend le concept de Centre culturel de rencontre, les "
                "valeurs et les intérêts des membres du réseau auprès des institutions, des élus, "
                "des professionnels, des artistes et des partenaires.",
            ],
        ),
        (
            "Développer & rayonner",
            [
                "Lien entre les territoires à différentes échelles, l’ACCR contribue à la "
                "réflexion sur les politiques publiques avec les collectivités, le Ministère et "
                "dans toute l’Europe à travers sa participation à plusieurs organismes. Elle "
                "participe aux plateformes de dialogue structuré et développe des collaborations "
                "et partenariats avec des réseaux culturels, aux niveaux national et mondial.",
                "L’ACCR est constamment à la recherche de projets innovants de réutilisation "
                "culturelle du patrimoine afin de développer le dialogue interculturel au sein du "
                "réseau et d’en élargir la couverture géographique (hors France). L’ACCR "
                "conseille également les porteurs de projets dans le montage de leur projet et "
                "les soutient dans leur procédure de candidature.",
            ],
        ),
        (
            "Gérer des programmes & des projets",
            [
                "Avec le soutien du Ministère de la Culture français, l’ACCR gère depuis 2003 le "
                "programme de résidence « Odyssée\u00a0» destiné aux chercheurs, artistes et "
                "gestionnaires culturels étrangers. Depuis 2016, l’ACCR coordonne également le "
                "programme de résidence «\u00a0NORA\u00a0», qui s’adresse à des artistes, "
                "chercheurs, professionnels de la culture, réfugiés de pays en conflit ouvert "
                "et arrivés récemment en exil en France. Enfin, elle met également en œuvre des "
                "programmes d’urgence avec le Ministère tels que Nouvelle Orléans, Haïti, Liban…",
            ],
        ),
        (
            "Partager des ressources & des connaissances",
            [
                "Véritable observatoire des CCR et du label, l’ACCR réunit annuellement des "
                "statistiques et documents qui lui permettent d’avoir une vue d’ensemble de la "
                "vie du réseau. Elle réalise également des études qui dégagent des points de "
                "convergence, des enjeux et perspectives prenant en compte les différents "
                "contextes et territoires. Pour ses membres, l’ACCR est aussi un lieu ressource. "
                "Lien entre leurs différentes programmations, elle diffuse les initiatives "
                "exemplaires et les innovations. Elle joue un rôle de veille des politiques "
                "culturelles françaises et européennes.",
            ],
        ),
    ],
}

KEY_FIGURES = (
    "Le réseau en chiffres",
    [
        ("1973", "création de l'association", ""),
        ("1983", "reconnaissance d'utilité publique", ""),
        ("23", "centres labellisés en France (environ)", "2024"),
        ("20", "membres à l'étranger (environ)", "2024"),
        ("près de 800", "résidents Odyssée depuis 2003, venus de 84 pays", "2024"),
        ("70+", "anciens résidents du programme NORA", "2024"),
    ],
)

# --- Other standard pages ------------------------------------------------------------------
# "section": the slug of the standard page they are under (the association's pages are
# under the missions page, whose section navigation links them); else the home page.

STANDARD_PAGES = [
    {
        "slug": "gouvernance",
        "section": "missions",
        "title": "Gouvernance",
        "intro": (
            "L'Association des Centres culturels de rencontre, fondée en 1973, est une association "
            "reconnue d'utilité publique depuis 1983. Cette page décrit de façon générale le rôle "
            "de ses instances."
        ),
        "body": [
            ("h2", "L'assemblée générale"),
            (
                "p",
                "L'assemblée générale réunit les membres de l'association. Elle approuve le "
                "rapport d'activité et les comptes, débat des orientations et élit les "
                "administrateurs.",
            ),
            ("h2", "Le conseil d'administration"),
            (
                "p",
                "Le conseil d'administration, où siègent des représentants des centres membres, "
                "arrête le programme d'action et le budget et suit la conduite des programmes de "
                "résidence.",
            ),
            ("h2", "Le bureau"),
            (
                "p",
                "Élu par le conseil d'administration, le bureau assure la conduite courante de "
                "l'association entre deux réunions du conseil, avec l'équipe permanente.",
            ),
            ("h2", "Le réseau international"),
            (
                "p",
                "Le réseau international suit une charte adoptée à Dublin en 1991 et amendée au "
                "Grand-Hornu en 2000. Le réseau européen se réunit une fois par an sous une "
                "présidence tournante, assurée par le passé notamment par Schloss Solitude "
                "(Allemagne), Casa de Mateus (Portugal), Alden Biesen (Belgique), le château "
                "d'Ujazdowski (Pologne), le Grand-Hornu (Belgique) et Suomenlinna (Finlande).",
            ),
            (
                "p",
                "Texte de présentation générale, donné à titre d'illustration : les statuts de "
                "l'association font foi.",
            ),
        ],
    },
    {
        "slug": "equipe",
        "section": "missions",
        "title": "Équipe",
        "intro": (
            "L'équipe permanente de l'association travaille au siège, à l'Hôtel de Massa à Paris. "
            "Elle est présentée ici par fonctions."
        ),
        "body": [
            ("h2", "Délégation générale"),
            (
                "p",
                "Met en œuvre les orientations du conseil d'administration, représente "
                "l'association auprès des institutions et coordonne l'équipe.",
            ),
            ("h2", "Programmes de résidence"),
            (
                "p",
                "Prépare et publie les appels Odyssée et NORA, organise la sélection, accompagne "
                "les résidents et les centres qui les accueillent.",
            ),
            ("h2", "Réseau et développement international"),
            (
                "p",
                "Accompagne les membres, conseille les porteurs de projet en France et à "
                "l'étranger et assure le lien avec le réseau européen.",
            ),
            ("h2", "Communication et ressources"),
            (
                "p",
                "Publie les actualités et les positions de l'association, coordonne leurs "
                "traductions et fait vivre l'observatoire du réseau.",
            ),
            ("h2", "Administration et finances"),
            ("p", "Assure la gestion administrative, budgétaire et comptable de l'association."),
            (
                "p",
                f"Pour écrire à l'équipe : {ASSOCIATION}, {SEAT}.",
            ),
        ],
    },
    {
        "slug": "partenaires",
        "section": "missions",
        "title": "Partenaires",
        "intro": (
            "Les actions de l'association sont menées avec des partenaires publics, au premier "
            "rang desquels le Ministère de la Culture."
        ),
        "body": [
            ("h2", "Ministère de la Culture"),
            (
                "p",
                "Le Ministère de la Culture soutient le programme de résidence Odyssée depuis sa "
                "création en 2003. Les programmes d'urgence de l'association (Nouvelle-Orléans, "
                "Haïti, Liban) sont mis en œuvre avec lui.",
            ),
            ("h2", "Les partenaires des centres"),
            (
                "p",
                "Chaque centre construit son projet avec ses propres partenaires, en particulier "
                "les collectivités de son territoire.",
            ),
            ("h2", "Les réseaux culturels"),
            (
                "p",
                "L'association participe à plusieurs organismes et plateformes de dialogue "
                "structuré en Europe et développe des partenariats avec des réseaux culturels, "
                "aux niveaux national et mondial.",
            ),
            (
                "cta",
                "Les programmes soutenus",
                "Odyssée, NORA et les programmes d'urgence.",
                "Voir les programmes",
                "programmes",
            ),
        ],
    },
    {
        "slug": "accessibilite",
        "title": "Déclaration d'accessibilité",
        "intro": (
            "L'Association des Centres culturels de rencontre s'engage à rendre son site internet "
            "accessible, conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005. "
            "Cette déclaration d'accessibilité s'applique au portail des Centres culturels de "
            "rencontre."
        ),
        "body": [
            ("h2", "État de conformité"),
            (
                "p",
                "Le portail des Centres culturels de rencontre est non conforme avec le RGAA 4.1 "
                "(référentiel général d'amélioration de l'accessibilité) : aucun audit n'a encore "
                "été réalisé. Un audit est prévu ; ses résultats seront publiés sur cette page.",
            ),
            ("h2", "Résultats des tests"),
            (
                "p",
                "Aucun audit de conformité au RGAA n'a encore été réalisé : le taux de conformité "
                "du portail n'est donc pas connu. En attendant, le portail fait l'objet des "
                "vérifications suivantes :",
            ),
            (
                "ul",
                [
                    "des tests automatiques avec axe-core dans le navigateur Chromium, sur les "
                    "neuf principaux types de pages (accueil, annuaire du réseau, page d'un "
                    "centre, programme, appel à candidatures, page des appels, actualité, "
                    "résultats de recherche, formulaire de demande de renseignements), en "
                    "français et en arabe : aucune anomalie d'impact « grave » ou « critique » "
                    "n'est admise ;",
                    "des tests au clavier seul : lien d'évitement, menu, sélecteur de langue, "
                    "suggestions de recherche, carte de l'annuaire et liste des centres, messages "
                    "d'erreur du formulaire ;",
                    "aucun test n'a encore été mené avec un lecteur d'écran.",
                ],
            ),
            ("h2", "Contenus non accessibles"),
            (
                "p",
                "La liste des contenus non accessibles sera établie par l'audit. En attendant, "
                "les points suivants sont connus :",
            ),
            (
                "ul",
                [
                    "la carte de l'annuaire du réseau n'est pas entièrement accessible ; la liste "
                    "des centres, placée après le lien « Passer la carte », donne les mêmes "
                    "informations ;",
                    "certains documents PDF anciens peuvent ne pas être structurés ;",
                    "certaines images peuvent manquer d'une description adaptée.",
                ],
            ),
            ("h2", "Établissement de cette déclaration"),
            (
                "p",
                "Cette déclaration a été établie le 25 novembre 2026. Technologies utilisées : "
                "HTML, CSS, et JavaScript pour quelques fonctions facultatives.",
            ),
            ("h2", "Retour d'information et contact"),
            (
                "p",
                "Si vous n'arrivez pas à accéder à un contenu ou à un service, vous pouvez "
                "contacter l'association pour être orienté vers une alternative accessible ou "
                "obtenir le contenu sous une autre forme :",
            ),
            (
                "ul",
                [
                    f"par courriel : {ACCESSIBILITY_EMAIL} ;",
                    f"par courrier : {ASSOCIATION}, {SEAT}.",
                ],
            ),
            (
                "p",
                "Précisez la page concernée, le problème rencontré et, si vous le souhaitez, le "
                "navigateur et les aides techniques que vous utilisez.",
            ),
            ("h2", "Voies de recours"),
            (
                "p",
                "Cette procédure est à utiliser dans le cas suivant : vous avez signalé au "
                "responsable du site un défaut d'accessibilité qui vous empêche d'accéder à un "
                "contenu ou à un des services du portail et vous n'avez pas obtenu de réponse "
                "satisfaisante. Vous pouvez alors :",
            ),
            (
                "ul",
                [
                    "écrire un message au Défenseur des droits, par son formulaire en ligne : "
                    f"{DEFENSEUR_FORM_URL} ;",
                    "contacter le délégué du Défenseur des droits dans votre région ; la liste "
                    f"des délégués est en ligne : {DEFENSEUR_DELEGATES_URL} ;",
                    "envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) : "
                    "Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.",
                ],
            ),
        ],
    },
    {
        "slug": "mentions-legales",
        "title": "Mentions légales",
        "intro": f"Informations légales relatives au portail des {SITE_NAME}.",
        "body": [
            ("h2", "Éditeur"),
            (
                "p",
                f"{ASSOCIATION} (ACCR), association fondée en janvier 1973 et reconnue d'utilité "
                "publique en 1983.",
            ),
            ("p", f"Siège : {SEAT}."),
            ("h2", "Direction de la publication"),
            (
                "p",
                "La direction de la publication est assurée par la personne qui préside "
                "l'association.",
            ),
            ("h2", "Hébergement"),
            (
                "p",
                "Les coordonnées de l'hébergeur seront indiquées ici lors de la mise en ligne du "
                "portail.",
            ),
            ("h2", "Propriété intellectuelle"),
            (
                "p",
                "Les textes du portail appartiennent à l'association ou à leurs auteurs. Les "
                "illustrations de cette version de démonstration ont été générées "
                "automatiquement ; les crédits de chaque image sont indiqués sous celle-ci.",
            ),
            ("h2", "Données personnelles"),
            (
                "p",
                "Le portail ne publie pas le nom des résidents sans leur accord. Conformément au "
                "règlement général sur la protection des données, vous disposez d'un droit "
                "d'accès, de rectification et d'effacement des données qui vous concernent, que "
                "vous pouvez exercer en écrivant au siège de l'association.",
            ),
        ],
    },
]

# --- The network -----------------------------------------------------------------------------

NETWORK = {
    "slug": "reseau",
    "title": "Le réseau",
    "intro": [
        "Les Centres culturels de rencontre sont des sites patrimoniaux qui ont reçu un projet "
        "culturel : résidences d'artistes et de chercheurs, recherche, programmes ouverts aux "
        "publics. On en compte environ 23 labellisés en France et une vingtaine à l'étranger "
        "(chiffres 2024) ; certaines présentations parlent de 45 membres et partenaires.",
        "Les centres présentés ici sont un échantillon du réseau.",
    ],
}

CENTRE_RESIDENCIES = (
    "Comme les autres membres du réseau, le centre accueille des artistes, des chercheurs et des "
    "professionnels de la culture en résidence, et ouvre le site à ses publics par des "
    "rencontres, des visites et des ateliers."
)
CENTRE_LABEL = (
    "Le centre porte le label « Centre culturel de rencontre », attribué en France par l'État."
)
CENTRE_INTERNATIONAL = (
    "Le centre est membre du réseau international des Centres culturels de rencontre, qu'il a "
    "rejoint par cooptation."
)

# Practical information for residents. Facts about each site's access are not in the
# brief, so the demo says what every centre does rather than inventing itineraries.
CENTRE_LANGUAGES = {
    "FR": "français, anglais",
    "LU": "luxembourgeois, français, allemand, anglais",
    "AU": "anglais",
    "BJ": "français",
    "TN": "arabe, français",
    "CA": "français, anglais",
}
CENTRE_ACCESSIBILITY = (
    "Les bâtiments historiques ne sont pas tous accessibles de plain-pied. Le centre indique "
    "à chaque résident les espaces de travail et d'hébergement adaptés, et prépare son accueil "
    "avec lui avant l'arrivée."
)
CENTRE_GETTING_THERE = (
    "Le centre envoie à chaque résident l'itinéraire depuis la gare ou l'aéroport le plus "
    "proche et organise, si besoin, l'accueil à l'arrivée."
)

CENTRES = [
    {
        "slug": "ambronay",
        "title": "Centre culturel de rencontre d'Ambronay",
        "heritage_site": "Abbaye d'Ambronay",
        "town": "Ambronay",
        "region": "Ain, Auvergne-Rhône-Alpes",
        "country": "FR",
        "coordinates": ("46.005300", "5.361400"),
        "themes": ["musique", "spectacle-vivant", "patrimoine"],
        "summary": (
            "Installé dans une ancienne abbaye bénédictine de l'Ain, le centre d'Ambronay fait "
            "de la musique, en particulier de la musique ancienne et baroque, le cœur de son "
            "projet."
        ),
        "history": (
            "L'abbaye d'Ambronay est un ancien monastère bénédictin dont l'église et le cloître "
            "témoignent de plusieurs siècles de vie monastique."
        ),
        "project": (
            "Festival, résidences de jeunes ensembles, transmission et actions auprès des "
            "habitants : le projet relie le monument et la création musicale."
        ),
    },
    {
        "slug": "chateau-de-goutelas",
        "title": "Château de Goutelas",
        "heritage_site": "Château de Goutelas",
        "town": "Marcoux",
        "region": "Loire, Auvergne-Rhône-Alpes",
        "country": "FR",
        "coordinates": ("45.705000", "4.000300"),
        "themes": ["patrimoine", "recherche", "mediation-culturelle"],
        "summary": (
            "Château Renaissance du Forez relevé de ses ruines par des bénévoles à partir des "
            "années 1960, Goutelas développe un projet autour de l'humanisme, du droit et de la "
            "création."
        ),
        "history": (
            "Le château, bâti sur une ancienne maison forte, a été restauré par le travail de "
            "nombreux bénévoles avant d'être confié à la collectivité."
        ),
        "project": (
            "Résidences, journées d'étude et ateliers croisent la réflexion sur le droit et les "
            "pratiques artistiques, avec les habitants du territoire."
        ),
    },
    {
        "slug": "saline-royale-arc-et-senans",
        "title": "Saline royale d'Arc-et-Senans",
        "heritage_site": "Saline royale",
        "town": "Arc-et-Senans",
        "region": "Doubs, Bourgogne-Franche-Comté",
        "country": "FR",
        "coordinates": ("47.033900", "5.775300"),
        "themes": ["patrimoine", "jardins-paysage", "arts-visuels"],
        "summary": (
            "Ancienne manufacture royale de sel du XVIIIe siècle, la Saline royale "
            "d'Arc-et-Senans accueille expositions, jardins, séminaires et résidences."
        ),
        "history": (
            "La Saline royale est une manufacture du XVIIIe siècle dont l'architecture en arc "
            "de cercle est inscrite au patrimoine mondial de l'UNESCO."
        ),
        "project": (
            "Le projet explore l'architecture, le paysage et l'utopie, par des expositions, des "
            "jardins et l'accueil de résidents."
        ),
    },
    {
        "slug": "prieure-la-charite-sur-loire",
        "title": "Prieuré de La Charité-sur-Loire",
        "heritage_site": "Prieuré de La Charité-sur-Loire",
        "town": "La Charité-sur-Loire",
        "region": "Nièvre, Bourgogne-Franche-Comté",
        "country": "FR",
        "coordinates": ("47.178900", "3.017500"),
        "themes": ["litterature-ecriture", "patrimoine", "mediation-culturelle"],
        "summary": (
            "Dans l'ancien prieuré clunisien de La Charité-sur-Loire, le centre consacre son "
            "projet aux mots, à la langue et à l'écriture sous toutes leurs formes."
        ),
        "history": (
            "Le prieuré est un ancien établissement clunisien au bord de la Loire, dont les "
            "bâtiments ont connu de nombreux usages au fil des siècles."
        ),
        "project": (
            "Résidences d'écriture, lectures, ateliers et rencontres font du prieuré un lieu "
            "consacré à la langue et à ses usages."
        ),
    },
    {
        "slug": "abbaye-de-noirlac",
        "title": "Abbaye de Noirlac",
        "heritage_site": "Abbaye de Noirlac",
        "town": "Bruère-Allichamps",
        "region": "Cher, Centre-Val de Loire",
        "country": "FR",
        "coordinates": ("46.744700", "2.463600"),
        "themes": ["musique", "patrimoine", "mediation-culturelle"],
        "summary": (
            "Abbaye cistercienne du Cher, Noirlac fait de l'écoute, du son et de la musique le "
            "fil de son projet artistique."
        ),
        "history": (
            "Noirlac est une abbaye cistercienne dont l'architecture dépouillée est propice à "
            "l'écoute."
        ),
        "project": (
            "Concerts, créations sonores et résidences invitent le public à découvrir le "
            "monument par l'écoute."
        ),
    },
    {
        "slug": "domaine-de-chaumont-sur-loire",
        "title": "Domaine de Chaumont-sur-Loire",
        "heritage_site": "Château et domaine de Chaumont-sur-Loire",
        "town": "Chaumont-sur-Loire",
        "region": "Loir-et-Cher, Centre-Val de Loire",
        "country": "FR",
        "coordinates": ("47.480300", "1.183600"),
        "themes": ["jardins-paysage", "arts-visuels", "patrimoine"],
        "summary": (
            "Au bord de la Loire, le domaine de Chaumont-sur-Loire associe un château, un parc, "
            "un festival international des jardins et un centre d'arts et de nature."
        ),
        "history": (
            "Le domaine réunit un château dominant la Loire, ses dépendances et un vaste parc."
        ),
        "project": (
            "Création paysagère, expositions d'art contemporain et résidences d'artistes "
            "dialoguent avec le monument et son parc."
        ),
    },
    {
        "slug": "aria-corse",
        "title": "L'ARIA",
        "heritage_site": "Villages du Giussani",
        "town": "Olmi-Cappella",
        "region": "Haute-Corse, Corse",
        "country": "FR",
        "coordinates": ("42.549700", "9.035600"),
        "themes": ["spectacle-vivant", "mediation-culturelle", "jardins-paysage"],
        "summary": (
            "En Haute-Corse, dans la vallée du Giussani, l'ARIA mène un projet d'éducation "
            "populaire et de formation par la création théâtrale, entre théâtre et nature."
        ),
        "history": (
            "Le projet s'est construit avec les villages de la vallée du Giussani, dont il a "
            "réhabilité des bâtiments anciens."
        ),
        "project": (
            "Stages, rencontres de théâtre et résidences ont lieu au cœur des villages et de la "
            "montagne, avec les habitants."
        ),
    },
    {
        "slug": "dominicains-de-haute-alsace",
        "title": "Les Dominicains de Haute-Alsace",
        "heritage_site": "Couvent des Dominicains",
        "town": "Guebwiller",
        "region": "Haut-Rhin, Grand Est",
        "country": "FR",
        "coordinates": ("47.910000", "7.210000"),
        "themes": ["musique", "arts-numeriques", "patrimoine"],
        "summary": (
            "Dans un ancien couvent dominicain de Guebwiller, le centre associe musique, "
            "création numérique et expériences immersives."
        ),
        "history": (
            "L'ancien couvent des Dominicains conserve une église et des bâtiments conventuels "
            "au cœur de Guebwiller."
        ),
        "project": (
            "Concerts, résidences et créations numériques font dialoguer les musiques et les "
            "nouvelles technologies avec le monument."
        ),
    },
    {
        "slug": "chartreuse-de-neuville",
        "title": "Chartreuse de Neuville",
        "heritage_site": "Chartreuse Notre-Dame-des-Prés",
        "town": "Neuville-sous-Montreuil",
        "region": "Pas-de-Calais, Hauts-de-France",
        "country": "FR",
        "coordinates": ("50.473300", "1.779400"),
        "year_labelled": 2016,
        "themes": ["patrimoine", "recherche", "arts-visuels"],
        "summary": (
            "Vaste ensemble monastique en cours de restauration, la Chartreuse de Neuville, "
            "labellisée en 2016, relie patrimoine, création et réflexion sur les questions de "
            "société."
        ),
        "history": (
            "L'ancienne chartreuse, longtemps menacée, fait l'objet d'un chantier de "
            "restauration ouvert au public."
        ),
        "project": (
            "Résidences, rencontres et visites accompagnent le chantier et invitent à penser "
            "l'avenir du monument."
        ),
    },
    {
        "slug": "imec-abbaye-d-ardenne",
        "title": "IMEC – Abbaye d'Ardenne",
        "heritage_site": "Abbaye d'Ardenne",
        "town": "Saint-Germain-la-Blanche-Herbe",
        "region": "Calvados, Normandie",
        "country": "FR",
        "coordinates": ("49.194400", "-0.409700"),
        "themes": ["litterature-ecriture", "recherche", "patrimoine"],
        "summary": (
            "Près de Caen, l'Institut Mémoires de l'édition contemporaine conserve dans l'abbaye "
            "d'Ardenne des archives d'écrivains, d'éditeurs et de revues, ouvertes aux "
            "chercheurs, aux artistes et au public."
        ),
        "history": (
            "L'abbaye d'Ardenne est une ancienne abbaye de chanoines dont les bâtiments abritent "
            "aujourd'hui des fonds d'archives et une bibliothèque."
        ),
        "project": (
            "Recherche, résidences d'écriture, lectures et expositions font vivre les archives "
            "de la création littéraire."
        ),
    },
    {
        "slug": "abbaye-aux-dames-saintes",
        "title": "Abbaye aux Dames",
        "heritage_site": "Abbaye aux Dames",
        "town": "Saintes",
        "region": "Charente-Maritime, Nouvelle-Aquitaine",
        "country": "FR",
        "coordinates": ("45.745000", "-0.633300"),
        "themes": ["musique", "patrimoine", "mediation-culturelle"],
        "summary": (
            "À Saintes, l'Abbaye aux Dames est une cité musicale : concerts, formation de jeunes "
            "musiciens et découverte du monument par la musique."
        ),
        "history": (
            "L'Abbaye aux Dames est une ancienne abbaye de femmes dont l'église romane marque le "
            "paysage de Saintes."
        ),
        "project": (
            "Festival, académies et parcours de visite musicaux ouvrent l'abbaye à tous les "
            "publics."
        ),
    },
    {
        "slug": "abbaye-royale-de-fontevraud",
        "title": "Abbaye royale de Fontevraud",
        "heritage_site": "Abbaye royale de Fontevraud",
        "town": "Fontevraud-l'Abbaye",
        "region": "Maine-et-Loire, Pays de la Loire",
        "country": "FR",
        "coordinates": ("47.181700", "0.051400"),
        "themes": ["patrimoine", "arts-visuels", "spectacle-vivant"],
        "summary": (
            "Vaste ensemble monastique fondé au XIIe siècle, l'abbaye royale de Fontevraud "
            "accueille expositions, spectacles, résidences et un musée."
        ),
        "history": (
            "Fondée au début du XIIe siècle, l'abbaye a connu une longue histoire monastique "
            "puis pénitentiaire avant d'être restaurée."
        ),
        "project": (
            "Création contemporaine, expositions et résidences prennent place dans les "
            "bâtiments et les jardins de l'abbaye."
        ),
    },
    {
        "slug": "abbaye-de-sylvanes",
        "title": "Abbaye de Sylvanès",
        "heritage_site": "Abbaye de Sylvanès",
        "town": "Sylvanès",
        "region": "Aveyron, Occitanie",
        "country": "FR",
        "coordinates": ("43.831700", "2.961700"),
        "year_labelled": 2015,
        "themes": ["musique", "patrimoine", "spectacle-vivant"],
        "summary": (
            "Abbaye cistercienne du sud de l'Aveyron, labellisée en 2015, Sylvanès consacre son "
            "projet au chant, aux musiques sacrées et aux musiques du monde."
        ),
        "history": (
            "L'abbaye cistercienne de Sylvanès a été sauvée et restaurée à partir de la "
            "seconde moitié du XXe siècle."
        ),
        "project": (
            "Festival, stages de chant et résidences font de l'abbaye un lieu de rencontre entre "
            "les traditions musicales."
        ),
    },
    {
        "slug": "chartreuse-villeneuve-les-avignon",
        "title": "La Chartreuse de Villeneuve-lès-Avignon",
        "heritage_site": "Chartreuse du Val-de-Bénédiction",
        "town": "Villeneuve-lès-Avignon",
        "region": "Gard, Occitanie",
        "country": "FR",
        "coordinates": ("43.966700", "4.796400"),
        "themes": ["litterature-ecriture", "spectacle-vivant", "patrimoine"],
        "summary": (
            "Face à Avignon, la Chartreuse accueille en résidence des autrices et des auteurs de "
            "théâtre : elle est consacrée aux écritures du spectacle."
        ),
        "history": (
            "Fondée au XIVe siècle, la chartreuse est un vaste monastère de chartreux, avec ses "
            "cloîtres et ses cellules."
        ),
        "project": (
            "Les anciennes cellules des moines accueillent des résidences d'écriture, "
            "prolongées par des lectures et des rencontres."
        ),
    },
    {
        "slug": "corderie-royale-rochefort",
        "title": "Corderie royale",
        "heritage_site": "Corderie royale",
        "town": "Rochefort",
        "region": "Charente-Maritime, Nouvelle-Aquitaine",
        "country": "FR",
        "coordinates": ("45.937200", "-0.961100"),
        "themes": ["patrimoine", "mediation-culturelle", "recherche"],
        "summary": (
            "Au bord de la Charente, la Corderie royale de Rochefort, ancienne manufacture de "
            "cordages de l'arsenal, consacre son projet à la mer et aux cultures maritimes."
        ),
        "history": (
            "La Corderie royale est un long bâtiment du XVIIe siècle construit pour fabriquer "
            "les cordages des navires de l'arsenal de Rochefort."
        ),
        "project": (
            "Expositions, rencontres et médiation font découvrir l'histoire maritime et les "
            "enjeux actuels de la mer."
        ),
    },
    {
        "slug": "maison-maria-casares",
        "title": "Maison Maria Casarès",
        "heritage_site": "Domaine de la Vergne",
        "town": "Alloue",
        "region": "Charente, Nouvelle-Aquitaine",
        "country": "FR",
        "coordinates": ("46.031100", "0.512800"),
        "themes": ["spectacle-vivant", "litterature-ecriture", "mediation-culturelle"],
        "summary": (
            "En Charente, la maison de campagne qui porte le nom de la comédienne est devenue un "
            "lieu de création théâtrale, de résidences et de rencontres avec le public."
        ),
        "history": (
            "Le domaine, une demeure rurale entourée d'un parc, a été légué à la commune d'Alloue."
        ),
        "project": (
            "Résidences de jeunes compagnies, spectacles d'été et visites racontent le théâtre "
            "d'hier et d'aujourd'hui."
        ),
    },
    # Members outside France: the international network.
    {
        "slug": "neimenster",
        "title": "Neimënster",
        "heritage_site": "Abbaye de Neumünster",
        "town": "Luxembourg",
        "region": "Grund, Luxembourg",
        "country": "LU",
        "coordinates": ("49.609700", "6.137200"),
        "year_labelled": 2004,
        "membership": "international",
        "themes": ["musique", "spectacle-vivant", "mediation-culturelle"],
        "summary": (
            "Centre culturel de rencontre ouvert en 2004 dans l'ancienne abbaye de Neumünster, "
            "au bord de l'Alzette, Neimënster accueille concerts, expositions, débats et "
            "résidences."
        ),
        "history": (
            "L'ancienne abbaye de Neumünster, dans le quartier du Grund, a connu plusieurs "
            "usages avant de devenir un centre culturel."
        ),
        "project": (
            "Le projet fait du dialogue entre les cultures son fil conducteur, avec une "
            "programmation pluridisciplinaire."
        ),
    },
    {
        "slug": "abbotsford-convent",
        "title": "Abbotsford Convent",
        "heritage_site": "Abbotsford Convent",
        "town": "Melbourne",
        "region": "Victoria",
        "country": "AU",
        "coordinates": ("-37.802500", "145.004700"),
        "membership": "international",
        "themes": ["arts-visuels", "spectacle-vivant", "jardins-paysage"],
        "summary": (
            "À Melbourne, l'ancien couvent d'Abbotsford et ses jardins au bord de la rivière "
            "Yarra sont devenus un lieu d'ateliers d'artistes, de spectacles et de rencontres."
        ),
        "history": (
            "L'ensemble conventuel, avec ses bâtiments et ses jardins, a été ouvert au public "
            "et consacré aux arts."
        ),
        "project": (
            "Ateliers, événements et programmes publics font du site un lieu de vie culturelle "
            "pour la ville."
        ),
    },
    {
        "slug": "ccri-john-smith",
        "title": "John Smith International Cultural Meeting Centre",
        "heritage_site": "Site historique de Ouidah",
        "town": "Ouidah",
        "region": "Atlantique",
        "country": "BJ",
        "coordinates": ("6.363100", "2.085100"),
        "membership": "international",
        "themes": ["litterature-ecriture", "recherche", "patrimoine"],
        "summary": (
            "Au Bénin, le centre culturel de rencontre international John Smith relie "
            "histoire, patrimoine, recherche et écritures contemporaines."
        ),
        "history": (
            "Texte d'illustration : l'histoire du site sera présentée ici par le centre lui-même."
        ),
        "project": (
            "Résidences, recherche historique, bibliothèque et spectacles en plein air "
            "s'adressent aux artistes comme aux jeunes publics."
        ),
    },
    {
        "slug": "centre-culturel-international-hammamet",
        "title": "Centre culturel international de Hammamet",
        "heritage_site": "Villa Dar Sebastian",
        "town": "Hammamet",
        "region": "Nabeul",
        "country": "TN",
        "coordinates": ("36.400000", "10.616700"),
        "membership": "international",
        "themes": ["spectacle-vivant", "jardins-paysage", "arts-visuels"],
        "summary": (
            "En Tunisie, le centre culturel international de Hammamet occupe une villa du XXe "
            "siècle et ses jardins au bord de la mer, avec un théâtre en plein air."
        ),
        "history": (
            "La villa, entourée de jardins méditerranéens, est devenue propriété publique et "
            "lieu culturel."
        ),
        "project": (
            "Festival, spectacles en plein air et résidences accueillent des artistes de "
            "Tunisie et d'ailleurs."
        ),
    },
    {
        "slug": "domaine-forget",
        "title": "Domaine Forget",
        "heritage_site": "Domaine Forget",
        "town": "Saint-Irénée",
        "region": "Charlevoix, Québec",
        "country": "CA",
        "coordinates": ("47.567000", "-70.200000"),
        "membership": "international",
        "themes": ["musique", "danse", "jardins-paysage"],
        "summary": (
            "Dans la région de Charlevoix, au Québec, le Domaine Forget accueille une académie "
            "de musique et de danse et un festival, face au fleuve Saint-Laurent."
        ),
        "history": (
            "Le domaine, ancienne propriété de villégiature dominant le Saint-Laurent, a été "
            "consacré à la musique et à la danse."
        ),
        "project": (
            "Académie, concerts et résidences réunissent chaque saison des musiciens et des "
            "danseurs de nombreux pays."
        ),
    },
]

# --- The label -------------------------------------------------------------------------------

LABEL = {
    "slug": "label-ccr",
    "title": "Le label CCR",
    "intro": [
        "Le label « Centre culturel de rencontre » distingue des sites patrimoniaux auxquels un "
        "projet culturel a donné une nouvelle vie : des monuments habités par la création, la "
        "recherche et la rencontre avec les publics.",
        "On y entre par deux chemins : en France, le label est attribué par l'État ; à "
        "l'étranger, on rejoint le réseau international par cooptation, avec le soutien d'un "
        "centre membre.",
    ],
    "route_france": [
        "En France, le label « Centre culturel de rencontre » est attribué par l'État. Depuis "
        "un décret du 11 février 2020, c'est le préfet de région qui le délivre, au vu du "
        "projet culturel du site.",
        "L'association accompagne les porteurs de projet à chaque étape, du premier contact au "
        "dépôt de la demande.",
    ],
    "route_abroad": [
        "Hors de France, un site rejoint le réseau international par cooptation : un centre "
        "membre parraine la candidature, puis les membres du réseau se prononcent.",
        "Trouver un centre parrain est la première étape : l'annuaire présente les membres, en "
        "France et à l'étranger.",
    ],
    "charter_checklist": [
        (
            "Un site patrimonial",
            "Un monument ou un ensemble remarquable auquel est confié un projet culturel.",
        ),
        (
            "Des résidences",
            "Le site accueille des artistes, des chercheurs ou des professionnels de la culture.",
        ),
        ("Une activité de recherche", "Une recherche liée au site ou au projet culturel."),
        (
            "Des programmes pour les publics",
            "Des rencontres, des visites et des ateliers ancrés dans le territoire.",
        ),
        (
            "Une ouverture internationale",
            "Des échanges européens et internationaux, et la participation à la vie du réseau.",
        ),
    ],
    "enquiry": {
        "slug": "demande",
        "title": "Demande de renseignements",
        "intro": [
            "Vous portez un projet culturel sur un site patrimonial et souhaitez rejoindre le "
            "réseau ? Présentez-nous votre site et votre projet : l'équipe vous répondra dans la "
            "langue de votre choix.",
        ],
        "thank_you": [
            "Merci ! Votre demande est bien arrivée. L'équipe vous répondra dans la langue que "
            "vous avez choisie.",
        ],
        "to_address": "reseau@example.org",
        "subject": "Nouvelle demande d'un porteur de projet",
        # (label, field type, required, help text)
        "fields": [
            ("Nom complet", "singleline", True, ""),
            ("Organisation", "singleline", False, ""),
            ("Adresse électronique", "email", True, "Pour vous répondre."),
            ("Pays", "country", True, "Le pays où se trouve le site patrimonial."),
            ("Site patrimonial", "singleline", True, "Le monument et son statut de protection."),
            (
                "Votre projet",
                "multiline",
                True,
                "Le projet culturel, les résidences envisagées, les partenaires.",
            ),
            ("Langue préférée", "language", True, "La langue dans laquelle vous répondre."),
        ],
    },
    "criteria_intro": (
        "Les critères suivent la charte internationale du réseau, adoptée à Dublin en 1991 et "
        "amendée au Grand-Hornu en 2000 :"
    ),
    "criteria": [
        "un site patrimonial, monument ou ensemble remarquable, auquel est confié un projet "
        "culturel ;",
        "des résidences d'artistes, de chercheurs ou de professionnels de la culture ;",
        "une activité de recherche liée au site ou au projet ;",
        "des programmes ouverts aux publics, ancrés dans le territoire ;",
        "une ouverture européenne et internationale, et la participation à la vie du réseau.",
    ],
    "france_steps": (
        "En France : le label d'État",
        [
            (
                "Prendre contact",
                "Le porteur de projet présente son site et ses intentions à l'association, "
                "qui peut le conseiller dès les premières étapes.",
            ),
            (
                "Construire le projet",
                "Le projet culturel est élaboré avec les partenaires publics : résidences, "
                "recherche, programmes pour les publics, moyens et gouvernance.",
            ),
            (
                "Déposer la demande",
                "La demande est adressée aux services de l'État en région.",
            ),
            (
                "Décision",
                "Depuis un décret du 11 février 2020, le label est attribué par le préfet de "
                "région.",
            ),
        ],
    ),
    "abroad_steps": (
        "Hors de France : la cooptation",
        [
            (
                "Prendre contact",
                "Le porteur de projet présente son site et son projet culturel à l'association.",
            ),
            (
                "Trouver un centre parrain",
                "Un centre membre du réseau soutient la candidature et accompagne le porteur "
                "de projet.",
            ),
            (
                "Présenter la candidature",
                "Le projet est présenté aux membres du réseau, au regard des critères de la "
                "charte.",
            ),
            (
                "Cooptation",
                "Les membres du réseau se prononcent sur l'entrée du nouveau centre.",
            ),
        ],
    ),
    "faq": (
        "Questions fréquentes",
        [
            (
                "Qui attribue le label en France ?",
                "L'État. Un décret du 11 février 2020 confie l'attribution du label au préfet "
                "de région.",
            ),
            (
                "Un site situé hors de France peut-il rejoindre le réseau ?",
                "Oui, par cooptation, avec le soutien d'un centre membre. Les membres hors de "
                "France forment le réseau international.",
            ),
            (
                "Faut-il être propriétaire du monument ?",
                "Le label distingue un projet culturel sur un site patrimonial ; les formes de "
                "gestion varient d'un centre à l'autre. L'association conseille chaque porteur "
                "de projet selon sa situation.",
            ),
            (
                "Comment trouver un centre parrain ?",
                "Consultez l'annuaire du réseau pour repérer les centres proches de votre projet "
                "par leur discipline ou leur pays, puis contactez l'association.",
            ),
        ],
    ),
}

# --- Programmes ------------------------------------------------------------------------------

PROGRAMME_INDEX = {
    "slug": "programmes",
    "title": "Programmes de résidence",
    "intro": [
        "L'association gère des programmes de résidence dans les centres du réseau, avec le "
        "soutien du Ministère de la Culture, et met en œuvre des programmes d'urgence.",
        "Les dates limites des appels sont indiquées en heure de Paris.",
    ],
}

ODYSSEE_DOCUMENTS = [
    "un curriculum vitae ;",
    "une présentation du projet de résidence ;",
    "une lettre de motivation ;",
    "une lettre de recommandation ;",
    "un justificatif de résidence hors de France ;",
    "une copie d'une pièce d'identité.",
]

NORA_DOCUMENTS = [
    "un curriculum vitae, qui peut être manuscrit ;",
    "une présentation du projet de résidence ;",
    "les documents délivrés par la préfecture attestant du statut de réfugié ;",
    "une lettre de motivation, en français ou en anglais.",
]

PROGRAMMES = [
    {
        "slug": "odyssee",
        "title": "Odyssée",
        "kind": "residency",
        "since_year": 2003,
        "summary": (
            "Depuis 2003, avec le Ministère de la Culture, le programme Odyssée accueille en "
            "résidence dans les centres du réseau des artistes, des chercheurs et des "
            "professionnels de la culture qui vivent hors de France."
        ),
        "purpose": [
            "Permettre à des créateurs et à des chercheurs étrangers de développer un projet en "
            "France, au contact d'un monument, d'une équipe et d'un territoire.",
        ],
        "audience": [
            "Artistes, chercheurs et professionnels de la culture résidant hors de France.",
            "Les candidats choisissent un à trois centres d'accueil, ou l'association elle-même "
            "pour un parcours consacré à la gestion culturelle.",
        ],
        "body": [
            (
                "figures",
                "Odyssée en chiffres",
                [
                    ("1 à 6 mois", "de résidence", ""),
                    ("1 200 €", "de bourse mensuelle", "2024"),
                    ("près de 800", "résidents accueillis depuis 2003", "2024"),
                    ("84", "pays d'origine des résidents", "2024"),
                ],
            ),
            ("h2", "Ce que comprend la résidence"),
            (
                "ul",
                [
                    "une bourse mensuelle (1 200 € par mois en 2024) ;",
                    "le remboursement du voyage, dans la limite d'un plafond ;",
                    "un logement fourni pendant la résidence.",
                ],
            ),
            ("h2", "Choisir ses centres d'accueil"),
            (
                "p",
                "Chaque candidat choisit un à trois centres d'accueil en fonction de son projet. "
                "Le parcours « gestion culturelle » se déroule auprès de l'association.",
            ),
        ],
        "partners": [("Ministère de la Culture", "funder")],
        "host_centres": [
            "ambronay",
            "saline-royale-arc-et-senans",
            "prieure-la-charite-sur-loire",
            "abbaye-de-noirlac",
            "imec-abbaye-d-ardenne",
            "abbaye-royale-de-fontevraud",
            "chartreuse-villeneuve-les-avignon",
            "maison-maria-casares",
        ],
        "themes": [
            "musique",
            "arts-visuels",
            "litterature-ecriture",
            "spectacle-vivant",
            "recherche",
            "gestion-culturelle",
        ],
    },
    {
        "slug": "nora",
        "title": "NORA",
        "kind": "residency",
        "since_year": 2016,
        "summary": (
            "Depuis 2016, le programme NORA propose des résidences de un à six mois à des "
            "artistes, chercheurs et professionnels de la culture récemment arrivés en France "
            "avec le statut de réfugié, venus de pays en conflit ouvert."
        ),
        "purpose": [
            "Offrir un temps et un lieu pour reprendre un travail de création ou de recherche "
            "interrompu par l'exil, et rencontrer les professionnels et les publics en France.",
        ],
        "audience": [
            "Artistes, chercheurs et professionnels de la culture ayant obtenu récemment le "
            "statut de réfugié en France.",
            "Au fil des années, les résidents sont venus notamment de Syrie, d'Irak, de Libye, "
            "du Yémen, du Soudan du Sud, d'Érythrée, du Soudan, d'Iran, d'Ukraine, "
            "d'Afghanistan et de Russie.",
        ],
        "body": [
            (
                "figures",
                "NORA en chiffres",
                [
                    ("1 à 6 mois", "de résidence", ""),
                    ("1 000 €", "de bourse mensuelle", "2020"),
                    ("70+", "anciens résidents", "2024"),
                ],
            ),
            ("h2", "Le passeport NORA"),
            (
                "p",
                "Le passeport NORA permet aux lauréats de visiter les centres du réseau proches "
                "de leur lieu de vie.",
            ),
            ("h2", "Un dossier simple"),
            (
                "p",
                "L'appel accepte les CV manuscrits et les documents délivrés par la préfecture : "
                "l'essentiel est de présenter le projet.",
            ),
            ("h2", "Discrétion"),
            (
                "p",
                "Un lauréat peut ne pas souhaiter que son nom soit rendu public : ce site ne "
                "publie aucun nom de résident sans son accord.",
            ),
        ],
        "partners": [],
        "host_centres": [
            "chateau-de-goutelas",
            "dominicains-de-haute-alsace",
            "chartreuse-de-neuville",
            "abbaye-aux-dames-saintes",
            "abbaye-de-sylvanes",
            "corderie-royale-rochefort",
        ],
        "themes": [
            "musique",
            "arts-visuels",
            "litterature-ecriture",
            "recherche",
            "mediation-culturelle",
        ],
    },
    {
        "slug": "programmes-d-urgence",
        "title": "Programmes d'urgence",
        "kind": "emergency",
        "since_year": None,
        "summary": (
            "Avec le Ministère de la Culture, l'association met en œuvre des programmes "
            "d'urgence, tels que Nouvelle-Orléans, Haïti et Liban."
        ),
        "purpose": [
            "Mobiliser le réseau et ses lieux de résidence lorsqu'une situation d'urgence "
            "touche la vie culturelle d'un pays ou d'une ville.",
        ],
        "audience": [
            "Les bénéficiaires sont définis pour chaque programme, en lien avec le Ministère de "
            "la Culture.",
        ],
        "body": [
            ("h2", "Les programmes menés"),
            ("ul", ["Nouvelle-Orléans ;", "Haïti ;", "Liban."]),
            (
                "p",
                "Le détail de ces programmes n'est pas publié sur ce site. Pour toute question, "
                "écrivez à l'association.",
            ),
        ],
        "partners": [("Ministère de la Culture", "partner")],
        "host_centres": [],
        "themes": ["mediation-culturelle", "gestion-culturelle"],
    },
]

# Calls: dates are either fixed (Paris time, from the brief's past deadlines) or counted in
# days from the day the command runs (``--today``), so that some calls are always open.
ODYSSEE_ELIGIBILITY = [
    "être artiste, chercheur ou professionnel de la culture ;",
    "résider hors de France ;",
    "présenter un projet qui peut être mené dans un à trois centres du réseau ;",
    "être disponible pour une résidence d'un à six mois.",
]

NORA_ELIGIBILITY = [
    "être artiste, chercheur ou professionnel de la culture ;",
    "avoir obtenu récemment le statut de réfugié en France ;",
    "venir d'un pays en conflit ouvert ;",
    "être disponible pour une résidence d'un à six mois.",
]

# "Am I eligible?" rules of each programme's calls (programmes.eligibility). The
# five-year limit on NORA is the demo's reading of "recently granted refugee status".
ODYSSEE_RULES = {
    "audience_summary": (
        "Artistes, chercheurs et professionnels de la culture vivant hors de France"
    ),
    "residence_rule": "outside_france",
}
NORA_RULES = {
    "audience_summary": (
        "Artistes, chercheurs et professionnels de la culture réfugiés en France depuis moins de "
        "cinq ans"
    ),
    "residence_rule": "in_france",
    "refugee_status_required": True,
    "refugee_status_within_years": 5,
}

ODYSSEE_FAQ = [
    (
        "À quelle heure l'appel ferme-t-il ?",
        "À la date et à l'heure indiquées sur cette page, en heure de Paris. Un dossier arrivé "
        "après l'heure limite ne peut pas être examiné.",
    ),
    (
        "Combien de centres puis-je choisir ?",
        "De un à trois centres d'accueil, classés par ordre de préférence.",
    ),
    (
        "Que comprend la résidence ?",
        "Une bourse mensuelle (1 200 € par mois en 2024), le remboursement du voyage dans la "
        "limite d'un plafond et un logement.",
    ),
]

NORA_FAQ = [
    (
        "Mon CV est manuscrit : est-ce un problème ?",
        "Non. L'appel accepte les CV manuscrits et les documents délivrés par la préfecture.",
    ),
    (
        "Mon nom sera-t-il publié ?",
        "Pas sans votre accord. Vous pouvez demander que votre nom ne soit pas rendu public.",
    ),
    (
        "À quelle heure l'appel ferme-t-il ?",
        "À la date et à l'heure indiquées sur cette page, en heure de Paris.",
    ),
]

HOW_TO_APPLY = [
    "Rassemblez les pièces demandées dans un seul envoi.",
    "Adressez le dossier complet à l'association selon les modalités précisées dans le "
    "règlement de l'appel, à télécharger sur cette page.",
    "Un accusé de réception est envoyé pour chaque dossier complet.",
]

HISTORICAL_NOTE = (
    "Seule la date limite de cet appel est tirée de l'historique du programme ; les autres "
    "dates sont données à titre d'illustration pour la démonstration."
)

CALLS = [
    {
        "slug": "odyssee-2024",
        "programme": "odyssee",
        "title": "Odyssée 2024 : appel à candidatures",
        "fixed": ((2023, 12, 11, 10, 0), (2024, 3, 2, 12, 0)),
        "summary": (
            "Appel à candidatures pour les résidences Odyssée 2024, destiné aux artistes, "
            "chercheurs et professionnels de la culture vivant hors de France."
        ),
        "eligibility": ODYSSEE_ELIGIBILITY,
        "rules": ODYSSEE_RULES,
        "documents": ODYSSEE_DOCUMENTS,
        "faq": ODYSSEE_FAQ,
        "host_centres": ["ambronay", "imec-abbaye-d-ardenne", "chartreuse-villeneuve-les-avignon"],
        "themes": ["musique", "litterature-ecriture", "recherche"],
        "note": HISTORICAL_NOTE,
    },
    {
        "slug": "odyssee-2026",
        "programme": "odyssee",
        "title": "Odyssée 2026 : appel à candidatures",
        "fixed": ((2025, 12, 8, 10, 0), (2026, 3, 15, 12, 0)),
        "summary": (
            "Appel à candidatures pour les résidences Odyssée 2026, destiné aux artistes, "
            "chercheurs et professionnels de la culture vivant hors de France."
        ),
        "eligibility": ODYSSEE_ELIGIBILITY,
        "rules": ODYSSEE_RULES,
        "documents": ODYSSEE_DOCUMENTS,
        "faq": ODYSSEE_FAQ,
        "host_centres": [
            "saline-royale-arc-et-senans",
            "abbaye-de-noirlac",
            "abbaye-royale-de-fontevraud",
            "maison-maria-casares",
        ],
        "themes": ["arts-visuels", "musique", "spectacle-vivant"],
        "note": HISTORICAL_NOTE,
    },
    {
        "slug": "odyssee-gestion-culturelle",
        "programme": "odyssee",
        "title": "Odyssée : parcours gestion culturelle",
        "relative": (-20, 40),
        "summary": (
            "Une résidence auprès de l'association, à Paris, pour des professionnels de la "
            "culture vivant hors de France qui souhaitent approfondir la gestion de projets "
            "culturels en réseau."
        ),
        "eligibility": [
            "être professionnel de la culture ;",
            "résider hors de France ;",
            "présenter un projet lié à la gestion ou au développement d'un lieu culturel ;",
            "être disponible pour une résidence d'un à six mois.",
        ],
        "rules": {
            "audience_summary": "Professionnels de la culture vivant hors de France",
            "residence_rule": "outside_france",
        },
        "documents": ODYSSEE_DOCUMENTS,
        "faq": ODYSSEE_FAQ,
        "host_centres": [],
        "themes": ["gestion-culturelle", "mediation-culturelle"],
    },
    {
        "slug": "odyssee-ecriture-et-recherche",
        "programme": "odyssee",
        "title": "Odyssée : résidences d'écriture et de recherche",
        "relative": (91, 150),
        "summary": (
            "Un appel pour des écrivains, traducteurs et chercheurs vivant hors de France, "
            "accueillis dans des centres du réseau consacrés à l'écriture et aux archives."
        ),
        "eligibility": ODYSSEE_ELIGIBILITY,
        "rules": ODYSSEE_RULES,
        "documents": ODYSSEE_DOCUMENTS,
        "faq": ODYSSEE_FAQ,
        "host_centres": [
            "prieure-la-charite-sur-loire",
            "imec-abbaye-d-ardenne",
            "chartreuse-villeneuve-les-avignon",
        ],
        "themes": ["litterature-ecriture", "recherche"],
    },
    {
        "slug": "nora-residences-de-creation",
        "programme": "nora",
        "title": "NORA : résidences de création",
        "relative": (-25, 10),
        "summary": (
            "Des résidences de un à six mois pour des artistes récemment arrivés en France avec "
            "le statut de réfugié."
        ),
        "eligibility": NORA_ELIGIBILITY,
        "rules": NORA_RULES,
        "documents": NORA_DOCUMENTS,
        "faq": NORA_FAQ,
        "host_centres": [
            "dominicains-de-haute-alsace",
            "abbaye-aux-dames-saintes",
            "abbaye-de-sylvanes",
        ],
        "themes": ["musique", "arts-visuels", "litterature-ecriture"],
    },
    {
        "slug": "nora-residences-de-recherche",
        "programme": "nora",
        "title": "NORA : résidences de recherche",
        "relative": (30, 75),
        "summary": (
            "Des résidences de un à six mois pour des chercheurs récemment arrivés en France "
            "avec le statut de réfugié."
        ),
        "eligibility": NORA_ELIGIBILITY,
        "rules": NORA_RULES,
        "documents": NORA_DOCUMENTS,
        "faq": NORA_FAQ,
        "host_centres": ["chateau-de-goutelas", "chartreuse-de-neuville"],
        "themes": ["recherche"],
    },
    {
        "slug": "nora-professionnels-de-la-culture",
        "programme": "nora",
        "title": "NORA : professionnels de la culture",
        "relative": (-150, -90),
        "summary": (
            "Des résidences pour des professionnels de la culture récemment arrivés en France "
            "avec le statut de réfugié, dans des centres du réseau."
        ),
        "eligibility": NORA_ELIGIBILITY,
        "rules": NORA_RULES,
        "documents": NORA_DOCUMENTS,
        "faq": NORA_FAQ,
        "host_centres": ["corderie-royale-rochefort", "chateau-de-goutelas"],
        "themes": ["mediation-culturelle", "gestion-culturelle"],
    },
]

CALL_INDEX = {
    "slug": "appels",
    "title": "Appels à candidatures",
    "intro": [
        "Tous les appels à candidatures des programmes de l'association : les appels ouverts "
        "d'abord, par date limite, puis les appels à venir et les archives.",
        "Les dates limites sont indiquées en heure de Paris. Suivez les nouveaux appels par "
        "flux RSS ou ajoutez leurs dates limites à votre agenda.",
    ],
}

# --- Advocacy --------------------------------------------------------------------------------

ADVOCACY_INDEX = {
    "slug": "plaidoyer",
    "title": "Plaidoyer",
    "intro": (
        "Les positions de l'association, élaborées avec ses membres, pour défendre le concept de "
        "Centre culturel de rencontre et le label « CCR »."
    ),
}

ADVOCACY = [
    {
        "slug": "reutilisation-culturelle-du-patrimoine",
        "title": "Pour une réutilisation culturelle du patrimoine",
        "days_ago": 262,
        "themes": ["patrimoine", "mediation-culturelle", "gestion-culturelle"],
        "summary": (
            "Donner un projet culturel à un monument, c'est le faire vivre : l'association "
            "plaide pour que la réutilisation culturelle du patrimoine soit reconnue et "
            "accompagnée dans la durée."
        ),
        "body": [
            ("h2", "Constat"),
            (
                "p",
                "De nombreux sites patrimoniaux cherchent un nouvel usage. Les Centres culturels "
                "de rencontre montrent qu'un projet associant résidences, recherche et publics "
                "peut donner au monument une vie nouvelle, ancrée dans son territoire.",
            ),
            ("h2", "Propositions"),
            (
                "ul",
                [
                    "reconnaître le projet culturel comme une forme de valorisation du "
                    "patrimoine à part entière ;",
                    "accompagner les porteurs de projet dès les premières études ;",
                    "soutenir dans la durée le fonctionnement des lieux, et pas seulement leur "
                    "restauration.",
                ],
            ),
        ],
    },
    {
        "slug": "accueillir-artistes-en-exil",
        "title": "Accueillir durablement les artistes et chercheurs en exil",
        "days_ago": 130,
        "themes": ["recherche", "mediation-culturelle"],
        "summary": (
            "Forte de l'expérience du programme NORA depuis 2016, l'association appelle à "
            "inscrire dans la durée l'accueil des artistes, chercheurs et professionnels de la "
            "culture réfugiés."
        ),
        "body": [
            ("h2", "Constat"),
            (
                "p",
                "L'exil interrompt des parcours de création et de recherche. Une résidence offre "
                "un temps, un lieu et des rencontres pour les reprendre.",
            ),
            ("h2", "Propositions"),
            (
                "ul",
                [
                    "pérenniser les programmes de résidence destinés aux personnes réfugiées ;",
                    "simplifier les dossiers de candidature ;",
                    "protéger la discrétion des lauréats qui ne souhaitent pas être nommés.",
                ],
            ),
        ],
    },
    {
        "slug": "mobilite-internationale-des-residents",
        "title": "Faciliter la mobilité internationale des résidents",
        "days_ago": 75,
        "themes": ["gestion-culturelle", "recherche"],
        "summary": (
            "Les résidences internationales reposent sur la mobilité des artistes et des "
            "chercheurs : l'association demande des démarches plus simples et plus prévisibles "
            "pour les personnes invitées."
        ),
        "body": [
            ("h2", "Constat"),
            (
                "p",
                "Les démarches de voyage et de séjour pèsent sur la préparation des résidences, "
                "en particulier pour les personnes venant de pays éloignés.",
            ),
            ("h2", "Propositions"),
            (
                "ul",
                [
                    "des démarches adaptées aux séjours de résidence ;",
                    "des délais connus à l'avance ;",
                    "une information claire, dans plusieurs langues, pour les personnes invitées.",
                ],
            ),
        ],
    },
    {
        "slug": "monuments-et-territoires-ruraux",
        "title": "Les monuments, lieux de vie culturelle dans les territoires ruraux",
        "days_ago": 30,
        "themes": ["patrimoine", "mediation-culturelle", "jardins-paysage"],
        "summary": (
            "Beaucoup de Centres culturels de rencontre sont installés loin des grandes villes. "
            "L'association défend leur rôle dans la vie culturelle des territoires ruraux."
        ),
        "body": [
            ("h2", "Constat"),
            (
                "p",
                "Abbayes, châteaux ou prieurés, de nombreux centres se trouvent en milieu rural, "
                "où ils sont souvent l'un des principaux lieux de culture.",
            ),
            ("h2", "Propositions"),
            (
                "ul",
                [
                    "reconnaître le rôle des monuments habités dans l'aménagement culturel des "
                    "territoires ;",
                    "soutenir la mobilité des publics vers ces lieux ;",
                    "associer les habitants aux projets des centres.",
                ],
            ),
        ],
    },
]

# --- News ------------------------------------------------------------------------------------

NEWS_INDEX = {
    "slug": "actualites",
    "title": "Actualités",
    "intro": "La vie du réseau, les appels à candidatures et les résidences.",
}

NEWS = [
    {
        "slug": "rencontre-annuelle-du-reseau-europeen",
        "title": "Le réseau européen s'est réuni pour sa rencontre annuelle",
        "days_ago": 12,
        "category": "international",
        "tags": ["réseau européen", "rencontre annuelle"],
        "lead": (
            "Comme chaque année, les membres européens du réseau se sont retrouvés pour leur "
            "rencontre annuelle, accueillie par le centre qui assure la présidence tournante."
        ),
        "body": [
            (
                "p",
                "La rencontre permet de faire le point sur les projets communs, d'accueillir "
                "les nouveaux membres et de préparer les actions de l'année à venir.",
            ),
            (
                "p",
                "La présidence du réseau européen change chaque année. Elle a notamment été "
                "assurée par Schloss Solitude (Allemagne), Casa de Mateus (Portugal), Alden "
                "Biesen (Belgique), le château d'Ujazdowski (Pologne), le Grand-Hornu "
                "(Belgique) et Suomenlinna (Finlande).",
            ),
        ],
        "centres": ["neimenster"],
        "programmes": [],
    },
    {
        "slug": "appel-odyssee-gestion-culturelle",
        "title": "Odyssée : l'appel du parcours gestion culturelle est ouvert",
        "days_ago": 18,
        "category": "appels",
        "tags": ["Odyssée", "appel à candidatures", "gestion culturelle"],
        "lead": (
            "Le programme Odyssée accueille aussi des professionnels de la culture en résidence "
            "auprès de l'association. L'appel est ouvert ; la date limite est indiquée en heure "
            "de Paris."
        ),
        "body": [
            (
                "p",
                "Ce parcours s'adresse aux professionnels de la culture qui vivent hors de "
                "France et souhaitent approfondir la gestion d'un lieu ou d'un projet culturel, "
                "au contact de l'équipe de l'association et des centres du réseau.",
            ),
            (
                "cta",
                "Lire l'appel",
                "Conditions, pièces à fournir et calendrier.",
                "Voir l'appel",
                "call:odyssee-gestion-culturelle",
            ),
        ],
        "centres": [],
        "programmes": ["odyssee"],
    },
    {
        "slug": "appel-nora-residences-de-creation",
        "title": "NORA : un appel pour les artistes en exil",
        "days_ago": 22,
        "category": "appels",
        "tags": ["NORA", "exil", "appel à candidatures"],
        "lead": (
            "Le programme NORA ouvre un appel aux artistes récemment arrivés en France avec le "
            "statut de réfugié. Le dossier peut comporter un CV manuscrit et les documents de la "
            "préfecture."
        ),
        "body": [
            (
                "p",
                "Les résidences durent de un à six mois et sont accueillies par des centres du "
                "réseau. Les lauréats reçoivent aussi un passeport NORA pour découvrir les "
                "centres proches de chez eux.",
            ),
            (
                "cta",
                "Lire l'appel",
                "Qui peut candidater, quoi envoyer, avant quand.",
                "Voir l'appel",
                "call:nora-residences-de-creation",
            ),
        ],
        "centres": ["dominicains-de-haute-alsace", "abbaye-de-sylvanes"],
        "programmes": ["nora"],
    },
    {
        "slug": "journee-information-porteurs-de-projet",
        "title": "Une journée d'information pour les porteurs de projet à l'étranger",
        "days_ago": 40,
        "category": "international",
        "tags": ["label", "porteurs de projet", "international"],
        "lead": (
            "L'association a présenté à des porteurs de projet de plusieurs pays ce que signifie "
            "rejoindre le réseau : le projet culturel, les critères de la charte et la "
            "cooptation avec le soutien d'un centre membre."
        ),
        "body": [
            (
                "p",
                "Les échanges ont porté sur les étapes d'une candidature, sur le rôle du centre "
                "parrain et sur la manière de construire un projet associant résidences, "
                "recherche et publics.",
            ),
            (
                "cta",
                "Le label CCR",
                "Critères, démarches et questions fréquentes.",
                "Découvrir le label",
                "label",
            ),
        ],
        "centres": [],
        "programmes": [],
    },
    {
        "slug": "reunion-technique-publics-et-mediation",
        "title": "Réunion technique : élargir les publics des monuments",
        "days_ago": 63,
        "category": "vie-du-reseau",
        "tags": ["réunion technique", "publics", "médiation"],
        "lead": (
            "Les équipes des centres ont partagé leurs pratiques de médiation et leurs "
            "stratégies pour accueillir de nouveaux publics, dans le cadre du programme annuel "
            "de réunions techniques."
        ),
        "body": [
            (
                "p",
                "Visites sensibles, ateliers avec les écoles, partenariats avec les acteurs du "
                "tourisme : chaque centre a présenté des actions menées sur son territoire.",
            ),
            (
                "p",
                "Ces réunions font partie des missions de l'association : animer le réseau et "
                "partager les tendances qui concernent ses membres.",
            ),
        ],
        "centres": ["abbaye-de-noirlac", "abbaye-royale-de-fontevraud", "abbaye-aux-dames-saintes"],
        "programmes": [],
    },
    {
        "slug": "saison-de-residences-odyssee",
        "title": "Retour sur une saison de résidences Odyssée",
        "days_ago": 95,
        "category": "residences",
        "tags": ["Odyssée", "résidences"],
        "lead": (
            "Musiciens, écrivains, chercheurs, gestionnaires culturels : les résidents Odyssée "
            "de la saison ont été accueillis dans des centres du réseau pour des séjours d'un à "
            "six mois."
        ),
        "body": [
            (
                "figures",
                "",
                [
                    ("près de 800", "résidents depuis 2003", "2024"),
                    ("84", "pays d'origine", "2024"),
                ],
            ),
            (
                "p",
                "Les résidents sont présentés ici sans leur nom : chacun choisit ce qu'il "
                "souhaite rendre public de son séjour.",
            ),
        ],
        "centres": [
            "ambronay",
            "chartreuse-villeneuve-les-avignon",
            "imec-abbaye-d-ardenne",
        ],
        "programmes": ["odyssee"],
    },
    {
        "slug": "le-passeport-nora",
        "title": "Le passeport NORA, pour découvrir les centres près de chez soi",
        "days_ago": 120,
        "category": "residences",
        "tags": ["NORA", "passeport NORA"],
        "lead": (
            "Au-delà de la résidence, les lauréats du programme NORA reçoivent un passeport qui "
            "leur permet de visiter les centres du réseau proches de leur lieu de vie."
        ),
        "body": [
            (
                "p",
                "Le passeport prolonge la résidence : il ouvre aux lauréats les portes des "
                "monuments du réseau et facilite les rencontres avec leurs équipes.",
            ),
        ],
        "centres": [],
        "programmes": ["nora"],
    },
    {
        "slug": "label-ccr-instruction-des-demandes",
        "title": "Label CCR : comment une demande est-elle instruite ?",
        "days_ago": 150,
        "category": "vie-du-reseau",
        "tags": ["label", "patrimoine"],
        "lead": (
            "Depuis un décret du 11 février 2020, le label Centre culturel de rencontre est "
            "attribué en France par le préfet de région. L'association accompagne les lieux qui "
            "préparent leur demande."
        ),
        "body": [
            (
                "p",
                "Le projet culturel est au cœur de la demande : résidences, recherche et "
                "programmes pour les publics, sur un site patrimonial.",
            ),
            (
                "cta",
                "Le label CCR",
                "Les critères et les étapes, en France et à l'étranger.",
                "Découvrir le label",
                "label",
            ),
        ],
        "centres": [],
        "programmes": [],
    },
    {
        "slug": "observatoire-collecte-annuelle",
        "title": "Observatoire du réseau : la collecte annuelle des données est lancée",
        "days_ago": 185,
        "category": "vie-du-reseau",
        "tags": ["observatoire", "statistiques"],
        "lead": (
            "Chaque année, l'association réunit les statistiques et les documents de ses membres "
            "pour disposer d'une vue d'ensemble de la vie du réseau."
        ),
        "body": [
            (
                "p",
                "Ces données nourrissent les études de l'association, qui dégagent des points de "
                "convergence, des enjeux et des perspectives selon les contextes et les "
                "territoires.",
            ),
        ],
        "centres": [],
        "programmes": [],
    },
    {
        "slug": "seminaire-jardins-et-paysages",
        "title": "Jardins et paysages : une rencontre thématique entre centres",
        "days_ago": 220,
        "category": "vie-du-reseau",
        "tags": ["jardins", "paysage", "rencontre thématique"],
        "lead": (
            "Une rencontre thématique a réuni des centres dont les jardins et les paysages sont "
            "au cœur du projet, pour partager leurs expériences de création et de médiation."
        ),
        "body": [
            (
                "p",
                "Créer avec le vivant, accueillir des publics en plein air, entretenir des "
                "jardins historiques : les échanges ont montré la diversité des approches.",
            ),
        ],
        "centres": ["domaine-de-chaumont-sur-loire", "saline-royale-arc-et-senans"],
        "programmes": [],
    },
    {
        "slug": "contribution-reutilisation-du-patrimoine",
        "title": "Plaidoyer : une contribution sur la réutilisation culturelle du patrimoine",
        "days_ago": 260,
        "category": "plaidoyer",
        "tags": ["plaidoyer", "patrimoine"],
        "lead": (
            "L'association publie une position sur la réutilisation culturelle des monuments, "
            "fruit des échanges entre ses membres."
        ),
        "body": [
            (
                "cta",
                "Lire la position",
                "Constat et propositions de l'association.",
                "Voir la position",
                "advocacy:reutilisation-culturelle-du-patrimoine",
            ),
        ],
        "centres": [],
        "programmes": [],
    },
    {
        "slug": "un-portail-en-plusieurs-langues",
        "title": "Un nouveau portail pour le réseau, bientôt en plusieurs langues",
        "days_ago": 300,
        "category": "vie-du-reseau",
        "tags": ["site internet", "traduction", "accessibilité"],
        "lead": (
            "Le portail des Centres culturels de rencontre est publié d'abord en français ; les "
            "traductions en anglais, puis en espagnol et en arabe suivront, relues avant leur "
            "mise en ligne."
        ),
        "body": [
            (
                "p",
                "Les candidats aux résidences, les porteurs de projet à l'étranger et les "
                "partenaires du réseau y trouvent les appels ouverts, les critères du label et "
                "l'annuaire des centres.",
            ),
            (
                "cta",
                "Accessibilité",
                "Notre déclaration d'accessibilité et comment signaler un problème.",
                "Lire la déclaration",
                "accessibilite",
            ),
        ],
        "centres": [],
        "programmes": [],
    },
    {
        "slug": "programmes-d-urgence-solidarite",
        "title": "Programmes d'urgence : la solidarité du réseau",
        "days_ago": 340,
        "category": "international",
        "tags": ["programmes d'urgence", "solidarité"],
        "lead": (
            "Avec le Ministère de la Culture, l'association a mis en œuvre des programmes "
            "d'urgence, comme ceux consacrés à la Nouvelle-Orléans, à Haïti et au Liban."
        ),
        "body": [
            (
                "p",
                "Ces programmes mobilisent le réseau lorsqu'une situation d'urgence touche la "
                "vie culturelle d'un pays ou d'une ville.",
            ),
        ],
        "centres": [],
        "programmes": ["programmes-d-urgence"],
    },
]

# --- Navigation and footer -------------------------------------------------------------------

MENU_NAME = "Menu principal"
MENU_ITEMS = [
    ("Le réseau", "network"),
    ("Le label CCR", "label"),
    ("Programmes", "programmes"),
    ("Appels à candidatures", "calls"),
    ("Actualités", "news"),
    ("Plaidoyer", "advocacy"),
    ("Les missions", "missions"),
]

FOOTER_ABOUT = (
    "L'Association des Centres culturels de rencontre, fondée en 1973 et reconnue d'utilité "
    "publique en 1983, anime et coordonne le réseau des Centres culturels de rencontre en "
    "France et dans le monde."
)
FOOTER_LINKS = [
    ("Mentions légales", "mentions-legales"),
    # The RGAA asks for the compliance status in the link to the statement.
    ("Accessibilité : non conforme", "accessibilite"),
    ("Les missions", "missions"),
]
