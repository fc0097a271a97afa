import type { ClaimRef, ConflictExplanation, GapExplanation } from "../app/claims-report.js";
import type { BreakpointExplanation, BreakpointPosition } from "../app/exit-report.js";
import type { FieldRef, PricingNote } from "../app/model.js";
import { compactMoney, currencySymbol, type Money } from "../core/exact/money.js";
import type { Rational } from "../core/exact/rational.js";
import type { AgreementKind } from "../core/flows/agreement.js";
import type { ErrorCode } from "../core/shared/errors.js";
import type { ClaimStatus } from "../core/uncertainty/claim.js";
import type { Relation } from "../core/uncertainty/conflict-explanation.js";
import { DEFAULT_ABOUT_WIDTH, type Estimate, type EstimateUnit } from "../core/uncertainty/estimate.js";
import type { Change } from "../core/uncertainty/timeline.js";

/**
 * French for what the engine says as codes (issue 16, "French throughout"): every error
 * code of the catalogue (src/core/shared/errors.ts) and every explanation code of the typed
 * reports, worded from their parameters. The CLI's and the web app's French renderers read
 * these; `test/report/french.test.ts` walks the catalogue and the explanation codes.
 */
export const ERROR_SUMMARIES_FR: Readonly<Record<ErrorCode, string>> = {
  usage: "La commande ou la requête est mal formée.",
  file_unreadable: "Un fichier d'entrée ne peut pas être lu.",
  input_too_large: "Une entrée dépasse une limite documentée.",
  deal_syntax: "Le fichier du dossier n'est pas du YAML ou du JSON bien formé.",
  deal_invalid_field: "Un champ du dossier a un type ou une valeur erronés, ou est inconnu.",
  deal_unknown_reference:
    "Un champ nomme un actionnaire, une catégorie, un pool, un titre ou un tour que le dossier ne définit pas.",
  deal_duplicate_id: "Deux enregistrements de même nature partagent un identifiant.",
  amount_invalid: "Un montant ne peut pas être lu.",
  currency_without_rate:
    "Des montants en deux devises se rencontrent et le dossier n'indique aucun taux de change entre elles.",
  date_before_formation: "Une opération est datée d'avant la constitution de la société.",
  issuance_exceeds_authorized: "Les actions émises d'une catégorie dépasseraient le nombre autorisé.",
  grant_exceeds_pool: "Une attribution d'options dépasse les actions disponibles dans son pool.",
  transfer_exceeds_holding: "Une cession porte sur plus d'actions que le détenteur n'en possède.",
  tender_exceeds_holding:
    "Un vendeur d'une offre de rachat (tender offer) propose plus d'actions qu'il n'en détient.",
  repurchase_exceeds_holding: "Un rachat porte sur plus d'actions que le détenteur n'en possède.",
  exercise_exceeds_outstanding: "Un exercice porte sur plus d'options ou de bons que ceux en circulation.",
  cancellation_exceeds_outstanding: "Une annulation retire plus que ce qui est en circulation.",
  security_not_outstanding: "Une opération nomme un titre qui n'est pas en circulation à sa date.",
  security_wrong_kind: "Une opération nomme un titre d'une nature sur laquelle elle ne peut pas agir.",
  conversion_cycle: "Des catégories d'actions se convertissent les unes dans les autres en boucle.",
  mfn_without_later_safe:
    "Un SAFE avec clause NPF n'a aucun SAFE ultérieur dont reprendre les conditions (un avertissement).",
  round_terms_infeasible:
    "Les conditions du tour ne peuvent pas toutes tenir (par exemple des droits sur 100 % ou plus de la société).",
  round_invalid: "Les conditions du tour sont incomplètes ou incohérentes.",
  output_exists: "Le chemin de sortie existe et l'écrasement n'a pas été demandé.",
  file_unwritable: "Un fichier ou un dossier de sortie ne peut pas être écrit.",
  bad_response:
    "La réponse du serveur ne se lit pas comme le rapport attendu (l'application web nomme le champ).",
  ocf_schemas_missing:
    "Le dossier des schémas JSON officiels OCF indiqué (--schemas ou $ROUNDTABLE_OCF_SCHEMAS) ne les contient pas ; sans dossier indiqué, les vérifications propres à roundtable s'appliquent.",
  ocf_package_unreadable:
    "Un paquet OCF (dossier, zip ou manifeste) ne peut pas être ouvert : zip corrompu, manifeste absent, chemin hors du paquet.",
  ocf_json_invalid: "Un fichier d'un paquet OCF n'est pas du JSON bien formé.",
  ocf_schema_violation: "Un fichier ou un objet OCF enfreint une règle des schémas JSON officiels OCF.",
  ocf_hash_mismatch: "L'empreinte MD5 d'un fichier diffère de celle que le manifeste OCF indique.",
  ocf_duplicate_id:
    "Deux objets OCF de même nature, ou deux émissions d'un même titre, partagent un identifiant.",
  ocf_broken_reference:
    "Un objet OCF nomme un actionnaire, une catégorie, un plan, des conditions d'acquisition, un titre ou un objet que le paquet ne définit pas.",
  ocf_unmappable:
    "Un objet OCF indique des valeurs que le registre ne peut pas représenter (par exemple des quantités résultantes dont la somme ne tombe pas juste).",
  ocf_export_incomplete:
    "OCF exige une valeur que le registre ne contient pas (par exemple le pays de constitution de l'émetteur).",
  import_not_spreadsheet:
    "Le fichier à importer n'est pas un tableur CSV ou XLSX (un PDF, un ancien .xls, une autre archive zip, des données binaires).",
  import_sheet_not_found: "La feuille nommée pour l'import ne figure pas dans le classeur.",
  import_sheet_empty: "La feuille à importer n'a pas de ligne d'en-tête ou aucune ligne de détention.",
  import_headers_unrecognised:
    "Une colonne obligatoire (détenteur, catégorie, actions) ne figure pas parmi les en-têtes de la feuille.",
  import_duplicate_header: "Deux colonnes de la feuille désignent le même champ.",
  import_invalid_cell:
    "Une cellule du tableur ne peut pas être lue comme ce que contient sa colonne (un nombre d'actions, un montant, une date…).",
  import_missing_value: "Une ligne de détention laisse vide une cellule obligatoire.",
  import_conflicting_values:
    "Deux lignes indiquent des conditions différentes pour une même catégorie ou un même détenteur.",
  import_date_ambiguous:
    "Des dates écrites jour et mois séparés par des barres obliques se lisent dans les deux sens ; l'ordre doit être indiqué.",
  import_mapping_invalid:
    "Le fichier de correspondance de l'import n'est pas valide ou nomme une colonne absente de la feuille.",
  import_total_mismatch:
    "Un total de la feuille (ligne ou colonne de total) diffère de la somme des actions importées.",
  import_percentage_mismatch:
    "Un pourcentage de la feuille diffère de la détention que donnent les actions importées (un avertissement, sauf en mode strict).",
  import_check_skipped:
    "Un total ou un pourcentage de la feuille est une formule sans valeur calculée : il n'est pas vérifié (un avertissement).",
  import_class_undefined:
    "Une catégorie utilisée par une détention n'est pas définie dans la feuille ; elle est importée comme actions ordinaires (un avertissement).",
  import_value_assumed:
    "Un chiffre dont le dossier a besoin manque dans la feuille ; une valeur indiquée le remplace, marquée comme hypothèse (un avertissement).",
  import_column_ignored:
    "Une colonne de la feuille n'est pas importée : son en-tête ne nomme aucun champ connu de l'import (un avertissement).",
  import_row_skipped:
    "Une ligne de la feuille n'est pas importée (pas en circulation, ou sans actions) ; signalé par un avertissement.",
  import_deal_invalid:
    "Le dossier construit depuis le tableur ne se charge pas (une règle du registre échoue) ; rien n'est écrit.",
  solve_infeasible: "Aucune valeur de l'inconnue ne satisfait l'objectif ; aucune réponse n'est donnée.",
  estimate_unreadable:
    "Une estimation ne peut pas être lue (formes attendues : « jusqu'à 50 Md$ », « entre 1 Md$ et 2 Md$ »).",
  estimate_unknown_qualifier:
    "Une estimation commence par un mot qui n'est pas un qualificatif connu (environ, jusqu'à, au moins…).",
  estimate_bounds_reversed:
    "La borne basse d'une estimation dépasse sa borne haute, ou son mode est hors de ces bornes.",
  estimate_negative: "Une estimation d'un montant ou d'une fraction est négative.",
  estimate_out_of_range: "Une estimation d'une fraction dépasse 1 (100 %).",
  estimate_invalid_distribution:
    "La loi d'une estimation est inconnue ou ses paramètres ne lui conviennent pas.",
  quantity_invalid_id:
    "Un identifiant de grandeur n'a pas une forme connue (round:ID/investment:DETENTEUR, round:ID/size…).",
  quantity_unknown_reference: "Une grandeur nomme un actionnaire ou un tour que le dossier ne définit pas.",
  source_invalid: "Une source a une note ou un score de fiabilité erronés, ou un champ mal formé.",
  claim_unknown_source: "Une affirmation nomme une source qui n'existe pas.",
  claim_unknown_quantity: "Une affirmation porte sur une grandeur que le dossier ne définit pas.",
  claim_unit_mismatch:
    "L'estimation d'une affirmation est dans une unité (montant ou fraction) que sa grandeur n'a pas.",
  claim_unknown: "Un ensemble d'affirmations ou un scénario nomme une affirmation qui n'existe pas.",
  claim_set_inconsistent:
    "Les affirmations choisies ne peuvent pas toutes tenir ; le message dit lesquelles se contredisent et pourquoi.",
  reconcile_limit_reached:
    "La réconciliation s'est arrêtée à une limite documentée ; les lectures listées ne sont pas toutes (un avertissement).",
  quantity_unbounded:
    "Une grandeur n'a pas de borne haute sous les affirmations choisies, et le scénario ou la simulation en a besoin.",
  scenario_invalid:
    "Un scénario nomme une grandeur inconnue ou fixe une valeur que les affirmations choisies excluent.",
  what_if_unknown_name:
    "Une hypothèse (--set NOM=VALEUR) nomme un chiffre que le dossier n'a pas ; le message liste les noms.",
  what_if_invalid:
    "Une valeur d'hypothèse ne peut pas être lue, n'est pas exacte, ou contredit un chiffre du dossier ou les autres valeurs fixées.",
  simulation_unsupported:
    "La simulation rapide ne prend pas en charge les conditions de ce tour ; le message dit lesquelles et pourquoi.",
  simulation_sampling_failed:
    "Les affirmations laissent une région trop étroite pour que l'échantillonneur y tire des scénarios.",
  simulation_cancelled:
    "La simulation a été annulée avant la fin (une tâche annulée) ; rien n'a été produit.",
  exit_value_negative:
    "Une valeur de sortie, un prix ou une valorisation d'introduction en bourse est négatif.",
  exit_value_list_ambiguous:
    "Une liste de valeurs de sortie contient une virgule qui n'est pas un séparateur de milliers : plusieurs valeurs se séparent par « ; » (ou en répétant --at).",
  exit_terms_invalid:
    "Un paramètre de sortie est hors limites (frais, dette, carve-out, bornes ou pas d'un balayage).",
  exit_participation_cap_invalid:
    "Un plafond de participation est inférieur à 1x ou au multiple de préférence de la catégorie.",
  exit_preference_undefined:
    "Une préférence de liquidation ou un dividende ne peut pas être calculé : sa base (prix d'émission d'origine ou montant investi) manque.",
  exit_convertibles_exceed_capitalization:
    "Les SAFE post-money et les obligations convertibles en circulation à la sortie détiendraient 100 % ou plus de la société à leurs plafonds.",
  exit_no_residual_claimant:
    "Rien en circulation ne peut recevoir la valeur de sortie au-delà des préférences (aucune action).",
  ingest_empty_input: "Le texte à analyser est vide ou ne contient que des blancs.",
  ingest_binary_input: "L'entrée à analyser contient des octets NUL : c'est du binaire, pas du texte.",
  ingest_invalid_utf8: "L'entrée à analyser n'est pas de l'UTF-8 valide.",
  ingest_invalid_option:
    "Une option d'analyse (langue, date de la source, actionnaires connus) a une valeur erronée.",
  ingest_no_figures:
    "Le texte ne contient aucun chiffre ni accord qui se lise comme une affirmation (un avertissement).",
  ingest_language_uncertain:
    "La langue du texte n'a pas pu être déterminée avec assurance (un avertissement).",
  ingest_currency_inferred:
    "Le montant d'une affirmation ne nomme aucune devise ; celle de l'article a été retenue (un avertissement).",
  ingest_claims_truncated:
    "Le texte donne plus d'affirmations ou d'entités que la limite documentée ; le reste est laissé de côté (un avertissement).",
  request_invalid:
    "Le chemin, les paramètres, les en-têtes ou le corps d'une requête n'ont pas la forme documentée.",
  document_kind_wrong:
    "La requête attend le dossier d'une société et a reçu un espace de travail, ou l'inverse.",
  unsupported_media_type:
    "Le corps d'une requête n'est ni du JSON ni du YAML (application/json, application/yaml ou text/yaml).",
  unauthenticated: "La requête ne porte aucune session ni aucun jeton d'API valide.",
  login_failed: "Le nom d'utilisateur ou le mot de passe est erroné (la réponse ne dit pas lequel).",
  login_rate_limited:
    "Trop de connexions échouées pour ce nom d'utilisateur ou cette adresse ; attendez avant de réessayer.",
  csrf_token_invalid:
    "Une écriture authentifiée par un cookie de session n'a pas l'en-tête X-CSRF-Token de la session.",
  forbidden: "Le rôle de l'utilisateur dans l'espace de travail ne permet pas cette requête.",
  not_found:
    "Aucun espace de travail, dossier, révision, utilisateur, jeton ou tâche de ce nom n'est visible pour l'utilisateur.",
  invitation_unknown: "Aucune invitation n'a ce code.",
  invitation_closed:
    "L'invitation a déjà servi, a expiré ou a été retirée ; le message dit laquelle de ces raisons.",
  already_exists: "Un espace de travail ou un utilisateur de ce nom existe déjà.",
  version_conflict:
    "L'écriture attendait une version du dossier qui n'est plus la dernière ; rien n'a été modifié.",
  too_many_jobs:
    "Le serveur exécute autant de tâches que sa limite le permet ; réessayez quand l'une d'elles se termine.",
  computation_too_long:
    "Un calcul d'une requête a dépassé la limite de temps du serveur et a été arrêté ; réduisez l'entrée ou lancez-le avec la CLI.",
  unavailable: "Le serveur s'arrête ou sa base de données est injoignable ; réessayez.",
  audit_chain_broken:
    "La chaîne d'empreintes du journal d'audit ne se vérifie pas : une entrée ou une révision a été modifiée après son écriture.",
};

