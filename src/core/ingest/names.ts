/**
 * Word lists for finding names (ING-ENT-1), shared by both languages: words that start
 * a sentence or a title with a capital without being a name, places, the designators
 * that end company names ("Capital", "Labs"), and the role words that mark a person.
 * All folded (lower case, no accents).
 */

const split = (text: string): string[] => text.trim().split(/\s+/);

/** Capitalised words that are not names: function words, months, days, acronyms of trade. */
export const NOT_NAME_WORDS: ReadonlySet<string> = new Set(
  split(`
  le la les l' un une des du de d' et ou mais donc or ni car ce cet cette ces son sa ses leur leurs
  mon ma mes notre nos votre vos il elle ils elles on nous vous je tu en dans pour par sur sous avec
  sans selon depuis apres avant pendant entre chez vers contre lors quand si comme ainsi alors aussi
  meme pourtant toutefois cependant neanmoins enfin ensuite puis deja encore tres plus moins tout tous
  toute toutes aucun aucune chaque quelques plusieurs autre autres certains certaines deux trois
  quatre cinq six sept huit neuf dix cent mille premier premiere dernier derniere nouveau nouvelle
  nouveaux grand grande petit petite ici voici voila oui non au aux c'est qu'il qu'elle cela ceci
  celui celle ceux parmi via face outre hors
  the a an and or but so if as at by for from in into of on to with without within about above after
  before under over between through during since until while when where which who whom whose what
  why how this that these those it its they them their there here he she his her we our you your i
  me my mr mrs ms dr also however meanwhile separately moreover furthermore still yet then thus hence
  indeed according other another some many most more less much few several all both each every any
  no not one two three four five six seven eight nine ten first second third last next new former
  latest part rumours rumors reports sources people analysts is are was were today yesterday alongside finally earlier among
  rival rivals competitor competitors concurrent concurrents investors investisseurs backers
  startup start-up startups start-ups notably recently aujourd'hui hier recemment finalement outre-atlantique moyenne mediane now desormais maintenant others
  jan feb mar apr jun jul aug sep sept oct nov dec iot saas b2b b2c foodtech deeptech biotech medtech
  fintech greentech edtech insurtech proptech legaltech spacetech healthtech martech adtech
  monday tuesday wednesday thursday friday saturday sunday january february march april may june
  july august september october november december lundi mardi mercredi jeudi vendredi samedi dimanche
  janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre
  ia ai gpu gpus cpu cpus pdg ceo cfo coo cto ipo ebitda usd eur gbp chf jpy series serie bourse etat
  state government gouvernement internet web cloud levee record financing funding round rounds raise
  investment investments valuation deal million millions billion billions milliard milliards
  `),
);

/** Places: a name made only of these is not a company. */
export const PLACE_WORDS: ReadonlySet<string> = new Set(
  split(`
  france europe etats-unis etats unis amerique chine japon inde allemagne royaume-uni espagne italie
  canada israel suisse belgique pays-bas suede coree bresil russie afrique asie
  paris lyon toulouse marseille bordeaux nantes lille grenoble nice rennes strasbourg montpellier
  londres london berlin munich new york san francisco boston cambridge oxford seattle austin
  silicon valley californie california texas washington pekin beijing shanghai shenzhen tokyo
  singapour singapore dubai hong kong north south america asia africa us usa uk eu ue germany japan
  china india spain italy britain switzerland netherlands sweden korea brazil russia occitanie
  bretagne normandie ile-de-france wall street europe's american french german british chinese
  european americain americaine francais francaise allemand allemande britannique europeen europeenne
  delhi new delhi mumbai bengaluru bangalore gurgaon gurugram memphis tennessee singaporean japonais
  japanese indian dutch neerlandais qatari saudi emirati
  danish swedish norwegian finnish spanish italian portuguese swiss belgian irish korean canadian
  brazilian australian israeli polish austrian taiwanese asian african latin nordic scandinavian
  espagnol espagnole italien italienne suisse belge coreen coreenne canadien canadienne asiatique
  `),
);

/** Words that end a company name; a short form without them names the same company. */
export const DESIGNATOR_WORDS: ReadonlySet<string> = new Set(
  split(`
  capital partners partenaires ventures venture labs lab ai ia health sante energy energie bio biotech
  group groupe holdings holding inc corp corporation ltd sa sas se ag gmbh plc llc cloud robotics
  materials therapeutics fund invest investments investment investissement investissements
  technologies technology tech systems pharma motors networks software industries management growth
  infrastructure finance financial bank banque assets equity global international studio studios
  games media semiconductor semiconductors chips devices dynamics solutions services company co
  `),
);

/**
 * Designators that only complete a name already seen ("Meridian" → "Meridian Capital"):
 * a subset of DESIGNATOR_WORDS without the words that name a separate arm of a company
 * ("Eurazeo Cloud", "Salesforce Ventures", "Amazon Web Services" are other entities).
 */
export const NAME_COMPLETION_WORDS: ReadonlySet<string> = new Set(
  split(`
  capital partners partenaires labs lab ai ia health sante energy energie bio biotech group groupe
  holdings holding inc corp corporation ltd sa sas se ag gmbh plc llc robotics materials therapeutics
  technologies technology systems pharma motors industries
  `),
);

/**
 * ING-ENT-12: life-science sector nouns that the press drops from a company's name once
 * introduced ("Akero Therapeutics" → "Akero"): the short form is the display name.
 */
export const SHORTENED_TAIL_WORDS: ReadonlySet<string> = new Set(
  split(`
  therapeutics biotherapeutics biosciences bioscience pharmaceuticals biopharmaceuticals biopharma
  biologics diagnostics
  `),
);

/** Role words near a two-word name make it a person ("le PDG d'Amazon, Andy Jassy"). */
export const PERSON_ROLE =
  /\b(?:pdg|ceo|chief executive|president|presidente|founder|co-founder|cofounder|fondateur|fondatrice|cofondateur|cofondatrice|directeur|directrice|chairman|chairwoman|chair|business angel|angel investor|associe|associee|ministre|minister|m\.|mme|mr|mrs|ms|dr|patron|patronne|dirigeant|dirigeante|executive|analyst|analyste|vice president|vice-president|spokesperson|spokesman|spokeswoman|porte-parole|economist|economiste|dirige par|dirigee par|run by|partner at|partner of|associe chez|associee chez|(?:co-?)?fondee?s?(?: en \d{4})? par|(?:co-?)?founded(?: in \d{4})? by)\b/;
