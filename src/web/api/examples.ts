import downRound from "../../../examples/down-round.yaml?raw";
import openaiRound from "../../../examples/openai-round.yaml?raw";
import seedToSeriesA from "../../../examples/seed-to-series-a.yaml?raw";

/** The example deal files, as text, bundled for the in-memory data access. */
export const EXAMPLE_FILES: readonly { readonly id: string; readonly name: string; readonly text: string }[] =
  [
    { id: "openai-round", name: "openai-round.yaml", text: openaiRound },
    { id: "seed-to-series-a", name: "seed-to-series-a.yaml", text: seedToSeriesA },
    { id: "down-round", name: "down-round.yaml", text: downRound },
  ];
