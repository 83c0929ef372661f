/**
 * What a field of ASL means, in one sentence from the field table
 * (schema/fieldtable, generated into fields.json): the code view's hover
 * and the inspector's help under each field read it here, so both say the
 * same and the schema's descriptions are the same words.
 */
import table from "./fields.json";

/** The objects of the table: "Machine", the state types, "Retrier", "Catcher", "ChoiceRule", … */
export type FieldObject = keyof typeof table.objects;

const docs = new Map<string, string>();
for (const [object, fields] of Object.entries(table.objects)) for (const f of fields) docs.set(`${object}.${f.name}`, f.doc);

/** The table's description of field on object; "" when the table has no such field. */
export function fieldDoc(object: FieldObject | string, field: string): string {
  return docs.get(`${object}.${field}`) ?? "";
}