/** Every explanation a typed report carries (APP-2), by code. */
export type AnyExplanation = PricingNote | ConflictExplanation | GapExplanation | BreakpointExplanation;
export type ExplanationCode = AnyExplanation["code"];

/** The explanation codes, listed so that a test can walk them; the type below keeps the list whole. */
export const EXPLANATION_CODES = [
  "valuation_as_stated",
  "valuation_differs_from_stated",
  "claims_conflict",
  "claims_gap_exceeds",
  "claims_gap_short",
  "fees_paid",
  "debt_repaid",
  "carve_out_maximum",
  "level_paid",
  "common_starts",
  "regime_change",
] as const satisfies readonly ExplanationCode[];

// A compile-time check that no explanation code is missing from the list above.
type Missing = Exclude<ExplanationCode, (typeof EXPLANATION_CODES)[number]>;
const _everyCodeListed: [Missing] extends [never] ? true : Missing = true;
void _everyCodeListed;

/** The kinds of agreement between parties (docs/spec/flows.md), in French. */
export const AGREEMENT_KINDS_FR: Readonly<Record<AgreementKind, string>> = {
  cloud_compute: "capacité de calcul (cloud)",
  chips_hardware: "puces et matériel",
  distribution: "distribution",
  revenue_share: "partage de revenus",
  licensing: "licence",
  other: "autre",
};

