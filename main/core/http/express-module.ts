// The express module as a value the route modules receive: express is loaded on the first request that
// needs it (front-app.ts), so the routes import only its types. A value import of 'express' anywhere the
// CLI reaches statically would be hoisted to the top of the single-file bundle and load it at start.
import type express from 'express';

export type ExpressModule = typeof express;
