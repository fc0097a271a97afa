/**
 * The language of the CLI's text and messages (issue 16, APP-9): `--lang fr|en` on the
 * commands that print tables, else `ROUNDTABLE_LANG`, else the locale (`LC_ALL`,
 * `LC_MESSAGES`, `LANG`: `fr_FR.UTF-8` is French); English otherwise. JSON and CSV do not
 * change with it.
 */
export type Language = "en" | "fr";

let current: Language = "en";

/** The language the environment asks for. */
export function languageOfEnv(env: Readonly<Record<string, string | undefined>>): Language {
  const chosen = env.ROUNDTABLE_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^fr\b|^fr[_-]/i.test(chosen) ? "fr" : "en";
}

/**
 * The language of a command line: its `--lang` (not `ingest`'s, which names the report's
 * language), else the environment's.
 */
export function languageOf(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): Language {
  if (argv[0] !== "ingest") {
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i]!;
      const value = a === "--lang" ? argv[i + 1] : a.startsWith("--lang=") ? a.slice(7) : undefined;
      if (value === "fr" || value === "en") return value;
    }
  }
  return languageOfEnv(env);
}

/** Sets the language of this run (`run` does, before the command parses). */
export function setLanguage(language: Language): void {
  current = language;
}

export function language(): Language {
  return current;
}