/** A group separator for French numbers: the narrow no-break space (as `fr-FR` formats them). */
const FRENCH_GROUP = "\u202f";

/** A decimal in French: groups of three with a narrow no-break space, a decimal comma. */
export function frenchFixed(text: string): string {
  const negative = text.startsWith("-");
  const [whole, frac] = (negative ? text.slice(1) : text).split(".");
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, FRENCH_GROUP);
  return `${negative ? "-" : ""}${grouped}${frac === undefined ? "" : `,${frac}`}`;
}

/** Money written in full in French: "1 234 567,89 $", "12,5000 €". */
export function frenchMoneyText(value: Money, places: number): string {
  const symbol = currencySymbol(value.currency) || value.currency;
  return `${frenchFixed(value.amount.toFixed(places))} ${symbol}`;
}

/** A fraction as a French percentage: "27,00 %", "< 0,01 %". */
export function frenchPercent(value: Rational): string {
  if (value.isZero()) return "0 %";
  const text = value.mulInt(100n).toFixed(2);
  if (text === "0.00" || text === "-0.00") return value.isNegative() ? "> -0,01 %" : "< 0,01 %";
  return `${text.replace(".", ",")} %`;
}

const RELATIONS_FR: Readonly<Record<Relation, string>> = {
  "<=": "au plus",
  "<": "moins de",
  ">=": "au moins",
  ">": "plus de",
};

