import { Form, Link } from "@remix-run/react";
import type { SectionDefinition } from "~/domain/instruments/instrument-definition";
import { useT } from "~/utils/use-language";

/**
 * One section's items in order, with every language's text. On a draft each item has
 * up/down/remove buttons: small forms, so they work without JavaScript.
 */
export function ItemList({
  section,
  languages,
  draft,
  base,
}: {
  section: SectionDefinition;
  languages: string[];
  draft: boolean;
  base: string;
}) {
  const t = useT();
  return (
    <ol className="unit-list">
      {section.items.map((item, index) => (
        <li key={item.code} data-item={item.code}>
          <p>
            <span className="code">{item.code}</span> · {t(`instruments.kind.${item.kind}`)} ·{" "}
            {item.required ? t("instruments.required") : t("instruments.optional")}
          </p>
          <dl className="legend-list">
            {languages.map((lang) => (
              <div key={lang}>
                <dt>{lang}</dt>
                <dd lang={lang}>{item.text[lang] || <em>{t("instruments.noText")}</em>}</dd>
              </div>
            ))}
          </dl>
          {draft ? (
            <div className="actions">
              <Link to={`${base}/items/${item.code}`}>{t("instruments.editItem", { code: item.code })}</Link>
              <Form method="post">
                <input type="hidden" name="code" value={item.code} />
                {index > 0 ? (
                  <button type="submit" name="intent" value="up" className="button secondary">
                    {t("instruments.up", { code: item.code })}
                  </button>
                ) : null}
                {index < section.items.length - 1 ? (
                  <button type="submit" name="intent" value="down" className="button secondary">
                    {t("instruments.down", { code: item.code })}
                  </button>
                ) : null}
                <button type="submit" name="intent" value="remove" className="button secondary">
                  {t("instruments.remove", { code: item.code })}
                </button>
              </Form>
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
