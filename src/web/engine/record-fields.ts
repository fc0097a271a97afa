import type { DealList } from "./deal-authoring.js";

/**
 * The fields a form shows for each kind of record of a deal document (src/deal/schema.ts):
 * the keys the deal format reads (dotted when nested, `preference.multiple`), how each is
 * entered, and its label in English and French. A field the schema requires is `required`
 * here only to mark it; the loader checks everything, with its own messages (WEB-AUTH-1).
 */
export type FieldKind =
  | { readonly kind: "text"; readonly placeholder?: string }
  | { readonly kind: "date" }
  | { readonly kind: "select"; readonly options: readonly string[] }
  | { readonly kind: "checkbox" }
  /** Comma-separated texts, written as a list. */
  | { readonly kind: "list" }
  /** Lines `KEY=VALUE`, written as a mapping. */
  | { readonly kind: "map" }
  /** The id of a record of another list of the document. */
  | { readonly kind: "ref"; readonly list: DealList };

export type FieldSpec = FieldKind & {
  readonly key: string;
  readonly en: string;
  readonly fr: string;
  readonly required?: boolean;
};

const id: FieldSpec = { key: "id", kind: "text", en: "Id", fr: "Identifiant" };
const name: FieldSpec = { key: "name", kind: "text", en: "Name", fr: "Nom", required: true };
const date: FieldSpec = { key: "date", kind: "date", en: "Date", fr: "Date", required: true };
const note: FieldSpec = { key: "note", kind: "text", en: "Note", fr: "Note" };
const holder: FieldSpec = {
  key: "holder",
  kind: "ref",
  list: "stakeholders",
  en: "Holder",
  fr: "Détenteur",
  required: true,
};
const shareClass: FieldSpec = {
  key: "class",
  kind: "ref",
  list: "classes",
  en: "Class",
  fr: "Catégorie",
  required: true,
};
const shares: FieldSpec = {
  key: "shares",
  kind: "text",
  en: "Shares",
  fr: "Actions",
  required: true,
  placeholder: "1_000_000",
};
const quantity: FieldSpec = { key: "quantity", kind: "text", en: "Quantity", fr: "Quantité", required: true };
const price: FieldSpec = {
  key: "price",
  kind: "text",
  en: "Price per share",
  fr: "Prix par action",
  placeholder: "$1.25",
};
const exercisePrice: FieldSpec = {
  key: "exercisePrice",
  kind: "text",
  en: "Exercise price",
  fr: "Prix d’exercice",
  required: true,
};
const expires: FieldSpec = { key: "expires", kind: "date", en: "Expires", fr: "Expiration" };
const txId: FieldSpec = {
  key: "id",
  kind: "text",
  en: "Id (t<position> when empty)",
  fr: "Identifiant (t<position> s’il est vide)",
};
const security: FieldSpec = { key: "security", kind: "text", en: "Security id", fr: "Identifiant du titre" };
const vesting: FieldSpec = {
  key: "vesting",
  kind: "ref",
  list: "vesting",
  en: "Vesting schedule",
  fr: "Calendrier d’acquisition",
};
const vestingStart: FieldSpec = {
  key: "vestingStart",
  kind: "date",
  en: "Vesting start",
  fr: "Début d’acquisition",
};

/** The kinds of transaction, as the deal format names them. */
export const TRANSACTION_TYPES = [
  "issue",
  "grant",
  "warrant",
  "safe",
  "note",
  "exercise",
  "transfer",
  "cancel",
  "repurchase",
  "split",
  "pool_increase",
  "authorize",
  "convert",
] as const;
export type TransactionType = (typeof TRANSACTION_TYPES)[number];

export const TRANSACTION_NAMES: Record<TransactionType, { en: string; fr: string }> = {
  issue: { en: "Issuance of shares", fr: "Émission d’actions" },
  grant: { en: "Option grant", fr: "Attribution d’options" },
  warrant: { en: "Warrant", fr: "Bon de souscription" },
  safe: { en: "SAFE", fr: "SAFE" },
  note: { en: "Convertible note", fr: "Obligation convertible" },
  exercise: { en: "Exercise", fr: "Exercice" },
  transfer: { en: "Transfer", fr: "Cession" },
  cancel: { en: "Cancellation", fr: "Annulation" },
  repurchase: { en: "Repurchase", fr: "Rachat" },
  split: { en: "Split", fr: "Division" },
  pool_increase: { en: "Pool increase", fr: "Augmentation de la réserve" },
  authorize: { en: "Authorized shares", fr: "Actions autorisées" },
  convert: { en: "Conversion", fr: "Conversion" },
};

