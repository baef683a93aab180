import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import QRCode from "qrcode";
import printCss from "~/features/invitations/print.css?url";
import { getScopedUnits, requireRoundPage } from "~/features/rounds/require-round.server";
import { translator } from "~/i18n";
import { listSlipInvitations } from "~/models/invitation-admin.server";
import { formatDate } from "~/utils/format";

export const meta: MetaFunction = () => [{ title: "Thư mời in — Hài Lòng" }];

export const links: LinksFunction = () => [{ rel: "stylesheet", href: printCss }];

/**
 * Printable slips of a unit's unused invitations. A slip carries the unit, a short
 * Vietnamese text, the QR code and the written link — never a name or a phone, because it
 * is handed over or mailed. QR codes are SVG made on the server: no script, crisp in print.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, round, scope } = await requireRoundPage(request, params, "manage:invitations");
  const url = new URL(request.url);
  const units = await getScopedUnits(round.id, scope);
  const unit = units.find((u) => u.code === url.searchParams.get("unit"));
  if (!unit) throw new Response(translator(lang)("fieldwork.error.unit"), { status: 404 });
  const invitations = await listSlipInvitations(round.id, unit.id);
  const slips = await Promise.all(
    invitations.map(async (invitation) => {
      const link = `${url.origin}/i/${invitation.token}`;
      const svg = await QRCode.toString(link, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
      return { token: invitation.token, link, svg, expires: formatDate(invitation.expiresAt, "vi") };
    }),
  );
  return { lang, round: { code: round.code, title: round.title }, unit: { name: unit.name }, slips };
}

export default function InvitationSlips() {
  const { lang, round, unit, slips } = useLoaderData<typeof loader>();
  const t = translator(lang);
  // The slip itself is always in Vietnamese: it goes to citizens, whatever the clerk reads.
  const vi = translator("vi");
  return (
    <>
      <div className="no-print">
        <p className="eyebrow">{round.title}</p>
        <h1>{t("fieldwork.slips.heading", { unit: unit.name })}</h1>
        <p className="hint">{t("fieldwork.slips.hint")}</p>
        <p>
          <Link to={`/admin/rounds/${round.code}/invitations`}>{t("fieldwork.slips.back")}</Link>
        </p>
        {slips.length === 0 ? <p className="notice">{t("fieldwork.slips.none")}</p> : null}
      </div>
      <ul className="slips" aria-label={t("fieldwork.inv.slips")} lang="vi">
        {slips.map((slip) => (
          <li key={slip.token} className="slip" data-testid="slip">
            <h2>{vi("fieldwork.slip.title")}</h2>
            {/* The SVG comes from the qrcode library for our own URL, not from user input. */}
            <div
              className="slip-qr"
              role="img"
              aria-label={vi("fieldwork.slip.qr")}
              dangerouslySetInnerHTML={{ __html: slip.svg }}
            />
            <div className="slip-text">
              <p>{vi("fieldwork.slip.body", { unit: unit.name })}</p>
              <p className="slip-link">
                <a href={slip.link}>{slip.link}</a>
              </p>
              <p>{vi("fieldwork.slip.expires", { date: slip.expires })}</p>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
