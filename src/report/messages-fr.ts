import type {
  FileRole,
  InputForm,
  Message,
  MessageKey,
  MessageParams,
  NestedMessage,
  ReadFailure,
  RecordKind,
} from "../core/shared/messages.js";

/**
 * The problems' messages in French (issue 16, "French throughout"), one per key of the
 * catalogue (`MESSAGES`, src/core/shared/messages.ts), worded from the same parameters.
 * `test/report/french.test.ts` walks the catalogue; the type keeps it whole.
 */

const FILE_ROLES_FR: Readonly<Record<FileRole, string>> = {
  "deal file": "le fichier du dossier",
  "workspace file": "le fichier de l'espace de travail",
  report: "l'article",
  spreadsheet: "le tableur",
  "mapping file": "le fichier de correspondance",
};

const RECORD_KINDS_FR: Readonly<Record<RecordKind, string>> = {
  stakeholder: "un actionnaire inconnu",
  "share class": "une catégorie d'actions inconnue",
  "option pool": "un pool d'options inconnu",
  "vesting schedule": "un calendrier d'acquisition inconnu",
  security: "un titre inconnu",
  "venture debt": "une dette venture inconnue",
};

function readFailureFr(why: ReadFailure): string {
  if (typeof why !== "string") return why.system;
  return {
    no_such_file: "fichier introuvable",
    is_directory: "c'est un dossier",
    directory_not_deal: "c'est un dossier, pas un fichier de dossier d'investissement",
    permission_denied: "permission refusée",
  }[why];
}

/** `a, b ou c`. */
function ouList(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? "")
    : `${items.slice(0, -1).join(", ")} ou ${items[items.length - 1]}`;
}

/** A value the schema describes (`a list`, `a mapping`, a quoted text or a number), in French. */
function gotFr(got: string): string {
  return got === "a list" ? "une liste" : got === "a mapping" ? "un tableau associatif" : got;
}

/** French quotation marks around a value the user gave. */
const q = (text: string) => `« ${text} »`;

