/**
 * Limits, in one place. Each is checked where input enters (deal loader, CLI, API) with
 * a clear message naming the limit; the core assumes inputs within them.
 */
export const LIMITS = {
  /** Largest deal file read, in bytes. */
  dealFileBytes: 20 * 1024 * 1024,
  /** Aliases (`*name`) one YAML document may use. */
  yamlAliases: 100,
  /**
   * Largest size of a YAML document with every alias written out, counted as its nodes
   * plus its scalars' characters (about its length in bytes): aliases cannot make a
   * document larger than one written out within dealFileBytes.
   */
  yamlExpandedSize: 20 * 1024 * 1024,
  stakeholders: 100_000,
  shareClasses: 1_000,
  transactions: 1_000_000,
  roundsPerDeal: 100,
  investorsPerRound: 10_000,
  /** Largest share count accepted anywhere (10^18): far beyond any real company. */
  maxShares: 10n ** 18n,
  /** Largest OCF package read (all its JSON files, uncompressed), in bytes. */
  ocfPackageBytes: 512 * 1024 * 1024,
  /** Most files an OCF manifest may list, and most entries an OCF zip may hold. */
  ocfFiles: 10_000,
  /** Most problems reported for one OCF package before the rest are summarised. */
  ocfProblems: 200,
  /** Largest spreadsheet imported (CSV or XLSX), in bytes: refused before it is parsed. */
  spreadsheetBytes: 20 * 1024 * 1024,
  /** Largest total of an XLSX workbook's unzipped parts, in bytes: a zip bomb is refused unread. */
  spreadsheetUnzippedBytes: 256 * 1024 * 1024,
  /** Most rows and columns read from one sheet of an imported spreadsheet. */
  spreadsheetRows: 100_000,
  spreadsheetColumns: 1_000,
  /** Most problems reported for one spreadsheet import before the rest are summarised. */
  spreadsheetProblems: 200,
  /** Decimal places accepted in a stated price precision. */
  maxPricePrecision: 12,
  /** Claims in one deal, and sources. */
  claims: 1_000,
  sources: 1_000,
  /** Consistent readings (maximal consistent claim sets) listed by reconciliation. */
  readings: 64,
  /** Feasibility checks (exact linear programs) one reconciliation may run. */
  reconcileChecks: 5_000,
  /** Monte Carlo scenarios in one simulation. */
  simulationRuns: 10_000_000,
  /** Draws the sampler may spend on one scenario before it counts the scenario as failed. */
  samplerAttemptsPerScenario: 10_000,
  /** Largest text ingested, in UTF-8 bytes (64 MiB): a 50 MB batch of reports fits. */
  ingestTextBytes: 64 * 1024 * 1024,
  /** Claims kept from one ingestion; past this the rest are left out with a warning. */
  ingestClaims: 200_000,
  /** Entities kept from one ingestion. */
  ingestEntities: 100_000,
  /** Mentions kept per entity (the count goes on). */
  ingestMentionsPerEntity: 50,
  /** A claim is compared for conflicts with at most this many claims before it. */
  ingestConflictWindow: 200,
  /** A paragraph longer than this (UTF-16 code units) is cut at a sentence end. */
  ingestParagraphChars: 256 * 1024,
  /** A sentence longer than this is cut: no real sentence is this long. */
  ingestSentenceChars: 4_000,
  /** Largest HTTP request body, in bytes (a deal document is at most dealFileBytes). */
  requestBodyBytes: 20 * 1024 * 1024,
  /**
   * Jobs running or kept (finished, until they expire) per server process; on PostgreSQL,
   * where jobs are shared by every process (SPEC SRV-6), per user.
   */
  jobsKept: 100,
  jobsRunning: 4,
  /** Scenarios in one chunk of a simulation shared by workers on PostgreSQL (SPEC SRV-6). */
  simulationChunkRuns: 250_000,
  /** Seconds a worker holds a chunk before another may take it over (its lease). */
  jobLeaseSeconds: 60,
  /** How long a finished job's result is kept, in milliseconds. */
  jobResultMs: 15 * 60 * 1000,
  /** Failed logins allowed per user name and per address in one window. */
  loginFailures: 10,
  loginWindowMs: 15 * 60 * 1000,
  /** A session lasts this long from login, in milliseconds. */
  sessionMs: 12 * 60 * 60 * 1000,
  /** Length limits of names kept by the server. */
  nameLength: 200,
  /** Monte Carlo scenarios in one simulate job of the API (the CLI takes up to simulationRuns). */
  apiSimulationRuns: 4_000_000,
  /** Sampled exit values, and flows scenarios, in one API request: computed while it waits. */
  apiExitSamples: 100_000,
  apiFlowsRuns: 10_000,
  /** Exit values in one sweep. */
  exitSweepSteps: 10_001,
  /** Bytes of computed reports kept in memory per server process (their JSON text). */
  reportCacheBytes: 64 * 1024 * 1024,
  /** Bytes of computed reports kept in the database on PostgreSQL, for every process (UTF-16 units). */
  sharedReportCacheBytes: 256 * 1024 * 1024,
  /** Longest a request's computation may run on a worker thread, in milliseconds. */
  computeRequestMs: 60_000,
  /** Heap of one worker thread of the server, in MiB: past it the thread ends, not the server. */
  computeHeapMb: 2048,
  /** Computations waiting for a worker thread before the server answers 503. */
  computeQueue: 64,
} as const;
