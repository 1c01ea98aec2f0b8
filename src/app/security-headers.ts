/**
 * Security headers on every answer (Hono's secureHeaders): a Content-Security-Policy that runs no inline
 * script and loads nothing from elsewhere, nosniff, no framing by any page (frame-ancestors 'none' and
 * X-Frame-Options DENY), and a referrer policy that sends no path to other sites. Styles may be inline: Mantine
 * and ECharts set element styles at run time. The API documentation page (Swagger UI) loads its script and
 * styles from jsDelivr and starts with an inline script, so it alone has a policy that allows them.
 * @module
 */
import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";

const common = {
  xFrameOptions: "DENY",
  referrerPolicy: "strict-origin-when-cross-origin",
  crossOriginResourcePolicy: "same-origin",
} as const;

const app = secureHeaders({
  ...common,
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", "data:", "blob:"],
    fontSrc: ["'self'", "data:"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
});

const docs = secureHeaders({
  ...common,
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'", "'unsafe-inline'", "https://cdn.jsdelivr.net"],
    styleSrc: ["'self'", "'unsafe-inline'", "https://cdn.jsdelivr.net"],
    imgSrc: ["'self'", "data:", "https://cdn.jsdelivr.net"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
  },
});

export function securityHeaders(): MiddlewareHandler {
  return (c, next) => (c.req.path === "/api/docs" ? docs(c, next) : app(c, next));
}
