/**
 * The one catalogue of errors shared by the library, the CLI and the HTTP API. Each code
 * has a stable name, the CLI exit code and the HTTP status it maps to, and a summary.
 * docs/errors.md lists the same codes; a test keeps the two in step.
 */
export interface ErrorSpec {
  /** 1: invalid input; 2: wrong usage of the command. */
  readonly exitCode: 1 | 2;
  readonly httpStatus: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429;
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
  solve_infeasible: {
    exitCode: 1,
    httpStatus: 422,
    summary: "No value of the unknown satisfies the target; no answer is printed.",
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
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export function errorSpec(code: ErrorCode): ErrorSpec {
  return ERROR_CATALOGUE[code];
}