export const MESSAGES_FR: { readonly [K in MessageKey]: (p: MessageParams<K>) => string } = {
  input_too_large: (p) => `l'entrée dépasse la limite de ${p.limit} ; la lecture s'est arrêtée là`,
  binary_file: () => "c'est un fichier binaire, pas un dossier YAML ou JSON",
  cannot_read: (p) => `impossible de lire ${FILE_ROLES_FR[p.what]} : ${readFailureFr(p.why)}`,
  cannot_write: (p) => `impossible d'écrire ${p.what} : ${p.why}`,
  cannot_write_file: (p) => `impossible d'écrire le fichier : ${p.why}`,
  cannot_write_deal_file: (p) => `impossible d'écrire le fichier du dossier : ${p.why}`,
  output_exists: (p) => `${p.out} existe déjà ; ajoutez --force pour le remplacer`,
  out_is_directory: (p) => `${p.out} est un dossier : --out nomme le fichier à écrire`,
  out_folder_missing: (p) => `impossible d'écrire ${p.out} : le dossier ${p.folder} n'existe pas`,
  out_needs_file_format: (p) =>
    `--out écrit un rapport pdf ou xlsx : ajoutez --format pdf ou --format xlsx (--format ${p.format} écrit sur la sortie standard)`,
  file_format_needs_out: (p) =>
    `--format ${p.format} écrit un fichier : nommez-le avec --out FICHIER (par exemple --out rapport.${p.format})`,
  file_to_terminal: (p) =>
    `refus d'écrire un fichier ${p.format} dans le terminal : redirigez la sortie standard, ou nommez un fichier avec --out`,
  yaml_syntax: (p) =>
    `syntaxe YAML ou JSON invalide à cet endroit (indentation, crochet ou guillemet non fermé)${p.commas ? " ; entre { } une virgule sépare les entrées : mettez entre guillemets les montants écrits avec des virgules, comme '$2,000,000'" : ""}`,
  flag_input: (p) => `${p.flag} : ${messageFr(p.message)}`,
  flag_whole_number: (p) =>
    `${p.flag} attend un nombre entier${p.max !== undefined ? ` de ${p.min ?? 0} à ${p.max.replaceAll(",", " ")}` : p.min !== undefined ? ` d'au moins ${p.min}` : ""}, reçu ${q(p.got)}`,
  flag_whole_number_is: (p) =>
    `${p.flag} est un nombre entier${p.what === "decimal places" ? " de décimales" : p.what === "days" ? " de jours" : ""}${p.max !== undefined ? ` de ${p.min ?? 0} à ${p.max}` : ""} ; reçu ${q(p.got)}`,
  flag_must_be_between: (p) =>
    `${p.flag} doit être un nombre entier de ${p.min} à ${p.max}, reçu ${q(p.got)}`,
  flag_date: (p) => `${p.flag} attend une date AAAA-MM-JJ, reçu ${q(p.got)}`,
  flag_is_date: (p) => `${p.flag} est une date AAAA-MM-JJ ; reçu ${q(p.got)}`,
  flag_choice: (p) => `${p.flag} attend ${ouList(p.choices)}, reçu ${q(p.got)}`,
  flag_must_be_choice: (p) => `${p.flag} doit valoir ${ouList(p.choices)}, pas ${q(p.got)}`,
  flag_is_one_of: (p) => `${p.flag} vaut l'un de ${p.choices.join(", ")} ; reçu ${q(p.got)}`,
  flag_port: (p) => `--port attend un numéro de 0 à 65535, reçu ${q(p.got)}`,
  flag_currency: (p) => `--currency attend un code ISO 4217 comme EUR ou USD, reçu ${q(p.got)}`,
  flag_country: (p) => `--country attend un code ISO 3166-1 alpha-2 comme US ou FR, reçu ${q(p.got)}`,
  flag_target: (p) =>
    `--target attend investisseur=fraction, comme amazon=10% ou amazon=0.1 ; reçu ${q(p.got)}`,
  flags_exactly_one: (p) =>
    `indiquez une seule option parmi ${ouList(p.flags)}${p.example ? `, par exemple ${p.example}` : ""}`,
  flag_needs: (p) => `${p.flag} demande ${p.needs} où écrire`,
  company_not_workspace: () =>
    "--company vaut pour un fichier d'espace de travail ; celui-ci est le dossier d'une seule société",
  exit_file_modes: (p) =>
    `--format ${p.format} écrit la cascade aux valeurs de --at avec les points de bascule, ou les points de bascule seuls : --sweep et --ipo écrivent du texte, du JSON ou du CSV`,
  input_form: (p) => INPUT_FORMS_FR[p.form],
  amount_empty: () =>
    "montant vide ; écrivez un montant comme 50 Md$, 40 Md€, $50B, 2,5 M€ ou 1 234 567,89 €",
  amount_unreadable: (p) =>
    `${q(p.text)} n'est pas un montant ; écrivez un montant comme 50 Md$, 40 Md€, $50B, 2,5 M€ ou 1 234 567,89 €`,
  amount_trailing: (p) => `${q(p.text)} : ${q(p.rest)} inattendu après le montant`,
  amount_no_currency: (p) => `${q(p.text)} ne nomme aucune devise ; écrivez-le comme 50 Md$, 40 Md€ ou $50B`,
  exit_value_comma: (p) =>
    `${q(p.text)} : une virgule dans une valeur de sortie n'est lue que comme séparateur de milliers (1,500,000), et ${q(p.comma)} n'en est pas un : écrivez les décimales avec un point (2.5M) et séparez plusieurs valeurs de sortie par « ; » (15M;60M;1B)`,
  exit_value_empty: (p) => `${q(p.text)} contient une valeur de sortie vide entre ses « ; »`,
  exit_value_currency: (p) => `${p.value} n'est pas en ${p.currency}, la devise du dossier`,
  exit_value_negative: (p) => `une valeur de sortie ne peut pas être négative (${p.value})`,
  sweep_form: (p) => `un balayage s'écrit de..à, comme 0..1B, reçu ${q(p.got)}`,
  estimate_unknown_word: (p) =>
    `${q(p.text)} : ${q(p.word)} n'est pas un qualificatif connu ; écrivez un montant (60 Md$), environ X, jusqu'à X, moins de X, au moins X, plus de X, entre X et Y, X±10%`,
  estimate_unreadable: (p) =>
    `${q(p.text)} n'est pas une estimation ; écrivez un montant (60 Md$), environ X, jusqu'à X, moins de X, au moins X, plus de X, entre X et Y, X±10%`,
  estimate_no_amount: (p) => `${q(p.text)} : aucun montant après ${q(p.prefix)}`,
  wrong_file_kind: (p) =>
    p.got === "workspace"
      ? "c'est un fichier d'espace de travail (plusieurs sociétés) ; cette commande prend le dossier d'une seule société (flows, exposure et validate prennent les espaces de travail)"
      : "c'est le dossier d'une seule société ; la commande prend un fichier d'espace de travail (avec une section workspace)",
  no_such_party: (p) =>
    `aucune partie ${q(p.party)} dans l'espace de travail ; ses parties sont ${p.parties.join(", ")}`,
  valuation_form: (p) =>
    `${p.flag ? "--" : ""}valuation attend société=montant pour une société de l'espace de travail, comme openai=1000 Md$ ; reçu ${q(p.got)}`,
  round_price_currency: (p) =>
    `le tour ${p.round} fixe son prix en ${p.from} sans taux de change vers ${p.to}`,
  round_pricing_not_positive: (p) =>
    p.basis === "price_per_share"
      ? `le tour ${p.round} a un prix par action qui n'est pas strictement positif`
      : `le tour ${p.round} a une valorisation ${p.basis === "pre_money" ? "pré" : "post"}-money qui n'est pas strictement positive`,
  round_unknown_investor: (p) =>
    `le tour ${p.round} a un investissement d'un actionnaire inconnu, ${q(p.investor)}`,
  round_negative_investment: (p) => `tour ${p.round} : ${p.investor} investit un montant négatif`,
  unknown_claims: (p) =>
    `${p.unknown.length > 1 ? "affirmations inconnues" : "affirmation inconnue"} ${p.unknown.join(", ")} ; les affirmations du dossier sont ${p.claims.join(", ")}`,
  no_such_scenario: (p) =>
    `aucun scénario ${q(p.scenario)} ; les scénarios ${p.of === "deal" ? "du dossier" : "de l'espace de travail"} sont ${p.scenarios.join(", ")}`,
  worker_needs_postgres: () =>
    "un worker exécute les tâches de serveurs sur PostgreSQL : définissez DATABASE_URL (sur SQLite, le serveur exécute lui-même ses tâches)",
  password_length: (p) =>
    `un mot de passe a de ${p.min} à ${p.max} caractères ; passez-le sur l'entrée standard, jamais en argument`,
  user_name_form: (p) =>
    `un nom d'utilisateur a de 1 à 64 lettres, chiffres, ., _, @ ou - ; reçu ${q(p.got)}`,
  workspace_id_form: (p) =>
    `un identifiant d'espace de travail a de 1 à 64 lettres, chiffres, - ou _ ; reçu ${q(p.got)}`,
  investor_stakeholders: () =>
    "un investisseur est lié à au moins un identifiant --stakeholder, et seul un investisseur l'est",
  no_workspace: (p) => `aucun espace de travail ${q(p.id)}`,
  user_exists: (p) =>
    `un utilisateur ${q(p.name)} existe déjà${p.invited ? " ; un propriétaire l'ajoute plutôt comme membre" : ""}`,
  audit_broken: (p) =>
    `la piste d'audit est rompue${p.seq === undefined ? "" : ` à l'entrée ${p.seq}`} : ${p.reason}`,
  no_rounds: (p) =>
    `le dossier n'a aucun tour${p.purpose === "to model" ? " à modéliser" : p.purpose === "to solve" ? " à résoudre" : ""} ; ajoutez-en un sous rounds`,
  no_such_round: (p) => `aucun tour ${q(p.round)} dans le dossier ; ses tours sont ${p.rounds.join(", ")}`,
  invest_needed: () =>
    'indiquez au moins un --invest INVESTISSEUR=MONTANT, par exemple --invest "Acme Ventures=$5M"',
  invest_form: (p) => `--invest ${q(p.text)} : écrivez INVESTISSEUR=MONTANT, par exemple "Acme Ventures=$5M"`,
  invest_twice: (p) => `--invest nomme ${p.name} deux fois ; un seul montant par investisseur`,
  lead_not_investor: (p) => `--lead ${p.lead} n'investit pas dans le tour`,
  id_taken: (p) =>
    `le dossier a déjà ${p.kind === "round" ? "un tour" : "une transaction"} ${q(p.id)} ; choisissez un autre --id`,
  pool_target_pool: (p) =>
    p.pools.length === 0
      ? "--pool-target demande un pool d'options sur une catégorie ordinaire, et le dossier n'a aucune catégorie ordinaire"
      : `--pool-target demande --pool, l'un de ${p.pools.join(", ")}`,
  not_a_pool: (p) =>
    p.none
      ? `--pool ${p.pool} n'est pas un pool du dossier, qui n'en a aucun : omettez --pool pour en créer un avec le tour`
      : `--pool ${p.pool} n'est pas un pool du dossier`,
  safe_terms: () =>
    "un SAFE demande un plafond de valorisation (--cap), une décote (--discount), ou les deux",
  investor_needed: () => "--investor nomme qui investit",
  new_entries: (p) =>
    `${p.what === "round" ? "le nouveau tour" : p.what === "SAFE" ? "le nouveau SAFE" : "la nouvelle obligation convertible"} : ${messageFr(p.message)}`,
  transaction: (p) => `transaction ${p.id} (${p.type}, ${p.date}) : ${messageFr(p.message)}`,
  names_unknown: (p) => `nomme ${RECORD_KINDS_FR[p.kind]}, ${q(p.id)}`,
  not_outstanding: (p) =>
    p.kind === "security"
      ? `nomme le titre ${q(p.id)}, qui n'est plus en circulation`
      : `rembourse ${q(p.id)}, qui n'est pas une dette venture en cours`,
  field_required: (p) => `est obligatoire${p.options ? ` : l'un de ${p.options.join(", ")}` : ""}`,
  field_expected: (p) => `attendu : ${TYPE_WORDS_FR[p.expected] ?? p.expected}, reçu ${gotFr(p.got)}`,
  field_unknown: (p) =>
    `champ${p.keys.length > 1 ? "s" : ""} inconnu${p.keys.length > 1 ? "s" : ""} ${p.keys.map((k) => q(k)).join(", ")}`,
  field_must_be: (p) =>
    `doit valoir ${p.values.length === 1 ? p.values[0] : `l'un de ${p.values.join(", ")}`}, reçu ${gotFr(p.got)}`,
  field_unknown_kind: (p) => `${p.discriminator} inconnu ${p.got} ; attendu l'un de ${p.options.join(", ")}`,
  field_wrong_form: (p) => `n'a pas la bonne forme : ${gotFr(p.got)}`,
  field_wrong_format: (p) => `n'a pas le bon format : ${gotFr(p.got)}`,
  field_min_items: (p) => `demande au moins ${p.min} élément${p.min === 1 ? "" : "s"}`,
  field_not_empty: () => "ne doit pas être vide",
  field_at_least: (p) => `doit valoir au moins ${p.min}, reçu ${gotFr(p.got)}`,
  field_too_long: (p) => `est trop long (au plus ${p.max} caractères)`,
  field_too_many: (p) => `a trop d'éléments (au plus ${p.max})`,
  field_at_most: (p) => `doit valoir au plus ${p.max}, reçu ${gotFr(p.got)}`,
};

const INPUT_FORMS_FR: Readonly<Record<InputForm, string>> = {
  date: "une date s'écrit AAAA-MM-JJ",
  fraction: "une fraction s'écrit 10% ou 0.1",
  seed: "une graine est un nombre entier",
  currency: "un code ISO 4217 comme EUR ou USD",
  country: "un code ISO 3166-1 alpha-2 comme US ou FR",
};

/** The value types the schema names (`expected string, got a number`), in French. */
const TYPE_WORDS_FR: Readonly<Record<string, string>> = {
  string: "un texte",
  number: "un nombre",
  boolean: "un booléen",
  object: "un objet",
  array: "une liste",
  bigint: "un nombre entier",
};

/** A problem's message in French, from its key and parameters. */
export function messageFr(m: Message | NestedMessage): string {
  return (MESSAGES_FR[m.key as MessageKey] as (p: unknown) => string)(m.params);
}
