import type { NextFunction, Request, Response } from 'express';

/**
 * API answers carry personal data and per-caller results: no cache may keep them, and no
 * browser may sniff a JSON body into something executable.
 */
export function securityHeaders(_request: Request, response: Response, next: NextFunction): void {
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Cache-Control', 'no-store');
  next();
}
