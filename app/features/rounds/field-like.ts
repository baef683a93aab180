/**
 * The parts of a conform field the form's sub-components use. Structural on purpose:
 * conform's FieldMetadata is invariant in the form type, and record fields (N_h per unit)
 * are keyed by unit codes known only at run time.
 */
export interface FieldLike {
  name: string;
  id: string;
  errorId: string;
  errors?: string[];
  initialValue?: unknown;
  value?: unknown;
}

export interface RecordFieldLike extends FieldLike {
  getFieldset(): Record<string, FieldLike>;
}

/** Props of a plain text/number input bound to a field, as conform's getInputProps would give. */
export function inputProps(field: FieldLike) {
  return {
    id: field.id,
    name: field.name,
    defaultValue: field.initialValue === undefined || field.initialValue === null ? "" : String(field.initialValue),
    "aria-invalid": field.errors?.length ? true : undefined,
    "aria-describedby": field.errorId,
  };
}
