import type { Metadata } from "next";
import type { ReactNode } from "react";
import { inter } from "./fonts";
import "./globals.css";

// The CSP nonce is per request (proxy.ts), so no page may be prerendered: a static page's scripts
// would carry no nonce and be blocked. Every page but the built-in 404 was dynamic already.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Portside", template: "%s · Portside" },
  description: "Deploy and run containers on AWS",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" className={inter.variable}>
      <body>{children}</body>
    </html>
  );
}
