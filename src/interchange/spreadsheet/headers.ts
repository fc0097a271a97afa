/**
 * Header recognition (IMP-10, IMP-11): a header is compared with each field's names after
 * removing case, accents, spaces and punctuation, so that "Nombre d'actions",
 * "NOMBRE D’ACTIONS" and "nombre_actions" are the same name. English and French names
 * and the usual synonyms of the tools that export cap tables are listed for each field.
 */

export type Field =
  | "holder"
  | "class"
  | "shares"
  | "holderKind"
  | "security"
  | "price"
  | "amount"
  | "issueDate"
  | "strike"
  | "expiry"
  | "vestingStart"
  | "vestingMonths"
  | "cliffMonths"
  | "classType"
  | "preferenceMultiple"
  | "participation"
  | "seniority"
  | "conversionRatio"
  | "antiDilution"
  | "originalIssuePrice"
  | "valuationCap"
  | "discount"
  | "interestRate"
  | "certificate"
  | "status"
  | "total"
  | "percent"
  | "options"
  | "warrants"
  | "ignored";

/** Names of each field, as people write them; normalised when the table is built. */
const NAMES: Readonly<Record<Exclude<Field, "percent">, readonly string[]>> = {
  holder: [
    "holder",
    "holder name",
    "stakeholder",
    "stakeholder name",
    "shareholder",
    "shareholder name",
    "stockholder",
    "stockholder name",
    "security holder",
    "investor",
    "investor name",
    "name",
    "full name",
    "owner",
    "member",
    "partner",
    "actionnaire",
    "associé",
    "associés",
    "porteur",
    "nom du porteur",
    "titulaire",
    "détenteur",
    "bénéficiaire",
    "nom",
    "nom et prénom",
    "investisseur",
    "souscripteur",
  ],
  class: [
    "class",
    "share class",
    "stock class",
    "class of shares",
    "class of stock",
    "security class",
    "series",
    "share type",
    "stock type",
    "catégorie",
    "catégorie d'actions",
    "catégorie de titres",
    "classe",
    "classe d'actions",
    "type d'actions",
    "type de titres",
  ],
  shares: [
    "shares",
    "number of shares",
    "no of shares",
    "share count",
    "quantity",
    "qty",
    "shares held",
    "shares owned",
    "shares issued",
    "issued shares",
    "quantity issued",
    "units",
    "nombre d'actions",
    "nb actions",
    "nb d'actions",
    "nombre de titres",
    "nb titres",
    "nombre de parts",
    "quantité",
    "actions",
    "titres",
    "nombre",
  ],
  holderKind: [
    "holder kind",
    "holder type",
    "stakeholder type",
    "shareholder type",
    "investor type",
    "type of holder",
    "relationship",
    "role",
    "type de porteur",
    "catégorie de porteur",
    "type d'actionnaire",
    "qualité",
  ],
  security: [
    "security",
    "security type",
    "type of security",
    "instrument",
    "instrument type",
    "equity type",
    "nature du titre",
    "nature des titres",
    "type de titre",
    "type d'instrument",
    "valeur mobilière",
  ],
  price: [
    "price per share",
    "price paid per share",
    "price paid",
    "paid per share",
    "share price",
    "issue price",
    "issue price per share",
    "subscription price",
    "price",
    "cost per share",
    "purchase price",
    "prix par action",
    "prix de souscription",
    "prix unitaire",
    "prix d'émission",
    "prix",
  ],
  amount: [
    "amount invested",
    "invested",
    "investment",
    "amount",
    "cost",
    "total cost",
    "cash paid",
    "purchase amount",
    "principal",
    "montant",
    "montant investi",
    "montant souscrit",
    "apport",
  ],
  issueDate: [
    "issue date",
    "date",
    "date of issue",
    "grant date",
    "issuance date",
    "purchase date",
    "acquisition date",
    "date d'émission",
    "date de souscription",
    "date d'attribution",
    "date d'acquisition",
    "date d'entrée",
  ],
  strike: [
    "strike",
    "strike price",
    "exercise price",
    "exercise price per share",
    "prix d'exercice",
    "prix de souscription des actions",
  ],
  expiry: [
    "expiry",
    "expiry date",
    "expiration",
    "expiration date",
    "expires",
    "maturity",
    "maturity date",
    "date d'expiration",
    "échéance",
    "date d'échéance",
  ],
  vestingStart: [
    "vesting start",
    "vesting start date",
    "vesting commencement date",
    "vesting from",
    "début de vesting",
    "début du vesting",
    "début d'acquisition",
    "date de début de vesting",
  ],
  vestingMonths: [
    "vesting months",
    "vesting period",
    "vesting period months",
    "vesting duration",
    "vesting",
    "durée de vesting",
    "durée du vesting",
    "durée d'acquisition",
    "vesting mois",
  ],
  cliffMonths: ["cliff", "cliff months", "cliff period", "cliff mois", "durée du cliff"],
  classType: [
    "class type",
    "type of class",
    "share class type",
    "stock class type",
    "type de classe",
    "type de catégorie",
    "class kind",
  ],
  preferenceMultiple: [
    "liquidation preference",
    "preference multiple",
    "liquidation multiple",
    "liq pref",
    "preference",
    "préférence de liquidation",
    "multiple de préférence",
    "multiple de liquidation",
  ],
  participation: [
    "participation",
    "participating",
    "participating preferred",
    "participatif",
    "participative",
  ],
  seniority: [
    "seniority",
    "rank",
    "liquidation seniority",
    "liquidation rank",
    "rang",
    "séniorité",
    "antériorité",
  ],
  conversionRatio: [
    "conversion ratio",
    "conversion rate",
    "ratio de conversion",
    "parité de conversion",
    "parité",
  ],
  antiDilution: [
    "anti-dilution",
    "anti dilution",
    "anti-dilution protection",
    "anti-dilution provision",
    "anti-dilution adjustment",
    "price protection",
    "anti-dilution type",
    "clause anti-dilution",
    "protection anti-dilution",
    "anti-dilution (type)",
  ],
  originalIssuePrice: ["original issue price", "oip", "prix d'émission initial"],
  valuationCap: [
    "valuation cap",
    "cap",
    "post money cap",
    "pre money cap",
    "plafond de valorisation",
    "valorisation plafond",
  ],
  discount: ["discount", "discount rate", "décote", "taux de décote", "remise"],
  interestRate: ["interest rate", "interest", "taux d'intérêt", "taux", "intérêt"],
  certificate: [
    "certificate",
    "certificate id",
    "certificate number",
    "certificate no",
    "security id",
    "security label",
    "label",
    "grant id",
    "grant number",
    "id",
    "numéro de certificat",
    "numéro",
    "référence",
    "ref",
  ],
  status: [
    "status",
    "statut",
    "state",
    "état",
    "security status",
    "certificate status",
    "grant status",
    "statut du titre",
  ],
  total: [
    "total",
    "total shares",
    "total outstanding",
    "total issued",
    "total fully diluted",
    "total fd",
    "fully diluted shares",
    "fully diluted",
    "total actions",
    "total titres",
    "total dilué",
    "total non dilué",
    "grand total",
  ],
  options: [
    "options",
    "stock options",
    "options granted",
    "options outstanding",
    "granted options",
    "bspce",
    "rsu",
    "rsus",
    "options attribuées",
  ],
  warrants: ["warrants", "warrants outstanding", "bsa", "bons de souscription"],
  ignored: [
    "email",
    "e mail",
    "address",
    "adresse",
    "country",
    "pays",
    "notes",
    "note",
    "comment",
    "comments",
    "commentaire",
    "commentaires",
    "group",
    "groupe",
    "tax id",
    "phone",
    "téléphone",
  ],
};

