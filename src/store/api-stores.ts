// The API's own ports opened together, as each adapter (SQLite, PostgreSQL) gives them.
import type { AccountStore } from './accounts.ts';
import type { ListStore } from './lists.ts';

export interface ApiStores { accounts: AccountStore; lists: ListStore; close(): Promise<void> }
