// Every route of the API, in one list: build-api.ts registers exactly these, docs/api.md and the
// authorisation-matrix test are generated from them.
import type { RouteSpec } from './route-spec.ts';
import { adminRoutes } from './routes/admin.routes.ts';
import { adsRoutes } from './routes/ads.routes.ts';
import { docsRoutes } from './routes/docs.routes.ts';
import { entitiesRoutes } from './routes/entities.routes.ts';
import { evaluationRoutes } from './routes/evaluation.routes.ts';
import { healthRoutes } from './routes/health.routes.ts';
import { exportsRoutes } from './routes/exports.routes.ts';
import { inspectionsRoutes } from './routes/inspections.routes.ts';
import { listsRoutes } from './routes/lists.routes.ts';
import { monitorRoutes } from './routes/monitor.routes.ts';
import { oversightRoutes } from './routes/oversight.routes.ts';
import { photosRoutes } from './routes/photos.routes.ts';
import { referenceRoutes } from './routes/reference.routes.ts';
import { searchesRoutes } from './routes/searches.routes.ts';
import { sessionRoutes } from './routes/session.routes.ts';

export const ROUTES: readonly RouteSpec[] = [
  ...sessionRoutes, ...adsRoutes, ...photosRoutes, ...entitiesRoutes, ...searchesRoutes, ...listsRoutes, ...inspectionsRoutes, ...exportsRoutes, ...oversightRoutes, ...referenceRoutes, ...monitorRoutes, ...adminRoutes, ...evaluationRoutes, ...healthRoutes, ...docsRoutes,
];
