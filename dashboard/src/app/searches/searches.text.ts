import { texts } from '../core/text';

export const SEARCHES_TEXT = texts({
  title: 'Vaste zoekopdrachten', intro: 'Na iedere crawlronde staan hier de nieuwe advertenties die aan uw vaste zoekopdrachten voldoen. Alleen u ziet ze. Een zoekopdracht verloopt als u hem niet verlengt.',
  none: 'U heeft geen vaste zoekopdrachten. Sla er een op vanaf de zoekpagina.', loading: 'Laden…',
  name: 'Naam', theme: 'Thema', filters: 'Filters', expires: 'Verloopt', expired: 'verlopen', hits: 'Treffers', unseen: 'Nieuw', actions: 'Acties',
  open: 'Treffers tonen', renew: 'Verlengen', delete: 'Verwijderen', confirm: 'Ja, verwijderen', cancel: 'Annuleren',
  confirmDelete: 'Zoekopdracht "{name}" en de treffers verwijderen?', renewed: 'Zoekopdracht "{name}" verlengd tot {date}.', deleted: 'Zoekopdracht "{name}" verwijderd.',
  hitsOf: 'Treffers van "{name}"', noHits: 'Nog geen treffers.', ad: 'Advertentie', city: 'Plaats', foundAt: 'Gevonden', newHit: 'nieuw',
  untitled: 'Advertentie {id}', gone: 'niet meer bewaard', count: '{n} vaste zoekopdrachten',
  failed: 'Dat lukte niet: {detail}', forbidden: 'Uw rol mag geen vaste zoekopdrachten gebruiken.', noFilters: 'alle nieuwe advertenties',
  save: 'Opslaan als vaste zoekopdracht', saveTitle: 'Vaste zoekopdracht', saveHint: 'Na iedere volgende crawlronde ziet u hier welke nieuwe advertenties aan deze filters voldoen.',
  saveName: 'Naam van de zoekopdracht', saveTheme: 'Thema', saveButton: 'Opslaan', saved: 'Opgeslagen als vaste zoekopdracht "{name}".', nameMissing: 'Geef de zoekopdracht een naam.',
  inbox: 'Naar mijn vaste zoekopdrachten',
}, {
  title: 'Standing searches', intro: 'After each crawl run, the new ads that match your standing searches are listed here. Only you see them. A search expires unless you renew it.',
  none: 'You have no standing searches. Save one from the search page.', loading: 'Loading…',
  name: 'Name', theme: 'Theme', filters: 'Filters', expires: 'Expires', expired: 'expired', hits: 'Hits', unseen: 'New', actions: 'Actions',
  open: 'Show hits', renew: 'Renew', delete: 'Delete', confirm: 'Yes, delete', cancel: 'Cancel',
  confirmDelete: 'Delete the search "{name}" and its hits?', renewed: 'Search "{name}" renewed until {date}.', deleted: 'Search "{name}" deleted.',
  hitsOf: 'Hits of "{name}"', noHits: 'No hits yet.', ad: 'Ad', city: 'City', foundAt: 'Found', newHit: 'new',
  untitled: 'Ad {id}', gone: 'no longer kept', count: '{n} standing searches',
  failed: 'That did not work: {detail}', forbidden: 'Your role may not use standing searches.', noFilters: 'every new ad',
  save: 'Save as a standing search', saveTitle: 'Standing search', saveHint: 'After each following crawl run you will see here which new ads match these filters.',
  saveName: 'Name of the search', saveTheme: 'Theme', saveButton: 'Save', saved: 'Saved as the standing search "{name}".', nameMissing: 'Give the search a name.',
  inbox: 'To my standing searches',
});

export type SearchesTexts = (typeof SEARCHES_TEXT)['nl'];
