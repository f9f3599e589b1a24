import { texts } from '../core/text';

export const SHELL_TEXT = texts({
  skip: 'Naar de inhoud', home: 'Baken, naar de startpagina', navigation: 'Hoofdmenu',
  monitor: 'Monitor', search: 'Zoeken', photo: 'Zoeken op foto', lists: 'Controlelijsten', exports: 'Exports', admin: 'Beheer', audit: 'Audittrail', oversight: 'Transparantie', reference: 'Referentiegegevens', signOut: 'Afmelden',
  searches: 'Vaste zoekopdrachten', unseen: '{n} nieuwe treffers',
  
}, {
  skip: 'Skip to content', home: 'Baken, to the start page', navigation: 'Main menu',
  monitor: 'Monitor', search: 'Search', photo: 'Search by photo', lists: 'Lists', exports: 'Exports', admin: 'Administration', audit: 'Audit trail', oversight: 'Transparency', reference: 'Reference data', signOut: 'Sign out',
  searches: 'Standing searches', unseen: '{n} new hits',
  
});
