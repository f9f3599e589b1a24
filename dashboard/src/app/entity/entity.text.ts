import { texts } from '../core/text';

export const ENTITY_TEXT = texts({
  phone: 'Telefoonnummer {value}', picture: 'Foto {value}', template: 'Sjabloontekst van advertentie {value}',
  intro: 'Alle bewaarde advertenties van het thema {theme} die dit dragen, met hun tijdlijn, namen, plaatsen en netwerken.',
  loading: 'Laden…', notFound: 'Dit bestaat niet in uw thema\'s, of het thema bewaart het niet.', forbidden: 'Uw rol mag deze pagina niet zien.', failed: 'De pagina kon niet worden geladen: {detail}',
  timeline: 'Tijdlijn', ads: '{n} advertenties', truncated: 'Alleen de eerste {n} advertenties worden getoond.', ad: 'Advertentie', city: 'Plaats',
  firstSeen: 'Eerst gezien', lastSeen: 'Laatst gezien', versions: 'Versies', untitled: 'Advertentie {id}', gone: 'niet meer bewaard',
  aliases: 'Namen', noAliases: 'Geen namen (het thema bewaart ze niet, of de advertenties noemen er geen).', cities: 'Plaatsen', noCities: 'Geen plaatsen.',
  name: 'Naam', place: 'Plaats', count: 'Advertenties', from: 'Van', to: 'Tot',
  movement: 'Verplaatsing', noMovement: 'Geen verplaatsing bekend.', movedTo: '{city} vanaf {date}',
  networks: 'Netwerken', noNetworks: 'Deze advertenties horen bij geen netwerk.', network: 'Netwerk van {n} advertenties ({reasons})',
  'shared-phone': 'telefoonnummer', 'shared-image': 'foto', 'template-text': 'sjabloontekst',
}, {
  phone: 'Phone number {value}', picture: 'Picture {value}', template: 'Template text of ad {value}',
  intro: 'Every kept ad of the theme {theme} that carries it, with their timeline, names, cities and networks.',
  loading: 'Loading…', notFound: 'This does not exist in your themes, or the theme does not keep it.', forbidden: 'Your role may not see this page.', failed: 'The page could not be loaded: {detail}',
  timeline: 'Timeline', ads: '{n} ads', truncated: 'Only the first {n} ads are shown.', ad: 'Ad', city: 'City',
  firstSeen: 'First seen', lastSeen: 'Last seen', versions: 'Versions', untitled: 'Ad {id}', gone: 'no longer kept',
  aliases: 'Names', noAliases: 'No names (the theme does not keep them, or the ads give none).', cities: 'Cities', noCities: 'No cities.',
  name: 'Name', place: 'City', count: 'Ads', from: 'From', to: 'To',
  movement: 'Movement', noMovement: 'No movement known.', movedTo: '{city} from {date}',
  networks: 'Networks', noNetworks: 'These ads belong to no network.', network: 'Network of {n} ads ({reasons})',
  'shared-phone': 'phone number', 'shared-image': 'picture', 'template-text': 'template text',
});
