import aiEcosystem from "../../../examples/ai-ecosystem.yaml?raw";
import cloudPartners from "../../../examples/cloud-partners.yaml?raw";
import downRound from "../../../examples/down-round.yaml?raw";
import openaiRound from "../../../examples/openai-round.yaml?raw";
import seedToSeriesA from "../../../examples/seed-to-series-a.yaml?raw";

/**
 * The example files, as text, bundled for the in-memory data access: the deals, then the
 * workspaces (whose `file:` companies name the deal files beside them).
 */
export const EXAMPLE_FILES: readonly { readonly id: string; readonly name: string; readonly text: string }[] =
  [
    { id: "openai-round", name: "openai-round.yaml", text: openaiRound },
    { id: "seed-to-series-a", name: "seed-to-series-a.yaml", text: seedToSeriesA },
    { id: "down-round", name: "down-round.yaml", text: downRound },
    { id: "ai-ecosystem", name: "ai-ecosystem.yaml", text: aiEcosystem },
    { id: "cloud-partners", name: "cloud-partners.yaml", text: cloudPartners },
  ];
