import { texts } from './text';

export const ROLE_TEXT = texts({
  expert: 'expert', analyst: 'analist', supervisor: 'toezichthouder', admin: 'beheerder', auditor: 'auditor',
}, {
  expert: 'expert', analyst: 'analyst', supervisor: 'supervisor', admin: 'administrator', auditor: 'auditor',
});
