import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { TableRegion } from "~/components/table-region";
import { describeDuration, describeFlag, FLAG_CODES } from "~/features/review/review-display";
import { BulkAcceptSchema, parseReviewFilter, REVIEW_STATUSES } from "~/domain/review/review-schema";
import { getScopedUnits, requireRoundPage } from "~/features/rounds/require-round.server";
import { translator, type Translate } from "~/i18n";
import { languageName } from "~/i18n/language-names";
import {
  acceptUnflagged,
  countExcludedResponses,
  getReviewCounts,
  listInterviewsForReview,
  listReviewEnumerators,
  type ReviewTally,
} from "~/models/review.server";
import { formatDateTime } from "~/utils/format";
import { ActionButton } from "~/components/action-button";

export const meta: MetaFunction = () => [{ title: "Kiểm tra phiếu phỏng vấn — Hài Lòng" }];

const PAGE_SIZE = 25;

/**
 * Incoming enumerator interviews of a round: counts per enumerator and unit, a filter
 * (a GET form, so it works without JavaScript and the URL can be shared), one page of rows.
 * A supervisor sees only their own units (unitScope).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, t, round, scope } = await requireRoundPage(request, params, "review:interviews");
  const url = new URL(request.url);
  const filter = parseReviewFilter(url.searchParams);
  const units = await getScopedUnits(round.id, scope);
  const unit = units.find((u) => u.code === filter.unit);
  const criteria = { status: filter.status, enumeratorId: filter.enumerator, unitId: unit?.id, flag: filter.flag };
  const [counts, enumerators, list, excluded] = await Promise.all([
    getReviewCounts(round.id, scope),
    listReviewEnumerators(round.id, scope),
    listInterviewsForReview(round.id, scope, criteria, filter.page, PAGE_SIZE),
    countExcludedResponses(round.id),
  ]);
  const nameOf = new Map(enumerators.map((e) => [e.id, e.name]));
  const tallyRows = <K,>(map: Map<string, ReviewTally>, label: (key: string) => K) =>
    [...map.entries()].map(([key, tally]) => ({ key, label: label(key), ...tally }));
  return {
    lang,
    round: { code: round.code, title: round.title },
    filter: {
      status: filter.status ?? "",
      enumerator: filter.enumerator ?? "",
      unit: unit?.code ?? "",
      flag: filter.flag ?? "",
    },
    page: filter.page,
    pages: Math.max(1, Math.ceil(list.total / PAGE_SIZE)),
    total: list.total,
    units: units.map((u) => ({ code: u.code, name: u.name })),
    enumerators: enumerators.map((e) => ({ id: e.id, name: e.name })),
    byEnumerator: tallyRows(counts.byEnumerator, (id) => nameOf.get(id) ?? t("review.noEnumerator")).sort((a, b) =>
      a.label.localeCompare(b.label, "vi"),
    ),
    byUnit: tallyRows(counts.byUnit, (id) => units.find((u) => u.id === id)?.name ?? id).sort((a, b) =>
      a.label.localeCompare(b.label, "vi"),
    ),
    totals: counts.total,
    pendingFlagged: counts.pendingFlagged,
    excluded,
    rows: list.rows.map((r) => ({
      id: r.id,
      receipt: r.receiptCode ?? r.id.slice(0, 8),
      unit: r.unit.name,
      enumerator: r.recordedBy?.name ?? t("review.noEnumerator"),
      time: `${formatDateTime(r.startedAt, lang)} – ${r.submittedAt ? formatDateTime(r.submittedAt, lang) : "—"}`,
      duration: describeDuration(r.startedAt, r.submittedAt, t),
      language: languageName(r.language),
      interpreted: r.interpretedInto ? languageName(r.interpretedInto) : t("review.notInterpreted"),
      flags: r.flags.map((f) => describeFlag(f, lang, t)),
      status: r.reviewStatus as (typeof REVIEW_STATUSES)[number],
    })),
    done: url.searchParams.get("done"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, round, scope } = await requireRoundPage(request, params, "review:interviews");
  const parsed = BulkAcceptSchema.safeParse(Object.fromEntries(await request.formData()));
  const base = `/admin/rounds/${round.code}/review`;
  if (!parsed.success) return redirect(base);
  const n = await acceptUnflagged({
    roundId: round.id,
    enumeratorId: parsed.data.enumerator,
    scope: scope,
    actorId: user.id,
  });
  return redirect(`${base}?${new URLSearchParams({ enumerator: parsed.data.enumerator, done: String(n) })}`);
}

function TallyTable({
  caption,
  first,
  rows,
  totals,
  t,
  bulk,
}: {
  caption: string;
  first: string;
  rows: ({ key: string; label: string } & ReviewTally)[];
  totals: ReviewTally;
  t: Translate;
  bulk?: boolean;
}) {
  const cells = (tally: ReviewTally) =>
    (["pending", "accepted", "rejected", "flagged"] as const).map((k) => (
      <td key={k} className="num" data-testid={`tally-${k}`}>
        {tally[k]}
      </td>
    ));
  return (
    <TableRegion label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            <th scope="col" className="num">
              {t("review.status.pending")}
            </th>
            <th scope="col" className="num">
              {t("review.status.accepted")}
            </th>
            <th scope="col" className="num">
              {t("review.status.rejected")}
            </th>
            <th scope="col" className="num">
              {t("review.flagged")}
            </th>
            {bulk ? <th scope="col">{t("review.bulkHeading")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-row={row.label}>
              <th scope="row">{row.label}</th>
              {cells(row)}
              {bulk ? (
                <td>
                  {row.pending > 0 && row.key ? (
                    <ActionButton
                      intent="bulk-accept"
                      fields={{ enumerator: row.key }}
                      className="link-button"
                      label={`${t("review.bulkAccept")} — ${row.label}`}
                    >
                      {t("review.bulkAccept")}
                    </ActionButton>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("review.total")}</th>
            {cells(totals)}
            {bulk ? <td /> : null}
          </tr>
        </tfoot>
      </table>
    </TableRegion>
  );
}

/** One filter of the GET form: "all" (empty) first, then the given [value, label] pairs. */
function FilterSelect({
  name,
  label,
  value,
  all,
  options,
}: {
  name: string;
  label: string;
  value: string;
  all: string;
  options: [string, string][];
}) {
  return (
    <div className="field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value}>
        <option value="">{all}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

export default function ReviewList() {
  const d = useLoaderData<typeof loader>();
  const t = translator(d.lang);
  const base = `/admin/rounds/${d.round.code}/review`;
  const query = new URLSearchParams(Object.entries(d.filter).filter(([, v]) => v !== ""));
  const pageLink = (page: number) => `?${new URLSearchParams([...query.entries(), ["page", String(page)]])}`;
  const detailQuery = query.toString() ? `?${query}` : "";
  const from = d.total === 0 ? 0 : (d.page - 1) * PAGE_SIZE + 1;
  return (
    <>
      <p className="eyebrow">{d.round.title}</p>
      <h1>{t("review.heading")}</h1>
      <p className="hint">{t("review.intro")}</p>
      <p>
        <Link to={`/admin/rounds/${d.round.code}/backchecks`}>{t("backcheck.heading")}</Link>
      </p>
      {d.done !== null ? (
        <p className="notice" role="status">
          {t("review.bulkDone", { n: d.done })}
        </p>
      ) : null}
      {d.excluded > 0 ? (
        <p className="notice" data-testid="excluded-count">
          {t("review.excluded", { n: d.excluded })}
        </p>
      ) : null}
      {d.pendingFlagged > 0 ? (
        <p className="notice" data-testid="pending-flagged">
          {t("review.pendingFlaggedCounted", { n: d.pendingFlagged })}
        </p>
      ) : null}

      <TallyTable
        caption={t("review.byEnumerator")}
        first={t("review.enumerator")}
        rows={d.byEnumerator}
        totals={d.totals}
        t={t}
        bulk
      />
      <p className="hint">{t("review.bulkHint")}</p>
      <TallyTable caption={t("review.byUnit")} first={t("review.unit")} rows={d.byUnit} totals={d.totals} t={t} />

      <Form method="get" className="card" aria-labelledby="review-filter-heading">
        <h2 id="review-filter-heading">{t("review.filterHeading")}</h2>
        <FilterSelect
          name="status"
          label={t("review.status")}
          value={d.filter.status}
          all={t("review.filter.all")}
          options={REVIEW_STATUSES.map((s) => [s, t(`review.status.${s}`)])}
        />
        <FilterSelect
          name="enumerator"
          label={t("review.enumerator")}
          value={d.filter.enumerator}
          all={t("review.filter.all")}
          options={d.enumerators.map((e) => [e.id, e.name])}
        />
        <FilterSelect
          name="unit"
          label={t("review.unit")}
          value={d.filter.unit}
          all={t("review.filter.all")}
          options={d.units.map((u) => [u.code, u.name])}
        />
        <FilterSelect
          name="flag"
          label={t("review.filter.flag")}
          value={d.filter.flag}
          all={t("review.filter.all")}
          options={[
            ["any", t("review.filter.anyFlag")],
            ["none", t("review.filter.noFlag")],
            ...FLAG_CODES.map((code): [string, string] => [code, t(`review.flag.${code}`)]),
          ]}
        />
        <div className="actions">
          <button type="submit" className="button primary">
            {t("review.filter.apply")}
          </button>
          <Link to={base} className="button secondary">
            {t("review.filter.clear")}
          </Link>
        </div>
      </Form>

      <p role="status" data-testid="review-showing">
        {t("review.showing", { from, to: Math.min(d.total, d.page * PAGE_SIZE), total: d.total })}
      </p>
      <TableRegion label={t("review.listCaption")}>
        <table>
          <caption>{t("review.listCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("review.col.receipt")}</th>
              <th scope="col">{t("review.unit")}</th>
              <th scope="col">{t("review.enumerator")}</th>
              <th scope="col">{t("review.col.time")}</th>
              <th scope="col">{t("review.col.duration")}</th>
              <th scope="col">{t("review.col.language")}</th>
              <th scope="col">{t("review.col.interpreted")}</th>
              <th scope="col">{t("review.col.flags")}</th>
              <th scope="col">{t("review.status")}</th>
            </tr>
          </thead>
          <tbody>
            {d.rows.length === 0 ? (
              <tr>
                <td colSpan={9}>{t("review.none")}</td>
              </tr>
            ) : null}
            {d.rows.map((r) => (
              <tr key={r.id} data-response={r.id}>
                <th scope="row">
                  <Link
                    to={`${base}/${r.id}${detailQuery}`}
                    aria-label={t("review.open", { receipt: r.receipt })}
                    className="code"
                  >
                    {r.receipt}
                  </Link>
                </th>
                <td>{r.unit}</td>
                <td>{r.enumerator}</td>
                <td>{r.time}</td>
                <td className="num">{r.duration}</td>
                <td>{r.language}</td>
                <td>{r.interpreted}</td>
                <td>
                  {r.flags.length > 0 ? (
                    <ul className="flag-list">
                      {r.flags.map((f) => (
                        <li key={f}>{f}</li>
                      ))}
                    </ul>
                  ) : (
                    "—"
                  )}
                </td>
                <td data-testid="review-status">{t(`review.status.${r.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      {d.pages > 1 ? (
        <nav aria-label={t("review.pagination")} className="actions">
          {d.page > 1 ? (
            <Link to={pageLink(d.page - 1)} className="button secondary">
              {t("review.prev")}
            </Link>
          ) : null}
          <span>{`${d.page}/${d.pages}`}</span>
          {d.page < d.pages ? (
            <Link to={pageLink(d.page + 1)} className="button secondary">
              {t("review.next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