/**
 * What a select's option is called in each language, by its value in the deal file (the
 * value stays the file's; the reader sees words). A value missing here is shown as written.
 */
export const OPTION_NAMES: Readonly<Record<string, { readonly en: string; readonly fr: string }>> = {
  option: { en: "Option", fr: "Option" },
  rsu: { en: "RSU", fr: "RSU (actions gratuites)" },
  post_money: { en: "Post-money", fr: "Post-money" },
  pre_money: { en: "Pre-money", fr: "Pré-money" },
  simple: { en: "Simple", fr: "Simples" },
  compound: { en: "Compound", fr: "Composés" },
  institution: { en: "Institution", fr: "Personne morale" },
  individual: { en: "Individual", fr: "Personne physique" },
  common: { en: "Common", fr: "Ordinaires" },
  preferred: { en: "Preferred", fr: "De préférence" },
  none: { en: "None", fr: "Aucune" },
  full: { en: "Full", fr: "Entière" },
  broad_based_weighted_average: { en: "Broad-based weighted average", fr: "Moyenne pondérée large" },
  narrow_based_weighted_average: { en: "Narrow-based weighted average", fr: "Moyenne pondérée étroite" },
  full_ratchet: { en: "Full ratchet", fr: "Cliquet intégral (full ratchet)" },
  pro_rata_cutback: { en: "Cut back pro rata", fr: "Réduction au prorata" },
  lead_priority: { en: "Lead investor first", fr: "Priorité à l’investisseur principal" },
  in_pre_money: { en: "In the pre-money", fr: "Dans la pré-money" },
  outside_pre_money: { en: "Outside the pre-money", fr: "Hors de la pré-money" },
  dollars_invested: { en: "Amounts invested", fr: "Montants investis" },
  report: { en: "Published report", fr: "Publication" },
  assumption: { en: "Assumption", fr: "Hypothèse" },
  rumored: { en: "Rumored", fr: "Rumeur" },
  in_talks: { en: "In talks", fr: "En discussion" },
  agreed: { en: "Agreed", fr: "Convenu" },
  announced: { en: "Announced", fr: "Annoncé" },
  closed: { en: "Closed", fr: "Conclu" },
  low: { en: "Low", fr: "Bas" },
  base: { en: "Base", fr: "De base" },
  high: { en: "High", fr: "Haut" },
  preMoney: { en: "Pre-money valuation", fr: "Valorisation pré-money" },
  postMoney: { en: "Post-money valuation", fr: "Valorisation post-money" },
  pricePerShare: { en: "Price per share", fr: "Prix par action" },
};

