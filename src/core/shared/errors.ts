/**
 * The one catalogue of errors shared by the library, the CLI and the HTTP API. Each code
 * has a stable name, the CLI exit code and the HTTP status it maps to, and a summary.
 * docs/errors.md lists the same codes; a test keeps the two in step.
 */
export interface ErrorSpec {
  /** 1: invalid input; 2: wrong usage of the command. */
  readonly exitCode: 1 | 2;
  readonly httpStatus: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 500 | 502 | 503;
  readonly summary: string;
}

export const ERROR_CATALOGUE = {
  usage: { exitCode: 2, httpStatus: 400, summary: "The command or request was called wrongly." },
  file_unreadable: { exitCode: 1, httpStatus: 400, summary: "An input file cannot be read." },
  input_too_large: { exitCode: 1, httpStatus: 413, summary: "An input exceeds a documented limit." },
  deal_syntax: { exitCode: 1, httpStatus: 400, summary: "The deal file is not well-formed YAML or JSON." },
  deal_invalid_field: {
    exitCode: 1,
    httpStatus: 400,
    summary: "A field of the deal has a wrong type, a wrong value or is unknown.",
  },
  deal_unknown_reference: {
    exitCode: 1,
    httpStatus: 400,
    summary: "A field names a stakeholder, class, pool, security or round the deal does not define.",
  },
  deal_duplicate_id: { exitCode: 1, httpStatus: 400, summary: "Two records of one kind share an id." },
  amount_invalid: { exitCode: 1, httpStatus: 400, summary: "An amount of money cannot be read." },
  currency_without_rate: {
    exitCode: 1,
    httpStatus: 422,
    summary: "Amounts in two currencies meet and the deal states no exchange rate between them.",
  },
  date_before_formation: {
    exitCode: 1,
    httpStatus: 422,
    summary: "A transaction is dated before the company's formation.",
  },
  issuance_exceeds_authorized: {
    exitCode: 1,
    httpStatus: 422,
    summary: "Issued shares of a class would exceed its authorized shares.",
  },
  grant_exceeds_pool: {
    exitCode: 1,
    httpStatus: 422,
    summary: "An option grant exceeds the shares available in its pool.",
  },
  transfer_exceeds_holding: {
    exitCode: 1,
    httpStatus: 422,
    summary: "A transfer moves more shares than the holder holds.",
  },
  tender_exceeds_holding: {
    exitCode: 1,
    httpStatus: 422,
    summary: "A seller in a tender offer offers more shares than it holds.",
  },
  repurchase_exceeds_holding: {
    exitCode: 1,
    httpStatus: 422,
    summary: "A repurchase takes more shares than the holder holds.",
  },
  exercise_exceeds_outstanding: {
    exitCode: 1,
    httpStatus: 422,
    summary: "An exercise uses more options or warrants than are outstanding.",
  },
  cancellation_exceeds_outstanding: {
    exitCode: 1,
    httpStatus: 422,
    summary: "A cancellation removes more than is outstanding.",
  },
  security_not_outstanding: {
    exitCode: 1,
    httpStatus: 422,
    summary: "A transaction names a security that is not outstanding at its date.",
  },
  security_wrong_kind: {
    exitCode: 1,
    httpStatus: 422,
    summary: "A transaction names a security of a kind it cannot act on.",
  },
  conversion_cycle: {
    exitCode: 1,
    httpStatus: 422,
    summary: "Share classes convert into each other in a cycle.",
  },
  mfn_without_later_safe: {
    exitCode: 1,
    httpStatus: 422,
    summary: "An MFN SAFE has no later SAFE to take terms from (a warning).",
  },
  round_terms_infeasible: {
    exitCode: 1,
    httpStatus: 422,
    summary: "The round's terms cannot all hold (for example, claims of 100% or more of the company).",
  },
  round_invalid: {
    exitCode: 1,
    httpStatus: 422,
    summary: "The round's terms are incomplete or inconsistent.",
  },
  output_exists: {
    exitCode: 2,
    httpStatus: 409,
    summary: "The output path exists and overwriting was not asked for.",
  },
  file_unwritable: { exitCode: 1, httpStatus: 500, summary: "An output file or folder cannot be written." },
  bad_response: {
    exitCode: 1,
    httpStatus: 502,
    summary: "The server's answer could not be read as the report it should be (the web app names the field).",
  },
  ocf_schemas_missing: {
    exitCode: 2,
    httpStatus: 503,
    summary:
      "The folder of official OCF JSON Schemas given (--schemas or $ROUNDTABLE_OCF_SCHEMAS) does not hold them; with none given, roundtable's own checks run instead.",
  },
  ocf_package_unreadable: {
    exitCode: 1,
    httpStatus: 400,
    summary:
      "An OCF package (folder, zip or manifest) cannot be opened: corrupt zip, no manifest, a path outside it.",
  },
  ocf_json_invalid: {
    exitCode: 1,
    httpStatus: 400,
    summary: "A file of an OCF package is not well-formed JSON.",
  },
  ocf_schema_violation: {
    exitCode: 1,
    httpStatus: 400,
    summary: "An OCF file or object breaks a rule of the official OCF JSON Schemas.",
  },
  ocf_hash_mismatch: {
    exitCode: 1,
    httpStatus: 422,
    summary: "A file's MD5 differs from the hash the OCF manifest lists for it.",
  },
  ocf_duplicate_id: {
    exitCode: 1,
    httpStatus: 422,
    summary: "Two OCF objects of one kind, or two issuances of one security, share an id.",
  },
  ocf_broken_reference: {
    exitCode: 1,
    httpStatus: 422,
    summary:
      "An OCF object names a stakeholder, class, plan, vesting terms, security or object the package does not define.",
  },
  ocf_unmappable: {
    exitCode: 1,
    httpStatus: 422,
    summary:
      "An OCF object states values the ledger cannot represent (for example resulting quantities that do not add up).",
  },
  ocf_export_incomplete: {
    exitCode: 1,
    httpStatus: 422,
    summary: "OCF requires a value the ledger does not hold (for example the issuer's country of formation).",
  },
  import_not_spreadsheet: {
    exitCode: 1,
    httpStatus: 415,
    summary:
      "The file given to import is not a CSV or XLSX spreadsheet (a PDF, an old .xls, another zip, binary data).",
  },
  import_sheet_not_found: {
    exitCode: 1,
    httpStatus: 400,
    summary: "The sheet named for an import is not in the workbook.",
  },
  import_sheet_empty: {
    exitCode: 1,
    httpStatus: 400,
    summary: "The sheet to import has no header row or no rows of holdings.",
  },
  import_headers_unrecognised: {
    exitCode: 1,
    httpStatus: 400,
    summary: "A required column (holder, class, shares) is not found among the sheet's headers.",
  },
  import_duplicate_header: {
    exitCode: 1,
    httpStatus: 400,
    summary: "Two columns of the sheet mean the same field.",
  },
  import_invalid_cell: {
    exitCode: 1,
    httpStatus: 400,
    summary:
      "A cell of the spreadsheet cannot be read as what its column holds (a share count, an amount, a date...).",
  },
  import_missing_value: {
    exitCode: 1,
    httpStatus: 400,
    summary: "A row of holdings leaves a required cell empty.",
  },
  import_conflicting_values: {
    exitCode: 1,
    httpStatus: 400,
    summary: "Two rows state different terms for one class or one holder.",
  },
  import_date_ambiguous: {
    exitCode: 1,
    httpStatus: 400,
    summary: "Dates written day and month with slashes can be read either way; the order must be given.",
  },
  import_mapping_invalid: {
    exitCode: 1,
    httpStatus: 400,
    summary: "The mapping file of an import is not valid or names a column the sheet does not have.",
  },
  import_total_mismatch: {
    exitCode: 1,
    httpStatus: 422,
    summary: "A total in the sheet (a total row or column) differs from the sum of the shares imported.",
  },
  import_percentage_mismatch: {
    exitCode: 1,
    httpStatus: 422,
    summary:
      "A percentage in the sheet differs from the ownership the imported shares give (a warning unless strict).",
  },
  import_check_skipped: {
    exitCode: 1,
    httpStatus: 422,
    summary:
      "A total or percentage of the sheet is a formula with no computed value, so it is not checked (a warning).",
  },
  import_class_undefined: {
    exitCode: 1,
    httpStatus: 422,
    summary:
      "A class used by a holding has no definition in the sheet; it is imported as common stock (a warning).",
  },
  import_value_assumed: {
    exitCode: 1,
    httpStatus: 422,
    summary:
      "A figure the deal needs is not in the sheet; a stated value stands in for it as a labelled assumption (a warning).",
  },
  import_column_ignored: {
    exitCode: 1,
    httpStatus: 422,
    summary: "A column of the sheet is not imported: its header names no field the import knows (a warning).",
  },
  import_row_skipped: {
    exitCode: 1,
    httpStatus: 422,
    summary: "A row of the sheet is not imported (not outstanding, or no shares); said as a warning.",
  },
  import_deal_invalid: {
    exitCode: 1,
    httpStatus: 422,
    summary: "The deal built from the spreadsheet does not load (a ledger rule fails); nothing is written.",
  },
  solve_infeasible: {
    exitCode: 1,
    httpStatus: 422,
    summary: "No value of the unknown satisfies the target; no answer is printed.",
  },
  estimate_unreadable: {
    exitCode: 1,
    httpStatus: 400,
    summary: "An estimate cannot be read (expected forms such as 'up to $50B' or 'between $1B and $2B').",
  },
  estimate_unknown_qualifier: {
    exitCode: 1,
    httpStatus: 400,
    summary: "An estimate starts with a word that is not a known qualifier (about, up to, at least, ...).",
  },
  estimate_bounds_reversed: {
    exitCode: 1,
    httpStatus: 400,
    summary: "An estimate's lower end is above its upper end, or its mode lies outside them.",
  },
  estimate_negative: {
    exitCode: 1,
    httpStatus: 400,
    summary: "An estimate of an amount or a fraction is negative.",
  },
  estimate_out_of_range: {
    exitCode: 1,
    httpStatus: 400,
    summary: "An estimate of a fraction is above 1 (100%).",
  },
  estimate_invalid_distribution: {
    exitCode: 1,
    httpStatus: 400,
    summary: "An estimate's distribution is unknown or its parameters do not fit it.",
  },
  quantity_invalid_id: {
    exitCode: 1,
    httpStatus: 400,
    summary: "A quantity id is not of a known form (round:ID/investment:HOLDER, round:ID/size, ...).",
  },
  quantity_unknown_reference: {
    exitCode: 1,
    httpStatus: 400,
    summary: "A quantity names a stakeholder or round the deal does not define.",
  },
  source_invalid: {
    exitCode: 1,
    httpStatus: 400,
    summary: "A source has a wrong reliability grade or score, or a malformed field.",
  },
  claim_unknown_source: {
    exitCode: 1,
    httpStatus: 400,
    summary: "A claim names a source that does not exist.",
  },
  claim_unknown_quantity: {
    exitCode: 1,
    httpStatus: 400,
    summary: "A claim is about a quantity the deal does not define.",
  },
  claim_unit_mismatch: {
    exitCode: 1,
    httpStatus: 400,
    summary: "A claim's estimate is in a unit (money or fraction) that its quantity does not have.",
  },
  claim_unknown: {
    exitCode: 1,
    httpStatus: 400,
    summary: "A claim set or scenario names a claim that does not exist.",
  },
  claim_set_inconsistent: {
    exitCode: 1,
    httpStatus: 422,
    summary: "The chosen claims cannot all hold; the message says which ones conflict and why.",
  },
  reconcile_limit_reached: {
    exitCode: 1,
    httpStatus: 422,
    summary:
      "Reconciliation stopped at a documented limit; the readings listed are not all of them (a warning).",
  },
  quantity_unbounded: {
    exitCode: 1,
    httpStatus: 422,
    summary:
      "A quantity has no upper bound under the chosen claims, and the scenario or simulation needs one.",
  },
  scenario_invalid: {
    exitCode: 1,
    httpStatus: 422,
    summary: "A scenario names an unknown quantity or sets a value that the chosen claims exclude.",
  },
  what_if_unknown_name: {
    exitCode: 2,
    httpStatus: 400,
    summary:
      "A what-if (--set NAME=VALUE) names a figure the deal does not have; the message lists the names.",
  },
  what_if_invalid: {
    exitCode: 1,
    httpStatus: 422,
    summary:
      "A what-if value cannot be read, is not exact, or contradicts a figure the deal states or the other values set.",
  },
  simulation_unsupported: {
    exitCode: 1,
    httpStatus: 422,
    summary: "The fast simulation path does not support this round's terms; the message says which and why.",
  },
  simulation_sampling_failed: {
    exitCode: 1,
    httpStatus: 422,
    summary: "The claims leave too thin a region for the sampler to draw scenarios from.",
  },
  simulation_cancelled: {
    exitCode: 1,
    httpStatus: 409,
    summary: "The simulation was cancelled before it finished (a cancelled job); nothing was reported.",
  },
  exit_value_negative: {
    exitCode: 1,
    httpStatus: 400,
    summary: "An exit value, IPO price or IPO valuation is negative.",
  },
  exit_value_list_ambiguous: {
    exitCode: 2,
    httpStatus: 400,
    summary:
      'A list of exit values has a comma that is not a thousands separator: several values are separated by ";" (or a repeated --at).',
  },
  exit_terms_invalid: {
    exitCode: 1,
    httpStatus: 400,
    summary: "An exit parameter is out of range (fees, debt, carve-out, a sweep's bounds or steps).",
  },
  exit_participation_cap_invalid: {
    exitCode: 1,
    httpStatus: 422,
    summary: "A participation cap is below 1x or below the class's preference multiple.",
  },
  exit_preference_undefined: {
    exitCode: 1,
    httpStatus: 422,
    summary:
      "A liquidation preference or dividend cannot be computed: its base (original issue price or invested amount) is missing.",
  },
  exit_convertibles_exceed_capitalization: {
    exitCode: 1,
    httpStatus: 422,
    summary:
      "The post-money SAFEs and notes outstanding at the exit would own 100% or more of the company at their caps.",
  },
  exit_no_residual_claimant: {
    exitCode: 1,
    httpStatus: 422,
    summary: "Nothing outstanding can receive the exit value above the preferences (no shares at all).",
  },
  ingest_empty_input: {
    exitCode: 1,
    httpStatus: 400,
    summary: "The text to ingest is empty or holds only white space.",
  },
  ingest_binary_input: {
    exitCode: 1,
    httpStatus: 400,
    summary: "The input to ingest holds NUL bytes: it is binary, not text.",
  },
  ingest_invalid_utf8: {
    exitCode: 1,
    httpStatus: 400,
    summary: "The input to ingest is not valid UTF-8.",
  },
  ingest_invalid_option: {
    exitCode: 2,
    httpStatus: 400,
    summary: "An ingestion option (language, source date, known stakeholders) has a wrong value.",
  },
  ingest_no_figures: {
    exitCode: 1,
    httpStatus: 422,
    summary: "The text holds no figure or agreement that reads as a claim (a warning).",
  },
  ingest_language_uncertain: {
    exitCode: 1,
    httpStatus: 422,
    summary: "The language of the text could not be told with confidence (a warning).",
  },
  ingest_currency_inferred: {
    exitCode: 1,
    httpStatus: 422,
    summary: "A claim's amount names no currency; the article's currency was taken (a warning).",
  },
  ingest_claims_truncated: {
    exitCode: 1,
    httpStatus: 413,
    summary:
      "The text yields more claims or entities than the documented limit; the rest are left out (a warning).",
  },
  request_invalid: {
    exitCode: 2,
    httpStatus: 400,
    summary: "A request's path, query, headers or body do not have the documented form.",
  },
  document_kind_wrong: {
    exitCode: 2,
    httpStatus: 400,
    summary:
      "The request needs a deal document of one company and got a workspace document, or the other way round.",
  },
  unsupported_media_type: {
    exitCode: 2,
    httpStatus: 415,
    summary: "A request body is not JSON or YAML (application/json, application/yaml or text/yaml).",
  },
  unauthenticated: {
    exitCode: 2,
    httpStatus: 401,
    summary: "The request carries no valid session or API token.",
  },
  login_failed: {
    exitCode: 2,
    httpStatus: 401,
    summary: "The user name or the password is wrong (the answer does not say which).",
  },
  login_rate_limited: {
    exitCode: 2,
    httpStatus: 429,
    summary: "Too many failed logins for this user name or address; wait before trying again.",
  },
  csrf_token_invalid: {
    exitCode: 2,
    httpStatus: 403,
    summary: "A write authenticated by a session cookie lacks the session's X-CSRF-Token header.",
  },
  forbidden: {
    exitCode: 2,
    httpStatus: 403,
    summary: "The user's role in the workspace does not allow this request.",
  },
  not_found: {
    exitCode: 1,
    httpStatus: 404,
    summary: "No workspace, deal, revision, user, token or job by that name is visible to the user.",
  },
  invitation_unknown: {
    exitCode: 1,
    httpStatus: 404,
    summary: "No invitation has this code.",
  },
  invitation_closed: {
    exitCode: 1,
    httpStatus: 410,
    summary: "The invitation was already used, has expired or was withdrawn; the message says which.",
  },
  already_exists: {
    exitCode: 1,
    httpStatus: 409,
    summary: "A workspace or user by that name already exists.",
  },
  version_conflict: {
    exitCode: 1,
    httpStatus: 409,
    summary: "The write expected a version of the deal that is no longer the latest; nothing was changed.",
  },
  too_many_jobs: {
    exitCode: 1,
    httpStatus: 429,
    summary: "The server is running as many jobs as its limit allows; try again when one ends.",
  },
  computation_too_long: {
    exitCode: 1,
    httpStatus: 422,
    summary:
      "A computation of a request ran past the server's time limit and was stopped; make the input smaller or run it with the CLI.",
  },
  unavailable: {
    exitCode: 1,
    httpStatus: 503,
    summary: "The server is shutting down or its database cannot be reached; try again.",
  },
  audit_chain_broken: {
    exitCode: 1,
    httpStatus: 409,
    summary:
      "The audit trail's hash chain does not verify: an entry or a revision was changed after it was written.",
  },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export function errorSpec(code: ErrorCode): ErrorSpec {
  return ERROR_CATALOGUE[code];
}