/** A header without case, accents, spaces or punctuation (`#` and `n°` read as "number"). */
export function normaliseHeader(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/#|\bn[°º]|\bno\./g, " number ")
    .replace(/\bnumber of\b/g, "number of")
    .replace(/[^a-z0-9%]+/g, "");
}

const FIELD_OF = new Map<string, Field>();
for (const [field, names] of Object.entries(NAMES) as [Field, readonly string[]][]) {
  for (const name of names) FIELD_OF.set(normaliseHeader(name), field);
}
// "# shares", "no. of shares" and "number of shares" all say shares.
FIELD_OF.set(normaliseHeader("number shares"), "shares");

/** What a percentage column measures: fully diluted, outstanding, or not said. */
export type PercentBasis = "fully_diluted" | "outstanding" | "either";

export interface HeaderMeaning {
  readonly field: Field;
  readonly basis?: PercentBasis;
}

/** The field a header names, or undefined when it is not one the import knows. */
export function recogniseHeader(text: string): HeaderMeaning | undefined {
  const key = normaliseHeader(text);
  if (key === "") return undefined;
  const known = FIELD_OF.get(key);
  if (known) return { field: known };
  if (key.includes("%") || /percent|pourcentage|ownership|detention|stake/.test(key)) {
    const fd = /fullydiluted|fd|dilue|diluted/.test(key) && !/nondilue|undiluted|nondiluted/.test(key);
    const out = /outstanding|issued|nondilue|undiluted|nondiluted|basic|emis/.test(key);
    return { field: "percent", basis: fd ? "fully_diluted" : out ? "outstanding" : "either" };
  }
  return undefined;
}

/** The names a field is known by, for messages that list what was expected. */
export function namesOf(field: Exclude<Field, "percent" | "ignored">): readonly string[] {
  return NAMES[field];
}

/**
 * The fields that make a row a header row when recognised; weak ones ("name", "date")
 * count for less, so that a title row does not pass for headers.
 */
export function headerScore(meaning: HeaderMeaning | undefined): number {
  if (!meaning) return 0;
  if (meaning.field === "holder" || meaning.field === "shares" || meaning.field === "class") return 2;
  return 1;
}
