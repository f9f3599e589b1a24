// The API's own ports (accounts, lists, export requests, reference data, inspection lists, standing searches) opened together, as each adapter (SQLite, PostgreSQL) gives them.
import type { AccountStore } from './accounts.ts';
import type { ExportRequestStore } from './export-requests.ts';
import type { InspectionStore } from './inspections.ts';
import type { ListStore } from './lists.ts';
import type { ReferenceStore } from './reference-data.ts';
import type { StandingSearchStore } from './standing-searches.ts';

export interface ApiStores { accounts: AccountStore; lists: ListStore; exportRequests: ExportRequestStore; reference: ReferenceStore; inspections: InspectionStore; standing: StandingSearchStore; close(): Promise<void> }
