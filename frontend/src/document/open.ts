import { JsonText } from "./jsonText";
import { YamlText } from "./yamlText";
import type { Format, TextDoc } from "./textdoc";

/** A TextDoc over text in the given format. */
export function openText(text: string, format: Format): TextDoc {
  return format === "yaml" ? new YamlText(text) : new JsonText(text);
}
