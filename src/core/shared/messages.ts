/**
 * The messages that come with a problem, as data (issue 16: "French throughout"): a key and
 * its parameters. `MESSAGES` words each in English — the text a problem's `message` holds,
 * which the JSON of the CLI and the API keep — and `MESSAGES_FR` (src/report/fr.ts) in
 * French, for a face that speaks French (the CLI with `--lang fr`). A parameter is a value
 * the user gave or the deal names (ids, figures as written, file names), never a sentence,
 * except `message`s, which are messages themselves and are worded in the same language.
 * A problem without a key (an engine message not yet given one) is printed as it is.
 */

/** Why a file cannot be read: the system's reasons a person acts on, or its own words. */
export type ReadFailure =
  | "no_such_file"
  | "is_directory"
  | "directory_not_deal"
  | "permission_denied"
  | { readonly system: string };

/** The files a command reads. */
export type FileRole = "deal file" | "workspace file" | "report" | "spreadsheet" | "mapping file";

/** The forms a use case's input is written in (its schema's own messages, `inputForm`). */
export type InputForm = "date" | "fraction" | "seed" | "currency" | "country";

const INPUT_FORMS_EN: Readonly<Record<InputForm, string>> = {
  date: "a date is written YYYY-MM-DD",
  fraction: "a fraction is written as 10% or 0.1",
  seed: "a seed is a whole number",
  currency: "an ISO 4217 code such as EUR or USD",
  country: "an ISO 3166-1 alpha-2 code such as US or FR",
};

/** A schema's message for an input form (its English), and the form a schema's message names. */
export function inputForm(form: InputForm): string {
  return INPUT_FORMS_EN[form];
}
export function inputFormOf(text: string): InputForm | undefined {
  return (Object.keys(INPUT_FORMS_EN) as InputForm[]).find((f) => INPUT_FORMS_EN[f] === text);
}

/** The kinds of record a deal names by id. */
export type RecordKind =
  | "stakeholder"
  | "share class"
  | "option pool"
  | "vesting schedule"
  | "security"
  | "venture debt";

/** A message inside another's parameters (its type kept open to break the type's cycle). */
export interface NestedMessage {
  readonly key: string;
  readonly params: unknown;
}

