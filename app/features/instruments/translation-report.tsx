import type { TranslationPlan, TranslationProblem } from "~/domain/instruments/translations";
import { useT } from "~/utils/use-language";

export interface TranslationReport {
  problems: TranslationProblem[];
  plan: Omit<TranslationPlan, "definition"> | null;
  /** True when the version is frozen and the file changes existing texts. */
  refused: boolean;
}

/** What a translation file would change, before anything is written. */
export function TranslationReportView({ report }: { report: TranslationReport }) {
  const t = useT();
  const { problems, plan } = report;
  return (
    <>
      {problems.length ? (
        <div className="error-summary" role="alert">
          <p>{t("instruments.problemCount", { n: problems.length })}</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                {t("instruments.problemLine", { line: p.line })}{" "}
                {t(`instruments.problem.${p.reason}`, { value: "value" in p ? p.value : "" })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {report.refused ? (
        <p className="error-summary" role="alert">
          {t("instruments.frozenChanges", { n: plan?.changes.length ?? 0 })}
        </p>
      ) : null}
      {plan ? (
        <>
          <div className="table-scroll" role="region" aria-label={t("instruments.missingCaption")} tabIndex={0}>
            <table>
              <caption>{t("instruments.missingCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("instruments.language")}</th>
                  <th scope="col" className="num">
                    {t("instruments.added")}
                  </th>
                  <th scope="col" className="num">
                    {t("instruments.missing")}
                  </th>
                  <th scope="col">{t("instruments.state")}</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(plan.missing).map(([lang, keys]) => (
                  <tr key={lang} data-language={lang}>
                    <td>{lang}</td>
                    <td className="num">{plan.added[lang] ?? 0}</td>
                    <td className="num">
                      {keys.length}
                      {keys.length ? (
                        <span className="hint">
                          {" "}
                          ({keys.slice(0, 5).join(", ")}
                          {keys.length > 5 ? ", …" : ""})
                        </span>
                      ) : null}
                    </td>
                    <td>{plan.complete.includes(lang) ? t("instruments.complete") : t("instruments.incomplete")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {plan.changes.length ? (
            <div
              className="table-scroll"
              role="region"
              aria-label={t("instruments.changesCaption", { n: plan.changes.length })}
              tabIndex={0}
            >
              <table>
                <caption>{t("instruments.changesCaption", { n: plan.changes.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("instruments.key")}</th>
                    <th scope="col">{t("instruments.language")}</th>
                    <th scope="col">{t("instruments.before")}</th>
                    <th scope="col">{t("instruments.after")}</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.changes.map((c) => (
                    <tr key={`${c.key}-${c.language}`}>
                      <td className="code">{c.key}</td>
                      <td>{c.language}</td>
                      <td lang={c.language}>{c.before}</td>
                      <td lang={c.language}>{c.after}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p>{t("instruments.noChanges")}</p>
          )}
        </>
      ) : null}
    </>
  );
}
