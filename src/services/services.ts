// The application layer: every use case, built once per process from the same context. The API's
// routes, the CLI's commands and the worker call these and nothing below them.
import { AdsService } from './ads.service.ts';
import { AuditService } from './audit.service.ts';
import { CollectionService } from './collection.service.ts';
import { ConfigService } from './config.service.ts';
import type { ServiceContext } from './context.ts';
import { EntitiesService } from './entities.service.ts';
import { EvaluationService } from './evaluation.service.ts';
import { ExportService } from './export.service.ts';
import { HealthService } from './health.service.ts';
import { InspectionService } from './inspection.service.ts';
import { JobsService } from './jobs.service.ts';
import { ListsService } from './lists.service.ts';
import { PhotoSearchService } from './photo-search.service.ts';
import { ReferenceService } from './reference.service.ts';
import { MetricsService } from './metrics.service.ts';
import { MonitorService } from './monitor.service.ts';
import { RefusalsService } from './refusals.ts';
import { ReportsService } from './reports.service.ts';
import { SessionService } from './session.service.ts';
import { StandingSearchService } from './standing-searches.service.ts';
import { StatsService } from './stats.service.ts';
import { TokensService } from './tokens.service.ts';
import { TransparencyService } from './transparency.service.ts';
import { UsersService } from './users.service.ts';

export interface Services {
  session: SessionService;
  ads: AdsService;
  photos: PhotoSearchService;
  entities: EntitiesService;
  standing: StandingSearchService;
  lists: ListsService;
  inspections: InspectionService;
  stats: StatsService;
  audit: AuditService;
  config: ConfigService;
  evaluation: EvaluationService;
  users: UsersService;
  tokens: TokensService;
  jobs: JobsService;
  exports: ExportService;
  collection: CollectionService;
  refusals: RefusalsService;
  reports: ReportsService;
  transparency: TransparencyService;
  reference: ReferenceService;
  monitor: MonitorService;
  health: HealthService;
  metrics: MetricsService;
}

export function createServices(context: ServiceContext): Services {
  return {
    session: new SessionService(context),
    ads: new AdsService(context),
    photos: new PhotoSearchService(context),
    entities: new EntitiesService(context),
    standing: new StandingSearchService(context),
    lists: new ListsService(context),
    inspections: new InspectionService(context),
    stats: new StatsService(context),
    audit: new AuditService(context),
    config: new ConfigService(context),
    evaluation: new EvaluationService(context),
    users: new UsersService(context),
    tokens: new TokensService(context),
    jobs: new JobsService(context),
    exports: new ExportService(context),
    collection: new CollectionService(context),
    refusals: new RefusalsService(context.trail),
    reports: new ReportsService(context),
    transparency: new TransparencyService(context),
    reference: new ReferenceService(context),
    monitor: new MonitorService(context),
    health: new HealthService(context),
    metrics: new MetricsService(context),
  };
}