export const MESSAGES = {
  // Reading and writing files.
  input_too_large: (p: { limit: string }) =>
    `the input is larger than the ${p.limit} limit; reading stopped there`,
  binary_file: (_: Record<string, never>) => "is a binary file, not a YAML or JSON deal",
  cannot_read: (p: { what: FileRole; why: ReadFailure }) =>
    `cannot read the ${p.what}: ${readFailureEn(p.why)}`,
  cannot_write: (p: { what: string; why: string }) => `cannot write ${p.what}: ${p.why}`,
  cannot_write_deal_file: (p: { why: string }) => `cannot write the deal file: ${p.why}`,
  cannot_write_file: (p: { why: string }) => `cannot write the file: ${p.why}`,
  output_exists: (p: { out: string }) => `${p.out} exists; pass --force to replace it`,
  out_is_directory: (p: { out: string }) => `${p.out} is a directory: --out names the file to write`,
  out_folder_missing: (p: { out: string; folder: string }) =>
    `cannot write ${p.out}: the folder ${p.folder} does not exist`,
  out_needs_file_format: (p: { format: string }) =>
    `--out writes a pdf or xlsx report: add --format pdf or --format xlsx (--format ${p.format} prints to standard output)`,
  file_format_needs_out: (p: { format: string }) =>
    `--format ${p.format} writes a file: name it with --out FILE (for example --out report.${p.format})`,
  file_to_terminal: (p: { format: string }) =>
    `refusing to write a ${p.format} file to the terminal: redirect standard output, or name a file with --out`,
  /** The YAML parser's own words (`detail`, with the hint about commas when `commas`). */
  yaml_syntax: (p: { detail: string; commas: boolean }) => p.detail,
  // A flag's value.
  flag_input: (p: { flag: string; message: NestedMessage }) => `${p.flag}: ${say(p.message)}`,
  flag_whole_number: (p: { flag: string; got: string; min?: number; max?: string }) =>
    `${p.flag} takes a whole number${p.max !== undefined ? ` from ${p.min ?? 0} to ${p.max}` : p.min !== undefined ? ` of at least ${p.min}` : ""}, got "${p.got}"`,
  flag_whole_number_is: (p: {
    flag: string;
    got: string;
    what?: "decimal places" | "days";
    min?: number;
    max?: number;
  }) =>
    `${p.flag} is a whole number${p.what ? ` of ${p.what}` : ""}${p.max !== undefined ? ` from ${p.min ?? 0} to ${p.max}` : ""}; got "${p.got}"`,
  flag_must_be_between: (p: { flag: string; min: number; max: number; got: string }) =>
    `${p.flag} must be a whole number from ${p.min} to ${p.max}, got "${p.got}"`,
  flag_date: (p: { flag: string; got: string; form: "calendar" | "plain" | "as" }) =>
    `${p.flag} takes ${p.form === "calendar" ? "a calendar date YYYY-MM-DD" : p.form === "as" ? "a date as YYYY-MM-DD" : "YYYY-MM-DD"}, got "${p.got}"`,
  flag_is_date: (p: { flag: string; got: string }) => `${p.flag} is a date as YYYY-MM-DD; got "${p.got}"`,
  flag_choice: (p: { flag: string; choices: readonly string[]; got: string }) =>
    `${p.flag} takes ${orList(p.choices)}, got "${p.got}"`,
  flag_must_be_choice: (p: { flag: string; choices: readonly string[]; got: string }) =>
    `${p.flag} must be ${orList(p.choices)}, not "${p.got}"`,
  flag_is_one_of: (p: { flag: string; choices: readonly string[]; got: string }) =>
    `${p.flag} is one of ${p.choices.join(", ")}; got "${p.got}"`,
  flag_port: (p: { got: string }) => `--port takes 0 to 65535, got "${p.got}"`,
  flag_currency: (p: { got: string }) =>
    `--currency takes an ISO 4217 code such as EUR or USD, got "${p.got}"`,
  flag_country: (p: { got: string }) =>
    `--country takes an ISO 3166-1 alpha-2 code such as US or FR, got "${p.got}"`,
  flag_target: (p: { got: string }) =>
    `--target takes investor=fraction, such as amazon=10% or amazon=0.1; got "${p.got}"`,
  flags_exactly_one: (p: { flags: readonly string[]; example?: string }) =>
    `give exactly one of ${orList(p.flags)}${p.example ? `, e.g. ${p.example}` : ""}`,
  flag_needs: (p: { flag: string; needs: string }) => `${p.flag} needs ${p.needs} to write to`,
  company_not_workspace: (_: Record<string, never>) =>
    "--company is for a workspace file; this is a deal file of one company",
  exit_file_modes: (p: { format: string }) =>
    `--format ${p.format} writes the waterfall at --at values with the breakpoints, or the breakpoints alone: --sweep and --ipo print text, JSON or CSV`,
  /** How an input is written (a use case's schema): its own message, worded again from the key. */
  input_form: (p: { form: InputForm }) => INPUT_FORMS_EN[p.form],
  // Amounts of money and exit values.
  amount_empty: (p: { examples: string }) => `empty amount; expected an amount ${p.examples}`,
  amount_unreadable: (p: { text: string; examples: string }) =>
    `"${p.text}" is not an amount; expected an amount ${p.examples}`,
  amount_trailing: (p: { text: string; rest: string }) =>
    `"${p.text}": unexpected "${p.rest}" after the amount`,
  amount_no_currency: (p: { text: string }) =>
    `"${p.text}" names no currency; write it as $50B, 50 billion USD or 40 Md$`,
  exit_value_comma: (p: { text: string; comma: string }) =>
    `"${p.text}": a comma in an exit value is read only as a thousands separator (1,500,000), and "${p.comma}" is not one: write decimals with a point (2.5M) and separate several exit values with ";" (15M;60M;1B)`,
  exit_value_empty: (p: { text: string }) => `"${p.text}" has an empty exit value between its ";"`,
  exit_value_currency: (p: { value: string; currency: string }) =>
    `${p.value} is not in ${p.currency}, the deal's currency`,
  exit_value_negative: (p: { value: string }) => `an exit value cannot be negative (${p.value})`,
  sweep_form: (p: { got: string }) => `a sweep is written from..to, such as 0..1B, got "${p.got}"`,
  estimate_unknown_word: (p: { text: string; word: string; forms: string }) =>
    `"${p.text}": "${p.word}" is not a known qualifier; write ${p.forms}`,
  estimate_unreadable: (p: { text: string; forms: string }) =>
    `"${p.text}" is not an estimate; write ${p.forms}`,
  estimate_no_amount: (p: { text: string; prefix: string }) => `"${p.text}": no amount after "${p.prefix}"`,
  wrong_file_kind: (p: { got: "workspace" | "deal" }) =>
    p.got === "workspace"
      ? "this is a workspace file (several companies); this command takes a deal file of one company (flows, exposure and validate take workspaces)"
      : "this is a deal file of one company; the command takes a workspace file (with a workspace section)",
  no_such_party: (p: { party: string; parties: readonly string[] }) =>
    `no party "${p.party}" in the workspace; its parties are ${p.parties.join(", ")}`,
  /** `valuation takes…`, or `--valuation takes…` when the flag gave it. */
  valuation_form: (p: { got: string; flag?: boolean }) =>
    `${p.flag ? "--" : ""}valuation takes company=amount for a company of the workspace, such as openai=$1T; got "${p.got}"`,
  unknown_claims: (p: { unknown: readonly string[]; claims: readonly string[] }) =>
    `unknown claim${p.unknown.length > 1 ? "s" : ""} ${p.unknown.join(", ")}; the deal's claims are ${p.claims.join(", ")}`,
  no_such_scenario: (p: { scenario: string; of: "deal" | "workspace"; scenarios: readonly string[] }) =>
    `no scenario "${p.scenario}"; the ${p.of}'s scenarios are ${p.scenarios.join(", ")}`,
  // Pricing a round.
  round_price_currency: (p: { round: string; from: string; to: string }) =>
    `round ${p.round} states its price in ${p.from} with no rate to ${p.to}`,
  round_pricing_not_positive: (p: { round: string; basis: "pre_money" | "post_money" | "price_per_share" }) =>
    `round ${p.round} has a ${p.basis.replaceAll("_", "-")} that is not positive`,
  round_unknown_investor: (p: { round: string; investor: string }) =>
    `round ${p.round} has an investment by unknown stakeholder "${p.investor}"`,
  round_negative_investment: (p: { round: string; investor: string }) =>
    `round ${p.round}: ${p.investor} invests a negative amount`,
  // Accounts and the store.
  worker_needs_postgres: (_: Record<string, never>) =>
    "a worker runs the jobs of servers on PostgreSQL: set DATABASE_URL (on SQLite the server runs its jobs itself)",
  password_length: (p: { min: number; max: number }) =>
    `a password has ${p.min} to ${p.max} characters; pass it on standard input, never as an argument`,
  user_name_form: (p: { got: string }) =>
    `a user name is 1 to 64 letters, digits, ., _, @ or -; got "${p.got}"`,
  workspace_id_form: (p: { got: string }) =>
    `a workspace id is 1 to 64 letters, digits, - or _; got "${p.got}"`,
  investor_stakeholders: (_: Record<string, never>) =>
    "an investor is linked to at least one --stakeholder id, and only an investor is",
  no_workspace: (p: { id: string }) => `no workspace "${p.id}"`,
  user_exists: (p: { name: string; invited?: boolean }) =>
    `a user "${p.name}" already exists${p.invited ? "; an owner adds them as a member instead" : ""}`,
  audit_broken: (p: { seq?: number; reason: string }) =>
    `the audit trail is broken${p.seq === undefined ? "" : ` at entry ${p.seq}`}: ${p.reason}`,
  // Choosing what to compute.
  no_rounds: (p: { purpose?: "to model" | "to solve" }) =>
    `the deal has no rounds${p.purpose ? ` ${p.purpose}` : ""}; add one under rounds`,
  no_such_round: (p: { round: string; rounds: readonly string[] }) =>
    `no round "${p.round}" in the deal; its rounds are ${p.rounds.join(", ")}`,
  // Authoring (add-round, add-safe, add-note).
  invest_needed: (_: Record<string, never>) =>
    'give at least one --invest INVESTOR=AMOUNT, e.g. --invest "Acme Ventures=$5M"',
  invest_form: (p: { text: string }) =>
    `--invest "${p.text}": write INVESTOR=AMOUNT, e.g. "Acme Ventures=$5M"`,
  invest_twice: (p: { name: string }) => `--invest names ${p.name} twice; give one amount per investor`,
  lead_not_investor: (p: { lead: string }) => `--lead ${p.lead} is not one of the round's investors`,
  id_taken: (p: { kind: "round" | "transaction"; id: string }) =>
    `the deal already has a ${p.kind} "${p.id}"; choose another --id`,
  pool_target_pool: (p: { pools: readonly string[] }) =>
    p.pools.length === 0
      ? "--pool-target needs an option pool on a common class, and the deal has no common class"
      : `--pool-target needs --pool, one of ${p.pools.join(", ")}`,
  not_a_pool: (p: { pool: string; none: boolean }) =>
    p.none
      ? `--pool ${p.pool} is not a pool of the deal, which has none: leave --pool out to create one with the round`
      : `--pool ${p.pool} is not a pool of the deal`,
  safe_terms: (_: Record<string, never>) =>
    "a SAFE needs a valuation cap (--cap), a discount (--discount), or both",
  investor_needed: (_: Record<string, never>) => "--investor names who invests",
  new_entries: (p: { what: "round" | "SAFE" | "note"; message: NestedMessage }) =>
    `the new ${p.what}: ${say(p.message)}`,
  // The ledger.
  transaction: (p: { id: string; type: string; date: string; message: NestedMessage }) =>
    `transaction ${p.id} (${p.type}, ${p.date}) ${say(p.message)}`,
  names_unknown: (p: { kind: RecordKind; id: string }) => `names unknown ${p.kind} "${p.id}"`,
  not_outstanding: (p: { kind: "security" | "venture debt"; id: string }) =>
    p.kind === "security"
      ? `names security "${p.id}", which is no longer outstanding`
      : `repays "${p.id}", which is not outstanding venture debt`,
  // A field of the deal (the schema's checks, SPEC DEAL-2).
  field_required: (p: { options?: readonly string[] }) =>
    `is required${p.options ? `: one of ${p.options.join(", ")}` : ""}`,
  field_expected: (p: { expected: string; got: string }) => `expected ${p.expected}, got ${p.got}`,
  field_unknown: (p: { keys: readonly string[] }) =>
    `unknown field${p.keys.length > 1 ? "s" : ""} ${p.keys.map((k) => `"${k}"`).join(", ")}`,
  field_must_be: (p: { values: readonly string[]; got: string }) =>
    `must be ${p.values.length === 1 ? p.values[0] : `one of ${p.values.join(", ")}`}, got ${p.got}`,
  field_unknown_kind: (p: { discriminator: string; got: string; options: readonly string[] }) =>
    `unknown ${p.discriminator} ${p.got}; expected one of ${p.options.join(", ")}`,
  field_wrong_form: (p: { got: string }) => `has the wrong form: ${p.got}`,
  field_wrong_format: (p: { got: string }) => `has the wrong format: ${p.got}`,
  field_min_items: (p: { min: number }) => `needs at least ${p.min} item${p.min === 1 ? "" : "s"}`,
  field_not_empty: (_: Record<string, never>) => "must not be empty",
  field_at_least: (p: { min: string; got: string }) => `must be at least ${p.min}, got ${p.got}`,
  field_too_long: (p: { max: string }) => `is too long (at most ${p.max} characters)`,
  field_too_many: (p: { max: string }) => `has too many items (at most ${p.max})`,
  field_at_most: (p: { max: string; got: string }) => `must be at most ${p.max}, got ${p.got}`,
} as const;

export type MessageKey = keyof typeof MESSAGES;
export type MessageParams<K extends MessageKey> = Parameters<(typeof MESSAGES)[K]>[0];

/** A message as data: its key and parameters. */
export type Message = {
  [K in MessageKey]: { readonly key: K; readonly params: MessageParams<K> };
}[MessageKey];

/** A message with its key. */
export function message<K extends MessageKey>(key: K, params: MessageParams<K>): Message {
  return { key, params } as Message;
}

/** A message in English: the problem's `message`. */
export function say(m: Message | NestedMessage): string {
  return (MESSAGES[m.key as MessageKey] as (p: unknown) => string)(m.params);
}

/** Why a file cannot be read, in English. */
export function readFailureEn(why: ReadFailure): string {
  if (typeof why !== "string") return why.system;
  return {
    no_such_file: "no such file",
    is_directory: "is a directory",
    directory_not_deal: "is a directory, not a deal file",
    permission_denied: "permission denied",
  }[why];
}

/** `a, b or c`. */
function orList(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? "")
    : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}
