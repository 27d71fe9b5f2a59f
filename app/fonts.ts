import localFont from "next/font/local";

// next/font/google fetches at build time and Portside must build offline, so Inter comes from
// the npm package. One variable file covers every weight; the UI is English, so Latin is enough.
export const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  weight: "100 900",
  display: "swap",
});
