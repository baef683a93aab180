import { createContext, useContext } from "react";

/**
 * This response's CSP nonce, from entry.server.tsx down to root.tsx's <Scripts> and
 * <ScrollRestoration> (the inline scripts Remix writes). After Epic Stack's
 * app/utils/nonce-provider.ts. In the browser it is empty: the browser hides a nonce from
 * the page once it has checked it, and scripts added after hydration are modules from 'self'.
 */
const NonceContext = createContext<string>("");

export const NonceProvider = NonceContext.Provider;

export const useNonce = () => useContext(NonceContext);