const BASIS_FR: Readonly<Record<string, string>> = {
  pre_money: "la valorisation pré-money",
  post_money: "la valorisation post-money",
};

const STATED_FR: Readonly<Record<string, string>> = {
  pre_money: "la valorisation pré-money indiquée",
  post_money: "la valorisation post-money indiquée",
  price_per_share: "le prix par action indiqué",
};

function valueFr(value: Rational, unit: EstimateUnit): string {
  return unit.kind === "fraction"
    ? frenchPercent(value)
    : compactMoney({ kind: "money", currency: unit.currency, amount: value }, "fr");
}

/** A claim's stated figure in French, as the engine's `formatEstimate` words it in English. */
export function estimateFr(e: Estimate): string {
  const v = (r: Rational) =>
    e.unit.kind === "fraction"
      ? `${frenchFixed(r.mulInt(100n).toDecimalString(4))} %`
      : compactMoney({ kind: "money", currency: e.unit.currency, amount: r }, "fr");
  switch (e.qualifier) {
    case "exact":
      return v(e.stated!);
    case "about":
      return e.width && !e.width.eq(DEFAULT_ABOUT_WIDTH)
        ? `${v(e.stated!)} ± ${frenchFixed(e.width.mulInt(100n).toDecimalString(4))} %`
        : `environ ${v(e.stated!)}`;
    case "up_to":
      return `jusqu'à ${v(e.stated!)}`;
    case "less_than":
      return `moins de ${v(e.stated!)}`;
    case "at_least":
      return `au moins ${v(e.stated!)}`;
    case "more_than":
      return `plus de ${v(e.stated!)}`;
    case "between":
      if (e.lower!.strict || e.upper!.strict)
        return `${e.lower!.strict ? "plus de" : "au moins"} ${v(e.lower!.value)} et ${e.upper!.strict ? "moins de" : "au plus"} ${v(e.upper!.value)}`;
      return `entre ${v(e.lower!.value)} et ${v(e.upper!.value)}`;
    case "distribution": {
      const d = e.distribution;
      return d.kind === "lognormal"
        ? `log-normale, 90 % entre ${v(d.p5)} et ${v(d.p95)}`
        : DISTRIBUTIONS_FR[d.kind];
    }
  }
}