export const TRANSACTION_FIELDS: Record<TransactionType, readonly FieldSpec[]> = {
  issue: [
    txId,
    date,
    holder,
    shareClass,
    shares,
    price,
    { key: "invested", kind: "text", en: "Amount invested", fr: "Montant investi" },
    vesting,
    vestingStart,
    security,
  ],
  grant: [
    txId,
    date,
    holder,
    { key: "pool", kind: "ref", list: "pools", en: "Pool", fr: "Réserve" },
    {
      key: "optionType",
      kind: "select",
      options: ["", "option", "rsu"],
      en: "Option or RSU",
      fr: "Option ou RSU",
    },
    quantity,
    exercisePrice,
    vesting,
    vestingStart,
    expires,
    security,
  ],
  warrant: [txId, date, holder, shareClass, quantity, exercisePrice, expires, security],
  safe: [
    txId,
    date,
    holder,
    { key: "amount", kind: "text", en: "Purchase amount", fr: "Montant", required: true },
    {
      key: "safeType",
      kind: "select",
      options: ["post_money", "pre_money"],
      en: "SAFE type",
      fr: "Type de SAFE",
    },
    { key: "cap", kind: "text", en: "Valuation cap", fr: "Plafond de valorisation" },
    { key: "discount", kind: "text", en: "Discount (e.g. 20%)", fr: "Décote (par ex. 20 %)" },
    { key: "mfn", kind: "checkbox", en: "Most favoured nation", fr: "Nation la plus favorisée" },
    { key: "proRata", kind: "checkbox", en: "Pro-rata right", fr: "Droit au prorata" },
  ],
  note: [
    txId,
    date,
    holder,
    { key: "principal", kind: "text", en: "Principal", fr: "Principal", required: true },
    {
      key: "interestRate",
      kind: "text",
      en: "Interest rate a year (e.g. 6%)",
      fr: "Taux d’intérêt annuel (par ex. 6 %)",
      required: true,
    },
    { key: "interest", kind: "select", options: ["simple", "compound"], en: "Interest", fr: "Intérêts" },
    { key: "maturity", kind: "date", en: "Maturity", fr: "Échéance" },
    { key: "cap", kind: "text", en: "Valuation cap", fr: "Plafond de valorisation" },
    {
      key: "capBasis",
      kind: "select",
      options: ["", "pre_money", "post_money"],
      en: "Cap basis",
      fr: "Base du plafond",
    },
    { key: "discount", kind: "text", en: "Discount (e.g. 20%)", fr: "Décote (par ex. 20 %)" },
    { key: "proRata", kind: "checkbox", en: "Pro-rata right", fr: "Droit au prorata" },
  ],
  exercise: [
    txId,
    date,
    { ...security, required: true },
    quantity,
    { key: "resultingSecurity", kind: "text", en: "Resulting security id", fr: "Titre résultant" },
  ],
  transfer: [
    txId,
    date,
    { key: "from", kind: "ref", list: "stakeholders", en: "From", fr: "Cédant", required: true },
    { key: "to", kind: "ref", list: "stakeholders", en: "To", fr: "Cessionnaire", required: true },
    shareClass,
    shares,
    price,
    security,
  ],
  cancel: [
    txId,
    date,
    { ...security, required: true },
    { key: "quantity", kind: "text", en: "Quantity (all when empty)", fr: "Quantité (tout si vide)" },
  ],
  repurchase: [txId, date, holder, shareClass, shares, price, security],
  split: [
    txId,
    date,
    { key: "ratio", kind: "text", en: "Ratio (e.g. 2:1)", fr: "Rapport (par ex. 2:1)", required: true },
    { key: "classes", kind: "list", en: "Classes (all when empty)", fr: "Catégories (toutes si vide)" },
  ],
  pool_increase: [
    txId,
    date,
    { key: "pool", kind: "ref", list: "pools", en: "Pool", fr: "Réserve", required: true },
    shares,
  ],
  authorize: [
    txId,
    date,
    shareClass,
    {
      key: "authorized",
      kind: "text",
      en: "Authorized shares (or unlimited)",
      fr: "Actions autorisées (ou unlimited)",
      required: true,
    },
  ],
  convert: [
    txId,
    date,
    { ...security, required: true },
    { key: "to", kind: "ref", list: "classes", en: "Into class", fr: "En catégorie" },
    { key: "shares", kind: "text", en: "Shares", fr: "Actions" },
  ],
};

