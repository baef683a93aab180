import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { cookieHasMark } from "~/features/auth/app-mark";
import { appMarkCookie, appMarkFor } from "~/features/auth/app-mark.server";
import { requirePermission } from "~/features/auth/session.server";
import { EnumeratorApp } from "~/features/enumerator/app";
import styles from "~/features/enumerator/enumerator.css?url";
import { useT } from "~/utils/use-language";

/**
 * The enumerator's offline app (issue 5, ADR 008 "Phone"). One document: every view is
 * client-side React state, so once the service worker (public/enumerator-sw.js) holds
 * this page and its assets, the app opens and runs with no connection at all. The loader
 * only checks the account; the work itself comes from GET /api/enumerator/package and
 * lives in IndexedDB.
 */
export const meta: MetaFunction = () => [
  { title: "Phỏng vấn — Hài Lòng" },
  { name: "theme-color", content: "#0b5394" },
];

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "manifest", href: "/enumerator.webmanifest" },
  { rel: "icon", href: "/icons/enumerator.svg", type: "image/svg+xml" },
  { rel: "apple-touch-icon", href: "/icons/enumerator-192.png" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "collect:interviews");
  // The page the service worker stores carries its session's mark; the readable cookie
  // carries it too, until a sign-out from any page clears it (app/features/auth/app-mark.ts).
  const mark = appMarkFor(user.sessionId);
  return data(
    { user: { id: user.id, name: user.name, email: user.email }, mark },
    { headers: { "Set-Cookie": appMarkCookie(mark) } },
  );
}

export default function EnumeratorRoute() {
  const { user, mark } = useLoaderData<typeof loader>();
  const t = useT();
  // IndexedDB and the service worker exist only in the browser: the server renders the
  // "JavaScript needed" notice, the browser replaces it with the app once hydrated.
  const [signedIn, setSignedIn] = useState<boolean | null>(null);
  useEffect(() => setSignedIn(cookieHasMark(document.cookie, mark)), [mark]);
  if (signedIn) return <EnumeratorApp user={user} />;
  return (
    <section className="card enumerator">
      <h1>{t("enum.heading")}</h1>
      {signedIn === false ? (
        // A stored page of a session that has ended on this phone: open nothing of its data.
        <>
          <p className="notice" role="alert">
            {t("enum.signedOutHere")}
          </p>
          <p>
            <a href="/login?redirectTo=%2Fenumerator">{t("enum.signInAgain")}</a>
          </p>
        </>
      ) : (
        // Not in <noscript>: a browser with scripting off by policy may still parse
        // <noscript> as text. With JavaScript the app replaces this at once.
        <p className="notice">{t("enum.needsJs")}</p>
      )}
    </section>
  );
}