const DISTRIBUTIONS_FR: Readonly<Record<Exclude<Estimate["distribution"], undefined>["kind"], string>> = {
  point: "ponctuelle",
  uniform: "uniforme",
  triangular: "triangulaire",
  pert: "PERT",
  lognormal: "log-normale",
};

/** A claim named in French: "Amazon : jusqu'à 50 Md$" (its English name when it carries no estimate). */
export function claimNameFr(ref: ClaimRef): string {
  return ref.estimate && ref.subject !== undefined
    ? `${ref.subjectFr ?? ref.subject} : ${estimateFr(ref.estimate)}`
    : ref.name;
}

/** A claim's status (UNC-CLAIM), in French. */
export const CLAIM_STATUSES_FR: Readonly<Record<ClaimStatus, string>> = {
  rumored: "rumeur",
  in_talks: "en discussion",
  agreed: "convenu",
  announced: "annoncé",
  closed: "conclu",
};

/** How a claim moved from the previous one on its subject (UNC-TL-1), in French. */
export const CHANGES_FR: Readonly<Record<Change, string>> = {
  first: "première",
  unchanged: "inchangée",
  narrowed: "resserrée",
  widened: "élargie",
  raised: "relevée",
  lowered: "abaissée",
  shifted: "décalée",
  contradicts: "contredit",
};

