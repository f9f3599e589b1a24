import { texts } from '../core/text';

export const LISTS_TEXT = texts({
  title: 'Controlelijsten',
  intro: 'Lijsten van advertenties om te controleren, gedeeld met iedereen die hetzelfde thema heeft.',
  newList: 'Nieuwe lijst', name: 'Naam', theme: 'Thema', create: 'Lijst maken', created: 'Lijst "{name}" gemaakt.',
  nameMissing: 'Geef de lijst een naam.', nameTaken: 'Er is al een lijst met deze naam in dit thema.',
  yourLists: 'Uw lijsten', none: 'Er zijn nog geen lijsten in uw thema\'s.', loading: 'Laden…',
  size: 'Advertenties', createdBy: 'Gemaakt door', createdAt: 'Gemaakt op', updated: 'Bijgewerkt', actions: 'Acties',
  delete: 'Verwijderen', deleteLabel: 'Verwijderen: lijst "{name}"',
  confirmDelete: 'Lijst "{name}" verwijderen? De advertenties zelf blijven bewaard.', confirm: 'Ja, verwijderen', cancel: 'Annuleren',
  deleted: 'Lijst "{name}" verwijderd.', count: '{n} lijsten',
  forbidden: 'U hebt geen toegang tot controlelijsten.', failed: 'Het lukte niet: {detail}',
}, {
  title: 'Control lists',
  intro: 'Lists of ads to inspect, shared with everyone holding the same theme.',
  newList: 'New list', name: 'Name', theme: 'Theme', create: 'Create list', created: 'List "{name}" created.',
  nameMissing: 'Give the list a name.', nameTaken: 'This theme already has a list of that name.',
  yourLists: 'Your lists', none: 'There are no lists in your themes yet.', loading: 'Loading…',
  size: 'Ads', createdBy: 'Created by', createdAt: 'Created', updated: 'Updated', actions: 'Actions',
  delete: 'Delete', deleteLabel: 'Delete: list "{name}"',
  confirmDelete: 'Delete list "{name}"? The ads themselves are kept.', confirm: 'Yes, delete', cancel: 'Cancel',
  deleted: 'List "{name}" deleted.', count: '{n} lists',
  forbidden: 'You have no access to control lists.', failed: 'That did not work: {detail}',
});

export const LIST_TEXT = texts({
  back: 'Alle controlelijsten', meta: 'Thema {theme} · gemaakt door {by} op {at} · bijgewerkt {updated}',
  notFound: 'Deze lijst bestaat niet, of hoort bij een thema dat u niet hebt.', loading: 'Laden…',
  empty: 'Er staan nog geen advertenties op deze lijst. Voeg ze toe vanuit Zoeken.',
  ads: 'Advertenties op de lijst', select: 'Kies', selectAd: 'Kies {title} om te vergelijken',
  adTitle: 'Advertentie', city: 'Plaats', source: 'Bron', indicators: 'Indicatoren', lastSeen: 'Laatst gezien', note: 'Notitie',
  remove: 'Van lijst halen', removeLabel: 'Van lijst halen: {title}', removed: '{title} van de lijst gehaald.',
  gone: 'niet meer beschikbaar', untitled: '(zonder titel)',
  editNote: 'Notitie bewerken', editNoteLabel: 'Notitie bewerken: {title}', addNote: 'Notitie toevoegen', addNoteLabel: 'Notitie toevoegen: {title}',
  noteLabel: 'Notitie bij {title}', noteHint: 'Ctrl+Enter bewaart, Escape annuleert. Hoogstens 2000 tekens.',
  save: 'Bewaren', cancel: 'Annuleren', saved: 'Notitie bij {title} bewaard.', noteBy: '{by}, {at}',
  compare: 'Vergelijk', compareHint: 'Kies 2 tot 4 advertenties om naast elkaar te zien.', selected: '{n} gekozen',
  export: 'Export als CSV aanvragen', exportRequested: 'Export aangevraagd. Een collega moet hem goedkeuren; daarna downloadt u hem onder Exports.',
  failed: 'Het lukte niet: {detail}',
}, {
  back: 'All control lists', meta: 'Theme {theme} · created by {by} on {at} · updated {updated}',
  notFound: 'This list does not exist, or belongs to a theme you do not hold.', loading: 'Loading…',
  empty: 'There are no ads on this list yet. Add them from Search.',
  ads: 'Ads on the list', select: 'Select', selectAd: 'Select {title} to compare',
  adTitle: 'Ad', city: 'City', source: 'Source', indicators: 'Indicators', lastSeen: 'Last seen', note: 'Note',
  remove: 'Take off list', removeLabel: 'Take off list: {title}', removed: '{title} taken off the list.',
  gone: 'no longer available', untitled: '(untitled)',
  editNote: 'Edit note', editNoteLabel: 'Edit note: {title}', addNote: 'Add note', addNoteLabel: 'Add note: {title}',
  noteLabel: 'Note on {title}', noteHint: 'Ctrl+Enter saves, Escape cancels. At most 2000 characters.',
  save: 'Save', cancel: 'Cancel', saved: 'Note on {title} saved.', noteBy: '{by}, {at}',
  compare: 'Compare', compareHint: 'Select 2 to 4 ads to see them side by side.', selected: '{n} selected',
  export: 'Request CSV export', exportRequested: 'Export requested. A colleague must approve it; then download it under Exports.',
  failed: 'That did not work: {detail}',
});

/** Ads side by side (compare-table.ts). */
export const COMPARE_TEXT = texts({
  comparison: 'Naast elkaar', field: 'Gegeven', differs: 'verschilt', differsLegend: 'Gemarkeerde rijen verschillen tussen de advertenties.',
  screenshot: 'Schermafbeelding', screenshotOf: 'Schermafbeelding van {title}', closeCompare: 'Vergelijking sluiten',
}, {
  comparison: 'Side by side', field: 'Field', differs: 'differs', differsLegend: 'Marked rows differ between the ads.',
  screenshot: 'Screenshot', screenshotOf: 'Screenshot of {title}', closeCompare: 'Close comparison',
});

/** Labels of the fields extraction knows (src/domain/ad.ts); a theme's other fields show their own name. */
export const FIELD_TEXT = texts({
  title: 'Titel', alias: 'Naam in advertentie', city: 'Plaats', age: 'Leeftijd', phones: 'Telefoonnummers', email: 'E-mail',
  licence: 'Vergunningnummer', languages: 'Talen', services: 'Diensten', prices: 'Prijzen', posted: 'Geplaatst', text: 'Tekst',
  images: 'Afbeeldingen (adressen)', source: 'Bron', indicatorCount: 'Indicatoren', lastSeen: 'Laatst gezien',
}, {
  title: 'Title', alias: 'Name in ad', city: 'City', age: 'Age', phones: 'Phone numbers', email: 'E-mail',
  licence: 'Licence number', languages: 'Languages', services: 'Services', prices: 'Prices', posted: 'Posted', text: 'Text',
  images: 'Images (addresses)', source: 'Source', indicatorCount: 'Indicators', lastSeen: 'Last seen',
});
