import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  data,
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { DEFAULT_LANGUAGE, translator, UI_LANGUAGES, type MessageKey, type UiLanguage } from "~/i18n";
import { getUser } from "~/features/auth/session.server";
import { roleCan } from "~/domain/auth/permissions";
import { getLanguage, languageCookieHeader } from "~/utils/language.server";
import { useT } from "~/utils/use-language";
import { useNonce } from "~/features/security/nonce";
import styles from "./styles.css?url";

export const meta: MetaFunction = () => [{ title: "Hài Lòng — đo lường sự hài lòng (SIPAS)" }];

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

/** A refusal's Retry-After (429, app/features/security/limit.server.ts) reaches the error page's response. */
export const headers: HeadersFunction = ({ errorHeaders }) => {
  const retryAfter = errorHeaders?.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter, "Cache-Control": "no-store" } : new Headers();
};

export async function loader({ request }: LoaderFunctionArgs) {
  const lang = await getLanguage(request);
  const cookie = await languageCookieHeader(request);
  const user = await getUser(request);
  return data(
    { lang, user: user ? { name: user.name, role: user.role } : null },
    cookie ? { headers: { "Set-Cookie": cookie } } : undefined,
  );
}

/** Staff sign in here; citizens never need to. */
function AccountLinks() {
  const t = useT();
  const user = useRouteLoaderData<typeof loader>("root")?.user;
  if (!user) {
    return (
      <Link to="/login" className="header-link">
        {t("auth.signIn")}
      </Link>
    );
  }
  return (
    <div className="header-account">
      <Link to="/admin" className="header-link">
        {t("admin.heading")}
      </Link>
      {roleCan(user.role, "read:results") ? (
        <Link to="/results" className="header-link">
          {t("dash.nav")}
        </Link>
      ) : null}
      <Form method="post" action="/logout">
        <button type="submit" className="header-link link-button">
          {t("auth.signOut")}
        </button>
      </Form>
    </div>
  );
}

function LanguageSwitch() {
  const t = useT();
  const location = useLocation();
  return (
    <nav aria-label={t("nav.language")} className="lang-switch">
      {UI_LANGUAGES.map((code) => {
        const params = new URLSearchParams(location.search);
        params.set("lng", code);
        return (
          <a key={code} href={`${location.pathname}?${params}`} lang={code} hrefLang={code}>
            {t(`lang.${code}`)}
          </a>
        );
      })}
    </nav>
  );
}

export function Layout({ children }: { children: React.ReactNode }) {
  const { pathname } = useLocation();
  const rootData = useRouteLoaderData<typeof loader>("root");
  const lang: UiLanguage = rootData?.lang ?? DEFAULT_LANGUAGE;
  const t = translator(lang);
  const nonce = useNonce();
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t("nav.skip")}
        </a>
        <header className="site-header">
          <Link to="/" className="brand">
            {t("app.name")}
            <span className="brand-tagline">{t("app.tagline")}</span>
          </Link>
          <div className="header-tools">
            <LanguageSwitch />
            <AccountLinks />
          </div>
        </header>
        {/* data-route: which page is on screen, for tests (with JavaScript the address
            changes a moment before the new page is drawn). */}
        <main id="main" tabIndex={-1} data-route={pathname}>
          {children}
        </main>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

/** Headings of thrown responses; other statuses read as "no longer available" (410). */
const STATUS_HEADINGS: Record<number, MessageKey> = {
  403: "security.forbiddenHeading",
  404: "gone.notFoundHeading",
  429: "security.tooManyHeading",
};

/**
 * Shown for thrown responses (404, 410…) and for unexpected errors. Never a stack trace:
 * the server logs the error; the person gets a plain message in their language.
 */
export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  if (isRouteErrorResponse(error)) {
    // requirePermission throws a bare "Forbidden": say it in the person's language.
    const message =
      error.status === 403 && error.data === "Forbidden"
        ? t("security.forbiddenBody")
        : typeof error.data === "string"
          ? error.data
          : t("gone.notFoundBody");
    return (
      <section className="notice">
        <h1>{t(STATUS_HEADINGS[error.status] ?? "gone.heading")}</h1>
        <p>{message}</p>
        <p>
          <Link to="/">{t("error.backHome")}</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="notice">
      <h1>{t("error.heading")}</h1>
      <p>{t("error.body")}</p>
      <p>
        <Link to="/">{t("error.backHome")}</Link>
      </p>
    </section>
  );
}