/** The deal's own stated terms as a source (TERMS_SOURCE_ID), in French: the engine names it in English. */
export const TERMS_SOURCE_FR = "les conditions indiquées du dossier";

/** A source's kind, in French. */
export const SOURCE_TYPES_FR: Readonly<Record<"report" | "assumption", string>> = {
  report: "article",
  assumption: "hypothèse",
};

const names = (refs: readonly ClaimRef[]) => refs.map((r) => `« ${claimNameFr(r)} »`).join(", ");

/** Two amounts in the compact form, or to the cent when their compact forms read the same. */
function distinctMoney(a: Money, b: Money): [string, string] {
  const compact = [compactMoney(a, "fr"), compactMoney(b, "fr")] as const;
  return compact[0] === compact[1] ? [frenchMoneyText(a, 2), frenchMoneyText(b, 2)] : [...compact];
}

/**
 * A position a breakpoint names, in French from its parts: a class's shares by their name,
 * options by their class and strike, a warrant, SAFE or note by its security; with `ids`
 * (the CLI's `--ids`), every one followed by its id, as the English text does.
 */
export function breakpointPositionFr(p: BreakpointPosition, ids = false): string {
  const words = breakpointPositionWordsFr(p);
  // The CLI's `--ids` puts every position's id after its words, as refText does for a name.
  return ids && words !== p.id ? `${words} [${p.id}]` : words;
}

function breakpointPositionWordsFr(p: BreakpointPosition): string {
  const cls = p.shareClass?.name ?? "";
  switch (p.kind) {
    case "options":
      return p.strike === null
        ? p.name
        : `options ${cls} au prix d’exercice de ${p.strike.toDecimalString(6).replace(".", ",")}`;
    case "warrant":
      return `bon de souscription ${p.security ?? p.id} (${cls})`;
    case "safe":
      return `SAFE ${p.security ?? p.id}`;
    case "note":
      return `obligation convertible ${p.security ?? p.id}`;
    default:
      return p.name;
  }
}

