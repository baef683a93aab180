/** The message under a question, linked from it by aria-describedby. Always rendered (empty when fine) so screen readers find the id. */
export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  return (
    <p id={id} className="field-error" role={errors?.length ? "alert" : undefined}>
      {errors?.length ? errors[0] : null}
    </p>
  );
}
