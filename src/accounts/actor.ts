// Who is asking: a signed-in person, a service token, or an operator at the command line, with the
// role and themes it acts under.
import type { Role } from './roles.ts';

export interface Actor {
  kind: 'user' | 'token' | 'cli';
  id: string;
  /** A person's login name, or a token's label; what the audit trail records. */
  name: string;
  role: Role;
  themes: readonly string[];
}

/** An actor and the address it called from: what every service takes first, and what is audited. */
export interface Who { actor: Actor; client: string }