/** An explanation of a typed report in French, from its code and parameters. */
export function explanationFr(e: AnyExplanation, currency = "USD", ids = false): string {
  const money = (amount: Rational) =>
    compactMoney({ kind: "money", currency: currency as never, amount }, "fr");
  const signed = (amount: Rational) => `${amount.isNegative() ? "-" : "+"}${money(amount.abs())}`;
  switch (e.code) {
    case "valuation_as_stated":
      return `Le tour est évalué selon ${STATED_FR[e.params.basis] ?? e.params.basis}, sans écart.`;
    case "valuation_differs_from_stated": {
      const p = e.params;
      const parts: string[] = [];
      if (p.conversions)
        parts.push(
          p.conversions.method === "outside_pre_money"
            ? `${signed(p.conversions.amount)} pour les actions issues des conversions au prix du tour (la méthode pré-money fixe le prix sans elles)`
            : `${signed(p.conversions.amount)} pour les montants des SAFE et obligations convertis (la méthode des montants investis les ajoute à la pré-money)`,
        );
      if (!p.priceRounding.isZero())
        parts.push(
          `${signed(p.priceRounding)} dus à l'arrondi du prix${p.pricePlaces === undefined ? "" : ` à ${p.pricePlaces} décimales`}`,
        );
      if (p.antiDilution)
        parts.push(
          `${signed(p.antiDilution.amount)} pour les ${p.antiDilution.shares.toLocaleString("fr-FR")} actions (sur une base convertie) de l'ajustement anti-dilution au prix du tour`,
        );
      if (!p.wholeShares.isZero()) parts.push(`${signed(p.wholeShares)} dus aux actions entières`);
      // Two valuations that read the same compactly (830 Md$ and 830 Md$) are written exactly.
      const [priced, stated] = distinctMoney(p.priced, p.stated);
      return `${BASIS_FR[p.basis]} calculée (${priced}) diffère de celle indiquée (${stated}) : ${parts.join(", ")}.`.replace(
        /^l/,
        "L",
      );
    }
    case "claims_conflict": {
      const p = e.params;
      const verb = (r: Relation) => (r === "<=" || r === "<" ? "autorise" : "exige");
      return `« ${claimNameFr(p.pivot)} » ${verb(p.pivotBound.relation)} pour ${p.pivot.subjectFr ?? p.subject} ${RELATIONS_FR[p.pivotBound.relation]} ${valueFr(p.pivotBound.value, p.unit)}, mais ${p.others.length === 0 ? "les autres chiffres" : names(p.others)} ${p.others.length > 1 ? (verb(p.implied.relation) === "exige" ? "exigent" : "autorisent") : verb(p.implied.relation)} ${RELATIONS_FR[p.implied.relation]} ${valueFr(p.implied.value, p.unit)}${p.usesDomain ? " (aucun montant n'est négatif, aucune part ne dépasse 100 %)" : ""}.`;
    }
    case "claims_gap_exceeds":
      return `Les bornes hautes des membres (${names(e.params.members)}) totalisent ${valueFr(e.params.sum, e.params.unit)}, plus que les ${valueFr(e.params.bound, e.params.unit)} que « ${claimNameFr(e.params.group)} » autorise pour le groupe : ils ne peuvent pas tous atteindre leur borne ensemble.`;
    case "claims_gap_short":
      return `Les bornes hautes des membres (${names(e.params.members)}) totalisent ${valueFr(e.params.sum, e.params.unit)}, moins que les ${valueFr(e.params.bound, e.params.unit)} qu'exige « ${claimNameFr(e.params.group)} ».`;
    case "fees_paid":
      return "frais payés";
    case "debt_repaid":
      return "dette remboursée";
    case "carve_out_maximum":
      return "le carve-out atteint son maximum";
    case "level_paid":
      return `préférences payées : ${e.params.positions.map((p) => breakpointPositionFr(p, ids)).join(", ")}`;
    case "common_starts":
      return "les actions ordinaires commencent à recevoir de la valeur";
    case "regime_change":
      return `changements : ${e.params.positions.map((p) => breakpointPositionFr(p, ids)).join(", ")}`;
  }
}