/** The fields of the records of every list but transactions (whose fields depend on their type). */
export const RECORD_FIELDS: Record<Exclude<DealList, "transactions">, readonly FieldSpec[]> = {
  stakeholders: [
    id,
    name,
    { key: "type", kind: "select", options: ["institution", "individual"], en: "Kind", fr: "Nature" },
    {
      key: "aliases",
      kind: "list",
      en: "Other names (comma-separated)",
      fr: "Autres noms (séparés par des virgules)",
    },
    note,
  ],
  classes: [
    id,
    name,
    {
      key: "type",
      kind: "select",
      options: ["common", "preferred"],
      en: "Kind",
      fr: "Nature",
      required: true,
    },
    { key: "authorized", kind: "text", en: "Authorized shares", fr: "Actions autorisées" },
    { key: "originalIssuePrice", kind: "text", en: "Original issue price", fr: "Prix d’émission" },
    { key: "conversionPrice", kind: "text", en: "Conversion price", fr: "Prix de conversion" },
    { key: "conversionRatio", kind: "text", en: "Conversion ratio", fr: "Ratio de conversion" },
    { key: "convertsTo", kind: "ref", list: "classes", en: "Converts into", fr: "Convertible en" },
    {
      key: "preference.multiple",
      kind: "text",
      en: "Preference multiple (e.g. 1x)",
      fr: "Multiple de préférence (par ex. 1x)",
    },
    {
      key: "preference.seniority",
      kind: "text",
      en: "Seniority (higher is paid first)",
      fr: "Rang (le plus haut est payé d’abord)",
    },
    {
      key: "preference.participation",
      kind: "select",
      options: ["", "none", "full"],
      en: "Participation",
      fr: "Participation",
    },
    {
      key: "antiDilution",
      kind: "select",
      options: ["", "none", "broad_based_weighted_average", "narrow_based_weighted_average", "full_ratchet"],
      en: "Anti-dilution",
      fr: "Anti-dilution",
    },
    note,
  ],
  pools: [
    id,
    name,
    { ...shareClass },
    { key: "reserved", kind: "text", en: "Shares reserved", fr: "Actions réservées" },
    note,
  ],
  vesting: [
    id,
    { key: "name", kind: "text", en: "Name", fr: "Nom" },
    { key: "months", kind: "text", en: "Months", fr: "Mois", required: true },
    { key: "cliffMonths", kind: "text", en: "Cliff (months)", fr: "Période de blocage (mois)" },
    { key: "intervalMonths", kind: "text", en: "Every (months)", fr: "Tous les (mois)" },
  ],
  rounds: [
    { key: "name", kind: "text", en: "Name", fr: "Nom", required: true },
    date,
    { key: "preMoney", kind: "text", en: "Pre-money", fr: "Pré-money" },
    { key: "postMoney", kind: "text", en: "Post-money", fr: "Post-money" },
    { key: "pricePerShare", kind: "text", en: "Price per share", fr: "Prix par action" },
    { key: "target", kind: "text", en: "Target (most new money)", fr: "Objectif (montant maximal)" },
    {
      key: "oversubscription",
      kind: "select",
      options: ["", "pro_rata_cutback", "lead_priority"],
      en: "Oversubscription",
      fr: "Sursouscription",
    },
    {
      key: "conventions.convertibles",
      kind: "select",
      options: ["", "in_pre_money", "outside_pre_money", "dollars_invested"],
      en: "Convertibles counted",
      fr: "Convertibles comptés",
    },
    note,
  ],
  sources: [
    id,
    { key: "type", kind: "select", options: ["report", "assumption"], en: "Kind", fr: "Nature" },
    { key: "publisher", kind: "text", en: "Publisher", fr: "Éditeur" },
    { key: "title", kind: "text", en: "Title", fr: "Titre" },
    { key: "date", kind: "date", en: "Date", fr: "Date" },
    { key: "language", kind: "text", en: "Language (fr, en)", fr: "Langue (fr, en)" },
    { key: "url", kind: "text", en: "Address (URL)", fr: "Adresse (URL)" },
    { key: "reliability", kind: "text", en: "Reliability (A to E)", fr: "Fiabilité (A à E)" },
  ],
  claims: [
    id,
    { key: "source", kind: "ref", list: "sources", en: "Source", fr: "Source", required: true },
    {
      key: "about",
      kind: "text",
      en: "About (e.g. round:series-a/size)",
      fr: "Porte sur (par ex. round:series-a/size)",
      required: true,
    },
    {
      key: "value",
      kind: "text",
      en: "Value (e.g. up to $50B)",
      fr: "Valeur (par ex. jusqu’à 50 Md$)",
      required: true,
    },
    {
      key: "status",
      kind: "select",
      options: ["rumored", "in_talks", "agreed", "announced", "closed"],
      en: "Status",
      fr: "Statut",
      required: true,
    },
    { key: "attribution", kind: "text", en: "Attribution", fr: "Attribution" },
    { key: "date", kind: "date", en: "Date", fr: "Date" },
  ],
  scenarios: [
    id,
    { key: "name", kind: "text", en: "Name", fr: "Nom" },
    {
      key: "pick",
      kind: "select",
      options: ["", "low", "base", "high"],
      en: "Quantities without a value take",
      fr: "Les quantités sans valeur prennent",
    },
    {
      key: "claims",
      kind: "list",
      en: "Claims that hold (comma-separated; the default reading when empty)",
      fr: "Affirmations retenues (séparées par des virgules)",
    },
    {
      key: "values",
      kind: "map",
      en: "Values, one a line: QUANTITY=VALUE",
      fr: "Valeurs, une par ligne : QUANTITÉ=VALEUR",
    },
  ],
};

/** The fields of a record of a list; a transaction's depend on its type. */
export function fieldsOf(list: DealList, type?: string): readonly FieldSpec[] {
  // A kind of transaction the forms do not know (tender, debt, pay-to-play…) shows its id and
  // date only; the form keeps its other fields, which the YAML view edits.
  if (list === "transactions")
    return TRANSACTION_FIELDS[(type ?? "issue") as TransactionType] ?? [txId, date];
  return RECORD_FIELDS[list];
}
