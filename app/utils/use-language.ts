import { useRouteLoaderData } from "@remix-run/react";
import { DEFAULT_LANGUAGE, translator, type UiLanguage } from "~/i18n";

/** The UI language chosen by the root loader, and a translator for it. */
export function useLanguage(): UiLanguage {
  const data = useRouteLoaderData<{ lang: UiLanguage }>("root");
  return data?.lang ?? DEFAULT_LANGUAGE;
}

export function useT() {
  return translator(useLanguage());
}