/** The ledger's transaction kinds in French (the web editor's words for the same kinds). */
const TRANSACTION_KINDS_FR: Readonly<Record<string, string>> = {
  stock_issuance: "l'émission d'actions",
  option_grant: "l'attribution d'options",
  warrant_issuance: "l'émission de bons de souscription",
  safe_issuance: "l'émission du SAFE",
  note_issuance: "l'émission de l'obligation convertible",
  exercise: "l'exercice",
  transfer: "la cession",
  cancellation: "l'annulation",
  repurchase: "le rachat",
  split: "la division",
  pool_increase: "la hausse du pool",
  conversion: "la conversion",
  conversion_price_adjustment: "l'ajustement du prix de conversion",
  authorized_shares_adjustment: "l'ajustement des actions autorisées",
  debt_issuance: "l'emprunt",
  debt_repayment: "le remboursement de l'emprunt",
  tender: "l'offre de rachat",
  pay_to_play: "le pay-to-play",
};

const FIELDS_FR: Readonly<Record<string, string>> = {
  preMoney: "pré-money",
  postMoney: "post-money",
  pricePerShare: "prix par action",
  shares: "actions",
  amount: "montant",
  target: "objectif",
};

/**
 * A field of the deal file in French, from its parts: "l'émission d'actions du 2025-10-28 à
 * OpenAI Foundation", "2026 mega-round : pré-money"; its English name when it has no parts.
 */
export function fieldNameFr(ref: FieldRef): string {
  const about = ref.about;
  if (!about) return ref.name;
  const field = about.field ? (FIELDS_FR[about.field] ?? about.field) : undefined;
  if (about.kind === "round") return field ? `${about.round} : ${field}` : about.round;
  const kind = TRANSACTION_KINDS_FR[about.type] ?? about.type.replaceAll("_", " ");
  const what = `${kind} du ${about.date}${about.holder ? ` à ${about.holder}` : ""}`;
  return field ? `${what} (${field})` : what;
}

/** A share class's type, in French. */
export const CLASS_TYPES_FR: Readonly<Record<string, string>> = {
  common: "ordinaire",
  preferred: "de préférence",
};

/** An anti-dilution method (a share class's protection), in French. */
export const ANTI_DILUTION_FR: Readonly<Record<string, string>> = {
  none: "aucune",
  broad_based_weighted_average: "moyenne pondérée large",
  narrow_based_weighted_average: "moyenne pondérée étroite",
  full_ratchet: "cliquet intégral (full ratchet)",
};

/** What a SAFE or note converts at, in French (the model text's words). */
export const CONVERSION_BASES_FR: Readonly<Record<string, string>> = {
  cap: "plafond",
  discount: "décote",
  round_price: "prix du tour",
};

/** A position's or class's state in a waterfall, in French (the web's words for the same states). */
export const POSITION_STATES_FR: Readonly<Record<string, string>> = {
  common: "ordinaire",
  unpaid: "non payée",
  takes_preference: "prend sa préférence",
  participates: "participe",
  at_cap: "au plafond",
  converts: "convertit",
  exercises: "exerce",
  out_of_the_money: "hors de la monnaie",
};

/** How a scenario chose a value from the claims' feasible range, in French (the scenarios' headers). */
export const SCENARIO_PICKS_FR: Readonly<Record<string, string>> = {
  stated: "indiquée",
  low: "bas",
  base: "de base",
  high: "haut",
};
